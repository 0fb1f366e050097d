// The pictograms of the kiosk: simple line drawings made with ImGui's draw lists (no emoji font, no image
// files), one per name, all defined in pictograms.cpp. Content names the pictogram of each start tile
// (content.toml: pictogram = "ticket"); the app refuses a bundle that names one not in pictogramNames().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/bundle.h"
#include "kiosk/ui/frame_record.h"

namespace wp::ui {

// Every pictogram there is: "question", "ticket", "appointment", "initiative", "participate", "home" and
// "check" (the mark of a chosen option).
std::vector<std::string> pictogramNames();
bool hasPictogram(std::string_view name);
// Draws the pictogram name into the square centred in box, in ink, lines stroke pixels wide, in the
// current ImGui window. An unknown name draws a question mark in a box, so a mistake shows.
void drawPictogram(std::string_view name, Rect box, const Rgba& ink, float stroke);

}  // namespace wp::ui
