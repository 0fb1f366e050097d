// The on-screen keyboard on an ImGui context with no backend: every page of every kind in every language
// and theme is checked like a screen (10 mm keys, contrast, glyphs, nothing clipped or overlapping), and
// typing reaches every letter a language needs by tapping keys, as the script runner does.
#include "kiosk/ui/keyboard.h"

#include <fmt/format.h>
#include <imgui.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>
#include <set>

#include "common/reference_code.h"
#include "common/utf8.h"
#include "kiosk/core/texts.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/resident_shell.h"
#include "kiosk/ui/ui.h"
#include "tests/unit/kiosk/ui/headless_ui_fixture.h"

namespace wp::ui {
namespace {

class KeyboardTest : public testing::HeadlessUiTest {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(setUpUi());
        texts_ = std::make_unique<Texts>(bundle_.content);
        ui_ = std::make_unique<Ui>(fonts_);
        theme_ = &bundle_.themes.at(bundle_.settings.theme);
    }

    // The content area of the resident screen, roughly: the keyboard sits at its bottom.
    Rect area() const { return {36, 300, 1044, 1560}; }

    const FrameRecord& frame(TextEntry& entry, float mx = -FLT_MAX, float my = -FLT_MAX, bool down = false,
                             const std::string& field = "") {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.f / 60.f;
        io.MousePos = ImVec2(mx, my);
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ui_->beginFrame("keyboard-test", *theme_, io.DisplaySize.x, io.DisplaySize.y);
        Rect a = area();
        if (!field.empty()) textField(*ui_, entry, "Uw code", {a.x0, a.y0, a.x1, a.y0}, field);
        used_ = keyboard_.draw(*ui_, entry, language_, a, [&](std::string_view key) -> const std::string& {
            return texts_->get(language_, key);
        });
        ui_->endFrame();
        ImGui::Render();
        return ui_->lastFrame();
    }
    void tap(TextEntry& entry, const KeyCap& key) {
        float x = (key.rect.x0 + key.rect.x1) / 2, y = (key.rect.y0 + key.rect.y1) / 2;
        frame(entry, x, y, false);
        frame(entry, x, y, true);
        frame(entry, x, y, false);
        frame(entry);
    }
    // Types text the way the script runner does: the key, or the page key that leads to it.
    void type(TextEntry& entry, const std::string& text) {
        for (const std::string& ch : utf8Characters(text)) {
            bool typed = false;
            for (int step = 0; step < 5 && !typed; ++step) {
                frame(entry);
                const auto keys = ui_->lastKeys();
                auto it = std::find_if(keys.begin(), keys.end(), [&](const KeyCap& k) {
                    return k.kind == KeyCap::Kind::Character && k.types == ch;
                });
                if (it != keys.end()) {
                    tap(entry, *it);
                    typed = true;
                    break;
                }
                auto mode = std::find_if(keys.begin(), keys.end(), [&](const KeyCap& k) {
                    return k.kind == KeyCap::Kind::Mode &&
                           std::find(k.offers.begin(), k.offers.end(), ch) != k.offers.end();
                });
                ASSERT_NE(mode, keys.end())
                    << language_ << ": no key leads to \"" << ch << "\" of \"" << text << "\"";
                tap(entry, *mode);
            }
            ASSERT_TRUE(typed) << language_ << ": \"" << ch << "\"";
        }
    }
    const KeyCap* keyTyping(const std::string& types) {
        for (const KeyCap& k : ui_->lastKeys())
            if (k.kind == KeyCap::Kind::Character && k.types == types) return &k;
        return nullptr;
    }

