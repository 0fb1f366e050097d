// EnrolledKiosks: which kiosk a client certificate's subject belongs to, asked on every kiosk request.
//
// The config's [[kiosk]] list is looked up first, then the kiosks enrolled in the store (FleetStore), through
// an in-memory cache: an enrollment on this server fills it at once (add()), and a subject the cache does
// not know is read from the store (another server instance may have enrolled it) and cached when found. An
// unknown subject is read again each time. Revocation is not decided here (KioskRevocations). Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "central/central_config.h"
#include "central/store/fleet_store.h"

namespace wp {

class EnrolledKiosks {
  public:
    EnrolledKiosks(FleetStore& store, const std::vector<KioskIdentity>& configured);

    // The kiosk of subject; nullopt when no kiosk has it; an error when the store cannot be read.
    Result<std::optional<KioskIdentity>> bySubject(const std::string& subject);
    // The same without reading the store or waiting for a lock: nullopt when that would be needed.
    std::optional<std::optional<KioskIdentity>> bySubjectWithoutBlocking(const std::string& subject);
    // A kiosk this server has just enrolled.
    void add(const KioskIdentity& kiosk);

  private:
    const KioskIdentity* configured(const std::string& subject) const;

    FleetStore& store_;
    const std::vector<KioskIdentity>& configured_;
    std::mutex mutex_;
    std::unordered_map<std::string, KioskIdentity> cache_;  // by subject
};

}  // namespace wp
