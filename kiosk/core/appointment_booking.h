// AppointmentBooking: one resident's appointment at the kiosk, across the screens that make it — the
// agenda chosen (a service here or at another contact point), the day and the time, name, phone and
// optional e-mail — and the booking made, changed or cancelled. The screens read it and call its actions;
// the AppointmentClient (kiosk/core/appointment_client.h) talks to the central server.
//
// A change by code (changing()) keeps the booking being changed: the day and time screens then pick its new
// time, and the check screen changes it instead of making a new one.
//
// Personal data: everything it holds. It is a holder on the resident session's list, and its wipe() wipes
// the client too (the session's wipe: "Begin opnieuw", the idle timeout, "Klaar"). Not thread-safe: the UI
// thread owns it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/appointment.h"
#include "common/bundle.h"
#include "kiosk/core/appointment_client.h"
#include "kiosk/core/personal_data.h"
#include "kiosk/core/receipt_queue.h"
#include "kiosk/core/text_entry.h"
#include "kiosk/core/texts.h"

namespace wp {

// The local days (Europe/Amsterdam, "YYYY-MM-DD") that have a free slot, soonest first.
std::vector<std::string> slotDays(const std::vector<FreeSlot>& slots);
// The free slots that start on a local day, soonest first.
std::vector<FreeSlot> slotsOnDay(const std::vector<FreeSlot>& slots, std::string_view day);

class AppointmentBooking final : public PersonalDataHolder {
  public:
    // How much a name and an e-mail address may take (bytes).
    static constexpr std::size_t kNameBytes = 100;
    static constexpr std::size_t kEmailBytes = 254;

    // ownContactPoint: this kiosk's contact point letters ("SGN"), whose agendas come first. slips may be
    // null: a kiosk without a printer shows the booking on screen only.
    AppointmentBooking(AppointmentClient& client, std::string ownContactPoint, ReceiptQueue* slips = nullptr);

    AppointmentClient& client() { return client_; }
    const AppointmentClient& client() const { return client_; }
    const std::string& ownContactPoint() const { return ownContactPoint_; }

    // --- what the resident chose
    // Forgets the day, the time and any error; keeps what was typed.
    void chooseOffer(const AgendaOffer& offer);
    const std::optional<AgendaOffer>& offer() const { return offer_; }
    void chooseDay(std::string day) {
        day_ = std::move(day);
        slot_.reset();
    }
    const std::string& day() const { return day_; }
    void chooseSlot(const FreeSlot& slot) { slot_ = slot; }
    const std::optional<FreeSlot>& slot() const { return slot_; }

    TextEntry& name() { return name_; }
    TextEntry& phone() { return phone_; }
    TextEntry& email() { return email_; }
    const TextEntry& name() const { return name_; }
    const TextEntry& phone() const { return phone_; }
    const TextEntry& email() const { return email_; }
    // Each checks its field and writes back its normal form; the text key of what is wrong, or empty.
    std::string checkName();
    std::string checkPhone();
    std::string checkEmail();  // empty is fine: the e-mail is optional

    // --- a change by code
    // Starts changing the booking found by code: its agenda is the offer, the new day and time are chosen
    // next. Forgets anything chosen before.
    void startChange(BookingView current);
    bool changing() const { return changing_; }
    // The booking being changed (its time before the change).
    const BookingView& current() const { return current_; }

    // --- sending
    // What book() sends, in the resident's language.
    BookingDraft draft(const std::string& language, BookedBy bookedBy = BookedBy::Kiosk) const;
    // Makes the booking (or, when changing(), moves it to the chosen slot) through the client.
    void send(const std::string& language, BookedBy bookedBy = BookedBy::Kiosk);

    // --- the slip of the booking shown (client().booking())
    bool canPrint() const { return slips_ != nullptr; }
    // Hands the slip to the printer (kiosk/core/appointment_slip.h); its outcome comes through
    // collectPrintResults(). False without a printer or a booking.
    bool printSlip(const Bundle& content, const Texts& texts, const std::string& language, TimePoint now);
    PaperState printState() const { return printState_; }
    // Collects the slip's print outcome; true when it changed.
    bool collectPrintResults();

    // --- PersonalDataHolder
    std::string_view holderName() const override { return "appointment booking"; }
    void wipe() override;
    bool holdsNothing() const override;

  private:
    AppointmentClient& client_;
    std::string ownContactPoint_;
    std::optional<AgendaOffer> offer_;
    std::string day_;
    std::optional<FreeSlot> slot_;
    TextEntry name_{EntryKind::Text, kNameBytes};
    TextEntry phone_{EntryKind::Phone, 24};
    TextEntry email_{EntryKind::Email, kEmailBytes};
    bool changing_ = false;
    BookingView current_;
    ReceiptQueue* slips_;
    PaperState printState_ = PaperState::None;
    std::uint64_t job_ = 0;
};

}  // namespace wp