    // What every page must meet; where names it in failures.
    void checkPage(const std::string& where, const FrameRecord& f) {
        const double mmPerPx = bundle_.settings.screen.mmPerPx;
        const Rect a = area();
        int keys = 0;
        for (size_t i = 0; i < f.items.size(); ++i) {
            const DrawnItem& item = f.items[i];
            EXPECT_TRUE(f.isVisible(item)) << where << ": \"" << item.text << "\" is clipped";
            EXPECT_GE(contrastRatio(item.fg, item.bg), 4.5) << where << ": \"" << item.text << "\"";
            for (unsigned cp : utf8CodePoints(item.text))
                for (const auto& [theme, fonts] : fonts_.all())
                    for (ImFont* font : {fonts.body, fonts.large})
                        EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr)
                            << where << ": U+" << std::hex << cp << " in \"" << item.text << "\"";
            if (!item.clickable) continue;
            ++keys;
            EXPECT_GE(item.rect.width() * mmPerPx, 10.0) << where << ": \"" << item.text << "\"";
            EXPECT_GE(item.rect.height() * mmPerPx, 10.0) << where << ": \"" << item.text << "\"";
            EXPECT_GE(
                std::max(contrastRatio(item.boundary, item.surround), contrastRatio(item.bg, item.surround)),
                3.0)
                << where << ": \"" << item.text << "\"";
            EXPECT_TRUE(a.contains(item.rect)) << where << ": \"" << item.text << "\" outside the area";
            for (size_t j = i + 1; j < f.items.size(); ++j)
                if (f.items[j].clickable) {
                    EXPECT_FALSE(overlaps(item.rect, f.items[j].rect))
                        << where << ": \"" << item.text << "\" overlaps \"" << f.items[j].text << "\"";
                    EXPECT_NE(item.text, f.items[j].text) << where << ": two keys with one label";
                }
        }
        EXPECT_GE(keys, 10) << where;
        EXPECT_EQ(static_cast<size_t>(keys), ui_->lastKeys().size()) << where << ": every key is recorded";
    }

    std::unique_ptr<Texts> texts_;
    std::unique_ptr<Ui> ui_;
    const Theme* theme_ = nullptr;
    Keyboard keyboard_;
    std::string language_ = "nl";
    float used_ = 0;
};

TEST_F(KeyboardTest, EveryPageOfEveryKeyboardInEveryLanguageAndTheme) {
    int pages = 0;
    for (const auto& [themeId, theme] : bundle_.themes) {
        if (themeId == bundle_.settings.hostTheme) continue;
        theme_ = &theme;
        for (const std::string& lang : bundle_.content.languages) {
            language_ = lang;
            for (EntryKind kind : {EntryKind::Text, EntryKind::Email, EntryKind::Phone,
                                   EntryKind::HouseNumber, EntryKind::Postcode, EntryKind::Reference})
                for (const char* value : {"", "3111"}) {  // a postcode turns to letters after four digits
                    // Every page reachable by page keys, breadth first from the first page.
                    std::set<std::vector<std::string>> seen;
                    std::deque<std::vector<std::string>> todo{{}};
                    while (!todo.empty()) {
                        std::vector<std::string> path = todo.front();
                        todo.pop_front();
                        TextEntry entry(kind, 100);
                        entry.set(value);
                        keyboard_.reset();
                        frame(entry);
                        for (const std::string& label : path) {
                            const auto keys = ui_->lastKeys();
                            const auto items = ui_->lastFrame().items;
                            for (size_t i = 0; i < keys.size(); ++i)
                                if (keys[i].kind == KeyCap::Kind::Mode && items[i].text == label) {
                                    tap(entry, keys[i]);
                                    break;
                                }
                        }
                        const FrameRecord& f = frame(entry);
                        std::vector<std::string> labels;
                        for (const DrawnItem& item : f.items) labels.push_back(item.text);
                        if (!seen.insert(labels).second) continue;
                        ++pages;
                        checkPage(fmt::format("{} / {} / kind {} / \"{}\" / {}", themeId, lang,
                                              static_cast<int>(kind), value, fmt::join(path, " > ")),
                                  f);
                        EXPECT_FLOAT_EQ(used_, Keyboard::heightFor(*theme_, kind, area().width()));
                        for (size_t i = 0; i < ui_->lastKeys().size(); ++i)
                            if (ui_->lastKeys()[i].kind == KeyCap::Kind::Mode) {
                                auto next = path;
                                next.push_back(f.items[i].text);
                                if (next.size() <= 3) todo.push_back(next);
                            }
                    }
                }
        }
    }
    EXPECT_GT(pages, 100);
}

