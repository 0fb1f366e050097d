// LookupGuard: the limits on status lookups by reference code (GET /v1/requests/{reference} and the status
// page together), so codes cannot be enumerated (DESIGN.md: reference code).
//
// A lookup is admitted when its source address, the source's prefix (/24 for IPv4, /64 for IPv6) and all
// sources together are each within their lookups per minute, and neither the address nor its prefix has
// used up its misses per hour. When all sources together have used up theirs, only sources that missed in
// the last hour wait: guessers spread over many networks cannot lock every resident out, and each of their
// addresses gets at most one guess an hour. A miss is a lookup that found nothing (an unknown code or no
// code at all); it costs more than a hit, so one who guesses is stopped long before one who looks up their
// own code. Every miss is logged with
// its source and prefix (never the code); when the misses of the last hour reach the alert threshold, a
// warning is logged (at most once an hour) and alerts() counts it, for the server's health.
//
// The address is the socket's: behind a proxy every lookup shares the proxy's limits. Times are the injected
// clock's. Memory stays bounded by the limiters (keys whose events expired are dropped). Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "central/central_config.h"
#include "central/rate_limiter.h"
#include "common/clock.h"

namespace wp {

// The prefix an address shares with its neighbours: "192.0.2.0/24" for 192.0.2.77, "2001:db8:1:2::/64"
// for 2001:db8:1:2:3:4:5:6 (an IPv4-mapped IPv6 address counts as IPv4). Anything that is no address comes
// back as it is.
std::string addressPrefix(std::string_view address);

class LookupGuard {
  public:
    enum class Refusal { None, Source, Prefix, Global, SourceMisses, PrefixMisses, GlobalMisses };
    struct Decision {
        Refusal refusal = Refusal::None;
        Millis retryAfter{0};  // when refused: how long until a lookup may be admitted
        bool admitted() const { return refusal == Refusal::None; }
    };

    LookupGuard(const Clock& clock, const CentralConfig::Lookup& limits);

    // Counts one lookup from address, or refuses it (and counts nothing).
    Decision admit(const std::string& address);
    // Counts a miss of an admitted lookup from address, logs it and raises the alert when due.
    void miss(const std::string& address);

    std::uint64_t misses() const { return misses_.load(); }
    std::uint64_t alerts() const { return alerts_.load(); }

  private:
    const Clock& clock_;
    const int alertMissesPerHour_;
    RateLimiter perSource_, perPrefix_, global_;
    RateLimiter sourceMisses_, prefixMisses_, globalMisses_;
    RateLimiter missesForAlert_;
    std::mutex alertMutex_;
    TimePoint lastAlert_{};
    bool alerted_ = false;
    std::atomic<std::uint64_t> misses_{0}, alerts_{0};
};

// What a refusal is, for the log: "too many lookups from this address", ...
std::string_view toString(LookupGuard::Refusal refusal);

}  // namespace wp
