// Speaker: reads text aloud in a language. The one implementation, RecordingSpeaker (drivers/speech), says
// nothing aloud: it records what would have been said, for the speech log, the tests and the script runner.
//
// speak() replaces whatever is being said (a new tap interrupts the speech, ACCESSIBILITY.md #2) and never
// blocks the caller. Implementations must be callable from the UI thread.
#pragma once

#include <string>

namespace wp {

class Speaker {
  public:
    virtual ~Speaker() = default;
    virtual void speak(const std::string& text, const std::string& language) = 0;
    virtual void stop() = 0;
    // Volume 0..100; a session's end puts it back to the default (ACCESSIBILITY.md #6).
    virtual void setVolume(int percent) = 0;
};

}  // namespace wp
