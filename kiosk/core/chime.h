// Chime: the short sound the now-serving display makes before it speaks a call. drivers/sound plays it
// through SDL audio; a display without sound (or a test) uses none. play() never blocks.
#pragma once

namespace wp {

class Chime {
  public:
    virtual ~Chime() = default;
    virtual void play() = 0;
};

}  // namespace wp
