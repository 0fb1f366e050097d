// RecordingSpeaker: a Speaker that says nothing and remembers every utterance, for tests and the script
// runner (`expect-spoken`). With a log file it also appends "language<TAB>text" lines there, so a test
// in another process can read what the kiosk would have said. Thread-safe.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/core/speaker.h"

namespace wp {

struct Utterance {
    std::string language;
    std::string text;
};

class RecordingSpeaker final : public Speaker {
  public:
    explicit RecordingSpeaker(std::filesystem::path logFile = {}) : logFile_(std::move(logFile)) {}

    void speak(const std::string& text, const std::string& language) override;
    void stop() override;
    void setVolume(int percent) override;

    std::vector<Utterance> utterances() const;
    // The texts said, in order (what the script runner's expect-spoken reads).
    std::vector<std::string> texts() const;
    int stops() const;
    int volume() const;

  private:
    std::filesystem::path logFile_;
    mutable std::mutex mutex_;
    std::vector<Utterance> said_;
    int stops_ = 0;
    int volume_ = 0;
};

}  // namespace wp
