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

}  // namespace wp
