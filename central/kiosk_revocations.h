// KioskRevocations: whether a kiosk certificate is revoked, asked on every kiosk request (also on a
// keep-alive connection whose certificate was fine at the handshake).
//
// Two sources, both always in force: the store's revocations (`wijkpunt-central kiosk revoke`, the
// revoked_kiosk table) and the config's [tls] revoked_subjects / revoked_serials. The store is read again
// when its last read is older than the cache time ([revocation] cache_ms, real time), so a revocation written
// by another process is in force within that time. Serials compare in upper case without separators.
// Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "central/store/central_store.h"

namespace wp {

// "0a:1b:2C" -> "0A1B2C": the form revocations are kept and compared in.
std::string normalizeSerial(std::string_view serial);

class KioskRevocations {
  public:
    KioskRevocations(RevocationStore& store, const std::vector<std::string>& configSubjects,
                     const std::vector<std::string>& configSerials, std::chrono::milliseconds cacheTime);

    // True when subject or serial is revoked; an error when the store cannot be read (refuse the request).
    Result<bool> revoked(const std::string& subject, const std::string& serial);
    // The same answer without reading the store or waiting for another caller: nullopt when the store's
    // revocations would have to be read again (the cache is older than the cache time) or another caller
    // is reading them. For threads that must not block.
    std::optional<bool> revokedIfCached(const std::string& subject, const std::string& serial);
    // Makes the next revoked() read the store again: after this server wrote a revocation, it is in force
    // here from the next request on.
    void refresh();

  private:
    bool inConfig(const std::string& subject, const std::string& normalSerial) const;
    bool inStoreList(const std::string& subject, const std::string& normalSerial) const;

    RevocationStore& store_;
    const std::chrono::milliseconds cacheTime_;
    std::set<std::string> configSubjects_, configSerials_;
    std::mutex mutex_;
    std::set<std::string> storeSubjects_, storeSerials_;
    std::chrono::steady_clock::time_point readAt_{};
    bool read_ = false;
};

}  // namespace wp
