// RandomSource: where reference codes, backoff jitter and tokens get their randomness, injected so that
// tests can fix it (STYLE.md #4).
//
// SystemRandom draws from the operating system's generator (std::random_device: getrandom on Linux);
// SeededRandom is a reproducible generator for tests and seeded fault schedules. Both are thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <random>

namespace wp {

class RandomSource {
  public:
    virtual ~RandomSource() = default;
    // A uniformly distributed number in [0, bound). bound must be > 0.
    virtual std::uint32_t below(std::uint32_t bound) = 0;
};

class SystemRandom final : public RandomSource {
  public:
    std::uint32_t below(std::uint32_t bound) override;

  private:
    std::mutex mutex_;
    std::random_device device_;
};

class SeededRandom final : public RandomSource {
  public:
    explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}
    std::uint32_t below(std::uint32_t bound) override;

  private:
    std::mutex mutex_;
    std::mt19937_64 engine_;
};

}  // namespace wp
