// "Afspraak", the end: the booking made (or moved) — date and time, service, place and address, the booking
// code large and grouped ("K7QM 2XD9"), what to bring (content) — and whether the slip came out of the
// printer (kiosk/core/appointment_slip.h). When no slip came out the code is read aloud once by itself,
// spelled one character at a time; "Lees de code voor" reads it again. "Klaar" wipes the session.
#pragma once

#include "common/appointment.h"
#include "kiosk/ui/screen.h"

namespace wp::ui {

class AppointmentDoneScreen final : public Screen {
  public:
    static constexpr const char* kId = "appointment-done";
    void onEnter(ResidentSession& session) override;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;

  private:
    bool codeSpoken_ = false;
};

// Draws a booking's facts as the done screens show them (date and time, service, place and address, the
// code grouped between two rules) from y; returns the height used.
float drawBookingFacts(Ui& ui, ResidentSession& session, const BookingView& booking, Rect area, float y);

}  // namespace wp::ui
