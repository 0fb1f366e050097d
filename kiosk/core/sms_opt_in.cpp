#include "kiosk/core/sms_opt_in.h"

#include "common/log.h"

namespace wp {

SmsOptIn::SmsOptIn(SmsStore& store, const TicketFlow& tickets, const Clock& clock)
    : store_(store), tickets_(tickets), clock_(clock) {}

bool SmsOptIn::offered() const {
    const auto& view = tickets_.ticket();
    return view && view->ticket.state == TicketState::Waiting && !subscribed();
}

bool SmsOptIn::subscribed() const {
    const auto& view = tickets_.ticket();
    return view && subscribedTicket_ == view->ticket.id;
}

SmsOptIn::Outcome SmsOptIn::submit(const std::string& language) {
    const auto& view = tickets_.ticket();
    if (!view) {
        errorKey_ = "sms.no_ticket";
        return Outcome::NoTicket;
    }
    if (number_.empty()) {
        errorKey_ = "sms.number_empty";
        return Outcome::Empty;
    }
    std::optional<std::string> normalised = normaliseMobileNumber(number_.value());
    if (!normalised) {
        errorKey_ = "sms.number_wrong";
        return Outcome::NotMobile;
    }
    Status s = store_.subscribe({view->ticket.id, *normalised, language}, clock_.now());
    if (!s) {
        log::error("sms: cannot store the opt-in of ticket {}: {}", view->ticket.id, s.message());
        wipeString(*normalised);
        errorKey_ = "sms.store_failed";
        return Outcome::StoreFailed;
    }
    subscribedTicket_ = view->ticket.id;
    shownNumber_ = formatMobileNumber(*normalised);
    wipeString(*normalised);
    number_.wipe();
    errorKey_.clear();
    return Outcome::Saved;
}

void SmsOptIn::wipe() {
    number_.wipe();
    wipeString(shownNumber_);
    subscribedTicket_.reset();
    errorKey_.clear();
}

bool SmsOptIn::holdsNothing() const {
    return number_.empty() && shownNumber_.empty() && !subscribedTicket_ && errorKey_.empty();
}

}  // namespace wp
