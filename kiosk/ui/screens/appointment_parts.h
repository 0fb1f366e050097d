// What the appointment screens share (kiosk/ui/screens/appointment_*.cpp): the title, the panel that says a
// call to the central server is under way, a grid of large buttons with "Eerder" / "Later" paging instead
// of scrolling, the way to the unreachable screen and to the call-back request.
#pragma once

#include <string>
#include <vector>

#include "kiosk/core/appointment_booking.h"
#include "kiosk/core/resident_session.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

inline constexpr const char* kAppointmentDayScreen = "appointment-day";
inline constexpr const char* kAppointmentTimeScreen = "appointment-time";
inline constexpr const char* kAppointmentContactScreen = "appointment-contact";
inline constexpr const char* kAppointmentCheckScreen = "appointment-check";
inline constexpr const char* kAppointmentDoneScreen = "appointment-done";
inline constexpr const char* kAppointmentUnreachableScreen = "appointment-unreachable";
inline constexpr const char* kAppointmentChangeScreen = "appointment-change";
inline constexpr const char* kAppointmentCancelScreen = "appointment-cancel";

// The screen's one question, centred in the title font; returns the height used with the gap under it.
float appointmentTitle(Ui& ui, const std::string& text, Rect area);
// A sentence in the large font on the warning colours (a call under way, or what went wrong).
float appointmentNotice(Ui& ui, const std::string& text, Rect area, bool warning);
// The screen a booking goes to when the central server cannot be reached, or refused it: in the place
// of the screen shown (its "Terug" goes where that one's would). serviceId: the service the call-back is for.
void openAppointmentUnreachable(ResidentSession& session, const std::string& serviceId);
// "Bel mij terug" for an appointment: the appointment-callback request flow with the service filled in.
void openAppointmentCallback(ResidentSession& session, const std::string& serviceId);

// Large buttons (menu items: ways on) in columns, as many rows as fit in room above a row for "Eerder" and
// "Later"; page is the page shown (kept by the screen, clamped here). Returns the index tapped, or -1.
int pagedButtons(Ui& ui, ResidentSession& session, const std::vector<std::string>& labels, int columns,
                 Rect room, int& page);

// "Terug" (secondary, left) and the main action (right) in one row at y; main may be empty (no button).
// Sets back / go when tapped.
void backAndMain(Ui& ui, ResidentSession& session, const std::string& main, Rect area, float y, bool& back,
                 bool& go);

// "Terug" as the screen's main action, its only way on (a screen reached without what it needs).
void onlyBack(Ui& ui, ResidentSession& session, Rect area, float y);

// The service's name in the resident's language.
std::string serviceName(const ResidentSession& session, const std::string& serviceId);

}  // namespace wp::ui
