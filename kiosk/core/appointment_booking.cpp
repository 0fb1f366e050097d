#include "kiosk/core/appointment_booking.h"

#include <algorithm>

#include "kiosk/core/appointment_slip.h"
#include "kiosk/core/form_validation.h"
#include "kiosk/core/queue.h"

namespace wp {

std::vector<std::string> slotDays(const std::vector<FreeSlot>& slots) {
    std::vector<std::string> days;
    for (const FreeSlot& s : slots) {
        if (s.free < 1) continue;
        std::string day = localDay(s.start);
        if (std::find(days.begin(), days.end(), day) == days.end()) days.push_back(std::move(day));
    }
    std::sort(days.begin(), days.end());
    return days;
}

std::vector<FreeSlot> slotsOnDay(const std::vector<FreeSlot>& slots, std::string_view day) {
    std::vector<FreeSlot> out;
    for (const FreeSlot& s : slots)
        if (s.free >= 1 && localDay(s.start) == day) out.push_back(s);
    std::sort(out.begin(), out.end(), [](const FreeSlot& a, const FreeSlot& b) { return a.start < b.start; });
    return out;
}

AppointmentBooking::AppointmentBooking(AppointmentClient& client, std::string ownContactPoint,
                                       ReceiptQueue* slips)
    : client_(client), ownContactPoint_(std::move(ownContactPoint)), slips_(slips) {}

bool AppointmentBooking::printSlip(const Bundle& content, const Texts& texts, const std::string& language,
                                   TimePoint now) {
    if (slips_ == nullptr || client_.booking().code.empty()) return false;
    job_ = slips_->submitReceipt(appointmentSlip(client_.booking(), content, texts, language, now));
    printState_ = PaperState::Printing;
    return true;
}

bool AppointmentBooking::collectPrintResults() {
    if (slips_ == nullptr) return false;
    bool changed = false;
    for (const PrintSpooler::Done& d : slips_->takeResults()) {
        if (d.job != job_ || printState_ != PaperState::Printing) continue;
        printState_ = d.outcome == PrintOutcome::Ok ? PaperState::Printed : PaperState::Failed;
        changed = true;
    }
    return changed;
}

void AppointmentBooking::chooseOffer(const AgendaOffer& offer) {
    offer_ = offer;
    day_.clear();
    slot_.reset();
}

namespace {

std::string takeChecked(TextEntry& entry, const Checked& c) {
    if (!c.ok()) return c.errorKey;
    entry.set(c.value);
    return {};
}

}  // namespace

std::string AppointmentBooking::checkName() {
    return takeChecked(name_, wp::checkName(name_.value(), kNameBytes));
}

std::string AppointmentBooking::checkPhone() {
    return takeChecked(phone_, checkDutchPhone(phone_.value()));
}

std::string AppointmentBooking::checkEmail() {
    if (email_.empty()) return {};
    return takeChecked(email_, wp::checkEmail(email_.value()));
}

void AppointmentBooking::startChange(BookingView current) {
    wipe();
    changing_ = true;
    current_ = std::move(current);
    offer_ = AgendaOffer{current_.contactPoint, current_.service, current_.place, current_.address, 0};
    offer_->slotMinutes = static_cast<int>(
        std::chrono::duration_cast<std::chrono::minutes>(current_.end - current_.start).count());
}

BookingDraft AppointmentBooking::draft(const std::string& language, BookedBy bookedBy) const {
    BookingDraft d;
    if (offer_) {
        d.contactPoint = offer_->contactPoint;
        d.service = offer_->service;
    }
    if (slot_) d.start = slot_->start;
    d.name = name_.value();
    d.phone = phone_.value();
    d.email = email_.value();
    d.language = language;
    d.bookedBy = bookedBy;
    return d;
}

void AppointmentBooking::send(const std::string& language, BookedBy bookedBy) {
    if (!slot_) return;
    if (changing_) {
        client_.change(current_.code, slot_->start);
        return;
    }
    BookingDraft d = draft(language, bookedBy);
    client_.book(d);
    wipeString(d.name);
    wipeString(d.phone);
    wipeString(d.email);
}

void AppointmentBooking::wipe() {
    offer_.reset();
    wipeString(day_);
    slot_.reset();
    name_.wipe();
    phone_.wipe();
    email_.wipe();
    changing_ = false;
    wipeString(current_.code);
    current_ = {};
    printState_ = PaperState::None;
    job_ = 0;  // a slip's outcome that comes later belongs to nobody
    client_.wipe();
}

bool AppointmentBooking::holdsNothing() const {
    return !offer_ && day_.empty() && !slot_ && name_.empty() && phone_.empty() && email_.empty() &&
           !changing_ && current_.code.empty() && printState_ == PaperState::None && client_.holdsNothing();
}

}  // namespace wp
