// SdlChime: a two-tone "ding-dong" made at start-up (sine tones with a soft decay) and queued on an SDL
// audio device each time play() is called. When the machine has no audio device, play() does nothing and
// ok() says why, so the display keeps calling numbers on screen and aloud. UI thread only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/chime.h"

namespace wp {

class SdlChime final : public Chime {
  public:
    SdlChime();
    ~SdlChime() override;
    SdlChime(const SdlChime&) = delete;
    SdlChime& operator=(const SdlChime&) = delete;

    void play() override;
    bool ok() const { return device_ != 0; }
    const std::string& error() const { return error_; }
    int plays() const { return plays_; }

  private:
    std::uint32_t device_ = 0;
    std::vector<float> samples_;
    std::string error_;
    int plays_ = 0;
};

}  // namespace wp
