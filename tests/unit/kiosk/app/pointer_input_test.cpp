#include "kiosk/app/pointer_input.h"

#include <gtest/gtest.h>

#include <cfloat>

namespace wp {
namespace {

TEST(PointerInputTest, NothingTouchedIsOffScreen) {
    PointerInput p;
    auto s = p.nextFrame();
    EXPECT_EQ(s.x, -FLT_MAX);
    EXPECT_FALSE(s.down);
}

// A tap whose press and release arrive between two frames still gives ImGui a press frame and a release
// frame over the control, then leaves (no hover on a touch screen).
TEST(PointerInputTest, TapShorterThanAFrameIsLatched) {
    PointerInput p;
    p.press(100, 200);
    p.release(100, 200);
    auto pressed = p.nextFrame();
    EXPECT_TRUE(pressed.down);
    EXPECT_EQ(pressed.x, 100);
    auto released = p.nextFrame();
    EXPECT_FALSE(released.down);
    EXPECT_EQ(released.y, 200);
    auto gone = p.nextFrame();
    EXPECT_EQ(gone.x, -FLT_MAX);
}

TEST(PointerInputTest, HoldAndDragFollowTheFinger) {
    PointerInput p;
    p.press(10, 10);
    EXPECT_TRUE(p.nextFrame().down);
    p.move(20, 30);
    auto held = p.nextFrame();
    EXPECT_TRUE(held.down);
    EXPECT_EQ(held.x, 20);
    p.release(25, 35);
    auto up = p.nextFrame();
    EXPECT_FALSE(up.down);
    EXPECT_EQ(up.x, 25);
    EXPECT_EQ(p.nextFrame().x, -FLT_MAX);
}

TEST(PointerInputTest, MotionWithoutPressIsNoHover) {
    PointerInput p;
    p.move(5, 5);
    EXPECT_EQ(p.nextFrame().x, -FLT_MAX);
}

}  // namespace
}  // namespace wp
