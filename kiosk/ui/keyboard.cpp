#include "kiosk/ui/keyboard.h"

#include <imgui.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "common/bundle.h"
#include "common/utf8.h"
#include "kiosk/core/status_lookup.h"

namespace wp::ui {

namespace {

// The capital of one letter of our layouts; other characters stay as they are. Turkish has a dotted
// capital İ for i and a dotless I for ı.
std::string capitalOf(const std::string& ch, const std::string& language) {
    const char32_t cp = utf8CodePoint(ch);
    if (cp == 'i' && language == "tr") return utf8Encode(0x130);
    if (cp == 0x131) return "I";
    if (cp >= 'a' && cp <= 'z') return utf8Encode(cp - 32);
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return utf8Encode(cp - 32);  // Latin-1: é -> É
    if (cp >= 0x430 && cp <= 0x44F) return utf8Encode(cp - 32);              // Cyrillic а..я
    if (cp >= 0x450 && cp <= 0x45F) return utf8Encode(cp - 80);              // і ї є ...
    if (cp == 0x491) return utf8Encode(0x490);                               // ґ
    // Latin Extended-A pairs: capital first, small next; between Ĺ and ň and from Ź on, the other way.
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return cp % 2 == 0 ? utf8Encode(cp - 1) : ch;
    if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 1 ? utf8Encode(cp - 1) : ch;
    return ch;
}

// --- pages of keys

enum Layer : int {
    kLetters = 0,  // Text: the language's letters; HouseNumber: the numeric pad
    kAccents = 1,  // Text in nl/en: the accent row instead of the digits; HouseNumber: capitals
    kLatin = 2,    // Text in uk: Latin letters
};

struct KbState {
    int layer = kLetters;
    bool shifted = false;
    auto operator<=>(const KbState&) const = default;
};

struct KeySpec {
    KeyCap::Kind kind = KeyCap::Kind::Character;
    std::string label;
    std::string types;  // Character
    float weight = 1.f;
    bool words = false;  // a word label (Spatie, Wissen): body font, one line
    bool gap = false;    // empty room in a row (the numeric pad's bottom left)
    bool selected = false;
    bool letter = false;  // has a capital: shift applies to it
    KbState next;         // Mode
};
using Row = std::vector<KeySpec>;

using Tr = std::function<const std::string&(std::string_view)>;

struct PageBuilder {
    EntryKind kind;
    const std::string& language;
    KbState state;
    const Tr& tr;
    std::vector<Row> rows;

    Row& row() {
        rows.emplace_back();
        return rows.back();
    }
    void chars(Row& r, std::string_view letters, bool capitals = false) {
        for (const std::string& c : utf8Characters(letters)) {
            std::string shown = capitals || state.shifted ? capitalOf(c, language) : c;
            KeySpec k{KeyCap::Kind::Character, shown, shown};
            k.letter = capitalOf(c, language) != c;
            r.push_back(std::move(k));
        }
    }
    void text(Row& r, std::string_view label, std::string types, float weight) {
        r.push_back({KeyCap::Kind::Character, std::string(label), std::move(types), weight, true});
    }
    void erase(Row& r, float weight) {
        r.push_back({KeyCap::Kind::Erase, tr("keyboard.erase"), {}, weight, true});
    }
    void mode(Row& r, std::string_view labelKey, float weight, KbState next, bool selected = false) {
        KeySpec k{KeyCap::Kind::Mode, tr(labelKey), {}, weight, true};
        k.next = next;
        k.selected = selected;
        r.push_back(std::move(k));
    }
    void gap(Row& r, float weight) {
        KeySpec k;
        k.gap = true;
        k.weight = weight;
        r.push_back(std::move(k));
    }
    void shift(Row& r, float weight) {
        mode(r, "keyboard.shift", weight, {state.layer, !state.shifted}, state.shifted);
    }
    void space(Row& r, float weight) { text(r, tr("keyboard.space"), " ", weight); }
    void punctuation(Row& r, std::string_view marks) {
        for (const std::string& c : utf8Characters(marks)) r.push_back({KeyCap::Kind::Character, c, c});
    }

