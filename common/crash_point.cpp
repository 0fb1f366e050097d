#include "common/crash_point.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <cstdlib>
#include <string>

namespace wp {

namespace {

struct CrashPlan {
    std::string name;  // empty: no crash planned
    long count = 1;
};

CrashPlan readPlan() {
    CrashPlan plan;
    const char* env = std::getenv("WIJKPUNT_CRASH_AT");
    if (env == nullptr || *env == '\0') return plan;
    std::string_view spec(env);
    size_t colon = spec.rfind(':');
    if (colon != std::string_view::npos) {
        long count = 0;
        auto digits = spec.substr(colon + 1);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
        if (ec == std::errc() && end == digits.data() + digits.size() && count > 0) {
            plan.count = count;
            spec = spec.substr(0, colon);
        }
    }
    plan.name = std::string(spec);
    return plan;
}

}  // namespace

void crashPoint(std::string_view name) {
    static std::atomic<long> hits{0};  // calls that matched the plan's name
    const CrashPlan plan = readPlan();
    if (plan.name.empty() || name != plan.name) return;
    if (hits.fetch_add(1) + 1 < plan.count) return;
    ::raise(SIGKILL);
    ::_exit(137);  // not reached: SIGKILL cannot be caught
}

}  // namespace wp
