// The now-serving display, drawn headless: the latest call must be readable from 5 m — capital letters of
// at least 45 mm on the reference TV of DESIGN.md (43", 1920x1080, 0.4935 mm per pixel) — with its service
// under it and lit up while new; the waiting line per service with capitals of at least 25 mm, "dicht" for a
// closed service; and every text of the board must be drawn whole.
#include "kiosk/ui/display_shell.h"

#include <imgui.h>

#include <gtest/gtest.h>

#include "kiosk/core/host_desk.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/kiosk/ui/headless_ui_fixture.h"
#include "tests/unit/sqlite_queue_stores.h"
#include "tests/unit/temp_dir.h"

namespace wp::ui {
namespace {

class DisplayShellTest : public testing::HeadlessUiTest {
  protected:
    void SetUp() override {
        // The TV, with the fonts of the one theme the display role draws with.
        ASSERT_NO_FATAL_FAILURE(setUpUi(&Settings::displayScreen, &Settings::theme));
        auto stores = testing::SqliteQueueStores::open(dir_.path() / "kiosk.sqlite", bundle_.services);
        ASSERT_TRUE(stores) << stores.status().message();
        stores_ = std::move(stores).value();
    }

    const FrameRecord& draw(const CallBoard& board) {
        ImGui::GetIO().DeltaTime = 1.f / 60.f;
        ImGui::NewFrame();
        shell_.drawFrame(ui_, board, clock_.now(), ImGui::GetIO().DisplaySize.x,
                         ImGui::GetIO().DisplaySize.y);
        ImGui::Render();
        return ui_.lastFrame();
    }

    // Height of a capital H of the item's font as drawn, in millimetres on the configured TV.
    double capitalHeightMm(const DrawnItem& item, ImFont* font) const {
        if (font == nullptr) return 0;
        const ImFontGlyph* h = font->FindGlyphNoFallback('H');
        EXPECT_NE(h, nullptr);
        if (h == nullptr) return 0;
        return (h->Y1 - h->Y0) * item.fontSize / font->FontSize * bundle_.settings.displayScreen.mmPerPx;
    }

    testing::FakeClock clock_{*parseLocalDateTime("2026-11-26 10:00")};
    testing::TempDir dir_;
    Ui ui_{fonts_};
    testing::SqliteQueueStores stores_;
    Texts texts_{bundle_.content};
    DisplayShell shell_{bundle_, texts_};
};

TEST_F(DisplayShellTest, TheLatestCallIsReadableFromFiveMetres) {
    ASSERT_TRUE(stores_.tickets->issueTicket("huurloket", clock_.now()));
    ASSERT_TRUE(stores_.tickets->issueTicket("huurloket", clock_.now()));
    HostDeskOptions options;
    options.counter = "Balie 2";
    HostDesk desk(bundle_.services, bundle_.hosts, stores_.desk(), clock_, options);
    auto signedIn = desk.signIn("fatima", "12345");
    ASSERT_TRUE(signedIn) << signedIn.status().message();
    ASSERT_EQ(signedIn->outcome, HostDesk::SignIn::Outcome::SignedIn);
    CallBoard board(bundle_.services, *stores_.tickets, clock_);
    ASSERT_TRUE(board.poll());
    ASSERT_TRUE(desk.callNext("huurloket"));
    ASSERT_TRUE(desk.callNext("huurloket"));
    auto fresh = board.poll();
    ASSERT_TRUE(fresh);
    ASSERT_EQ(fresh->size(), 2u);
    EXPECT_EQ(spokenCall((*fresh)[1].ticket, (*fresh)[1].counter), "H 2, balie 2");

    draw(board);
    const FrameRecord& f = draw(board);
    bool number = false, counter = false, previous = false;
    ImFont* ticketFont = fonts_.forTheme(bundle_.settings.theme).ticket;
    for (const DrawnItem& item : f.items) {
        EXPECT_TRUE(f.isVisible(item)) << "\"" << item.text << "\" is clipped";
        if (item.text == "H-002") {
            number = true;
            EXPECT_GE(capitalHeightMm(item, ticketFont), 45.0);
        }
        if (item.text == "BALIE 2") {
            counter = true;
            EXPECT_GE(capitalHeightMm(item, ticketFont), 45.0);
        }
        if (item.text == "H-001  →  Balie 2") previous = true;
    }
    EXPECT_TRUE(number);
    EXPECT_TRUE(counter);
    EXPECT_TRUE(previous);
}

TEST_F(DisplayShellTest, TheServiceIsUnderTheNumberAndANewCallIsLitUpForAWhile) {
    ASSERT_TRUE(stores_.tickets->issueTicket("huurloket", clock_.now()));
    HostDesk desk(bundle_.services, bundle_.hosts, stores_.desk(), clock_, HostDeskOptions{"Balie 2"});
    ASSERT_TRUE(desk.signIn("fatima", "12345"));
    CallBoard board(bundle_.services, *stores_.tickets, clock_);
    ASSERT_TRUE(board.poll());
    ASSERT_TRUE(desk.callNext("huurloket"));
    auto fresh = board.poll();
    ASSERT_TRUE(fresh);
    ASSERT_EQ(fresh->size(), 1u);
    shell_.noteNewCall(clock_.now());
    const Theme& t = bundle_.themes.at(bundle_.settings.theme);

    draw(board);
    const FrameRecord& lit = draw(board);
    const DrawnItem *number = nullptr, *service = nullptr;
    for (const DrawnItem& item : lit.items) {
        if (item.text == "H-001") number = &item;
        if (item.text == "Huurloket" && item.fontSize == t.titleSize) service = &item;
    }
    ASSERT_NE(number, nullptr);
    ASSERT_NE(service, nullptr);
    EXPECT_GT(service->rect.y0, number->rect.y1);
    EXPECT_EQ(number->bg, t.colors.tile);
    EXPECT_EQ(number->fg, t.colors.tileText);
    EXPECT_TRUE(shell_.highlighted(clock_.now()));

    clock_.advance(DisplayShell::kHighlight);
    EXPECT_FALSE(shell_.highlighted(clock_.now()));
    const FrameRecord& plain = draw(board);
    for (const DrawnItem& item : plain.items) {
        if (item.text == "H-001") {
            EXPECT_EQ(item.bg, t.colors.background);
        }
    }
}

TEST_F(DisplayShellTest, TheWaitingLinesAreReadableAndAClosedServiceSaysDicht) {
    // Thursday 10:00: the Initiatief-coach has walk-in hours in the evening only.
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(stores_.tickets->issueTicket("huurloket", clock_.now()));
    CallBoard board(bundle_.services, *stores_.tickets, clock_);
    ASSERT_TRUE(board.poll());
    draw(board);
    const FrameRecord& f = draw(board);
    ImFont* title = fonts_.forTheme(bundle_.settings.theme).title;
    bool waiting = false, closed = false;
    for (const DrawnItem& item : f.items) {
        EXPECT_TRUE(f.isVisible(item)) << "\"" << item.text << "\" is clipped";
        if (item.text == "3 wachtend") {
            waiting = true;
            EXPECT_GE(capitalHeightMm(item, title), DisplayShell::kWaitingCapitalMm);
        }
        if (item.text == "dicht") {
            closed = true;
            EXPECT_GE(capitalHeightMm(item, title), DisplayShell::kWaitingCapitalMm);
        }
    }
    EXPECT_TRUE(waiting);
    EXPECT_TRUE(closed);
}

}  // namespace
}  // namespace wp::ui
