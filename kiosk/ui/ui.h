// Ui: the kiosk's widgets on top of Dear ImGui, and the record of what each frame showed.
//
// Screens draw only through these widgets, so every label, text and control is recorded (FrameRecord)
// for the script runner, read-aloud, keypad focus and the every-screen tests. Widgets draw big, themed
// controls with a pressed state and a focus ring. No SDL here: the app feeds input into ImGui and calls
// the focus functions for keypad keys. UI thread only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/bundle.h"
#include "kiosk/core/qr_code.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/frame_record.h"
#include "kiosk/ui/key_cap.h"

struct ImFont;

namespace wp::ui {

enum class FontRole { Body, Large, Title, Ticket };

class Ui {
  public:
    explicit Ui(const FontSet& fonts) : fonts_(fonts) {}

    // Between ImGui::NewFrame and ImGui::Render: starts and ends one frame — a full-screen window named
    // `name` on the theme's background — and its record.
    void beginFrame(const char* name, const Theme& theme, float width, float height);
    void endFrame();
    // The last finished frame (what is on screen).
    const FrameRecord& lastFrame() const { return last_; }
    // A control was activated while the last frame was drawn: the state it shows is already out of date,
    // so the app draws the next frame at once instead of showing this one.
    bool lastFrameActedOn() const { return lastActedOn_; }

    const Theme& theme() const { return *theme_; }
    const ThemeFonts& fonts() const { return fonts_.forTheme(theme_->id); }
    float width() const { return current_.width; }
    float height() const { return current_.height; }

    // Which part of the screen the next widgets belong to (read-aloud reads the content first).
    void setRegion(Region r) { region_ = r; }

    // --- widgets; positions are absolute pixels on the screen. Buttons return true when activated
    // (a tap released over them, or Enter on the keypad while focused). Every resident screen has one main
    // action (mainAction, or a tile drawn as main); the other ways on or out are secondary (button).
    //
    // The screen's main action: filled with the theme's tile colour, the label in its tile text. Keypad
    // focus and read-aloud take it first among the content's controls.
    bool mainAction(std::string_view label, Rect where, FontRole font = FontRole::Large);
    // A secondary action ("Terug", a way out, a key): outlined, on the button colour.
    bool button(std::string_view label, Rect where, FontRole font = FontRole::Large, bool selected = false);
    // One of a menu's ways on, a row of a list (a topic, what to do next): an outlined row, its label from
    // the left and a chevron at the right, so it reads as a way on and not as "Terug"; recorded as a tile.
    bool menuItem(std::string_view label, Rect where, FontRole font = FontRole::Large);
    // A button whose label stays on one line, drawn up to a quarter smaller when it would not fit
    // (the language names, which must not break inside a word).
    bool compactButton(std::string_view label, Rect where, FontRole font, bool selected);
    // A button of the bar at the bottom: outlined in the bar's text colour on the bar itself, quieter than
    // anything in the content. Chosen (high contrast on): filled with the bar's text colour.
    bool quietButton(std::string_view label, Rect where, bool selected = false);
    // A tile of a menu: an outlined box with its pictogram (kiosk/ui/pictograms.h; empty: none), its label
    // and the hint under it. main: drawn as the screen's main action (filled), recorded as one.
    bool tile(std::string_view label, std::string_view hint, Rect where, std::string_view pictogram = {},
              bool main = false);
    // An option of a radio list (several false: a round mark; choosing it replaces the choice) or of a
    // check list (several true: a square mark). A chosen option has a check in its mark, a thicker outline
    // and chosenWord at its end: not marked by colour alone.
    bool choice(std::string_view label, Rect where, bool several, bool chosen, std::string_view chosenWord);
    // Gives the next control drawn a name of its own (DrawnItem::name), and an id of its own when several
    // controls share a label.
    void nameNextControl(std::string name) { nextName_ = std::move(name); }
    // Text in a box, wrapped to its width; align 0 = left, 0.5 = centred. Returns the height used.
    float text(std::string_view text, Rect where, FontRole font, const Rgba& color, const Rgba& background,
               float align = 0.f);
    // text() with the role's font drawn at size pixels instead of its own (the now-serving display's lines
    // that must reach a height in millimetres on the TV); measureHeightAtSize measures it beforehand.
    float textAtSize(std::string_view text, Rect where, FontRole font, float size, const Rgba& color,
                     const Rgba& background, float align = 0.f);
    float measureHeightAtSize(std::string_view text, float width, FontRole font, float size) const;
    void fill(Rect where, const Rgba& color, float rounding = 0.f);
    // Marks the text drawn last as what is typed into a text field (WidgetKind::Field).
    void markLastTextAsField() {
        if (!current_.items.empty() && !current_.items.back().clickable)
            current_.items.back().kind = WidgetKind::Field;
    }
    // A sentence on the warning colours with a bar beside it (not by colour alone), as wide as where, at its
    // top. Returns its height, which warningPanelHeight gives beforehand.
    float warningPanel(std::string_view text, Rect where);
    float warningPanelHeight(std::string_view text, float width) const;
    // A QR code as dark squares on a light square with a quiet zone of four modules; where is made square.
    void qrCode(const QrCode& code, Rect where, const Rgba& dark, const Rgba& light);

