#include "central/lookup_guard.h"

#include <arpa/inet.h>

#include <algorithm>
#include <chrono>

#include "common/log.h"

namespace wp {

namespace {

constexpr Millis kMinute = std::chrono::minutes(1);
constexpr Millis kHour = std::chrono::hours(1);
const std::string kEveryone = "*";

}  // namespace

std::string addressPrefix(std::string_view address) {
    std::string text(address);
    constexpr std::string_view kMapped = "::ffff:";
    if (text.size() > kMapped.size() && text.compare(0, kMapped.size(), kMapped) == 0 &&
        text.find('.') != std::string::npos)
        text.erase(0, kMapped.size());
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
        auto* b = reinterpret_cast<unsigned char*>(&v4);
        b[3] = 0;
        char out[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &v4, out, sizeof out);
        return std::string(out) + "/24";
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
        std::fill(v6.s6_addr + 8, v6.s6_addr + 16, 0);
        char out[INET6_ADDRSTRLEN];
        inet_ntop(AF_INET6, &v6, out, sizeof out);
        return std::string(out) + "/64";
    }
    return std::string(address);
}

std::string_view toString(LookupGuard::Refusal refusal) {
    switch (refusal) {
        case LookupGuard::Refusal::None:
            return "admitted";
        case LookupGuard::Refusal::Source:
            return "too many lookups from this address";
        case LookupGuard::Refusal::Prefix:
            return "too many lookups from this address's network";
        case LookupGuard::Refusal::Global:
            return "too many lookups from all addresses together";
        case LookupGuard::Refusal::SourceMisses:
            return "too many unknown codes from this address";
        case LookupGuard::Refusal::PrefixMisses:
            return "too many unknown codes from this address's network";
        case LookupGuard::Refusal::GlobalMisses:
            return "too many unknown codes from all addresses together";
    }
    return "refused";
}

LookupGuard::LookupGuard(const Clock& clock, const CentralConfig::Lookup& limits)
    : clock_(clock),
      alertMissesPerHour_(limits.alertMissesPerHour),
      perSource_(clock, limits.perMinute, kMinute),
      perPrefix_(clock, limits.perPrefixPerMinute, kMinute),
      global_(clock, limits.globalPerMinute, kMinute),
      sourceMisses_(clock, limits.missesPerHour, kHour),
      prefixMisses_(clock, limits.prefixMissesPerHour, kHour),
      globalMisses_(clock, limits.globalMissesPerHour, kHour),
      missesForAlert_(clock, limits.alertMissesPerHour, kHour) {}

LookupGuard::Decision LookupGuard::admit(const std::string& address) {
    const std::string prefix = addressPrefix(address);
    // Misses first: a source that guessed too often waits, whatever its lookups per minute.
    if (sourceMisses_.exhausted(address)) return {Refusal::SourceMisses, sourceMisses_.retryAfter(address)};
    if (prefixMisses_.exhausted(prefix)) return {Refusal::PrefixMisses, prefixMisses_.retryAfter(prefix)};
    // When everyone's misses are used up, a source that missed this hour waits; one that did not may still
    // look up its own code, so guessers from many networks cannot lock every resident out.
    if (globalMisses_.exhausted(kEveryone) && sourceMisses_.count(address) > 0)
        return {Refusal::GlobalMisses, globalMisses_.retryAfter(kEveryone)};
    if (perSource_.exhausted(address)) return {Refusal::Source, perSource_.retryAfter(address)};
    if (perPrefix_.exhausted(prefix)) return {Refusal::Prefix, perPrefix_.retryAfter(prefix)};
    if (global_.exhausted(kEveryone)) return {Refusal::Global, global_.retryAfter(kEveryone)};
    // Two lookups racing past the checks above may overshoot a limit by the number of handler threads at
    // most; allow() keeps each window's count exact from then on.
    if (!perSource_.allow(address)) return {Refusal::Source, perSource_.retryAfter(address)};
    if (!perPrefix_.allow(prefix)) return {Refusal::Prefix, perPrefix_.retryAfter(prefix)};
    if (!global_.allow(kEveryone)) return {Refusal::Global, global_.retryAfter(kEveryone)};
    return {};
}

void LookupGuard::miss(const std::string& address) {
    const std::string prefix = addressPrefix(address);
    sourceMisses_.allow(address);
    prefixMisses_.allow(prefix);
    globalMisses_.allow(kEveryone);
    ++misses_;
    log::info("status lookup missed: no request with the code asked for by {} (network {})", address, prefix);
    missesForAlert_.allow(kEveryone);
    if (!missesForAlert_.exhausted(kEveryone)) return;  // below the alert threshold this hour
    std::lock_guard lock(alertMutex_);
    TimePoint now = clock_.now();
    if (alerted_ && now - lastAlert_ < kHour) return;
    alerted_ = true;
    lastAlert_ = now;
    ++alerts_;
    log::warning(
        "ALERT: {} or more status lookups of unknown reference codes in the last hour; someone may be "
        "guessing codes (last from {}, network {}). Lookups stay limited by [lookup]; check the log for the "
        "addresses",
        alertMissesPerHour_, address, prefix);
}

}  // namespace wp
