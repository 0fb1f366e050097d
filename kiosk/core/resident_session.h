// ResidentSession: the core state of the walk-in role — which screen the resident is on, in which
// language and theme, and the idle timer that forgets them. Screens read it and call its actions; it knows
// nothing of SDL, ImGui or storage.
//
// The session is the one owner of the resident's personal data: its own state (screens, language, theme,
// volume, the host notice) and the one list of personal-data holders (kiosk/core/personal_data.h) — the
// flows, the status lookup and the appointment check-in it points at, and what screens, the keyboard and the
// receipt spooler register. wipe() forgets all of it at once: at "Begin opnieuw", at the idle timeout, and at
// the end of a flow ("Klaar"). It does not own the flows and the lookup it points at: whoever does (the
// walk-in role's WalkinParts, kiosk/app/walkin_parts.h) declares them before the session, so they outlive it.
// Not thread-safe: the UI thread owns it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/bundle.h"
#include "common/clock.h"
#include "kiosk/core/host_alerts.h"
#include "kiosk/core/idle_timer.h"
#include "kiosk/core/personal_data.h"
#include "kiosk/core/speaker.h"
#include "kiosk/core/texts.h"
#include "kiosk/core/ticket_flow.h"

namespace wp {

class StatusLookup;        // kiosk/core/status_lookup.h
class RequestFlow;         // kiosk/core/request_flow.h
class AnswerPrinter;       // kiosk/core/answer_printer.h
class SmsOptIn;            // kiosk/core/sms_opt_in.h
class AppointmentBooking;  // kiosk/core/appointment_booking.h
class AppointmentCheckin;  // kiosk/core/appointment_checkin.h

// Which screen is shown, with an optional argument (the tile a "coming soon" screen is about).
struct ScreenRef {
    std::string id;
    std::string arg;
    bool operator==(const ScreenRef&) const = default;
};

inline constexpr const char* kStartScreen = "start";
// Takes the start screen's place while the kiosk is out of service (ResidentSession::setOutOfService).
inline constexpr const char* kOutOfServiceScreen = "out-of-service";
inline constexpr int kDefaultVolume = 70;

class ResidentSession {
  public:
    ResidentSession(const Bundle& bundle, const Clock& clock, Speaker& speaker, HostAlerts& alerts);

    // The services screens reach through the session. Each may be null, and each is a personal-data holder
    // that attaching puts on the session's list (attaching null, or another one, takes it off again). What
    // is attached must outlive the session or be detached first.
    // The queue-number flow, when this kiosk has a queue.
    void attachTicketFlow(TicketFlow* flow);
    TicketFlow* ticketFlow() const { return ticketFlow_; }
    // The reference-code lookup at the central server ("Status van mijn vraag"), when this kiosk has a
    // central server. Null: the status screen says the data cannot be fetched now.
    void attachStatusLookup(StatusLookup* lookup);
    StatusLookup* statusLookup() const { return statusLookup_; }
    // The request flows (every request type of the content: kiosk/core/request_flow.h) that the "request"
    // screen walks.
    void attachRequestFlow(RequestFlow* flow);
    RequestFlow* requestFlow() const { return requestFlow_; }
    // "Print dit antwoord" on a topic of the question tree, when this kiosk has a printer.
    void attachAnswerPrinter(AnswerPrinter* printer);
    AnswerPrinter* answerPrinter() const { return answerPrinter_; }
    // The opt-in text messages after a ticket, when this kiosk has an SMS gateway ([sms] settings). Null:
    // the ticket screen offers none.
    void attachSmsOptIn(SmsOptIn* optIn);
    SmsOptIn* smsOptIn() const { return smsOptIn_; }
    // Making, changing and cancelling an appointment at the central server, when this kiosk has one. Null:
    // appointments are not made here, and no screen offers them.
    void attachAppointmentBooking(AppointmentBooking* booking);
    AppointmentBooking* appointmentBooking() const { return appointmentBooking_; }
    // "Ik heb een afspraak": check-in by booking code, when this kiosk has a queue. Null: the code screen
    // says check-in is not possible here and sends the resident to the host.
    void attachAppointmentCheckin(AppointmentCheckin* checkin);
    AppointmentCheckin* appointmentCheckin() const { return appointmentCheckin_; }

