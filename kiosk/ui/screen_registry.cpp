// The one list of resident screens. Adding a screen: a file pair in screens/ and a line here.
#include <functional>

#include "kiosk/ui/screen.h"
#include "kiosk/ui/screens/coming_soon_screen.h"
#include "kiosk/ui/screens/question_category_screen.h"
#include "kiosk/ui/screens/question_screen.h"
#include "kiosk/ui/screens/question_topic_screen.h"
#include "kiosk/ui/screens/request_screen.h"
#include "kiosk/ui/screens/request_status_screen.h"
#include "kiosk/ui/screens/service_choice_screen.h"
#include "kiosk/ui/screens/start_screen.h"
#include "kiosk/ui/screens/ticket_closed_screen.h"
#include "kiosk/ui/screens/ticket_screen.h"

namespace wp::ui {

namespace {
struct Entry {
    const char* id;
    std::function<std::unique_ptr<Screen>()> make;
};
const Entry kScreens[] = {
    {kStartScreen, [] { return std::make_unique<StartScreen>(); }},
    {ComingSoonScreen::kId, [] { return std::make_unique<ComingSoonScreen>(); }},
    {ServiceChoiceScreen::kId, [] { return std::make_unique<ServiceChoiceScreen>(); }},
    {TicketScreen::kId, [] { return std::make_unique<TicketScreen>(); }},
    {TicketClosedScreen::kId, [] { return std::make_unique<TicketClosedScreen>(); }},
    {RequestStatusScreen::kId, [] { return std::make_unique<RequestStatusScreen>(); }},
    {QuestionScreen::kId, [] { return std::make_unique<QuestionScreen>(); }},
    {QuestionCategoryScreen::kId, [] { return std::make_unique<QuestionCategoryScreen>(); }},
    {QuestionTopicScreen::kId, [] { return std::make_unique<QuestionTopicScreen>(); }},
    {RequestScreen::kId, [] { return std::make_unique<RequestScreen>(); }},
};
}  // namespace

std::unique_ptr<Screen> makeScreen(std::string_view id) {
    for (const Entry& e : kScreens)
        if (id == e.id) return e.make();
    return nullptr;
}

std::vector<std::string> screenIds() {
    std::vector<std::string> ids;
    for (const Entry& e : kScreens) ids.emplace_back(e.id);
    return ids;
}

}  // namespace wp::ui
