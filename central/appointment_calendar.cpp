#include "central/appointment_calendar.h"

#include <libical/ical.h>

#include <memory>

namespace wp {

namespace {

icaltimetype utc(TimePoint t) {
    const time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::floor<std::chrono::seconds>(t));
    return icaltime_from_timet_with_zone(seconds, 0, icaltimezone_get_utc_timezone());
}

std::string mailto(std::string_view address) {
    return "mailto:" + std::string(address);
}

struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

}  // namespace

std::string appointmentUid(std::string_view code, std::string_view domain) {
    return std::string(code) + "@" + std::string(domain);
}

std::string invitationCalendar(const AppointmentInvitation& in, InvitationMethod method, TimePoint stamp) {
    const bool cancel = method == InvitationMethod::Cancel;
    icalcomponent* event = icalcomponent_new_vevent();
    icalcomponent_add_property(event, icalproperty_new_uid(in.uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(utc(stamp)));
    icalcomponent_add_property(event, icalproperty_new_dtstart(utc(in.start)));
    icalcomponent_add_property(event, icalproperty_new_dtend(utc(in.end)));
    icalcomponent_add_property(event, icalproperty_new_sequence(in.sequence));
    icalcomponent_add_property(event, icalproperty_new_summary(in.summary.c_str()));
    icalcomponent_add_property(event, icalproperty_new_location(in.location.c_str()));
    if (!in.description.empty())
        icalcomponent_add_property(event, icalproperty_new_description(in.description.c_str()));
    icalcomponent_add_property(
        event, icalproperty_new_status(cancel ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
    icalcomponent_add_property(event, icalproperty_new_organizer(mailto(in.organizer).c_str()));
    icalcomponent_add_property(event,
                               icalproperty_vanew_attendee(mailto(in.attendee).c_str(),
                                                           icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT),
                                                           icalparameter_new_partstat(ICAL_PARTSTAT_ACCEPTED),
                                                           icalparameter_new_rsvp(ICAL_RSVP_FALSE), nullptr));

    std::unique_ptr<icalcomponent, ComponentFree> calendar(icalcomponent_new_vcalendar());
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Wijkpunt//Afspraken//NL"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar.get(),
                               icalproperty_new_method(cancel ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST));
    icalcomponent_add_component(calendar.get(), event);

    char* text = icalcomponent_as_ical_string_r(calendar.get());
    std::string out = text != nullptr ? text : "";
    icalmemory_free_buffer(text);
    return out;
}

}  // namespace wp
