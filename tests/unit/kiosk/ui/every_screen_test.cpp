// Runs every resident screen, in every language and every theme, on an ImGui context with no backend,
// and checks what ACCESSIBILITY.md asks of each: touch targets, contrast, glyphs, nothing clipped or
// overlapping, the always-present controls, and no text key missing.
#include <fmt/format.h>
#include <imgui.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <set>
#include <thread>

#include "common/utf8.h"
#include "drivers/printer/fake_printer.h"
#include "drivers/speech/recording_speaker.h"
#include "kiosk/core/request_flow.h"
#include "kiosk/core/resident_session.h"
#include "kiosk/store/outbox_store.h"
#include "kiosk/store/sqlite_reference_store.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/resident_shell.h"
#include "kiosk/ui/screen.h"
#include "kiosk/ui/ui.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/kiosk/ui/fake_status_http.h"
#include "tests/unit/kiosk/ui/headless_ui_fixture.h"
#include "tests/unit/sqlite_queue_stores.h"
#include "tests/unit/temp_dir.h"

namespace wp::ui {
namespace {

using namespace std::chrono_literals;

class NoAlerts final : public HostAlerts {
  public:
    void residentAsksForHost(const std::string&, TimePoint) override {}
};

class EveryScreenTest : public testing::HeadlessUiTest {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(setUpUi());
        session_ = std::make_unique<ResidentSession>(bundle_, clock_, speaker_, alerts_);
        shell_ = std::make_unique<ResidentShell>(*session_);
        ui_ = std::make_unique<Ui>(fonts_);

        // A real queue in a temp folder and a fake printer, so the ticket screens have something to show.
        auto stores = testing::SqliteQueueStores::open(dir_.path() / "kiosk.sqlite", bundle_.services);
        ASSERT_TRUE(stores) << stores.status().message();
        stores_ = std::move(stores).value();
        queue_ = std::make_unique<ServiceQueue>(bundle_.services, *stores_.tickets, *stores_.host, clock_);
        spooler_ = std::make_unique<PrintSpooler>(printer_, nullptr);
        flow_ =
            std::make_unique<TicketFlow>(*queue_, *stores_.tickets, spooler_.get(), bundle_.settings, clock_);
        session_->attachTicketFlow(flow_.get());
        setUpRequestFlow();
    }
    void TearDown() override {
        session_->attachRequestFlow(nullptr);
        session_->attachTicketFlow(nullptr);
        HeadlessUiTest::TearDown();
    }

