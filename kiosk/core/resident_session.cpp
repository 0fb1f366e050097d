#include "kiosk/core/resident_session.h"

#include <algorithm>
#include <cassert>

#include "kiosk/core/answer_printer.h"
#include "kiosk/core/appointment_booking.h"
#include "kiosk/core/appointment_checkin.h"
#include "kiosk/core/request_flow.h"
#include "kiosk/core/sms_opt_in.h"
#include "kiosk/core/status_lookup.h"

namespace wp {

ResidentSession::ResidentSession(const Bundle& bundle, const Clock& clock, Speaker& speaker,
                                 HostAlerts& alerts)
    : bundle_(bundle),
      clock_(clock),
      speaker_(speaker),
      alerts_(alerts),
      texts_(bundle.content),
      idle_(std::chrono::seconds(bundle.settings.session.idleTimeoutSeconds),
            std::chrono::seconds(bundle.settings.session.idleWarningSeconds)) {
    wipe();
}

void ResidentSession::attachTicketFlow(TicketFlow* flow) {
    ticketFlow_ = flow;
    ticketFlowHolder_ = flow ? holders_.add(*flow) : PersonalDataRegistration();
}

void ResidentSession::attachStatusLookup(StatusLookup* lookup) {
    statusLookup_ = lookup;
    statusLookupHolder_ = lookup ? holders_.add(*lookup) : PersonalDataRegistration();
}

void ResidentSession::attachRequestFlow(RequestFlow* flow) {
    requestFlow_ = flow;
    requestFlowHolder_ = flow ? holders_.add(*flow) : PersonalDataRegistration();
}

void ResidentSession::attachAnswerPrinter(AnswerPrinter* printer) {
    answerPrinter_ = printer;
    answerPrinterHolder_ = printer ? holders_.add(*printer) : PersonalDataRegistration();
}

void ResidentSession::attachAppointmentBooking(AppointmentBooking* booking) {
    appointmentBooking_ = booking;
    appointmentBookingHolder_ = booking ? holders_.add(*booking) : PersonalDataRegistration();
}

void ResidentSession::attachAppointmentCheckin(AppointmentCheckin* checkin) {
    appointmentCheckin_ = checkin;
    appointmentCheckinHolder_ = checkin ? holders_.add(*checkin) : PersonalDataRegistration();
}

void ResidentSession::attachSmsOptIn(SmsOptIn* optIn) {
    smsOptIn_ = optIn;
    smsOptInHolder_ = optIn ? holders_.add(*optIn) : PersonalDataRegistration();
}

void ResidentSession::setOutOfService(std::optional<std::string> message) {
    outOfService_ = std::move(message);
    stack_.front() = ScreenRef{outOfService_ ? kOutOfServiceScreen : kStartScreen, {}};
}

const Theme& ResidentSession::theme() const {
    const std::string& id = highContrast_ ? bundle_.settings.highContrastTheme : bundle_.settings.theme;
    auto it = bundle_.themes.find(id);
    assert(it != bundle_.themes.end() && "loadBundle checks that both themes exist");
    return it->second;
}

bool ResidentSession::isPristine() const {
    return stack_.size() == 1 && language_ == bundle_.settings.session.defaultLanguage && !highContrast_ &&
           !hostNotice_ && volume_ == kDefaultVolume;
}

IdleTimer::Phase ResidentSession::idlePhase() const {
    if (isPristine()) return IdleTimer::Phase::Active;
    return idle_.phase(clock_.now());
}

int ResidentSession::idleSecondsLeft() const {
    return idle_.secondsLeft(clock_.now());
}

TimePoint ResidentSession::nextTimedChange() const {
    if (isPristine()) return TimePoint::max();
    return idle_.nextChange(clock_.now());
}

void ResidentSession::noteActivity() {
    idle_.restart(clock_.now());
}

void ResidentSession::open(ScreenRef screen) {
    noteActivity();
    speaker_.stop();
    stack_.push_back(std::move(screen));
}

void ResidentSession::openTile(const std::string& tileId) {
    const auto& tiles = bundle_.content.tiles;
    auto it = std::find_if(tiles.begin(), tiles.end(), [&](const StartTile& t) { return t.id == tileId; });
    assert(it != tiles.end() && "screens only offer tiles from the content");
    open({it->screen, it->id});
}

void ResidentSession::back() {
    noteActivity();
    speaker_.stop();
    if (stack_.size() > 1) stack_.pop_back();
}

void ResidentSession::setLanguage(const std::string& code) {
    noteActivity();
    speaker_.stop();
    if (bundle_.content.texts.contains(code)) language_ = code;
}

void ResidentSession::setHighContrast(bool on) {
    noteActivity();
    highContrast_ = on;
}

void ResidentSession::setVolume(int percent) {
    noteActivity();
    volume_ = std::clamp(percent, 0, 100);
    speaker_.setVolume(volume_);
}

void ResidentSession::askForHost() {
    noteActivity();
    hostNotice_ = true;
    alerts_.residentAsksForHost(screen().id, clock_.now());
}

void ResidentSession::dismissHostNotice() {
    noteActivity();
    hostNotice_ = false;
}

void ResidentSession::stillHere() {
    noteActivity();
}

void ResidentSession::readAloud(const std::string& text) {
    noteActivity();
    speaker_.speak(text, language_);
}

bool ResidentSession::tick() {
    if (isPristine() || idle_.phase(clock_.now()) != IdleTimer::Phase::Expired) return false;
    wipe();
    return true;
}

void ResidentSession::wipe() {
    speaker_.stop();
    stack_.assign(1, ScreenRef{outOfService_ ? kOutOfServiceScreen : kStartScreen, {}});
    language_ = bundle_.settings.session.defaultLanguage;
    highContrast_ = false;
    hostNotice_ = false;
    volume_ = kDefaultVolume;
    speaker_.setVolume(volume_);
    idle_.restart(clock_.now());
    ++visit_;
    holders_.wipeAll();
}

}  // namespace wp
