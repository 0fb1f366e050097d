#include "kiosk/app/pointer_input.h"

#include <cfloat>

namespace wp {

void PointerInput::press(float x, float y) {
    x_ = x;
    y_ = y;
    down_ = true;
    present_ = true;
    pressedThisFrame_ = true;
    releasePending_ = false;
    leaveAfterFrame_ = false;
}

void PointerInput::move(float x, float y) {
    if (!down_ && !releasePending_) return;  // no hover on a touch screen
    x_ = x;
    y_ = y;
}

void PointerInput::release(float x, float y) {
    x_ = x;
    y_ = y;
    if (pressedThisFrame_) {
        releasePending_ = true;  // let ImGui see the press first
    } else {
        down_ = false;
        leaveAfterFrame_ = true;
    }
}

PointerInput::FrameState PointerInput::nextFrame() {
    if (!present_) return {-FLT_MAX, -FLT_MAX, false};
    FrameState s{x_, y_, down_};
    if (pressedThisFrame_) {
        pressedThisFrame_ = false;
        if (releasePending_) {
            releasePending_ = false;
            down_ = false;
            leaveAfterFrame_ = true;
        }
        return s;
    }
    if (leaveAfterFrame_ && !down_) {
        // The release frame (pointer still over the control) has been delivered; now leave.
        leaveAfterFrame_ = false;
        return s;
    }
    if (!down_) present_ = false;
    return present_ ? s : FrameState{-FLT_MAX, -FLT_MAX, false};
}

}  // namespace wp
