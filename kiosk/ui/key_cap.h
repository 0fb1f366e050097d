// KeyCap: one key of the on-screen keyboard as drawn in a frame, beside its FrameRecord control, so the
// script runner's `type` step can find the key that types a character, or the key that leads to it (shift,
// the accent page, Latin/Cyrillic). Plain data, no ImGui or SDL types.
#pragma once

#include <string>
#include <vector>

#include "kiosk/ui/frame_record.h"

namespace wp::ui {

struct KeyCap {
    enum class Kind {
        Character,  // types `types`
        Mode,       // changes the page or shift; `offers` says which characters it is the way to
        Erase,      // "Wissen": removes the last character
    };
    Kind kind = Kind::Character;
    Rect rect;
    std::string types;                // Character: "a", "É", " ", ".nl"
    std::vector<std::string> offers;  // Mode: characters for which this key is the first tap of the
                                      // shortest way from the page shown
};

}  // namespace wp::ui
