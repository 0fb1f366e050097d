// The now-serving display, drawn headless: the latest call must be readable from 5 m — capital letters of
// at least 45 mm on the reference TV of DESIGN.md (43", 1920x1080, 0.4935 mm per pixel) — and every text
// of the board must be drawn whole.
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

}  // namespace
}  // namespace wp::ui