    // The three QWERTY letter rows; the bottom one ends with afterM (may be empty) and the erase key.
    void qwerty(std::string_view afterM) {
        chars(row(), "qwertyuiop");
        chars(row(), "asdfghjkl");
        Row& r = row();
        chars(r, "zxcvbnm");
        punctuation(r, afterM);
        erase(r, 2);
    }

    void latinLetters(bool withAccentKey, bool withCyrillicKey) {
        Row& r0 = row();
        if (state.layer == kAccents)
            chars(r0, "éëïóöü");
        else
            chars(r0, "1234567890");
        qwerty("-");
        Row& r4 = row();
        shift(r4, 2.5f);
        if (withAccentKey)
            mode(r4, "keyboard.accents", 1.5f, {state.layer == kAccents ? kLetters : kAccents, state.shifted},
                 state.layer == kAccents);
        if (withCyrillicKey) mode(r4, "keyboard.cyrillic", 1.5f, {kLetters, state.shifted});
        space(r4, 3);
        punctuation(r4, ",.?");
    }

    void textPage() {
        if (language == "tr") {
            chars(row(), "1234567890");
            chars(row(), "qwertyuıopğü");
            chars(row(), "asdfghjklşi");
            Row& r3 = row();
            chars(r3, "zxcvbnmöç");
            erase(r3, 2);
            Row& r4 = row();
            shift(r4, 3);
            space(r4, 5);
            punctuation(r4, ",.?-");
        } else if (language == "pl") {
            chars(row(), "1234567890");
            qwerty("-");
            chars(row(), "ąćęłńóśźż");
            Row& r5 = row();
            shift(r5, 3);
            space(r5, 4);
            punctuation(r5, ",.?");
        } else if (language == "uk" && state.layer != kLatin) {
            chars(row(), "1234567890");
            chars(row(), "йцукенгшщзхї");
            Row& r2 = row();
            chars(r2, "фівапролджє");
            punctuation(r2, "'");
            Row& r3 = row();
            chars(r3, "ячсмитьбюґ");
            erase(r3, 2);
            Row& r4 = row();
            shift(r4, 3);
            mode(r4, "keyboard.latin", 1.5f, {kLatin, state.shifted});
            space(r4, 3.5f);
            punctuation(r4, ",.?-");
        } else if (language == "uk") {
            latinLetters(false, true);
        } else {
            latinLetters(true, false);
        }
    }

    void emailPage() {
        chars(row(), "1234567890");
        qwerty({});
        Row& r4 = row();
        punctuation(r4, "@.-_");
        text(r4, ".nl", ".nl", 1.5f);
        text(r4, ".com", ".com", 1.5f);
    }

    void capitals(std::string_view alphabetFilter = {}) {
        for (std::string_view line :
             {std::string_view("QWERTYUIOP"), std::string_view("ASDFGHJKL"), std::string_view("ZXCVBNM")}) {
            std::string keep;
            for (char c : line)
                if (alphabetFilter.empty() || alphabetFilter.find(c) != std::string_view::npos) keep += c;
            chars(row(), keep, true);
        }
        erase(rows.back(), 2);
    }

    void pad(std::string_view bottomLeft) {
        chars(row(), "123");
        chars(row(), "456");
        chars(row(), "789");
        Row& r3 = row();
        if (bottomLeft.empty())
            gap(r3, 1);
        else
            punctuation(r3, bottomLeft);
        chars(r3, "0");
        erase(r3, 1);
    }

