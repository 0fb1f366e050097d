#include "central/kiosk_revocations.h"

#include <cctype>

namespace wp {

std::string normalizeSerial(std::string_view serial) {
    std::string out;
    for (char c : serial)
        if (std::isxdigit(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

KioskRevocations::KioskRevocations(RevocationStore& store, const std::vector<std::string>& configSubjects,
                                   const std::vector<std::string>& configSerials,
                                   std::chrono::milliseconds cacheTime)
    : store_(store), cacheTime_(cacheTime), configSubjects_(configSubjects.begin(), configSubjects.end()) {
    for (const auto& s : configSerials) configSerials_.insert(normalizeSerial(s));
}

bool KioskRevocations::inConfig(const std::string& subject, const std::string& normalSerial) const {
    return configSubjects_.count(subject) > 0 ||
           (!normalSerial.empty() && configSerials_.count(normalSerial) > 0);
}

// Callers hold mutex_.
bool KioskRevocations::inStoreList(const std::string& subject, const std::string& normalSerial) const {
    return storeSubjects_.count(subject) > 0 ||
           (!normalSerial.empty() && storeSerials_.count(normalSerial) > 0);
}

std::optional<bool> KioskRevocations::revokedIfCached(const std::string& subject, const std::string& serial) {
    const std::string normalSerial = normalizeSerial(serial);
    if (inConfig(subject, normalSerial)) return true;
    std::unique_lock lock(mutex_, std::try_to_lock);
    if (!lock.owns_lock() || !read_ || std::chrono::steady_clock::now() - readAt_ >= cacheTime_)
        return std::nullopt;
    return inStoreList(subject, normalSerial);
}

void KioskRevocations::refresh() {
    std::lock_guard lock(mutex_);
    read_ = false;
}

Result<bool> KioskRevocations::revoked(const std::string& subject, const std::string& serial) {
    const std::string normalSerial = normalizeSerial(serial);
    if (inConfig(subject, normalSerial)) return true;
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (!read_ || now - readAt_ >= cacheTime_) {
        auto list = store_.kioskRevocations();
        if (!list) return list.status();
        storeSubjects_.clear();
        storeSerials_.clear();
        for (const KioskRevocation& r : list.value()) {
            if (!r.subject.empty()) storeSubjects_.insert(r.subject);
            if (!r.serial.empty()) storeSerials_.insert(normalizeSerial(r.serial));
        }
        readAt_ = now;
        read_ = true;
    }
    return inStoreList(subject, normalSerial);
}

}  // namespace wp
