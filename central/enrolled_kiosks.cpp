#include "central/enrolled_kiosks.h"

namespace wp {

EnrolledKiosks::EnrolledKiosks(FleetStore& store, const std::vector<KioskIdentity>& configured)
    : store_(store), configured_(configured) {}

const KioskIdentity* EnrolledKiosks::configured(const std::string& subject) const {
    for (const KioskIdentity& k : configured_)
        if (k.subject == subject) return &k;
    return nullptr;
}

std::optional<std::optional<KioskIdentity>> EnrolledKiosks::bySubjectWithoutBlocking(
    const std::string& subject) {
    if (const KioskIdentity* k = configured(subject)) return std::optional<KioskIdentity>(*k);
    std::unique_lock lock(mutex_, std::try_to_lock);
    if (!lock.owns_lock()) return std::nullopt;
    auto it = cache_.find(subject);
    if (it == cache_.end()) return std::nullopt;
    return std::optional<KioskIdentity>(it->second);
}

Result<std::optional<KioskIdentity>> EnrolledKiosks::bySubject(const std::string& subject) {
    if (const KioskIdentity* k = configured(subject)) return std::optional<KioskIdentity>(*k);
    {
        std::lock_guard lock(mutex_);
        auto it = cache_.find(subject);
        if (it != cache_.end()) return std::optional<KioskIdentity>(it->second);
    }
    auto stored = store_.kioskBySubject(subject);
    if (!stored) return stored.status();
    if (!stored.value()) return std::optional<KioskIdentity>();
    KioskIdentity k{stored.value()->subject, stored.value()->kioskCode, stored.value()->contactPoint};
    add(k);
    return std::optional<KioskIdentity>(k);
}

void EnrolledKiosks::add(const KioskIdentity& kiosk) {
    std::lock_guard lock(mutex_);
    cache_[kiosk.subject] = kiosk;
}

}  // namespace wp