TEST_F(KeyboardTest, EveryLanguageTypesItsOwnLetters) {
    const std::map<std::string, std::string> samples{
        {"nl", "Één Zoë ïóöü, Jan-Willem 12?"},
        {"en", "Zoë and Chloé ë."},
        {"tr", "Çığ İşçi Öğüş ılık, IŞIK"},
        {"pl", "Zażółć gęślą jaźń ŻÓŁĆ Ą Ę Ń Ś Ź"},
        {"uk", "Привіт, Ґанок Їжак Єва м'ята. Kyiv ABC"},
    };
    for (const auto& [lang, text] : samples) {
        language_ = lang;
        keyboard_.reset();
        TextEntry entry(EntryKind::Text, 200);
        type(entry, text);
        EXPECT_EQ(entry.value(), text) << lang;
    }
}

TEST_F(KeyboardTest, ShiftGivesOneCapitalAndTurkishIHasItsDot) {
    language_ = "tr";
    TextEntry entry(EntryKind::Text, 50);
    frame(entry);
    auto shift = std::find_if(ui_->lastKeys().begin(), ui_->lastKeys().end(),
                              [](const KeyCap& k) { return k.kind == KeyCap::Kind::Mode; });
    ASSERT_NE(shift, ui_->lastKeys().end());
    tap(entry, KeyCap(*shift));
    ASSERT_NE(keyTyping("İ"), nullptr) << "shifted i is İ in Turkish";
    ASSERT_NE(keyTyping("I"), nullptr) << "shifted ı is I";
    tap(entry, *keyTyping("İ"));
    ASSERT_NE(keyTyping("i"), nullptr) << "after one capital, small letters again";
    tap(entry, *keyTyping("i"));
    EXPECT_EQ(entry.value(), "İi");
}

TEST_F(KeyboardTest, UkrainianEmailIsLatinWithAddressKeys) {
    language_ = "uk";
    TextEntry entry(EntryKind::Email, 254);
    frame(entry);
    EXPECT_EQ(keyTyping("й"), nullptr);
    type(entry, "olena_k-2@voorbeeld");
    ASSERT_NE(keyTyping(".nl"), nullptr);
    tap(entry, *keyTyping(".nl"));
    EXPECT_EQ(entry.value(), "olena_k-2@voorbeeld.nl");
    EXPECT_EQ(keyTyping(" "), nullptr) << "an e-mail address has no spaces";
}

TEST_F(KeyboardTest, PostcodeTakesFourDigitsThenLetters) {
    TextEntry entry(EntryKind::Postcode, 7);
    frame(entry);
    EXPECT_EQ(keyTyping("A"), nullptr);
    type(entry, "3111");
    EXPECT_EQ(keyTyping("1"), nullptr) << "after four digits: letters";
    ASSERT_NE(keyTyping("A"), nullptr);
    type(entry, "AB");
    EXPECT_EQ(entry.value(), "3111AB");
    for (int i = 0; i < 2; ++i) entry.backspace();
    entry.backspace();
    frame(entry);
    EXPECT_NE(keyTyping("1"), nullptr) << "back to digits when a digit is wiped";
}

TEST_F(KeyboardTest, PhoneAndHouseNumberUseTheNumericPad) {
    TextEntry phone(EntryKind::Phone, 20);
    frame(phone);
    EXPECT_EQ(keyTyping("a"), nullptr);
    type(phone, "+31612345678");
    EXPECT_EQ(phone.value(), "+31612345678");

    TextEntry house(EntryKind::HouseNumber, 10);
    type(house, "12-2");
    type(house, "A");  // through the "add a letter" key
    EXPECT_EQ(house.value(), "12-2A");
    type(house, "3");  // and back to the digits
    EXPECT_EQ(house.value(), "12-2A3");
}

TEST_F(KeyboardTest, AScannerTypesIntoTheFieldAndItsEnterIsSeen) {
    SeededRandom random(3);
    const std::string code = makeReferenceCode("SGN", "K2", random);
    std::string compact;
    for (char c : code)
        if (c != '-') compact += c;
    TextEntry entry(EntryKind::Reference, 14);
    ui_->typeText("https://wijkpunt.schiedam.nl/status/");
    frame(entry);
    EXPECT_FALSE(keyboard_.enterPressed());
    ui_->typeText(code + "?lang=nl");
    ui_->submitText();
    frame(entry);
    EXPECT_TRUE(keyboard_.enterPressed());
    EXPECT_EQ(entry.value(), compact) << "the code out of the receipt QR's address";
    frame(entry);
    EXPECT_FALSE(keyboard_.enterPressed()) << "Enter counts in one frame only";

    TextEntry phone(EntryKind::Phone, 20);
    ui_->typeText("06-12 34x5");
    frame(phone);
    EXPECT_EQ(phone.value(), "06-12 345");
    frame(phone);
    ui_->typeText("6");
    frame(entry);  // text typed while another field is shown goes there, never to a later one
    EXPECT_EQ(phone.value(), "06-12 345");
}

