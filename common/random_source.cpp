#include "common/random_source.h"

#include <cassert>

namespace wp {

std::uint32_t SystemRandom::below(std::uint32_t bound) {
    assert(bound > 0);
    std::lock_guard lock(mutex_);
    std::uniform_int_distribution<std::uint32_t> dist(0, bound - 1);
    return dist(device_);
}

std::uint32_t SeededRandom::below(std::uint32_t bound) {
    assert(bound > 0);
    std::lock_guard lock(mutex_);
    std::uniform_int_distribution<std::uint32_t> dist(0, bound - 1);
    return dist(engine_);
}

}  // namespace wp
