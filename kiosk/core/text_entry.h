// TextEntry: what a resident types into one field, in a buffer we own and wipe (DESIGN.md pitfalls: never
// ImGui::InputText for personal data). The on-screen keyboard (kiosk/ui/keyboard.h) edits it; flows read
// value(). wipe() overwrites the bytes before freeing them, and ResidentSession's wipe reaches every entry
// through the personal-data holder that owns it (the request flow, the status screen). UTF-8 throughout;
// backspace removes one whole code point. Not thread-safe: the UI thread owns it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/entry_kind.h"

namespace wp {

class TextEntry {
  public:
    explicit TextEntry(EntryKind kind = EntryKind::Text, std::size_t maxBytes = 4000)
        : kind_(kind), maxBytes_(maxBytes) {}
    ~TextEntry() { wipe(); }
    TextEntry(const TextEntry&) = delete;
    TextEntry& operator=(const TextEntry&) = delete;

    EntryKind kind() const { return kind_; }
    std::size_t maxBytes() const { return maxBytes_; }
    const std::string& value() const { return value_; }
    bool empty() const { return value_.empty(); }

    // Appends typed text (one key's worth, or a scanner's whole line); false when it would not fit.
    bool type(std::string_view utf8) {
        if (value_.size() + utf8.size() > maxBytes_) return false;
        value_.append(utf8);
        return true;
    }
    // Removes the last code point.
    void backspace() {
        if (value_.empty()) return;
        std::size_t at = value_.size() - 1;
        while (at > 0 && (static_cast<unsigned char>(value_[at]) & 0xC0) == 0x80) --at;
        for (std::size_t i = at; i < value_.size(); ++i) value_[i] = '\0';
        value_.resize(at);
    }
    // Replaces the whole value (a flow restoring a normalised form, e.g. "1234 AB").
    void set(std::string_view utf8) {
        wipe();
        type(utf8.substr(0, maxBytes_));
    }
    // Overwrites and forgets the typed bytes.
    void wipe() {
        volatile char* p = value_.data();
        for (std::size_t i = 0; i < value_.size(); ++i) p[i] = '\0';
        value_.clear();
    }

  private:
    EntryKind kind_;
    std::size_t maxBytes_;
    std::string value_;
};

}  // namespace wp
