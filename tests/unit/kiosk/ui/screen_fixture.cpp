#include "tests/unit/kiosk/ui/screen_fixture.h"

#include <fmt/format.h>

#include <optional>
#include <thread>

#include "kiosk/core/sms_opt_in.h"

namespace wp::ui {

using namespace std::chrono_literals;

std::vector<ScreenTest::State> ScreenTest::allStates() {
    std::vector<State> states{{"start", [](ResidentSession&, testing::FakeClock&) {}}};
    for (const StartTile& tile : bundle_.content.tiles)
        states.push_back(
            {"tile " + tile.id, [id = tile.id](ResidentSession& s, testing::FakeClock&) { s.openTile(id); }});
    for (const char* key : {"start.have_appointment", "start.request_status"})
        states.push_back({key, [key](ResidentSession& s, testing::FakeClock&) {
                              s.open({"coming-soon", key});
                          }});
    states.push_back({"idle warning", [](ResidentSession& s, testing::FakeClock& c) {
                          s.openTile("question");
                          c.advance(61s);
                      }});
    states.push_back({"host notice", [](ResidentSession& s, testing::FakeClock&) { s.askForHost(); }});
    // An admin put the kiosk out of service, with a message as long as an admin may write one.
    states.push_back({"out of service", [](ResidentSession& s, testing::FakeClock&) {
                          s.setOutOfService(
                              "Storing aan de printer. Morgen vanaf 9 uur werkt alles weer. Excuses voor het "
                              "ongemak.");
                      }});
    auto takeTicket = [this](ResidentSession& s) {
        s.openTile("ticket");
        frame();  // the choice screen reads the services' hours
        ASSERT_EQ(flow_->take("huurloket", s.texts(), s.language()), TicketFlow::Outcome::Issued);
        s.open({"ticket", "huurloket"});
    };
    states.push_back({"ticket printing", [=](ResidentSession& s, testing::FakeClock&) { takeTicket(s); }});
    states.push_back({"ticket printed", [=, this](ResidentSession& s, testing::FakeClock&) {
                          takeTicket(s);
                          settlePrinting();
                      }});
    states.push_back({"ticket print failed", [=, this](ResidentSession& s, testing::FakeClock&) {
                          printer_->failNext(PrintOutcome::PaperOut);
                          takeTicket(s);
                          settlePrinting();
                      }});
    states.push_back({"ticket called by a host", [=, this](ResidentSession& s, testing::FakeClock&) {
                          takeTicket(s);
                          settlePrinting();
                          ASSERT_TRUE(hostQueue_->changeTicketState(
                              flow_->ticket()->ticket.id, TicketState::Called, "Balie 2", clock_.now()));
                          ASSERT_TRUE(flow_->refreshTicket());
                      }});
    // Opt-in text messages after the ticket: the number screen, a refused number, and the ticket screen
    // after.
    states.push_back({"sms number", [=, this](ResidentSession& s, testing::FakeClock&) {
                          takeTicket(s);
                          settlePrinting();
                          s.open({"sms-number", {}});
                      }});
    states.push_back({"sms number refused", [=, this](ResidentSession& s, testing::FakeClock&) {
                          takeTicket(s);
                          settlePrinting();
                          s.open({"sms-number", {}});
                          s.smsOptIn()->number().set("0101234567");
                          s.smsOptIn()->submit(s.language());
                      }});
    states.push_back({"sms opted in", [=, this](ResidentSession& s, testing::FakeClock&) {
                          takeTicket(s);
                          settlePrinting();
                          s.smsOptIn()->number().set("0612345678");
                          ASSERT_EQ(s.smsOptIn()->submit(s.language()), SmsOptIn::Outcome::Saved);
                      }});
    states.push_back({"service paused", [this](ResidentSession& s, testing::FakeClock&) {
                          ASSERT_TRUE(hostQueue_->setPaused("wijkteam", true, clock_.now()));
                          s.openTile("ticket");
                          frame();
                          s.open({"ticket-closed", "wijkteam"});
                          frame();
                          ASSERT_TRUE(hostQueue_->setPaused("wijkteam", false, clock_.now()));
                      }});
    states.push_back({"start with printer trouble", [this](ResidentSession&, testing::FakeClock&) {
                          printer_->setPaperOut(true);
                          flow_->requestPrinterStatus();
                          for (int i = 0; i < 500 && flow_->canPrint(); ++i)
                              std::this_thread::sleep_for(std::chrono::milliseconds(2));
                          ASSERT_FALSE(flow_->canPrint());
                          frame();
                          printer_->setPaperOut(false);
                          flow_->requestPrinterStatus();
                      }});
    addRequestStates(states);
    addLongestAnswerStates(states);
    // "Vraag stellen": every category and every topic of the question tree.
    for (const QuestionCategory& c : bundle_.questions.categories())
        states.push_back({"question category " + c.id, [id = c.id](ResidentSession& s, testing::FakeClock&) {
                              s.openTile("question");
                              s.open({"question-category", id});
                          }});
    for (const QuestionTopic& t : bundle_.questions.topics()) {
        auto openTopic = [this, id = t.id](ResidentSession& s) {
            frame();  // the start screen, so the topic comes up afresh at the first part of its answer
            s.openTile("question");
            s.open({"question-topic", id});
            frame();
        };
        states.push_back(
            {"question topic " + t.id, [=](ResidentSession& s, testing::FakeClock&) { openTopic(s); }});
        // The last part of its answer, when it needs "Lees verder" in this language.
        states.push_back(
            {"question topic " + t.id + ", last part", [=, this](ResidentSession& s, testing::FakeClock&) {
                 openTopic(s);
                 for (int i = 0; i < 10; ++i) {
                     const DrawnItem* more = control(s.tr("question.more"));
                     if (more == nullptr) break;
                     tapCentre(*more);
                 }
             }});
    }
    addStatusStates(states);
    addAppointmentStates(states);
    addAnswerPrintStates(states);
    addCheckinStates(states);
    return states;
}

void ScreenTest::addStatusStates(std::vector<State>& states) {
    SeededRandom random(11);
    const std::string found = makeReferenceCode("SGN", "K2", random);
    const std::string unknown = makeReferenceCode("SGN", "K2", random);
    const std::string unreachable = makeReferenceCode("SGN", "K2", random);
    const std::string tooMany = makeReferenceCode("SGN", "K2", random);
    std::string wrong = found;
    wrong.back() = wrong.back() == '2' ? '3' : '2';
    HttpResult ok;
    ok.status = 200;
    RequestStatusView view{found, RequestStatus::InProgress,
                           "We bellen u dinsdag tussen 10 en 12 uur over de lekkage.", clock_.now()};
    view.coach = "Fatima";  // contracts.md item 8: an initiative's coach
    ok.body = encodeStatusView(view);
    statusServer_.answer(found, ok);
    HttpResult down;
    down.transport = TransportError::Connect;
    statusServer_.answer(unreachable, down);
    HttpResult busy;
    busy.status = 429;
    statusServer_.answer(tooMany, busy);
    auto scanned = [this, wrong](ResidentSession& s, testing::FakeStatusServer& server,
                                 const std::string& code) {
        s.attachStatusLookup(&server.lookup());
        s.open({"request-status", {}});
        frame();
        if (code.empty()) return;
        ui_->typeText(code);
        ui_->submitText();
        frame();
        // The worker answers at once; real time only bounds a broken one.
        for (int i = 0;
             i < 1000 && &server == &statusServer_ && server.lookup().state() == StatusLookup::State::Busy;
             ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            frame();
        }
        if (&server == &statusServer_ && code != wrong) {
            EXPECT_NE(server.lookup().state(), StatusLookup::State::Busy) << code << ": no answer";
        }
    };
    for (auto [name, code] : {std::pair<const char*, std::string>{"status empty", ""},
                              {"status wrong code", wrong},
                              {"status found", found},
                              {"status unknown code", unknown},
                              {"status unreachable", unreachable},
                              {"status too many", tooMany}})
        states.push_back(
            {name, [=, this](ResidentSession& s, testing::FakeClock&) { scanned(s, statusServer_, code); }});
    states.push_back({"status busy", [=, this](ResidentSession& s, testing::FakeClock&) {
                          scanned(s, heldStatusServer_, found);
                      }});
}

void ScreenTest::addAnswerPrintStates(std::vector<State>& states) {
    auto printed = [this](ResidentSession& s, std::optional<PrintOutcome> outcome, bool settle) {
        if (outcome && *outcome != PrintOutcome::Ok) printer_->failNext(*outcome);
        s.openTile("question");
        s.open({"question-topic", "rent-check"});
        frame();
        const DrawnItem* print = control(s.tr("question.print"));
        ASSERT_NE(print, nullptr) << "no print button on the topic screen";
        tapCentre(*print);
        ASSERT_EQ(answerPrinter_->state("rent-check"), AnswerPrinter::PrintState::Printing);
        if (!settle) return;
        // The print worker answers at once; real time only bounds a broken one.
        for (int i = 0; i < 500 && !answerPrinter_->collectPrintResults(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        EXPECT_NE(answerPrinter_->state("rent-check"), AnswerPrinter::PrintState::Printing);
    };
    states.push_back({"answer printing",
                      [=](ResidentSession& s, testing::FakeClock&) { printed(s, std::nullopt, false); }});
    states.push_back({"answer printed",
                      [=](ResidentSession& s, testing::FakeClock&) { printed(s, PrintOutcome::Ok, true); }});
    states.push_back({"answer print failed", [=](ResidentSession& s, testing::FakeClock&) {
                          printed(s, PrintOutcome::PaperOut, true);
                      }});
}

void ScreenTest::addRequestStates(std::vector<State>& states) {
    using Action = std::function<void(RequestFlow&)>;
    auto choose = [](std::string id) -> Action { return [id](RequestFlow& f) { f.choose(id); }; };
    auto type = [](std::string v) -> Action {
        return [v](RequestFlow& f) {
            f.entry().set(v);
            f.next();
        };
    };
    Action next = [](RequestFlow& f) { f.next(); };
    const std::string topic =
        bundle_.questions.topics().empty() ? "" : "/" + bundle_.questions.topics().front().id;
    struct Walk {
        std::string arg;
        std::vector<Action> actions;
    };
    const std::vector<Walk> walks{
        {"question",
         {choose("huur"), next, choose("type"), type("Mijn kraan lekt al een week."), choose("phone"),
          type("0612345678"), choose("morning")}},
        {"question" + topic, {next, choose("topic-only"), choose("email"), type("jan@example.org")}},
        {"callback" + topic, {next, type("0612345678"), choose("any")}},
        {"home-visit",
         {choose("care"), next, type("Truus de Vries"), type("3121AB"), type("12A"), type("0101234567"),
          choose("monday"), choose("thursday"), next, choose("morning"), next, choose("yes")}},
        {"initiative",
         {next, type("Bankjes bij de speeltuin"), type("Twee bankjes, zodat ouders kunnen zitten."),
          type("Speeltuin Nieuwe Passage"), choose("neighbours"), choose("money"), choose("coach"), next,
          next, choose("250-1000"), choose("1-3-months"), type("Ali Yilmaz"), choose("phone"),
          type("0612345678")}},
    };
    for (const Walk& walk : walks) {
        for (std::size_t n = 0; n <= walk.actions.size(); ++n)
            states.push_back({fmt::format("request {} after {} answers", walk.arg, n),
                              [this, walk, n](ResidentSession& s, testing::FakeClock&) {
                                  s.open({"request", walk.arg});
                                  frame();  // the screen starts the flow
                                  ASSERT_TRUE(requestFlow_->active()) << walk.arg;
                                  for (std::size_t i = 0; i < n; ++i) walk.actions[i](*requestFlow_);
                              }});
    }
    // Refused answers: nothing chosen, a required text left empty, a wrong phone number.
    states.push_back({"request nothing chosen", [this](ResidentSession& s, testing::FakeClock&) {
                          s.open({"request", "home-visit"});
                          frame();
                          EXPECT_FALSE(requestFlow_->next());
                      }});
    states.push_back({"request empty name", [this](ResidentSession& s, testing::FakeClock&) {
                          s.open({"request", "home-visit"});
                          frame();
                          requestFlow_->choose("care");
                          requestFlow_->next();
                          EXPECT_FALSE(requestFlow_->next());
                      }});
    states.push_back({"request wrong phone", [this](ResidentSession& s, testing::FakeClock&) {
                          s.open({"request", "callback"});
                          frame();
                          requestFlow_->choose("geld");
                          requestFlow_->next();
                          requestFlow_->entry().set("12345");
                          EXPECT_FALSE(requestFlow_->next());
                      }});
    auto sent = [this](ResidentSession& s, std::optional<PrintOutcome> fail) {
        if (fail) printer_->failNext(*fail);
        s.open({"request", "callback"});
        frame();
        requestFlow_->choose("buren");
        requestFlow_->next();
        requestFlow_->entry().set("0612345678");
        requestFlow_->next();
        requestFlow_->choose("any");
        Status st = requestFlow_->submit(s.texts(), s.language());
        ASSERT_TRUE(st) << st.message();
    };
    auto settle = [this] {
        for (int i = 0; i < 500 && requestFlow_->printState() == RequestFlow::PrintState::Printing; ++i) {
            requestFlow_->collectPrintResults();
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        ASSERT_NE(requestFlow_->printState(), RequestFlow::PrintState::Printing);
    };
    states.push_back(
        {"request sent, printing", [=](ResidentSession& s, testing::FakeClock&) { sent(s, std::nullopt); }});
    states.push_back({"request sent, printed", [=](ResidentSession& s, testing::FakeClock&) {
                          sent(s, std::nullopt);
                          settle();
                      }});
    states.push_back({"request sent, print failed", [=](ResidentSession& s, testing::FakeClock&) {
                          sent(s, PrintOutcome::PaperOut);
                          settle();
                      }});
}

void ScreenTest::walkWithLongestAnswers(const std::string& flowId) {
    RequestFlow& f = *requestFlow_;
    auto type = [&](const std::string& v) {
        ASSERT_EQ(f.step().kind, StepKind::Entry) << f.step().id;
        f.entry().set(v);
        ASSERT_TRUE(f.next()) << f.step().id << ": " << f.errorKey();
    };
    if (flowId == "question") {
        f.choose("gemeente");
        ASSERT_TRUE(f.next());  // privacy
        f.choose("type");
        type(longText("Mijn kraan lekt al weken en de verhuurder komt niet langs, wat kan ik doen? ", 2000));
        f.choose("email");
        type(longestEmail());
    } else {
        ASSERT_TRUE(f.next());  // privacy
        type(longText("W", 200));
        type(longText("Дві лавки для батьків і бабусь, щоб можна було сісти в тіні біля фонтану. ", 2000));
        type(longText("Speeltuin aan de Nieuwe Passage ", 200));
        f.choose("association");
        for (const char* help : {"money", "permit", "materials", "coach"}) f.choose(help);
        ASSERT_TRUE(f.next());
        ASSERT_TRUE(f.next());  // the budget rules
        f.choose("above-2500");
        f.choose("unknown");
        type(longText("Олена Коваленко-Шевченко ", 200));
        f.choose("email");
        type(longestEmail());
    }
    ASSERT_EQ(f.step().kind, StepKind::Summary) << f.step().id;
}

void ScreenTest::addLongestAnswerStates(std::vector<State>& states) {
    for (const char* flowId : {"question", "initiative"})
        for (int page = 0; page < 8; ++page)  // past the last page stays on the last
            states.push_back(
                {fmt::format("request {} summary with the longest answers, page {}", flowId, page + 1),
                 [this, flowId, page](ResidentSession& s, testing::FakeClock&) {
                     s.open({"request", flowId});
                     frame();
                     walkWithLongestAnswers(flowId);
                     frame();
                     for (int i = 0; i < page; ++i)
                         if (const DrawnItem* more = control(s.tr("question.more"))) tapCentre(*more);
                 }});
}

void ScreenTest::forEveryScreen(const std::function<void(const std::string&, const FrameRecord&)>& check) {
    for (bool highContrast : {false, true})
        for (const std::string& lang : bundle_.content.languages)
            for (const State& state : allStates()) {
                session_->setOutOfService(std::nullopt);
                session_->startAgain();
                session_->setLanguage(lang);
                session_->setHighContrast(highContrast);
                state.enter(*session_, clock_);
                frame();
                const FrameRecord& f = frame();
                check(fmt::format("{} / {} / {}", state.name, lang, session_->theme().id), f);
            }
}

const DrawnItem* ScreenTest::onSomePart(const std::string& text, const std::string& more) {
    for (int part = 0; part < 12; ++part) {
        frame();
        frame();
        if (const DrawnItem* found = control(text)) return found;
        const DrawnItem* next = control(more);
        if (next == nullptr) return nullptr;
        tapCentre(*next);
    }
    return nullptr;
}

}  // namespace wp::ui