    void build(const TextEntry& entry) {
        switch (kind) {
            case EntryKind::Text:
                textPage();
                break;
            case EntryKind::Email:
                emailPage();
                break;
            case EntryKind::Phone:
                pad("+");
                break;
            case EntryKind::HouseNumber:
                if (state.layer == kLetters) {
                    pad("-");
                    mode(row(), "keyboard.letter", 3, {kAccents, false});
                } else {
                    capitals();
                    mode(row(), "keyboard.digits", 3, {kLetters, false});
                }
                break;
            case EntryKind::Postcode: {
                // Four digits first; then the page turns to letters by itself.
                int digits = 0;
                for (char c : entry.value()) digits += c >= '0' && c <= '9';
                if (digits < 4)
                    pad({});
                else
                    capitals();
                break;
            }
            case EntryKind::Reference:
            case EntryKind::BookingCode:
                chars(row(), "23456789");
                capitals(kCodeAlphabet);
                break;
        }
    }
};

std::vector<Row> pageFor(EntryKind kind, const std::string& language, KbState state, const TextEntry& entry,
                         const Tr& tr) {
    PageBuilder b{kind, language, state, tr, {}};
    b.build(entry);
    return std::move(b.rows);
}

// For every mode key of the page shown: the characters it is the first tap towards, over the shortest way
// (breadth first over the pages), so the script runner always gets closer and never goes round in circles.
std::map<std::pair<size_t, size_t>, std::vector<std::string>> offersOf(EntryKind kind,
                                                                       const std::string& language,
                                                                       KbState shown,
                                                                       const std::vector<Row>& page,
                                                                       const TextEntry& entry, const Tr& tr) {
    std::map<std::pair<size_t, size_t>, std::vector<std::string>> offers;
    std::set<std::string> reached;
    for (const Row& r : page)
        for (const KeySpec& k : r)
            if (k.kind == KeyCap::Kind::Character) reached.insert(k.types);
    std::set<KbState> seen{shown};
    std::deque<std::pair<KbState, std::pair<size_t, size_t>>> todo;
    for (size_t i = 0; i < page.size(); ++i)
        for (size_t j = 0; j < page[i].size(); ++j)
            if (page[i][j].kind == KeyCap::Kind::Mode && seen.insert(page[i][j].next).second)
                todo.push_back({page[i][j].next, {i, j}});
    while (!todo.empty()) {
        auto [state, first] = todo.front();
        todo.pop_front();
        for (const Row& r : pageFor(kind, language, state, entry, tr))
            for (const KeySpec& k : r) {
                if (k.kind == KeyCap::Kind::Character && reached.insert(k.types).second)
                    offers[first].push_back(k.types);
                if (k.kind == KeyCap::Kind::Mode && seen.insert(k.next).second)
                    todo.push_back({k.next, first});
            }
    }
    return offers;
}

int rowsFor(EntryKind kind) {
    switch (kind) {
        case EntryKind::Text:
            return 6;  // Polish has a row of its own letters
        case EntryKind::Email:
        case EntryKind::HouseNumber:
            return 5;
        case EntryKind::Phone:
        case EntryKind::Postcode:
        case EntryKind::Reference:
        case EntryKind::BookingCode:
            return 4;
    }
    return 5;
}

bool isPad(EntryKind kind, int layer, const std::vector<Row>& page) {
    if (kind == EntryKind::Phone) return true;
    if (kind == EntryKind::HouseNumber) return layer == kLetters;
    return kind == EntryKind::Postcode && page.size() == 4;
}

// Keeps from text only what the field takes; capitals where the field has only capitals.
std::string filterTyped(EntryKind kind, std::string_view text) {
    std::string out;
    for (const std::string& ch : utf8Characters(text)) {
        const char32_t cp = utf8CodePoint(ch);
        if (cp < 0x20 || cp == 0x7F) continue;
        const bool ascii = cp < 0x80;
        const char c = ascii ? static_cast<char>(cp) : '\0';
        const bool digit = c >= '0' && c <= '9';
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const char capital = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
        switch (kind) {
            case EntryKind::Text:
                out += ch;
                break;
            case EntryKind::Email:
                if (cp != ' ') out += ch;
                break;
            case EntryKind::Phone:
                if (digit || c == '+' || c == ' ' || c == '-') out += c;
                break;
            case EntryKind::HouseNumber:
                if (digit || letter || c == '-' || c == ' ') out += capital;
                break;
            case EntryKind::Postcode:
                if (digit || letter) out += capital;
                break;
            case EntryKind::Reference:
            case EntryKind::BookingCode:
                if (ascii && kCodeAlphabet.find(capital) != std::string_view::npos) out += capital;
                break;
        }
    }
    return out;
}

}  // namespace

void Keyboard::reset() {
    layer_ = kLetters;
    shifted_ = false;
    enter_ = false;
    wipeString(scanned_);
}

bool Keyboard::holdsNothing() const {
    return layer_ == kLetters && !shifted_ && scanned_.empty();
}

float Keyboard::keyGap(const Theme& theme) {
    return theme.spacing / 2;
}

float Keyboard::heightFor(const Theme& theme, EntryKind kind, float /*width*/) {
    const int rows = rowsFor(kind);
    return static_cast<float>(rows) * theme.sizes.keyHeight + static_cast<float>(rows - 1) * keyGap(theme);
}

float Keyboard::drawImpl(Ui& ui, TextEntry& entry, const std::string& language, Rect area, const TrFn& tr) {
    if (&entry != lastEntry_) {
        reset();
        lastEntry_ = &entry;
    }
    const EntryKind kind = entry.kind();
    if (kind != EntryKind::Text && kind != EntryKind::HouseNumber) layer_ = kLetters;
    if (kind != EntryKind::Text) shifted_ = false;  // only free text has a shift key
    if (kind == EntryKind::Text && layer_ == kLatin && language != "uk") layer_ = kLetters;
    if (kind == EntryKind::Text && layer_ == kAccents && language != "nl" && language != "en")
        layer_ = kLetters;

    // A physical keyboard or a scanner typing like one: into the field as if tapped.
    enter_ = false;
    if (std::string typed = ui.takeTypedText(); !typed.empty()) {
        if ((kind == EntryKind::Reference || kind == EntryKind::BookingCode) &&
            scanned_.size() + typed.size() <= 512)
            scanned_ += typed;
        std::string kept = filterTyped(kind, typed);
        for (const std::string& ch : utf8Characters(kept))
            if (!entry.type(ch)) break;
        wipeString(kept);
        wipeString(typed);
    }
    if (ui.takeSubmit()) {
        // A receipt's QR holds the status page's address: the code is the part the field wants.
        if (kind == EntryKind::Reference && !scanned_.empty()) {
            if (auto code = referenceFromTyped(scanned_)) {
                std::string compact;
                for (char c : *code)
                    if (c != '-') compact += c;
                entry.set(compact);
            }
        }
        wipeString(scanned_);
        enter_ = true;
    }

    const KbState state{layer_, shifted_};
    const std::vector<Row> page = pageFor(kind, language, state, entry, tr);
    const auto offers = offersOf(kind, language, state, page, entry, tr);

    const Theme& theme = ui.theme();
    const float height = heightFor(theme, kind, area.width());
    const float top = area.y1 - height;
    const size_t rows = page.size();
    const float gap = keyGap(theme);
    const float rowH = (height - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    float maxUnits = 0;
    for (const Row& r : page) {
        float units = 0;
        for (const KeySpec& k : r) units += k.weight;
        maxUnits = std::max(maxUnits, units);
    }
    // A numeric pad stays a pad: three keys of at most pad_key_width each, centred.
    float width = area.width();
    if (isPad(kind, layer_, page)) width = std::min(width, 3 * theme.sizes.padKeyWidth);
    const float unit = width / maxUnits;

    ImGui::PushID("keyboard");
    const KeySpec* tapped = nullptr;
    for (size_t i = 0; i < rows; ++i) {
        const Row& r = page[i];
        float units = 0;
        for (const KeySpec& k : r) units += k.weight;
        float x = area.x0 + (area.width() - units * unit) / 2;
        const float y = top + static_cast<float>(i) * (rowH + gap);
        for (size_t j = 0; j < r.size(); ++j) {
            const KeySpec& k = r[j];
            const float w = k.weight * unit;
            Rect rect{x + gap / 2, y, x + w - gap / 2, y + rowH};
            x += w;
            if (k.gap) continue;
            const FontRole font = k.words ? FontRole::Body : FontRole::Large;
            if (ui.compactButton(k.label, rect, font, k.selected)) tapped = &k;
            KeyCap cap;
            cap.kind = k.kind;
            cap.rect = rect;
            cap.types = k.types;
            if (auto it = offers.find({i, j}); it != offers.end()) cap.offers = it->second;
            ui.recordKey(std::move(cap));
        }
    }
    ImGui::PopID();

    if (tapped) {
        switch (tapped->kind) {
            case KeyCap::Kind::Character:
                entry.type(tapped->types);
                if (tapped->letter) shifted_ = false;  // one capital, then small letters again
                if (kind == EntryKind::Text && layer_ == kAccents) layer_ = kLetters;
                break;
            case KeyCap::Kind::Erase:
                entry.backspace();
                break;
            case KeyCap::Kind::Mode:
                layer_ = tapped->next.layer;
                shifted_ = tapped->next.shifted;
                break;
        }
    }
    return height;
}

namespace {

// What the field shows: a booking code in two groups of four; a reference code with the dashes of its shape.
// The dash before the check character shows once the code has its whole length, 14 (3 + 2 + 8 + 1), or at 12
// when those are a right code issued with six random characters; at 12 a new code is still being typed.
std::string shownValue(const TextEntry& entry) {
    if (entry.kind() == EntryKind::BookingCode) {
        const std::string& v = entry.value();
        return v.size() > 4 ? v.substr(0, 4) + " " + v.substr(4) : v;
    }
    if (entry.kind() != EntryKind::Reference) return entry.value();
    const std::string& v = entry.value();
    const bool whole = v.size() == 14 || (v.size() == 12 && referenceFromTyped(v));
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (i == 3 || i == 5 || (whole && i + 1 == v.size())) out += '-';
        out += v[i];
    }
    return out;
}

}  // namespace

float textField(Ui& ui, const TextEntry& entry, std::string_view label, Rect where, std::string_view error) {
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const float gap = t.sizes.lineGap, pad = t.sizes.panelPadding;
    float y = where.y0;
    y += ui.text(label, {where.x0, y, where.x1, where.y1}, FontRole::Body, c.text, c.background);
    y += gap;

    const std::string shown = shownValue(entry);
    const float innerW = where.width() - pad * 2;
    const float lineH = ui.measureHeight("M", innerW, FontRole::Large);
    const float valueH =
        shown.empty() ? lineH : std::max(lineH, ui.measureHeight(shown, innerW, FontRole::Large));
    float errorH = 0;
    if (!error.empty()) errorH = gap + ui.warningPanelHeight(error, where.width());
    // Only free text may fill a tall where; a phone number, e-mail address, postcode, house number or code is
    // one line (more only when what is typed wraps).
    const bool mayFill = entry.kind() == EntryKind::Text;
    const float boxH = std::max(valueH + pad * 2, mayFill ? where.y1 - y - errorH : 0.f);
    Rect box{where.x0, y, where.x1, y + boxH};
    ui.fill(box, c.button, t.cornerRadius);
    ImGui::GetWindowDrawList()->AddRect(
        ImVec2(box.x0, box.y0), ImVec2(box.x1, box.y1),
        ImGui::ColorConvertFloat4ToU32(
            ImVec4(c.controlBorder.r, c.controlBorder.g, c.controlBorder.b, c.controlBorder.a)),
        t.cornerRadius, 0, error.empty() ? t.sizes.borderWidth : t.sizes.borderWidth * 2);
    Rect inner{box.x0 + pad, box.y0 + pad, box.x1 - pad, box.y1 - pad};
    // The caret: where the next key's character goes, half a line gap wide and that far from the text.
    const float caret = gap / 2;
    float caretX = inner.x0, caretY = inner.y0;
    if (!shown.empty()) {
        const float h = ui.text(shown, inner, FontRole::Large, c.buttonText, c.button);
        ui.markLastTextAsField();
        caretX = inner.x0 + ui.lastLineWidth(shown, inner.width(), FontRole::Large) + caret;
        caretY = inner.y0 + h - lineH;
    }
    caretX = std::min(caretX, inner.x1 - caret);
    ui.fill({caretX, caretY + caret, caretX + caret, caretY + lineH - caret}, c.buttonText);
    y += boxH;

    if (!error.empty()) {
        // The error in words, on the warning colours, with a bar beside it: not by colour alone.
        y += gap;
        y += ui.warningPanel(error, {where.x0, y, where.x1, where.y1});
    }
    return y - where.y0;
}

}  // namespace wp::ui