    // Puts anything else that holds personal data (a screen's typed code, a keyboard, the receipt spooler)
    // on the list that wipe() wipes, until the returned handle ends; keep it beside the holder.
    [[nodiscard]] PersonalDataRegistration registerHolder(PersonalDataHolder& holder) {
        return holders_.add(holder);
    }
    // Every holder wipe() reaches, in the order they joined (for the tests that walk them all).
    std::vector<const PersonalDataHolder*> holders() const { return holders_.holders(); }

    // Out of service (an admin's command: kiosk/core/fleet_commands.h): the out-of-service screen takes the
    // start screen's place, so nothing can be asked for or taken here; message is the admin's. nullopt: in
    // service again. The command runner changes it only between residents.
    void setOutOfService(std::optional<std::string> message);
    const std::optional<std::string>& outOfService() const { return outOfService_; }

    // --- what screens read
    const ScreenRef& screen() const { return stack_.back(); }
    bool canGoBack() const { return stack_.size() > 1; }
    const std::string& language() const { return language_; }
    const std::string& tr(std::string_view key) const { return texts_.get(language_, key); }
    const Texts& texts() const { return texts_; }
    const Bundle& bundle() const { return bundle_; }
    const Theme& theme() const;
    bool highContrast() const { return highContrast_; }
    bool hostNoticeShown() const { return hostNotice_; }
    int volume() const { return volume_; }
    IdleTimer::Phase idlePhase() const;
    int idleSecondsLeft() const;
    // True while nothing has been entered or chosen: the start screen (or the out-of-service screen in its
    // place) in the default language.
    bool isPristine() const;
    TimePoint now() const { return clock_.now(); }
    // When something time-dependent on screen next changes, or max() when nothing is pending.
    TimePoint nextTimedChange() const;
    // Which resident's visit this is: it goes up at every wipe, so the shell sees a new visit even when the
    // next resident opens the screen the last one was on before a frame was drawn.
    std::uint64_t visit() const { return visit_; }

    // --- actions (each counts as activity and restarts the idle timer)
    void open(ScreenRef screen);
    void openTile(const std::string& tileId);
    void back();
    void setLanguage(const std::string& code);
    void setHighContrast(bool on);
    void setVolume(int percent);
    void askForHost();
    void dismissHostNotice();
    void stillHere();
    // "Begin opnieuw" (and "Klaar" at the end of a flow): forget everything, back to the start screen in
    // the default language.
    void startAgain() { wipe(); }
    // Speaks the given texts in the session's language, interrupting anything being said.
    void readAloud(const std::string& text);
    // Any tap or key counts as activity.
    void noteActivity();
    // Applies the idle timeout; returns true when it wiped the session.
    bool tick();

  private:
    // Resets the session, then wipes every registered holder, in the order they joined.
    void wipe();

    const Bundle& bundle_;
    const Clock& clock_;
    Speaker& speaker_;
    HostAlerts& alerts_;
    Texts texts_;
    IdleTimer idle_;

    std::vector<ScreenRef> stack_;
    std::optional<std::string> outOfService_;
    std::string language_;
    bool highContrast_ = false;
    bool hostNotice_ = false;
    int volume_ = kDefaultVolume;
    std::uint64_t visit_ = 0;

    PersonalDataHolders holders_;  // before the registrations below: they end first
    TicketFlow* ticketFlow_ = nullptr;
    StatusLookup* statusLookup_ = nullptr;
    RequestFlow* requestFlow_ = nullptr;
    AnswerPrinter* answerPrinter_ = nullptr;
    SmsOptIn* smsOptIn_ = nullptr;
    AppointmentBooking* appointmentBooking_ = nullptr;
    PersonalDataRegistration appointmentBookingHolder_;
    AppointmentCheckin* appointmentCheckin_ = nullptr;
    PersonalDataRegistration ticketFlowHolder_, statusLookupHolder_, requestFlowHolder_, answerPrinterHolder_,
        smsOptInHolder_, appointmentCheckinHolder_;
};

}  // namespace wp
