// The one list of resident screens. Adding a screen: a file pair in screens/ and a line here.
#include <type_traits>

#include "kiosk/ui/screen.h"
#include "kiosk/ui/screens/appointment_change_screen.h"
#include "kiosk/ui/screens/appointment_check_screen.h"
#include "kiosk/ui/screens/appointment_checked_in_screen.h"
#include "kiosk/ui/screens/appointment_code_screen.h"
#include "kiosk/ui/screens/appointment_contact_screen.h"
#include "kiosk/ui/screens/appointment_day_screen.h"
#include "kiosk/ui/screens/appointment_done_screen.h"
#include "kiosk/ui/screens/appointment_found_screen.h"
#include "kiosk/ui/screens/appointment_service_screen.h"
#include "kiosk/ui/screens/appointment_time_screen.h"
#include "kiosk/ui/screens/appointment_unreachable_screen.h"
#include "kiosk/ui/screens/coming_soon_screen.h"
#include "kiosk/ui/screens/out_of_service_screen.h"
#include "kiosk/ui/screens/question_category_screen.h"
#include "kiosk/ui/screens/question_screen.h"
#include "kiosk/ui/screens/question_topic_screen.h"
#include "kiosk/ui/screens/request_screen.h"
#include "kiosk/ui/screens/request_status_screen.h"
#include "kiosk/ui/screens/service_choice_screen.h"
#include "kiosk/ui/screens/sms_number_screen.h"
#include "kiosk/ui/screens/start_screen.h"
#include "kiosk/ui/screens/ticket_closed_screen.h"
#include "kiosk/ui/screens/ticket_screen.h"

namespace wp::ui {

namespace {
// A screen that keeps personal data is made with the session it registers that with; others without.
template <typename S>
std::unique_ptr<Screen> make(ResidentSession& session) {
    if constexpr (std::is_constructible_v<S, ResidentSession&>)
        return std::make_unique<S>(session);
    else
        return std::make_unique<S>();
}

struct Entry {
    const char* id;
    std::unique_ptr<Screen> (*make)(ResidentSession&);
};
const Entry kScreens[] = {
    {kStartScreen, make<StartScreen>},
    {ComingSoonScreen::kId, make<ComingSoonScreen>},
    {ServiceChoiceScreen::kId, make<ServiceChoiceScreen>},
    {TicketScreen::kId, make<TicketScreen>},
    {TicketClosedScreen::kId, make<TicketClosedScreen>},
    {SmsNumberScreen::kId, make<SmsNumberScreen>},
    {RequestStatusScreen::kId, make<RequestStatusScreen>},
    {QuestionScreen::kId, make<QuestionScreen>},
    {QuestionCategoryScreen::kId, make<QuestionCategoryScreen>},
    {QuestionTopicScreen::kId, make<QuestionTopicScreen>},
    {RequestScreen::kId, make<RequestScreen>},
    {AppointmentServiceScreen::kId, make<AppointmentServiceScreen>},
    {AppointmentDayScreen::kId, make<AppointmentDayScreen>},
    {AppointmentTimeScreen::kId, make<AppointmentTimeScreen>},
    {AppointmentContactScreen::kId, make<AppointmentContactScreen>},
    {AppointmentCheckScreen::kId, make<AppointmentCheckScreen>},
    {AppointmentDoneScreen::kId, make<AppointmentDoneScreen>},
    {AppointmentUnreachableScreen::kId, make<AppointmentUnreachableScreen>},
    {AppointmentChangeScreen::kId, make<AppointmentChangeScreen>},
    {AppointmentCancelScreen::kId, make<AppointmentCancelScreen>},
    {AppointmentCodeScreen::kId, make<AppointmentCodeScreen>},
    {AppointmentFoundScreen::kId, make<AppointmentFoundScreen>},
    {AppointmentCheckedInScreen::kId, make<AppointmentCheckedInScreen>},
    {OutOfServiceScreen::kId, make<OutOfServiceScreen>},
};
}  // namespace

std::unique_ptr<Screen> makeScreen(std::string_view id, ResidentSession& session) {
    for (const Entry& e : kScreens)
        if (id == e.id) return e.make(session);
    return nullptr;
}

std::vector<std::string> screenIds() {
    std::vector<std::string> ids;
    for (const Entry& e : kScreens) ids.emplace_back(e.id);
    return ids;
}

}  // namespace wp::ui
