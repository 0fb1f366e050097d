#include "kiosk/ui/pictograms.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace wp::ui {

namespace {

// A pen on a unit square (0,0 top left to 1,1 bottom right) mapped onto a square on the screen.
struct Pen {
    ImDrawList* dl;
    float x0, y0, side;
    ImU32 ink;
    float stroke;

    ImVec2 at(float x, float y) const { return ImVec2(x0 + x * side, y0 + y * side); }
    void line(float ax, float ay, float bx, float by) const {
        dl->AddLine(at(ax, ay), at(bx, by), ink, stroke);
    }
    void box(float ax, float ay, float bx, float by, float round = 0.f) const {
        dl->AddRect(at(ax, ay), at(bx, by), ink, round * side, 0, stroke);
    }
    void filledBox(float ax, float ay, float bx, float by) const {
        dl->AddRectFilled(at(ax, ay), at(bx, by), ink);
    }
    void circle(float cx, float cy, float r) const { dl->AddCircle(at(cx, cy), r * side, ink, 40, stroke); }
    void dot(float cx, float cy, float r) const { dl->AddCircleFilled(at(cx, cy), r * side, ink, 20); }
    void path(std::initializer_list<ImVec2> points, bool closed = false) const {
        for (const ImVec2& p : points) dl->PathLineTo(at(p.x, p.y));
        dl->PathStroke(ink, closed ? ImDrawFlags_Closed : 0, stroke);
    }
    void arc(float cx, float cy, float r, float from, float to) const {
        dl->PathArcTo(at(cx, cy), r * side, from, to, 24);
        dl->PathStroke(ink, 0, stroke);
    }
};

constexpr float kPi = 3.14159265f;

// A speech balloon with a question mark in it.
void question(const Pen& p) {
    p.box(0.08f, 0.1f, 0.92f, 0.7f, 0.12f);
    p.path({{0.3f, 0.7f}, {0.24f, 0.92f}, {0.48f, 0.7f}});
    p.arc(0.5f, 0.32f, 0.11f, kPi, kPi * 2.25f);
    p.line(0.5f + 0.11f * std::cos(kPi * 2.25f), 0.32f + 0.11f * std::sin(kPi * 2.25f), 0.5f, 0.5f);
    p.dot(0.5f, 0.6f, 0.035f);
}

// A numbered ticket torn off a roll: a slip with a notch on each side and lines of print.
void ticket(const Pen& p) {
    p.path({{0.12f, 0.2f},
            {0.88f, 0.2f},
            {0.88f, 0.42f},
            {0.8f, 0.5f},
            {0.88f, 0.58f},
            {0.88f, 0.8f},
            {0.12f, 0.8f},
            {0.12f, 0.58f},
            {0.2f, 0.5f},
            {0.12f, 0.42f}},
           true);
    p.filledBox(0.34f, 0.33f, 0.66f, 0.45f);
    p.line(0.34f, 0.6f, 0.66f, 0.6f);
    p.line(0.4f, 0.69f, 0.6f, 0.69f);
}

// A calendar page with its rings and a marked day.
void appointment(const Pen& p) {
    p.box(0.12f, 0.18f, 0.88f, 0.88f, 0.06f);
    p.line(0.12f, 0.36f, 0.88f, 0.36f);
    p.line(0.32f, 0.1f, 0.32f, 0.26f);
    p.line(0.68f, 0.1f, 0.68f, 0.26f);
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 3; ++c)
            p.dot(0.3f + 0.2f * static_cast<float>(c), 0.52f + 0.2f * static_cast<float>(r), 0.035f);
    p.circle(0.7f, 0.72f, 0.08f);
}

// A light bulb: an idea.
void initiative(const Pen& p) {
    p.arc(0.5f, 0.4f, 0.26f, kPi * 0.75f, kPi * 2.25f);
    const float lx = 0.5f - 0.26f * std::cos(kPi * 0.25f), rx = 0.5f + 0.26f * std::cos(kPi * 0.25f);
    const float y = 0.4f + 0.26f * std::sin(kPi * 0.25f);
    p.line(lx, y, 0.4f, 0.74f);
    p.line(rx, y, 0.6f, 0.74f);
    p.line(0.4f, 0.74f, 0.6f, 0.74f);
    p.line(0.41f, 0.83f, 0.59f, 0.83f);
    p.line(0.45f, 0.92f, 0.55f, 0.92f);
}

// Two speech balloons: talking together.
void participate(const Pen& p) {
    p.box(0.06f, 0.12f, 0.62f, 0.5f, 0.1f);
    p.path({{0.18f, 0.5f}, {0.14f, 0.66f}, {0.32f, 0.5f}});
    p.box(0.38f, 0.44f, 0.94f, 0.8f, 0.1f);
    p.path({{0.8f, 0.8f}, {0.84f, 0.94f}, {0.68f, 0.8f}});
}

// A house with a door.
void home(const Pen& p) {
    p.path({{0.08f, 0.48f}, {0.5f, 0.1f}, {0.92f, 0.48f}});
    p.path({{0.2f, 0.38f}, {0.2f, 0.9f}, {0.8f, 0.9f}, {0.8f, 0.38f}});
    p.path({{0.42f, 0.9f}, {0.42f, 0.64f}, {0.58f, 0.64f}, {0.58f, 0.9f}});
}

// A check mark.
void check(const Pen& p) {
    p.path({{0.22f, 0.52f}, {0.42f, 0.72f}, {0.78f, 0.3f}});
}

// A question mark in a box: a pictogram name that does not exist.
void unknown(const Pen& p) {
    p.box(0.1f, 0.1f, 0.9f, 0.9f);
    p.arc(0.5f, 0.36f, 0.14f, kPi, kPi * 2.25f);
    p.line(0.5f + 0.14f * std::cos(kPi * 2.25f), 0.36f + 0.14f * std::sin(kPi * 2.25f), 0.5f, 0.6f);
    p.dot(0.5f, 0.74f, 0.04f);
}

struct Entry {
    const char* name;
    void (*draw)(const Pen&);
};
const Entry kPictograms[] = {
    {"question", question},     {"ticket", ticket},           {"appointment", appointment},
    {"initiative", initiative}, {"participate", participate}, {"home", home},
    {"check", check},
};

}  // namespace

std::vector<std::string> pictogramNames() {
    std::vector<std::string> names;
    for (const Entry& e : kPictograms) names.emplace_back(e.name);
    return names;
}

bool hasPictogram(std::string_view name) {
    return std::any_of(std::begin(kPictograms), std::end(kPictograms),
                       [&](const Entry& e) { return name == e.name; });
}

void drawPictogram(std::string_view name, Rect box, const Rgba& ink, float stroke) {
    const float side = std::min(box.width(), box.height());
    const Pen pen{ImGui::GetWindowDrawList(),
                  box.x0 + (box.width() - side) / 2,
                  box.y0 + (box.height() - side) / 2,
                  side,
                  ImGui::ColorConvertFloat4ToU32(ImVec4(ink.r, ink.g, ink.b, ink.a)),
                  stroke};
    for (const Entry& e : kPictograms)
        if (name == e.name) {
            e.draw(pen);
            return;
        }
    unknown(pen);
}

}  // namespace wp::ui
