// BookingPanel: a host makes an appointment for a resident (at the desk, or on the phone) from the host
// console. "Afspraak maken" in the right column opens it in the place of the counter and the waiting lists:
// the service (this contact point's agendas), the day, the time, then name, phone and an optional e-mail
// (typed on the console's keyboard, or its on-screen keys), a check, and the booking made with booked_by
// "host" (kiosk/core/appointment_booking.h). The done view shows the code large and prints the slip when
// the host asks. Outcomes as at the kiosk: a taken time asks for another; not made or not known says so
// plainly (not known: do not book again, look it up in the back office). "Sluiten" forgets everything.
// UI thread only.
#pragma once

#include <string>

#include "kiosk/core/appointment_booking.h"
#include "kiosk/ui/host/host_console.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class BookingPanel {
  public:
    // booking: null on a console without a central server (no button then).
    void attach(AppointmentBooking* booking) { booking_ = booking; }
    bool isOpen() const { return step_ != Step::Closed; }
    // The height of the button drawButton draws, 0 without a booking to make.
    float buttonHeight(const Theme& theme) const;
    // "Afspraak maken" at the top of area.
    void drawButton(Ui& ui, HostConsole& console, Rect area);
    // The open panel, in area.
    void draw(Ui& ui, HostConsole& console, Rect area);

  private:
    enum class Step { Closed, Service, Day, Time, Name, Phone, Email, Check, Busy, Done, Problem };
    void close();
    // Service, day and time: a list of buttons; returns the index chosen or -1.
    int pick(Ui& ui, HostConsole& console, const std::vector<std::string>& labels, Rect area, float y);
    void drawEntry(Ui& ui, HostConsole& console, Rect area, float y);
    void collect(HostConsole& console);

    AppointmentBooking* booking_ = nullptr;
    Step step_ = Step::Closed;
    std::string messageKey_;  // an error under a field, or what went wrong
    Keyboard keyboard_{"host booking keyboard"};
    int page_ = 0;
};

}  // namespace wp::ui
