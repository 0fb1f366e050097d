// The on-screen keyboard and the text field it types into. Kiosks have no keyboard: every
// field a resident fills in shows its value in a TextField and a Keyboard under it.
//
// Keyboard draws big keys through Ui (so every key is a recorded control: the script runner's `type` taps
// them, keypad focus reaches them, the every-screen tests check their size and contrast). The layout follows
// the entry's kind and the resident's language: letters per language (nl/en with an accent key for
// é ë ï ó ö ü; tr; pl; uk Cyrillic with a switch to Latin, and Latin for e-mail), a numeric pad for phone
// and house numbers, and for a postcode four digits first and then letters. No long-press anywhere.
// Typed text goes straight into the TextEntry (kiosk/core/text_entry.h), never into ImGui's own state.
// The keyboard is a personal-data holder for what it keeps between frames (the shift state, the page of
// keys, what a scanner typed): a screen that has one registers it with the resident session.
// UI thread only.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "kiosk/core/personal_data.h"
#include "kiosk/core/text_entry.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

class Keyboard final : public PersonalDataHolder {
  public:
    // name: what holderName() says ("request keyboard"); a string literal.
    explicit Keyboard(std::string_view name = "keyboard") : name_(name) {}

    // Draws the keyboard for entry in the bottom of area and applies the key tapped in this frame.
    // `tr` looks up the keyboard's own texts ("keyboard.space", ...) in the resident's language.
    // Returns the height used, measured from area.y1 upward.
    template <typename Tr>
    float draw(Ui& ui, TextEntry& entry, const std::string& language, Rect area, const Tr& tr) {
        return drawImpl(ui, entry, language, area,
                        [&](std::string_view key) -> const std::string& { return tr(key); });
    }
    // Back to the first layer (lower-case letters of the language): when a field changes and at wipe.
    // Also forgets text a scanner typed that was not yet taken. (draw() resets by itself when it is given
    // another TextEntry than in its previous call.)
    void reset();
    // True after the draw() of a frame in which Enter came from a physical keyboard or a barcode scanner
    // (Ui::submitText): the screen treats it like its own "go" button. False in every other frame.
    bool enterPressed() const { return enter_; }

    // The height draw() will use for this entry's kind on a screen of the given width.
    static float heightFor(const Theme& theme, EntryKind kind, float width);
    // Between two keys: half the theme's spacing.
    static float keyGap(const Theme& theme);

    // --- PersonalDataHolder: wipe() is reset(); holdsNothing() once nothing differs from a fresh keyboard.
    std::string_view holderName() const override { return name_; }
    void wipe() override { reset(); }
    bool holdsNothing() const override;

  private:
    using TrFn = std::function<const std::string&(std::string_view)>;
    float drawImpl(Ui& ui, TextEntry& entry, const std::string& language, Rect area, const TrFn& tr);

    std::string_view name_;
    int layer_ = 0;         // which page of keys: letters, accents, Latin for uk; the house number's letters
    bool shifted_ = false;  // the next letter is a capital (one letter only)
    bool enter_ = false;
    const TextEntry* lastEntry_ = nullptr;
    std::string scanned_;  // what a scanner typed since its last Enter (a receipt QR's whole address)
};

// A labelled box showing entry's value with a caret; the error line under it names what to fix, or is
// empty. The box is one line high, or (free text only) fills where when where is taller than label, box and
// error need.
// A Reference shows its dashes ("SGN-K2-7KQ4XD9M-3") although only the characters are typed. Returns the
// height used.
float textField(Ui& ui, const TextEntry& entry, std::string_view label, Rect where,
                std::string_view error = {});

}  // namespace wp::ui