TEST_F(KeyboardTest, KeysAreControlsTheKeypadReaches) {
    TextEntry entry(EntryKind::Reference, 14);
    frame(entry);
    for (int i = 0; i < 40; ++i) {
        ui_->focusNext();
        if (ui_->takeFocusAnnouncement() == "Q") break;
        frame(entry);
    }
    ui_->activateFocused();
    frame(entry);
    EXPECT_EQ(entry.value(), "Q");
}

TEST_F(KeyboardTest, TheFieldShowsTheCodeWithDashesAndTheErrorInWordsOnWarningColours) {
    TextEntry entry(EntryKind::Reference, 14);
    entry.set("SGNK27KQ4XD9M3");
    const FrameRecord& f = frame(entry, -FLT_MAX, -FLT_MAX, false, "Deze code klopt niet.");
    auto find = [&](const std::string& text) {
        return std::find_if(f.items.begin(), f.items.end(),
                            [&](const DrawnItem& i) { return i.text == text; });
    };
    ASSERT_NE(find("Uw code"), f.items.end());
    ASSERT_NE(find("SGN-K2-7KQ4XD9M-3"), f.items.end());
    auto error = find("Deze code klopt niet.");
    ASSERT_NE(error, f.items.end());
    EXPECT_EQ(error->fg, theme_->colors.warningText);
    EXPECT_EQ(error->bg, theme_->colors.warning);
    EXPECT_GE(contrastRatio(error->fg, error->bg), 4.5);
    EXPECT_GT(error->rect.y0, find("SGN-K2-7KQ4XD9M-3")->rect.y1) << "the error under the value";
}

TEST_F(KeyboardTest, TheLastDashShowsOnceTheCodeIsWholeOfEitherLength) {
    auto shown = [&](const std::string& value) {
        TextEntry entry(EntryKind::Reference, 14);
        entry.set(value);
        const FrameRecord& f = frame(entry, -FLT_MAX, -FLT_MAX, false, "Deze code klopt niet.");
        std::vector<std::string> texts;
        for (const DrawnItem& i : f.items) texts.push_back(i.text);
        return texts;
    };
    auto has = [](const std::vector<std::string>& texts, const std::string& text) {
        return std::find(texts.begin(), texts.end(), text) != texts.end();
    };
    // A right code issued with six random characters is whole at 12 ("SGNK27KQ4XD" has check N).
    EXPECT_TRUE(has(shown("SGNK27KQ4XDN"), "SGN-K2-7KQ4XD-N"));
    // Twelve characters that are no such code: a new code still being typed.
    EXPECT_TRUE(has(shown("SGNK27KQ4XD9"), "SGN-K2-7KQ4XD9"));
    EXPECT_TRUE(has(shown("SGNK27KQ4XD9M"), "SGN-K2-7KQ4XD9M"));
    EXPECT_TRUE(has(shown("SGNK27KQ4XD9M9"), "SGN-K2-7KQ4XD9M-9"));
}

// "Voorlezen" reads the screen: the field and its error, not forty letters of the keyboard.
TEST_F(KeyboardTest, ReadAloudSkipsTheKeysButReadsTheField) {
    TextEntry entry(EntryKind::Text, 200);
    const FrameRecord& f = frame(entry, -FLT_MAX, -FLT_MAX, false, "Typ uw vraag.");
    int keysMarked = 0;
    for (const DrawnItem& item : f.items) keysMarked += item.keyboardKey;
    EXPECT_EQ(static_cast<size_t>(keysMarked), ui_->lastKeys().size());
    const std::string spoken = ResidentShell::screenText(f);
    EXPECT_NE(spoken.find("Uw code"), std::string::npos) << spoken;
    EXPECT_NE(spoken.find("Typ uw vraag."), std::string::npos) << spoken;
    EXPECT_EQ(spoken.find("Wissen"), std::string::npos) << spoken;
    EXPECT_EQ(spoken.find("Q. W. E"), std::string::npos) << spoken;
}

}  // namespace
}  // namespace wp::ui
