// The host console, drawn headless on the host's monitor: a resident's call for help is a banner in the help
// colour, apart from the technical messages on the warning colour, which say in Dutch what to do; the common
// actions carry their shortcut keys, the most used first, and the keys act like the buttons.
#include "kiosk/ui/host_shell.h"

#include <imgui.h>

#include <gtest/gtest.h>

#include "kiosk/store/sqlite_host_alert_store.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/kiosk/ui/headless_ui_fixture.h"
#include "tests/unit/sqlite_queue_stores.h"
#include "tests/unit/temp_dir.h"

namespace wp::ui {
namespace {

class HostShellTest : public testing::HeadlessUiTest {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(setUpUi(&Settings::hostScreen, &Settings::hostTheme));
        auto stores = testing::SqliteQueueStores::open(dir_.path() / "kiosk.sqlite", bundle_.services);
        ASSERT_TRUE(stores) << stores.status().message();
        stores_ = std::move(stores).value();
        auto alerts = SqliteHostAlertStore::open(dir_.path() / "kiosk.sqlite");
        ASSERT_TRUE(alerts) << alerts.status().message();
        alertStore_ = std::move(alerts).value();
        HostDeskOptions options;
        options.counter = "Balie 2";
        desk_ = std::make_unique<HostDesk>(bundle_.services, bundle_.hosts, stores_.desk(), clock_, options);
        board_ = std::make_unique<HostAlertBoard>(*alertStore_, nullptr, clock_);
        texts_ = std::make_unique<Texts>(bundle_.content);
        shell_ = std::make_unique<HostShell>(bundle_, *texts_, *desk_, *board_, clock_);
    }
    void signIn() {
        auto in = desk_->signIn("fatima", "12345");
        ASSERT_TRUE(in) << in.status().message();
        ASSERT_EQ(in->outcome, HostDesk::SignIn::Outcome::SignedIn);
    }
    // Reads the desk and the alerts, then draws two frames (an action in the first is read back after it).
    const FrameRecord& draw() {
        shell_->refresh();
        for (int i = 0; i < 2; ++i) {
            ImGui::GetIO().DeltaTime = 1.f / 60.f;
            ImGui::NewFrame();
            shell_->drawFrame(ui_, ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
            ImGui::Render();
        }
        return ui_.lastFrame();
    }
    const DrawnItem* find(const FrameRecord& f, std::string_view startsWith) const {
        for (const DrawnItem& item : f.items)
            if (item.text.starts_with(startsWith)) return &item;
        return nullptr;
    }
    std::vector<Ticket> atCounter() { return desk_->atCounter().value(); }

    testing::FakeClock clock_{*parseLocalDateTime("2026-11-26 10:00")};
    testing::TempDir dir_;
    Ui ui_{fonts_};
    testing::SqliteQueueStores stores_;
    std::unique_ptr<SqliteHostAlertStore> alertStore_;
    std::unique_ptr<HostDesk> desk_;
    std::unique_ptr<HostAlertBoard> board_;
    std::unique_ptr<Texts> texts_;
    std::unique_ptr<HostShell> shell_;
};

TEST_F(HostShellTest, ACallForHelpIsABannerApartFromTheTechnicalMessages) {
    signIn();
    alertStore_->residentAsksForHost("start", clock_.now() - std::chrono::minutes(2));
    PrinterStatus empty;
    empty.state = PrinterStatus::State::Idle;
    empty.reasons = {"media-empty"};
    empty.acceptingJobs = true;
    ASSERT_TRUE(alertStore_->reportPrinterStatus(empty, clock_.now()));
    const FrameRecord& f = draw();
    const Theme& t = bundle_.themes.at(bundle_.settings.hostTheme);
    const DrawnItem* help = find(f, "Iemand vraagt om hulp bij het scherm (start), 2 min geleden.");
    const DrawnItem* paper = find(f, "Printer: geen papier. Leg een nieuwe rol in.");
    ASSERT_NE(help, nullptr);
    ASSERT_NE(paper, nullptr);
    EXPECT_EQ(help->bg, t.colors.help);
    EXPECT_EQ(paper->bg, t.colors.warning);
    EXPECT_NE(t.colors.help, t.colors.warning);
    EXPECT_GE(contrastRatio(t.colors.help, t.colors.warning), 3.0);
    // The banner runs across the top, over the counter; "Gezien" carries its key.
    const DrawnItem* atCounter = find(f, "Aan de balie");
    ASSERT_NE(atCounter, nullptr);
    EXPECT_LT(help->rect.y1, atCounter->rect.y0);
    const DrawnItem* seen = find(f, "Gezien · start [F5]");
    ASSERT_NE(seen, nullptr);
    EXPECT_TRUE(seen->clickable);
    for (const DrawnItem& item : f.items) {
        EXPECT_TRUE(f.isVisible(item)) << "\"" << item.text << "\" is clipped";
        if (!item.text.empty()) {
            EXPECT_GE(contrastRatio(item.fg, item.bg), 4.5) << item.text;
        }
    }
    // F5 acknowledges it.
    EXPECT_TRUE(shell_->shortcut("F5"));
    const FrameRecord& after = draw();
    EXPECT_EQ(find(after, "Iemand vraagt om hulp"), nullptr);
    EXPECT_NE(find(after, "Printer: geen papier."), nullptr);
}

TEST_F(HostShellTest, TheCommonActionsCarryTheirKeysAndTheKeysActLikeTheButtons) {
    EXPECT_FALSE(shell_->shortcut("Enter"));  // nobody signed in: the keys do nothing
    signIn();
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(stores_.tickets->issueTicket("huurloket", clock_.now()));
    const FrameRecord& idle = draw();
    ASSERT_NE(find(idle, "Volgende [Enter]"), nullptr);
    EXPECT_FALSE(shell_->shortcut("F9"));
    EXPECT_FALSE(shell_->shortcut("Escape"));

    EXPECT_TRUE(shell_->shortcut("Enter"));
    const FrameRecord& called = draw();
    ASSERT_EQ(atCounter().size(), 1u);
    EXPECT_EQ(atCounter()[0].display, "H-001");
    // The most used first, in reading order: "Klaar en volgende" before the others.
    const DrawnItem* finishNext = find(called, "Klaar en volgende [Enter]");
    ASSERT_NE(finishNext, nullptr);
    float previousX = -1, previousY = -1;
    for (const char* label : {"Klaar en volgende [Enter]", "Opnieuw roepen [F2]", "Niet gekomen [F3]",
                              "Klaar: geholpen [F4]", "Klaar: doorverwezen", "In gesprek", "Parkeren"}) {
        const DrawnItem* b = find(called, label);
        ASSERT_NE(b, nullptr) << label;
        EXPECT_TRUE(b->clickable) << label;
        EXPECT_TRUE(b->rect.y0 > previousY || (b->rect.y0 == previousY && b->rect.x0 > previousX)) << label;
        previousX = b->rect.x0;
        previousY = b->rect.y0;
    }

    EXPECT_TRUE(shell_->shortcut("Enter"));  // Klaar en volgende
    draw();
    ASSERT_EQ(atCounter().size(), 1u);
    EXPECT_EQ(atCounter()[0].display, "H-002");
    EXPECT_EQ(stores_.tickets->ticket(1).value().outcome, TicketOutcome::Helped);
    EXPECT_TRUE(shell_->shortcut("F3"));  // not come
    draw();
    EXPECT_TRUE(atCounter().empty());
    EXPECT_EQ(stores_.tickets->ticket(2).value().state, TicketState::NoShow);
    EXPECT_TRUE(shell_->shortcut("Enter"));  // Volgende
    draw();
    ASSERT_EQ(atCounter().size(), 1u);
    EXPECT_TRUE(shell_->shortcut("F4"));  // Klaar, without calling the next
    draw();
    EXPECT_TRUE(atCounter().empty());
    // A key pressed while it has nothing to act on is dropped, not kept for later.
    EXPECT_TRUE(shell_->shortcut("F2"));
    draw();
    EXPECT_TRUE(atCounter().empty());
}

TEST_F(HostShellTest, AHostSignsInWithTheKeyboardAlone) {
    draw();
    // The keypad focus goes to the host's name and Enter chooses it; the PIN is typed; Enter signs in.
    std::string focused;
    for (int i = 0; i < 20 && focused != "Fatima"; ++i) {
        ui_.focusNext();
        focused = ui_.takeFocusAnnouncement().value_or("");
    }
    ASSERT_EQ(focused, "Fatima");
    ui_.activateFocused();
    draw();
    ui_.clearFocus();
    EXPECT_FALSE(shell_->shortcut("F2"));  // signed out, only Enter acts
    ui_.typeText("12a345");                // what is no digit is not taken
    draw();
    EXPECT_NE(find(draw(), "• • • • • "), nullptr);
    EXPECT_TRUE(shell_->shortcut("Enter"));
    draw();
    ASSERT_NE(desk_->host(), nullptr);
    EXPECT_EQ(desk_->host()->id, "fatima");
}

TEST_F(HostShellTest, TheHostChoosesWhereTheNextTicketComesFrom) {
    signIn();
    ASSERT_TRUE(stores_.tickets->issueTicket("wijkteam", clock_.now()));
    clock_.advance(std::chrono::minutes(1));
    ASSERT_TRUE(stores_.tickets->issueTicket("huurloket", clock_.now()));
    const FrameRecord& f = draw();
    const DrawnItem* same = find(f, "dezelfde dienst");
    const DrawnItem* all = find(f, "al mijn diensten");
    ASSERT_NE(same, nullptr);
    ASSERT_NE(all, nullptr);
    EXPECT_TRUE(same->selected);
    EXPECT_FALSE(all->selected);
    desk_->setNextFrom(HostDesk::NextFrom::AllServices);
    const FrameRecord& chosen = draw();
    EXPECT_TRUE(find(chosen, "al mijn diensten")->selected);
    EXPECT_TRUE(shell_->shortcut("Enter"));
    draw();
    ASSERT_EQ(atCounter().size(), 1u);
    EXPECT_EQ(atCounter()[0].display, "W-001");  // waited longest, across Fatima's services
}

}  // namespace
}  // namespace wp::ui