    // Waits (briefly, in real time) until the print worker has finished every job and read the printer.
    void settlePrinting() {
        for (int i = 0; i < 500; ++i) {
            flow_->collectPrintResults();
            if (flow_->printState() != TicketFlow::PrintState::Printing && spooler_->hasStatus()) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        FAIL() << "the print worker did not finish";
    }

    // Draws frames until the layout has settled; returns the last frame's record.
    const FrameRecord& frame(float mouseX = -FLT_MAX, float mouseY = -FLT_MAX, bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.f / 60.f;
        io.MousePos = ImVec2(mouseX, mouseY);
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        shell_->drawFrame(*ui_, *session_, io.DisplaySize.x, io.DisplaySize.y);
        ImGui::Render();
        return ui_->lastFrame();
    }

    void tapCentre(const DrawnItem& item) {
        float x = (item.rect.x0 + item.rect.x1) / 2, y = (item.rect.y0 + item.rect.y1) / 2;
        frame(x, y, false);  // hover first, like a finger arriving
        frame(x, y, true);
        frame(x, y, false);
        frame();
    }

    struct State {
        std::string name;
        std::function<void(ResidentSession&, testing::FakeClock&)> enter;
    };
    // Every state a resident can see: every screen a tile or button opens, the idle warning and the
    // host notice.
    std::vector<State> allStates() {
        std::vector<State> states{{"start", [](ResidentSession&, testing::FakeClock&) {}}};
        for (const StartTile& tile : bundle_.content.tiles)
            states.push_back({"tile " + tile.id,
                              [id = tile.id](ResidentSession& s, testing::FakeClock&) { s.openTile(id); }});
        for (const char* key : {"start.have_appointment", "start.request_status"})
            states.push_back({key, [key](ResidentSession& s, testing::FakeClock&) {
                                  s.open({"coming-soon", key});
                              }});
        states.push_back({"idle warning", [](ResidentSession& s, testing::FakeClock& c) {
                              s.openTile("question");
                              c.advance(61s);
                          }});
        states.push_back({"host notice", [](ResidentSession& s, testing::FakeClock&) { s.askForHost(); }});
        auto takeTicket = [this](ResidentSession& s) {
            s.openTile("ticket");
            frame();  // the choice screen reads the services' hours
            ASSERT_EQ(flow_->take("huurloket", s.texts(), s.language()), TicketFlow::Outcome::Issued);
            s.open({"ticket", "huurloket"});
        };
        states.push_back(
            {"ticket printing", [=](ResidentSession& s, testing::FakeClock&) { takeTicket(s); }});
        states.push_back({"ticket printed", [=, this](ResidentSession& s, testing::FakeClock&) {
                              takeTicket(s);
                              settlePrinting();
                          }});
        states.push_back({"ticket print failed", [=, this](ResidentSession& s, testing::FakeClock&) {
                              printer_.failNext(PrintOutcome::PaperOut);
                              takeTicket(s);
                              settlePrinting();
                          }});
        states.push_back({"ticket called by a host", [=, this](ResidentSession& s, testing::FakeClock&) {
                              takeTicket(s);
                              settlePrinting();
                              ASSERT_TRUE(stores_.host->changeTicketState(
                                  flow_->ticket()->ticket.id, TicketState::Called, "Balie 2", clock_.now()));
                              ASSERT_TRUE(flow_->refreshTicket());
                          }});
        states.push_back({"service paused", [this](ResidentSession& s, testing::FakeClock&) {
                              ASSERT_TRUE(stores_.host->setPaused("wijkteam", true, clock_.now()));
                              s.openTile("ticket");
                              frame();
                              s.open({"ticket-closed", "wijkteam"});
                              frame();
                              ASSERT_TRUE(stores_.host->setPaused("wijkteam", false, clock_.now()));
                          }});
        states.push_back({"start with printer trouble", [this](ResidentSession&, testing::FakeClock&) {
                              printer_.setPaperOut(true);
                              flow_->requestPrinterStatus();
                              for (int i = 0; i < 500 && flow_->canPrint(); ++i)
                                  std::this_thread::sleep_for(std::chrono::milliseconds(2));
                              ASSERT_FALSE(flow_->canPrint());
                              frame();
                              printer_.setPaperOut(false);
                              flow_->requestPrinterStatus();
                          }});
        addRequestStates(states);
        addLongestAnswerStates(states);
        // "Vraag stellen": every category and every topic of the question tree.
        for (const QuestionCategory& c : bundle_.questions.categories())
            states.push_back(
                {"question category " + c.id, [id = c.id](ResidentSession& s, testing::FakeClock&) {
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
            states.push_back({"question topic " + t.id + ", last part",
                              [=, this](ResidentSession& s, testing::FakeClock&) {
                                  openTopic(s);
                                  for (int i = 0; i < 10; ++i) {
                                      const DrawnItem* more = control(s.tr("question.more"));
                                      if (more == nullptr) break;
                                      tapCentre(*more);
                                  }
                              }});
        }
        addStatusStates(states);
        addAnswerPrintStates(states);
        return states;
    }

    // "Status van mijn vraag": empty, a wrong, an unknown code, busy, found with the team's
    // note, too many lookups and an unreachable server. The code comes in as a scanner types it.
    void addStatusStates(std::vector<State>& states) {
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
            for (int i = 0; i < 1000 && &server == &statusServer_ &&
                            server.lookup().state() == StatusLookup::State::Busy;
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
            states.push_back({name, [=, this](ResidentSession& s, testing::FakeClock&) {
                                  scanned(s, statusServer_, code);
                              }});
        states.push_back({"status busy", [=, this](ResidentSession& s, testing::FakeClock&) {
                              scanned(s, heldStatusServer_, found);
                          }});
    }

    // "Print dit antwoord" on a topic's answer: tapped, then while printing, printed and failed.
    void addAnswerPrintStates(std::vector<State>& states) {
        auto printed = [this](ResidentSession& s, std::optional<PrintOutcome> outcome, bool settle) {
            if (outcome && *outcome != PrintOutcome::Ok) printer_.failNext(*outcome);
            s.openTile("question");
            s.open({"question-topic", "rent-check"});
            frame();
            const DrawnItem* print = control(s.tr("question.print"));
            ASSERT_NE(print, nullptr) << "no print button on the topic screen";
            tapCentre(*print);
            ASSERT_EQ(requestFlow_->answerPrintState("rent-check"), RequestFlow::PrintState::Printing);
            if (!settle) return;
            // The print worker answers at once; real time only bounds a broken one.
            for (int i = 0; i < 500 && !requestFlow_->collectPrintResults(); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            EXPECT_NE(requestFlow_->answerPrintState("rent-check"), RequestFlow::PrintState::Printing);
        };
        states.push_back({"answer printing",
                          [=](ResidentSession& s, testing::FakeClock&) { printed(s, std::nullopt, false); }});
        states.push_back({"answer printed", [=](ResidentSession& s, testing::FakeClock&) {
                              printed(s, PrintOutcome::Ok, true);
                          }});
        states.push_back({"answer print failed", [=](ResidentSession& s, testing::FakeClock&) {
                              printed(s, PrintOutcome::PaperOut, true);
                          }});
    }

    // The one control labelled text in the last frame, or nullptr.
    const DrawnItem* onSomePart(const std::string& text, const std::string& more = "Lees verder");
    const DrawnItem* control(const std::string& text) {
        const FrameRecord& f = ui_->lastFrame();
        auto it = std::find_if(f.items.begin(), f.items.end(),
                               [&](const DrawnItem& i) { return i.clickable && i.text == text; });
        return it == f.items.end() ? nullptr : &*it;
    }

    // The request flows on the real outbox and reference stores, receipts on the fake printer.
    void setUpRequestFlow() {
        auto outbox = SqliteOutboxStore::open(dir_.path() / "kiosk.sqlite", bundle_.requests);
        ASSERT_TRUE(outbox) << outbox.status().message();
        outbox_ = std::move(outbox).value();
        auto references = SqliteReferenceStore::open(dir_.path() / "kiosk.sqlite");
        ASSERT_TRUE(references) << references.status().message();
        references_ = std::move(references).value();
        receipts_ = std::make_unique<SpoolerReceipts>(*spooler_);
        RequestFlowSettings settings{bundle_.settings.contactPoint.name,
                                     bundle_.settings.contactPoint.letters, bundle_.settings.kioskCode,
                                     "https://wijkpunt.schiedam.nl",
                                     bundle_.settings.central.initiativeContactDays};
        requestFlow_ = std::make_unique<RequestFlow>(
            settings, bundle_.requests, clock_, random_, *outbox_, *references_, receipts_.get(),
            [this](std::string_view id) -> std::optional<FlowTopic> {
                const QuestionTopic* t = bundle_.questions.topic(id);
                if (t == nullptr) return std::nullopt;
                return FlowTopic{t->id, t->labelKey, t->requestCategory};
            });
        session_->attachRequestFlow(requestFlow_.get());
    }

    // Every step of every request flow, a refused answer of each kind, the summary, and the done screen
    // while printing, printed, after a failed print and without a printer's answer.
    void addRequestStates(std::vector<State>& states) {
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
            if (fail) printer_.failNext(*fail);
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
        states.push_back({"request sent, printing",
                          [=](ResidentSession& s, testing::FakeClock&) { sent(s, std::nullopt); }});
        states.push_back({"request sent, printed", [=](ResidentSession& s, testing::FakeClock&) {
                              sent(s, std::nullopt);
                              settle();
                          }});
        states.push_back({"request sent, print failed", [=](ResidentSession& s, testing::FakeClock&) {
                              sent(s, PrintOutcome::PaperOut);
                              settle();
                          }});
    }

    // --- the summary with the longest answers each field allows (review of the Ukrainian walk)

    // phrase repeated up to bytes bytes, cut at a character boundary, without a space at its end.
    static std::string longText(std::string_view phrase, std::size_t bytes) {
        std::string out;
        while (out.size() < bytes) out += phrase;
        std::size_t at = bytes;
        while (at > 0 && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80) --at;
        out.resize(at);
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    }
    // An e-mail address of 254 bytes, the most the field takes.
    static std::string longestEmail() { return std::string(65, 'j') + "@" + std::string(185, 'x') + ".nl"; }

    // Walks the question (no topic) or the initiative flow to its summary with every field at its longest:
    // sentences, a word without spaces, Cyrillic, every kind of help.
    void walkWithLongestAnswers(const std::string& flowId) {
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
            type(longText("Mijn kraan lekt al weken en de verhuurder komt niet langs, wat kan ik doen? ",
                          2000));
            f.choose("email");
            type(longestEmail());
        } else {
            ASSERT_TRUE(f.next());  // privacy
            type(longText("W", 200));
            type(
                longText("Дві лавки для батьків і бабусь, щоб можна було сісти в тіні біля фонтану. ", 2000));
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

    void addLongestAnswerStates(std::vector<State>& states) {
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

    // Visits every state in every language and theme; check gets each settled frame.
    void forEveryScreen(const std::function<void(const std::string&, const FrameRecord&)>& check) {
        for (bool highContrast : {false, true})
            for (const std::string& lang : bundle_.content.languages)
                for (const State& state : allStates()) {
                    session_->startAgain();
                    session_->setLanguage(lang);
                    session_->setHighContrast(highContrast);
                    state.enter(*session_, clock_);
                    frame();
                    const FrameRecord& f = frame();
                    check(fmt::format("{} / {} / {}", state.name, lang, session_->theme().id), f);
                }
    }

    // Thursday 26 November 2026, 10:00 in Schiedam: every service has walk-in hours then.
    testing::FakeClock clock_{*parseLocalDateTime("2026-11-26 10:00")};
    testing::TempDir dir_;
    FakePrinter printer_;
    testing::SqliteQueueStores stores_;
    std::unique_ptr<ServiceQueue> queue_;
    std::unique_ptr<PrintSpooler> spooler_;
    std::unique_ptr<TicketFlow> flow_;
    SeededRandom random_{7};
    std::unique_ptr<SqliteOutboxStore> outbox_;
    std::unique_ptr<SqliteReferenceStore> references_;
    std::unique_ptr<SpoolerReceipts> receipts_;
    std::unique_ptr<RequestFlow> requestFlow_;
    RecordingSpeaker speaker_;
    NoAlerts alerts_;
    std::unique_ptr<ResidentSession> session_;
    std::unique_ptr<ResidentShell> shell_;
    std::unique_ptr<Ui> ui_;
    testing::FakeStatusServer statusServer_;
    testing::FakeStatusServer heldStatusServer_{true};
};

TEST_F(EveryScreenTest, EveryControlIsAtLeastTenMillimetresSquare) {
    const double mmPerPx = bundle_.settings.screen.mmPerPx;
    int controls = 0;
    forEveryScreen([&](const std::string& where, const FrameRecord& f) {
        for (const DrawnItem& item : f.items) {
            if (!item.clickable) continue;
            ++controls;
            EXPECT_GE(item.rect.width() * mmPerPx, 10.0) << where << ": \"" << item.text << "\"";
            EXPECT_GE(item.rect.height() * mmPerPx, 10.0) << where << ": \"" << item.text << "\"";
        }
    });
    EXPECT_GT(controls, 100);
}

TEST_F(EveryScreenTest, TextAndControlsHaveEnoughContrast) {
    forEveryScreen([&](const std::string& where, const FrameRecord& f) {
        for (const DrawnItem& item : f.items) {
            // All kiosk text is held to 4.5:1, although most of it is large enough for 3:1.
            EXPECT_GE(contrastRatio(item.fg, item.bg), 4.5) << where << ": text \"" << item.text << "\"";
            if (item.clickable) {
                EXPECT_GE(std::max(contrastRatio(item.boundary, item.surround),
                                   contrastRatio(item.bg, item.surround)),
                          3.0)
                    << where << ": control \"" << item.text << "\"";
            }
        }
    });
    for (const auto& [id, theme] : bundle_.themes) {
        // The focus ring must stand out from the page and from the controls it surrounds.
        EXPECT_GE(contrastRatio(theme.colors.focus, theme.colors.background), 3.0) << id;
        EXPECT_GE(contrastRatio(theme.colors.tilePressed, theme.colors.tileText), 4.5) << id;
        EXPECT_GE(contrastRatio(theme.colors.buttonPressed, theme.colors.buttonText), 4.5) << id;
    }
}

TEST_F(EveryScreenTest, NothingIsClippedOrOverlapping) {
    forEveryScreen([&](const std::string& where, const FrameRecord& f) {
        for (size_t i = 0; i < f.items.size(); ++i) {
            const DrawnItem& a = f.items[i];
            EXPECT_TRUE(f.isVisible(a)) << where << ": \"" << a.text << "\" is clipped";
            for (size_t j = i + 1; j < f.items.size(); ++j) {
                const DrawnItem& b = f.items[j];
                if (a.clickable && b.clickable) {
                    EXPECT_FALSE(overlaps(a.rect, b.rect))
                        << where << ": \"" << a.text << "\" overlaps \"" << b.text << "\"";
                } else if (a.clickable != b.clickable) {
                    // Text may sit inside a control (a tile's hint) but not across its edge.
                    const DrawnItem& control = a.clickable ? a : b;
                    const DrawnItem& text = a.clickable ? b : a;
                    if (overlaps(control.rect, text.rect)) {
                        EXPECT_TRUE(control.rect.contains(text.rect))
                            << where << ": \"" << text.text << "\" crosses the edge of \"" << control.text
                            << "\"";
                    }
                } else {
                    EXPECT_FALSE(overlaps(a.rect, b.rect))
                        << where << ": \"" << a.text << "\" overlaps \"" << b.text << "\"";
                }
            }
        }
    });
}

TEST_F(EveryScreenTest, EveryScreenOffersHomeReadAloudLanguagesAndTheHost) {
    forEveryScreen([&](const std::string& where, const FrameRecord& f) {
        auto hasControl = [&](const std::string& label) {
            return std::count_if(f.items.begin(), f.items.end(),
                                 [&](const DrawnItem& i) { return i.clickable && i.text == label; }) == 1;
        };
        const std::string& lang = session_->language();
        for (const char* key : {"common.start_again", "common.read_aloud", "common.ask_host"})
            EXPECT_TRUE(hasControl(session_->texts().get(lang, key))) << where << ": " << key;
        for (const std::string& code : bundle_.content.languages)
            EXPECT_TRUE(hasControl(session_->texts().languageName(code))) << where << ": language " << code;
    });
}

TEST_F(EveryScreenTest, StartScreenHasTheContractLabels) {
    const FrameRecord& f = frame();
    std::vector<std::string> labels;
    for (const DrawnItem& i : f.items)
        if (i.clickable) labels.push_back(i.text);
    for (const char* label :
         {"Vraag stellen", "Wachtnummer", "Afspraak", "Initiatief", "Meepraten", "Hulp aan huis",
          "Ik heb een afspraak", "Status van mijn vraag", "Voorlezen", "Begin opnieuw",
          "Vraag het de gastvrouw of gastheer", "Nederlands", "English", "Türkçe", "Polski", "Українська"})
        EXPECT_THAT(labels, ::testing::Contains(label));
}

TEST_F(EveryScreenTest, EveryDrawnCharacterHasAGlyph) {
    forEveryScreen([&](const std::string& where, const FrameRecord& f) {
        for (const DrawnItem& item : f.items)
            for (unsigned cp : utf8CodePoints(item.text)) {
                if (cp == '\n') continue;  // a line break, not a glyph
                for (const auto& [theme, fonts] : fonts_.all()) {
                    // The ticket-number font holds only what a number needs; what it draws must be there too.
                    if (item.ticketFont) {
                        EXPECT_NE(fonts.ticket->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr)
                            << where << ": U+" << std::hex << cp << " in the ticket font, \"" << item.text
                            << "\"";
                    }
                    for (ImFont* font : {fonts.body, fonts.large, fonts.title}) {
                        EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr)
                            << where << ": U+" << std::hex << cp << " in \"" << item.text << "\"";
                    }
                }
            }
    });
}

TEST_F(EveryScreenTest, EveryCharacterOfEveryTextHasAGlyph) {
    std::vector<std::string> all{bundle_.settings.contactPoint.name};
    for (const auto& [code, lt] : bundle_.content.texts)
        for (const auto& [key, text] : lt.texts) all.push_back(text);
    for (const std::string& text : all)
        for (unsigned cp : utf8CodePoints(text))
            if (cp != '\n')
                for (const auto& [theme, fonts] : fonts_.all())
                    for (ImFont* font : {fonts.body, fonts.large, fonts.title}) {
                        EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr)
                            << "U+" << std::hex << cp << " in \"" << text << "\"";
                    }
}

TEST_F(EveryScreenTest, NoTextKeyIsMissing) {
    forEveryScreen([](const std::string&, const FrameRecord&) {});
    EXPECT_THAT(session_->texts().missingKeys(), ::testing::IsEmpty());
}

TEST_F(EveryScreenTest, ATapOnATileOpensItsScreen) {
    const FrameRecord& f = frame();
    auto it = std::find_if(f.items.begin(), f.items.end(),
                           [](const DrawnItem& i) { return i.text == "Meepraten"; });
    ASSERT_NE(it, f.items.end());
    tapCentre(*it);
    EXPECT_EQ(session_->screen(), (ScreenRef{"coming-soon", "participate"}));
}

TEST_F(EveryScreenTest, KeypadFocusWalksInReadingOrderAndEnterActivates) {
    frame();
    ui_->focusNext();
    EXPECT_EQ(ui_->takeFocusAnnouncement(), "Vraag stellen");  // the content comes before the chrome
    frame();
    ui_->focusNext();
    EXPECT_EQ(ui_->takeFocusAnnouncement(), "Wachtnummer");
    frame();
    ui_->activateFocused();
    frame();
    EXPECT_EQ(session_->screen(), (ScreenRef{"ticket-service", "ticket"}));
    frame();               // the new screen: the focused tile is gone, so is the focus
    ui_->focusPrevious();  // wraps round to the last control: the host button
    EXPECT_EQ(ui_->takeFocusAnnouncement(), "Vraag het de gastvrouw of gastheer");
}

TEST_F(EveryScreenTest, ReadAloudSpeaksTheScreenContentFirst) {
    const FrameRecord& f = frame();
    auto it = std::find_if(f.items.begin(), f.items.end(),
                           [](const DrawnItem& i) { return i.text == "Voorlezen"; });
    ASSERT_NE(it, f.items.end());
    tapCentre(*it);
    frame();
    auto said = speaker_.utterances();
    ASSERT_FALSE(said.empty());
    EXPECT_EQ(said.back().language, "nl");
    EXPECT_THAT(said.back().text, ::testing::StartsWith("Waarmee kunnen we u helpen? Vraag stellen"));
    EXPECT_THAT(said.back().text, ::testing::HasSubstr("Vraag het de gastvrouw of gastheer"));
}

// --- "Vraag stellen"

TEST_F(EveryScreenTest, ALongAnswerIsReadInPartsAndEveryPartShowsWhole) {
    // Each language's own answer, four times over: far more than one screen holds at the large font.
    for (const std::string& lang : bundle_.content.languages) {
        std::string& answer = bundle_.content.texts[lang].texts["qanswer.debts"];
        const std::string once = answer;
        answer = once + "\n" + once + "\n" + once + "\n" + once;
    }
    const double mmPerPx = bundle_.settings.screen.mmPerPx;
    for (bool highContrast : {false, true})
        for (const std::string& lang : bundle_.content.languages) {
            session_->startAgain();
            frame();  // the start screen, so the topic comes up afresh at its first part
            session_->setLanguage(lang);
            session_->setHighContrast(highContrast);
            session_->openTile("question");
            session_->open({"question-topic", "debts"});
            frame();
            const std::string where = lang + (highContrast ? " / high contrast" : "");
            const float largeSize = fonts_.forTheme(session_->theme().id).large->FontSize;
            std::string shown;  // the answer's paragraphs of every part, in order
            int parts = 0;
            while (parts < 10) {
                const FrameRecord& f = frame();
                ++parts;
                for (const DrawnItem& item : f.items) {
                    EXPECT_TRUE(f.isVisible(item))
                        << where << ", part " << parts << ": \"" << item.text << "\"";
                    if (item.clickable) {
                        EXPECT_GE(item.rect.height() * mmPerPx, 10.0) << where << ": " << item.text;
                    }
                    if (!item.clickable && item.region == Region::Content && item.fontSize == largeSize &&
                        item.text != session_->tr("question.help_title"))
                        shown += (shown.empty() ? std::string() : std::string(" ")) + item.text;
                }
                const DrawnItem* next = control(session_->tr("question.more"));
                if (next == nullptr) break;
                tapCentre(*next);
            }
            EXPECT_GE(parts, 2) << where << ": the long answer was not split";
            EXPECT_LT(parts, 10) << where;
            // Nothing lost, nothing twice: the parts together are the whole answer.
            std::string whole = bundle_.content.texts[lang].texts["qanswer.debts"];
            std::replace(whole.begin(), whole.end(), '\n', ' ');
            EXPECT_EQ(shown, whole) << where;
        }
}

TEST_F(EveryScreenTest, TalkToSomeoneNowTakesANumberForTheTopicsDesk) {
    session_->openTile("question");
    frame();
    tapCentre(*control("Huur en reparaties"));
    EXPECT_EQ(session_->screen(), (ScreenRef{"question-category", "huur"}));
    tapCentre(*control("Is mijn huur te hoog?"));
    EXPECT_EQ(session_->screen(), (ScreenRef{"question-topic", "rent-check"}));
    const DrawnItem* talk = control("Nu met iemand praten");
    ASSERT_NE(talk, nullptr);
    tapCentre(*talk);
    EXPECT_EQ(session_->screen(), (ScreenRef{"ticket", "huurloket"}));
    ASSERT_TRUE(flow_->ticket().has_value());
    EXPECT_EQ(flow_->ticket()->ticket.serviceId, "huurloket");
}

TEST_F(EveryScreenTest, TalkToSomeoneNowAtAClosedDeskExplainsInsteadOfIssuing) {
    clock_.advance(std::chrono::hours(10));  // Thursday 20:00: the Huurloket is closed
    session_->openTile("question");
    session_->open({"question-topic", "rent-check"});
    frame();
    frame();
    const DrawnItem* talk = control("Nu met iemand praten");
    ASSERT_NE(talk, nullptr);
    tapCentre(*talk);
    EXPECT_EQ(session_->screen(), (ScreenRef{"ticket-closed", "huurloket"}));
    EXPECT_FALSE(flow_->ticket().has_value());
}

TEST_F(EveryScreenTest, LeaveAQuestionAndCallMeBackOpenTheRequestScreenOnlyOnceItExists) {
    auto ids = screenIds();
    const bool requestExists = std::find(ids.begin(), ids.end(), "request") != ids.end();
    for (const auto& [label, arg] : {std::pair{"Vraag achterlaten", "question/rent-check"},
                                     std::pair{"Bel mij terug", "callback/rent-check"}}) {
        session_->startAgain();
        session_->openTile("question");
        session_->open({"question-topic", "rent-check"});
        frame();
        frame();
        const DrawnItem* button = control(label);
        if (!requestExists) {
            EXPECT_EQ(button, nullptr) << label << " is drawn, but there is no request screen to open";
            continue;
        }
        ASSERT_NE(button, nullptr) << label;
        tapCentre(*button);
        EXPECT_EQ(session_->screen(), (ScreenRef{"request", arg}));
    }
}

TEST_F(EveryScreenTest, AnAppointmentRouteOpensTheAppointmentTile) {
    session_->openTile("question");
    session_->open({"question-topic", "passport"});
    frame();
    frame();
    tapCentre(*control("Afspraak maken"));
    const StartTile& tile = *std::find_if(bundle_.content.tiles.begin(), bundle_.content.tiles.end(),
                                          [](const StartTile& t) { return t.id == "appointment"; });
    EXPECT_EQ(session_->screen(), (ScreenRef{tile.screen, "appointment"}));
    frame();
    tapCentre(*control("Terug"));
    EXPECT_EQ(session_->screen(), (ScreenRef{"question-topic", "passport"}));
}

// The control labelled text on the topic's answer part that shows it: the routes may follow the answer's last
// part ("Lees verder"); nullptr when no part has it.
const DrawnItem* EveryScreenTest::onSomePart(const std::string& text, const std::string& more) {
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

TEST_F(EveryScreenTest, ARelatedTopicAndASubTopicOpenTheirAnswer) {
    session_->openTile("question");
    session_->open({"question-topic", "rent-allowance"});
    const DrawnItem* link = onSomePart("Lees ook: Extra geld bij een laag inkomen");
    ASSERT_NE(link, nullptr);
    tapCentre(*link);
    EXPECT_EQ(session_->screen(), (ScreenRef{"question-topic", "extra-money"}));
    session_->open({"question-topic", "repairs"});
    const DrawnItem* sub = onSomePart("De verhuurder doet niets");
    ASSERT_NE(sub, nullptr);
    tapCentre(*sub);
    EXPECT_EQ(session_->screen(), (ScreenRef{"question-topic", "repairs-landlord"}));
}

// Many routes under a long answer (Ukrainian, four routes and a link) must not leave the answer a line or two
// per part ("Частина 1 з 5"): the answer takes the screen and the routes follow its last part.
TEST_F(EveryScreenTest, TheRoutesNeverSqueezeTheAnswerToAFewLines) {
    session_->setLanguage("uk");
    session_->openTile("question");
    session_->open({"question-topic", "rent-allowance"});
    frame();
    const FrameRecord& f = frame();
    for (const DrawnItem& item : f.items) {
        if (item.text.rfind("Частина ", 0) == 0) {
            EXPECT_EQ(item.text, "Частина 1 з 2");
        }
    }
    EXPECT_EQ(control("Поговорити з кимось зараз"), nullptr) << "the routes come after the answer";
    const DrawnItem* talk = onSomePart("Поговорити з кимось зараз", "Читати далі");
    EXPECT_NE(talk, nullptr);
}

// "Print dit antwoord": the answer goes to the printer and the button's place says how it goes,
// without a window in the way; a failure sends the resident to the host; a kiosk without a printer has no
// button.
TEST_F(EveryScreenTest, AnAnswerPrintsFromItsTopicAndTheScreenSaysHowItGoes) {
    auto shows = [this](const std::string& text) {
        const FrameRecord& f = frame();
        return std::any_of(f.items.begin(), f.items.end(),
                           [&](const DrawnItem& i) { return i.text == text; });
    };
    for (std::optional<PrintOutcome> fail :
         {std::optional<PrintOutcome>{}, std::optional{PrintOutcome::PaperOut}}) {
        session_->startAgain();
        if (fail) printer_.failNext(*fail);
        session_->openTile("question");
        session_->open({"question-topic", "rent-check"});
        frame();
        const DrawnItem* print = control("Print dit antwoord");
        ASSERT_NE(print, nullptr);
        tapCentre(*print);
        EXPECT_TRUE(shows("De printer maakt uw papier."));
        EXPECT_EQ(control("Print dit antwoord"), nullptr);  // one paper at a time
        EXPECT_NE(control("Terug"), nullptr);               // and the resident can go on meanwhile
        for (int i = 0; i < 500 && !requestFlow_->collectPrintResults(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        EXPECT_TRUE(shows(fail ? "Het printen lukt niet. Vraag het de gastvrouw of gastheer."
                               : "Uw papier is klaar. Pak het uit de printer."));
        EXPECT_EQ(session_->screen(), (ScreenRef{"question-topic", "rent-check"}));
    }
    // What went to the printer: the answer, not a request.
    const std::vector<ReceiptPrintout> papers = printer_.printedReceipts();
    ASSERT_EQ(papers.size(), 1u);
    EXPECT_EQ(papers[0].title, "Is mijn huur te hoog?");
    EXPECT_TRUE(papers[0].reference.empty());

    // Another topic starts without a print state; without a printer there is no button at all.
    session_->open({"question-topic", "passport"});
    frame();
    EXPECT_NE(control("Print dit antwoord"), nullptr);
    session_->attachRequestFlow(nullptr);
    RequestFlow noPrinter(RequestFlowSettings{}, bundle_.requests, clock_, random_, *outbox_, *references_,
                          nullptr, {});
    session_->attachRequestFlow(&noPrinter);
    frame();
    EXPECT_EQ(control("Print dit antwoord"), nullptr);
    EXPECT_NE(control("Terug"), nullptr);
    session_->attachRequestFlow(requestFlow_.get());
}

// --- request flows: what the review of the Ukrainian walk found

// Every answer is on the summary whole, over as many pages as it takes; every answer's box says it can be
// changed; "Terug" and "Verstuur" stay where they are; a tap on a box on a later page changes that answer
// and comes back to that page.
TEST_F(EveryScreenTest, TheSummaryShowsEveryAnswerWholeAndEachCanBeChanged) {
    const double mmPerPx = bundle_.settings.screen.mmPerPx;
    auto noSpace = [](std::string t) {
        std::erase_if(t, [](char c) { return c == ' ' || c == '\n'; });
        return t;
    };
    for (const std::string& lang : bundle_.content.languages)
        for (const char* flowId : {"question", "initiative"}) {
            const std::string where = fmt::format("{} / {}", flowId, lang);
            session_->startAgain();
            session_->setLanguage(lang);
            session_->open({"request", flowId});
            frame();
            ASSERT_NO_FATAL_FAILURE(walkWithLongestAnswers(flowId));
            frame();
            const std::string& change = session_->tr("flow.change");
            const std::string& send = session_->tr("flow.send");
            const std::string& back = session_->tr("common.back");
            std::set<std::string> labels;
            for (const auto& row : requestFlow_->summary()) labels.insert(session_->tr(row.labelKey));

            std::string shown;  // every box's text, page after page, without the hint
            std::set<std::string> changeable;
            std::optional<Rect> sendAt, backAt;
            int pages = 0;
            for (; pages < 12; ++pages) {
                const FrameRecord& f = frame();
                for (std::size_t i = 0; i < f.items.size(); ++i) {
                    const DrawnItem& item = f.items[i];
                    EXPECT_TRUE(f.isVisible(item))
                        << where << ", page " << pages + 1 << ": \"" << item.text << "\"";
                    if (item.clickable) {
                        EXPECT_GE(item.rect.height() * mmPerPx, 10.0) << where << ": " << item.text;
                        EXPECT_GE(item.rect.width() * mmPerPx, 10.0) << where << ": " << item.text;
                    }
                    if (item.region != Region::Content || !labels.contains(item.text)) continue;
                    if (item.clickable) {
                        // A box to change: its text comes right after it and ends with the hint.
                        ASSERT_LT(i + 1, f.items.size());
                        const std::string& text = f.items[i + 1].text;
                        ASSERT_TRUE(text.ends_with("\n" + change))
                            << where << ": " << item.text << " says " << text;
                        shown += text.substr(0, text.size() - change.size() - 1);
                        changeable.insert(item.text);
                    } else if (i + 1 < f.items.size()) {
                        shown += f.items[i + 1].text;  // the topic, as text
                    }
                }
                const DrawnItem* s = control(send);
                const DrawnItem* b = control(back);
                ASSERT_NE(s, nullptr) << where;
                ASSERT_NE(b, nullptr) << where;
                if (!sendAt) sendAt = s->rect, backAt = b->rect;
                EXPECT_EQ(s->rect.y0, sendAt->y0) << where;
                EXPECT_EQ(s->rect.x0, sendAt->x0) << where;
                EXPECT_EQ(b->rect.y0, backAt->y0) << where;
                EXPECT_EQ(control("…"), nullptr);
                const DrawnItem* more = control(session_->tr("question.more"));
                if (more == nullptr) break;
                tapCentre(*more);
            }
            const int pageCount = pages + 1;  // the loop left at the last page
            EXPECT_GE(pageCount, 2) << where << ": the longest answers cannot fit on one page";
            EXPECT_LE(pageCount, 12) << where;
            EXPECT_EQ(shown.find("…"), std::string::npos) << where;
            const std::string all = noSpace(shown);
            for (const auto& row : requestFlow_->summary()) {
                std::string value;
                for (const std::string& k : row.textKeys)
                    value += (value.empty() ? "" : ", ") + session_->tr(k);
                if (row.textKeys.empty()) value = row.value;
                EXPECT_NE(all.find(noSpace(value)), std::string::npos)
                    << where << ": " << row.labelKey << " is not shown whole: " << value;
                if (!row.stepId.empty()) {
                    EXPECT_TRUE(changeable.contains(session_->tr(row.labelKey)))
                        << where << ": " << row.labelKey;
                }
            }
        }

    // A box on the last page: its question, then back to that page.
    session_->startAgain();
    session_->open({"request", "initiative"});
    frame();
    ASSERT_NO_FATAL_FAILURE(walkWithLongestAnswers("initiative"));
    frame();
    std::string page;
    while (const DrawnItem* more = control("Lees verder")) tapCentre(*more);
    for (const DrawnItem& i : ui_->lastFrame().items)
        if (i.text.starts_with("Deel ")) page = i.text;
    ASSERT_NE(page, "");
    const DrawnItem* email = control("E-mail");
    ASSERT_NE(email, nullptr);
    tapCentre(*email);
    EXPECT_EQ(requestFlow_->step().id, "email");
    tapCentre(*control("Verder"));
    ASSERT_EQ(requestFlow_->step().kind, StepKind::Summary);
    frame();
    EXPECT_NE(control("E-mail"), nullptr) << "back on " << page << "?";
}

// "Dit vak is nog leeg" goes as soon as a key is typed, and comes back only with "Verder".
TEST_F(EveryScreenTest, AnErrorUnderAFieldGoesWithTheFirstKeyTyped) {
    auto shows = [this](const std::string& text) {
        const FrameRecord& f = frame();
        return std::any_of(f.items.begin(), f.items.end(),
                           [&](const DrawnItem& i) { return i.text == text; });
    };
    const std::string& empty = session_->tr("form.required");
    session_->open({"request", "question/" + bundle_.questions.topics().front().id});
    frame();
    ASSERT_TRUE(requestFlow_->next());
    requestFlow_->choose("type");
    frame();
    tapCentre(*control("Verder"));
    ASSERT_TRUE(shows(empty));
    const std::vector<KeyCap> keys = ui_->lastKeys();
    auto d = std::find_if(keys.begin(), keys.end(), [](const KeyCap& k) { return k.types == "d"; });
    ASSERT_NE(d, keys.end());
    const float x = (d->rect.x0 + d->rect.x1) / 2, y = (d->rect.y0 + d->rect.y1) / 2;
    frame(x, y, false);
    frame(x, y, true);
    frame(x, y, false);
    EXPECT_EQ(requestFlow_->entry().value(), "d");
    EXPECT_FALSE(shows(empty));
    const std::vector<KeyCap> again = ui_->lastKeys();
    auto erase = std::find_if(again.begin(), again.end(),
                              [](const KeyCap& k) { return k.kind == KeyCap::Kind::Erase; });
    ASSERT_NE(erase, again.end());
    const float ex = (erase->rect.x0 + erase->rect.x1) / 2, ey = (erase->rect.y0 + erase->rect.y1) / 2;
    frame(ex, ey, false);
    frame(ex, ey, true);
    frame(ex, ey, false);
    EXPECT_EQ(requestFlow_->entry().value(), "");
    EXPECT_FALSE(shows(empty));
    tapCentre(*control("Verder"));
    EXPECT_TRUE(shows(empty));
}

// One-line kinds (phone, e-mail, postcode, house number, a name) get a one-line box, so the error sits right
// under it; only a long free text (the question) gets a tall box.
TEST_F(EveryScreenTest, OnlyLongFreeTextGetsATallField) {
    struct Case {
        std::string arg;
        std::vector<std::string> before;  // options; "" = "Verder"
        std::string wrong;
        bool tall;
    };
    const std::string topic = bundle_.questions.topics().front().id;
    const std::vector<Case> cases{
        {"question/" + topic, {"", "topic-only", "email"}, "jan@", false},
        {"question/" + topic, {"", "topic-only", "phone"}, "0612", false},
        {"home-visit", {"care", ""}, "", false},                   // the name
        {"home-visit", {"care", "", "@name", ""}, "0000", false},  // the postcode
        {"question/" + topic, {"", "type"}, "", true},
    };
    for (const Case& c : cases) {
        session_->startAgain();
        session_->open({"request", c.arg});
        frame();
        for (const std::string& o : c.before) {
            if (o == "@name")
                requestFlow_->entry().set("Truus de Vries");
            else if (o.empty())
                requestFlow_->next();
            else
                requestFlow_->choose(o);
        }
        ASSERT_EQ(requestFlow_->step().kind, StepKind::Entry) << c.arg;
        requestFlow_->entry().set(c.wrong);
        EXPECT_FALSE(requestFlow_->next());
        const std::string label = session_->tr(requestFlow_->step().labelKey);
        const std::string error = session_->tr(requestFlow_->errorKey());
        frame();
        const FrameRecord& f = frame();
        const DrawnItem *labelItem = nullptr, *errorItem = nullptr;
        for (const DrawnItem& i : f.items) {
            if (i.text == label && !i.clickable) labelItem = &i;
            if (i.text == error) errorItem = &i;
        }
        ASSERT_NE(labelItem, nullptr) << requestFlow_->step().id;
        ASSERT_NE(errorItem, nullptr) << requestFlow_->step().id;
        const float between = errorItem->rect.y0 - labelItem->rect.y1;
        const float line = fonts_.forTheme(session_->theme().id).large->FontSize * 1.15f;
        if (c.tall) {
            EXPECT_GT(between, line * 3) << requestFlow_->step().id;
        } else {
            EXPECT_LT(between, line * 2.5f)
                << requestFlow_->step().id << ": a one-line field drawn " << between << " px tall";
        }
    }
}

}  // namespace
}  // namespace wp::ui
