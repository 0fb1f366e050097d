// Runs every resident screen, in every language and every theme, on an ImGui context with no backend,
// and checks what ACCESSIBILITY.md asks of each: touch targets, contrast, glyphs, nothing clipped or
// overlapping, the always-present controls, and no text key missing.
#include <fmt/format.h>
#include <imgui.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <thread>

#include "drivers/printer/fake_printer.h"
#include "drivers/speech/recording_speaker.h"
#include "kiosk/core/resident_session.h"
#include "kiosk/store/sqlite_queue_store.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/resident_shell.h"
#include "kiosk/ui/screen.h"
#include "kiosk/ui/ui.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp::ui {
namespace {

using namespace std::chrono_literals;

class NoAlerts final : public HostAlerts {
  public:
    void residentAsksForHost(const std::string&, TimePoint) override {}
};

// Decodes UTF-8 into code points.
std::vector<unsigned> codePoints(const std::string& s) {
    std::vector<unsigned> out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        unsigned cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < n && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += static_cast<size_t>(n);
    }
    return out;
}

bool overlaps(const Rect& a, const Rect& b) {
    const float e = 0.5f;
    return a.x0 < b.x1 - e && b.x0 < a.x1 - e && a.y0 < b.y1 - e && b.y0 < a.y1 - e;
}

class EveryScreenTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto loaded =
            loadBundle(std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "provisioning/demo/settings.toml");
        ASSERT_TRUE(loaded) << loaded.status().message();
        bundle_ = std::move(loaded).value();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(bundle_.settings.screen.widthPx),
                                static_cast<float>(bundle_.settings.screen.heightPx));
        ImGui::GetStyle().WindowPadding = ImVec2(0, 0);
        ImGui::GetStyle().WindowBorderSize = 0;
        ASSERT_TRUE(fonts_.build(*io.Fonts, bundle_.themes));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // marks the atlas as built, as a backend would
        session_ = std::make_unique<ResidentSession>(bundle_, clock_, speaker_, alerts_);
        ui_ = std::make_unique<Ui>(fonts_);

        // A real queue in a temp folder and a fake printer, so the ticket screens have something to show.
        auto store = SqliteQueueStore::open(dir_.path() / "kiosk.sqlite", bundle_.services);
        ASSERT_TRUE(store) << store.status().message();
        store_ = std::move(store).value();
        queue_ = std::make_unique<ServiceQueue>(bundle_.services, *store_, clock_);
        spooler_ = std::make_unique<PrintSpooler>(printer_, nullptr);
        flow_ = std::make_unique<TicketFlow>(*queue_, *store_, spooler_.get(), bundle_.settings, clock_);
        session_->attachTicketFlow(flow_.get());
    }
    void TearDown() override {
        session_->attachTicketFlow(nullptr);
        ImGui::DestroyContext();
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
        shell_.drawFrame(*ui_, *session_, io.DisplaySize.x, io.DisplaySize.y);
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
                              ASSERT_TRUE(store_->changeTicketState(flow_->ticket()->ticket.id, TicketState::Called,
                                                                    "Balie 2", clock_.now()));
                              ASSERT_TRUE(flow_->refreshTicket());
                          }});
        states.push_back({"service paused", [this](ResidentSession& s, testing::FakeClock&) {
                              ASSERT_TRUE(store_->setPaused("wijkteam", true, clock_.now()));
                              s.openTile("ticket");
                              frame();
                              s.open({"ticket-closed", "wijkteam"});
                              frame();
                              ASSERT_TRUE(store_->setPaused("wijkteam", false, clock_.now()));
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
        return states;
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

    Bundle bundle_;
    // Thursday 26 November 2026, 10:00 in Schiedam: every service has walk-in hours then.
    testing::FakeClock clock_{*parseLocalDateTime("2026-11-26 10:00")};
    testing::TempDir dir_;
    FakePrinter printer_;
    std::unique_ptr<SqliteQueueStore> store_;
    std::unique_ptr<ServiceQueue> queue_;
    std::unique_ptr<PrintSpooler> spooler_;
    std::unique_ptr<TicketFlow> flow_;
    RecordingSpeaker speaker_;
    NoAlerts alerts_;
    FontSet fonts_;
    std::unique_ptr<ResidentSession> session_;
    std::unique_ptr<Ui> ui_;
    ResidentShell shell_;
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
            for (unsigned cp : codePoints(item.text)) {
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
        for (unsigned cp : codePoints(text))
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

}  // namespace
}  // namespace wp::ui
