#include "kiosk/core/texts.h"

namespace wp {

const std::string& Texts::get(std::string_view language, std::string_view key) const {
    if (auto lang = content_.texts.find(std::string(language)); lang != content_.texts.end()) {
        if (auto it = lang->second.texts.find(std::string(key)); it != lang->second.texts.end())
            return it->second;
    }
    std::string full = std::string(language) + ":" + std::string(key);
    missing_.insert(full);
    return *bracketed_.insert("[" + std::string(key) + "]").first;
}

std::string fillIn(std::string text, std::initializer_list<std::pair<std::string_view, std::string>> values) {
    for (const auto& [name, value] : values) {
        std::string marker = "{" + std::string(name) + "}";
        for (size_t at = text.find(marker); at != std::string::npos;
             at = text.find(marker, at + value.size()))
            text.replace(at, marker.size(), value);
    }
    return text;
}

}  // namespace wp