    // Height the text takes when wrapped to width; width of the text on one line.
    float measureHeight(std::string_view text, float width, FontRole font) const;
    float measureWidth(std::string_view text, FontRole font) const;

    // --- keypad focus, over the clickable items of the last frame in reading order
    void focusNext();
    void focusPrevious();
    void activateFocused();
    void clearFocus();
    // The label of a newly focused item, once, to be spoken.
    std::optional<std::string> takeFocusAnnouncement();
    // True while the keypad focus ring is on a control.
    bool hasFocus() const { return focusId_ != 0; }

    // --- the on-screen keyboard (kiosk/ui/keyboard.h): its keys are controls like any other; the keyboard
    // also records what each key types, for the script runner's `type`.
    // Records the key the keyboard just drew as its last control; the control is marked as a key, so
    // read-aloud skips the keyboard instead of reading out every letter.
    void recordKey(KeyCap key) {
        if (!current_.items.empty() && current_.items.back().clickable)
            current_.items.back().keyboardKey = true;
        keys_.push_back(std::move(key));
    }
    // The keys of the last finished frame; empty when it showed no keyboard.
    const std::vector<KeyCap>& lastKeys() const { return lastKeys_; }
    // Text from a physical keyboard or a barcode scanner that types like one (the app's SDL_TEXTINPUT), and
    // its Enter. Held for the keyboard drawn in the next frame, which types it into its field; what no
    // keyboard takes by the end of that frame is dropped (and wiped).
    void typeText(std::string_view utf8);
    void submitText() { submitPending_ = true; }
    // For the keyboard: the text and Enter queued since the last frame (each once).
    std::string takeTypedText();
    bool takeSubmit();
    // Width of the last line of text wrapped to width (where a caret after the text goes).
    float lastLineWidth(std::string_view text, float width, FontRole font) const;

  private:
    struct ControlState {
        unsigned id = 0;
        bool activated = false;  // released over it, or Enter while focused
        bool held = false;       // finger down on it now: draw the pressed state
        bool focused = false;
        std::string name;  // from nameNextControl; empty: the label names it
    };
    ImFont* fontFor(FontRole role) const;
    // Draws text wrapped into where; returns the rectangle the lines took.
    // size 0: the font's own size.
    Rect drawWrapped(std::string_view text, Rect where, FontRole role, const Rgba& color, float align,
                     float size = 0.f);
    Rect drawOneLine(std::string_view text, Rect where, FontRole role, const Rgba& color);
    // How a control is drawn: its fill (pressed), text, outline and what surrounds it.
    struct Look {
        Rgba fill, pressedFill, text, border, surround;
        float borderWidth = 0;
        WidgetKind kind = WidgetKind::Secondary;
    };
    Look secondaryLook(bool selected) const;
    Look mainLook() const;
    bool buttonImpl(std::string_view label, Rect where, FontRole role, bool selected, bool oneLine,
                    const Look& look);
    ControlState control(std::string_view label, Rect where);
    void drawControl(const ControlState& state, Rect where, const Look& look);
    void recordControl(std::string_view label, const ControlState& state, Rect where, Rect textRect,
                       FontRole role, const Look& look, bool selected);
    // Records text drawn inside a control (a tile's hint, a choice's word) at used, visible when inside box.
    void recordInnerText(std::string_view text, Rect used, Rect box, FontRole role, const Rgba& fg,
                         const Rgba& bg);
    void moveFocus(int delta);

    const FontSet& fonts_;
    const Theme* theme_ = nullptr;
    FrameRecord current_, last_;
    Region region_ = Region::Content;
    unsigned focusId_ = 0;
    unsigned activateId_ = 0;
    bool actedOn_ = false, lastActedOn_ = false;
    std::optional<std::string> announcement_;
    std::vector<KeyCap> keys_, lastKeys_;
    std::string typedPending_;
    bool submitPending_ = false;
    std::string nextName_;
};

}  // namespace wp::ui
