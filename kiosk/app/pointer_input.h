// PointerInput: one finger (or mouse) turned into what ImGui needs each frame.
//
// ImGui 1.86 needs a press to be seen for at least one frame and its release in a later frame; a tap can
// come and go between two frames, so a release that arrives in the same frame as its press is latched
// and delivered one frame later. After a release the pointer leaves the screen, so nothing stays hovered
// (a touch screen has no hover). No SDL types: the app translates its events.
#pragma once

namespace wp {

class PointerInput {
  public:
    void press(float x, float y);
    void move(float x, float y);
    void release(float x, float y);

    struct FrameState {
        float x, y;  // -FLT_MAX when the pointer is off the screen
        bool down;
    };
    // The state to give ImGui for the next frame; advances the latch.
    FrameState nextFrame();

  private:
    float x_ = -1, y_ = -1;
    bool down_ = false;
    bool pressedThisFrame_ = false;
    bool releasePending_ = false;
    bool present_ = false;
    bool leaveAfterFrame_ = false;
};

}  // namespace wp
