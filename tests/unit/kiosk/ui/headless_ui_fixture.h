// HeadlessUiTest: what the UI tests share to draw screens without a window (STYLE.md #5) — the demo bundle
// (provisioning/demo/settings.toml), an ImGui context with no backend the size of one of its screens and
// styled as the app styles it, and the themes' fonts built into the atlas as a backend would. Derived
// fixtures call setUpUi() from their SetUp (wrapped in ASSERT_NO_FATAL_FAILURE); TearDown ends the context.
// Also overlaps(), for the checks that no two drawn things cover each other.
#pragma once

#include <imgui.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "common/bundle.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/ui.h"

namespace wp::testing {

class HeadlessUiTest : public ::testing::Test {
  protected:
    // Loads the demo bundle and opens the context the size of its `screen` (the walk-in screen by default),
    // with the fonts of the one theme the settings name in `theme`, or of every theme of the bundle.
    void setUpUi(Settings::Screen Settings::*screen = &Settings::screen,
                 std::string Settings::*theme = nullptr) {
        auto loaded =
            loadBundle(std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "provisioning/demo/settings.toml");
        ASSERT_TRUE(loaded) << loaded.status().message();
        bundle_ = std::move(loaded).value();
        ImGui::CreateContext();
        contextMade_ = true;
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        const Settings::Screen& size = bundle_.settings.*screen;
        io.DisplaySize = ImVec2(static_cast<float>(size.widthPx), static_cast<float>(size.heightPx));
        ImGui::GetStyle().WindowPadding = ImVec2(0, 0);  // as kiosk_app.cpp styles every role
        ImGui::GetStyle().WindowBorderSize = 0;
        std::map<std::string, Theme> themes = bundle_.themes;
        if (theme != nullptr) {
            const std::string& id = bundle_.settings.*theme;
            themes = {{id, bundle_.themes.at(id)}};
        }
        ASSERT_TRUE(fonts_.build(*io.Fonts, themes));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // marks the atlas as built, as a backend would
    }

    void TearDown() override {
        if (contextMade_) ImGui::DestroyContext();
    }

  public:
    // Whether two rectangles overlap by more than half a pixel.
    static bool overlaps(const ui::Rect& a, const ui::Rect& b) {
        const float e = 0.5f;
        return a.x0 < b.x1 - e && b.x0 < a.x1 - e && a.y0 < b.y1 - e && b.y0 < a.y1 - e;
    }

  protected:
    Bundle bundle_;
    ui::FontSet fonts_;

  private:
    bool contextMade_ = false;
};

}  // namespace wp::testing
