// The back office's appointment pages' views and forms (agenda_pages.cpp): the list of agendas
// (templates/agendas.mustache), one agenda's edit page (agenda.mustache) and a contact point's day of
// appointments (appointments_day.mustache). Views turn store data into the JSON a template reads; form
// readers turn a posted form (parseQueryString) into an Agenda, or Dutch messages per field that say what to
// fix. Who may see and change what is decided here too, so the pages and their tests share one rule:
// a team account sees and edits its own team's agendas only, a coordinator sees every agenda without
// changing it, an admin sees and edits every agenda. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "central/appointment_slots.h"
#include "central/backoffice/staff_session.h"
#include "central/store/appointment_store.h"
#include "common/clock.h"
#include "common/local_time.h"

namespace wp {

using AgendaFormFields = std::multimap<std::string, std::string>;

bool maySeeAgenda(const StaffSession& session, const Agenda& agenda);
bool mayEditAgenda(const StaffSession& session, const Agenda& agenda);

// "/backoffice/afspraken/agenda/SGN/gemeente" and the day page
// "/backoffice/afspraken/dag/SGN?dag=2026-12-07".
std::string agendaPath(const std::string& contactPoint, const std::string& service);
std::string appointmentDayPath(const std::string& contactPoint, const std::string& day);

// "09:00-12:00, 13:00-16:30" <-> windows. Accepts commas, semicolons or spaces between windows and "9:00";
// the windows come back sorted. An error message (Dutch) when a window is no window or two overlap.
std::string windowsText(const std::vector<AgendaWindow>& windows);
Result<std::vector<AgendaWindow>> readWindows(const std::string& text);
// "HH:MM" <-> minutes after midnight; "24:00" is 1440.
std::string minuteText(int minute);
std::optional<int> readMinute(const std::string& text);

// The list: every agenda the session may see, by contact point then service, and the day links of their
// contact points for today (a local day "2026-12-07").
nlohmann::json agendasView(const std::vector<Agenda>& agendas, const StaffSession& session,
                           const std::string& today);

// What an agenda form gives: the agenda, or the messages per field when it is not good.
struct AgendaFormResult {
    Agenda agenda;
    std::map<std::string, std::string> errors;  // empty: agenda is good
    nlohmann::json typed;                       // the fields as typed, to show them again
};

// The form on the list that makes a new agenda (admins only): contact_point, service, team, place and
// address, each offered service and team as a choice, the form as typed and its problems.
nlohmann::json newAgendaView(const std::vector<std::string>& services, const std::vector<std::string>& teams,
                             const nlohmann::json& typed, const std::map<std::string, std::string>& errors);
// A new agenda from that form: no hours yet and closed for booking, 15 minutes a slot, one at a time, until
// its edit page sets them. services and teams: what may be chosen.
AgendaFormResult readNewAgendaForm(const AgendaFormFields& form, const std::vector<std::string>& services,
                                   const std::vector<std::string>& teams);

// The edit page: the agenda as stored, or the form as typed with its problems (field -> message).
// editable: the session may change it. today: closures before it are left out of the list.
nlohmann::json agendaView(const Agenda& agenda, bool editable, const std::string& today,
                          const nlohmann::json& typed, const std::map<std::string, std::string>& errors);

// The settings form (place, address, slot_minutes, parallel, active, hours_0 .. hours_6 for Monday ..
// Sunday) applied to base (which keeps its key, team and closures).
AgendaFormResult readAgendaForm(const AgendaFormFields& form, const Agenda& base);

// A closure from the form (closure_day "2026-12-24", closure_from and closure_to "13:00" or both empty for
// the whole day, closure_reason); the messages per field when it is not good. today: a day before it is
// refused.
struct ClosureFormResult {
    AgendaClosure closure;
    std::map<std::string, std::string> errors;
    nlohmann::json typed;
};
ClosureFormResult readClosureForm(const AgendaFormFields& form, const std::string& today);
// "24-12-2026, hele dag" or "24-12-2026, 13:00 tot 17:00".
std::string closureLabel(const AgendaClosure& closure);

// The day page: bookings of the contact point's day (every state), those of services the session may see.
// visibleServices: the services whose agenda the session may see at this contact point.
nlohmann::json appointmentDayView(const std::string& contactPoint, const std::string& day,
                                  const std::vector<Booking>& bookings,
                                  const std::vector<std::string>& visibleServices);

// "booked" -> "Geboekt", "arrived" -> "Aangekomen", "no-show" -> "Niet gekomen", "cancelled" -> "Afgezegd".
std::string_view bookingStateLabel(BookingState state);

// "maandag 7 december 2026".
std::string longDayLabel(const std::string& day);

}  // namespace wp
