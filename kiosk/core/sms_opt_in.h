// SmsOptIn: the resident's side of the opt-in text messages (kiosk/core/sms_notifier.h). After a ticket is
// taken, the ticket screen offers "Sms mij als ik bijna aan de beurt ben"; the number screen edits number()
// with the on-screen keyboard and calls submit(), which stores the normalised number with the ticket in the
// kiosk's own database (SmsStore). Nothing of it goes to the central server.
//
// A personal-data holder: the typed number lives in a TextEntry that wipe() overwrites, and the session's
// wipe ("Begin opnieuw", "Klaar", the idle timeout) reaches it through the session's list. The stored
// number is the notifier's to delete (when the ticket is done or the day ends), not the session's.
// Not thread-safe: the UI thread owns it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.h"
#include "kiosk/core/personal_data.h"
#include "kiosk/core/sms_notifier.h"
#include "kiosk/core/text_entry.h"
#include "kiosk/core/ticket_flow.h"

namespace wp {

class SmsOptIn final : public PersonalDataHolder {
  public:
    // The store, the ticket flow and the clock must outlive it.
    SmsOptIn(SmsStore& store, const TicketFlow& tickets, const Clock& clock);

    // Whether the ticket screen offers it now: the resident has a ticket that still waits and has not opted
    // in yet.
    bool offered() const;
    // The resident opted in for the ticket on screen; the number as the kiosk shows it back ("06 12345678").
    bool subscribed() const;
    const std::string& shownNumber() const { return shownNumber_; }

    TextEntry& number() { return number_; }
    enum class Outcome { Saved, Empty, NotMobile, NoTicket, StoreFailed };
    // Normalises the typed number and stores it with the resident's ticket, messages in `language`. On
    // Saved the typed text is wiped (the store has it). The error's text key for the other outcomes is
    // errorKey().
    Outcome submit(const std::string& language);
    // The text key of the last submit's problem ("sms.number_empty", ...); empty when none.
    const std::string& errorKey() const { return errorKey_; }
    void clearError() { errorKey_.clear(); }

    // --- PersonalDataHolder: the typed number, the number shown back, and which ticket opted in.
    std::string_view holderName() const override { return "sms opt-in"; }
    void wipe() override;
    bool holdsNothing() const override;

  private:
    SmsStore& store_;
    const TicketFlow& tickets_;
    const Clock& clock_;
    TextEntry number_{EntryKind::Phone, 24};
    std::optional<std::int64_t> subscribedTicket_;
    std::string shownNumber_;
    std::string errorKey_;
};

}  // namespace wp
