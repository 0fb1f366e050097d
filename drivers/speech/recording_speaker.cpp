#include "drivers/speech/recording_speaker.h"

#include <fstream>

namespace wp {

void RecordingSpeaker::speak(const std::string& text, const std::string& language) {
    std::lock_guard lock(mutex_);
    said_.push_back({language, text});
    if (!logFile_.empty()) {
        std::ofstream out(logFile_, std::ios::app);
        out << language << '\t' << text << '\n';
    }
}

void RecordingSpeaker::stop() {
    std::lock_guard lock(mutex_);
    ++stops_;
}

void RecordingSpeaker::setVolume(int percent) {
    std::lock_guard lock(mutex_);
    volume_ = percent;
}

std::vector<Utterance> RecordingSpeaker::utterances() const {
    std::lock_guard lock(mutex_);
    return said_;
}

std::vector<std::string> RecordingSpeaker::texts() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const Utterance& u : said_) out.push_back(u.text);
    return out;
}

int RecordingSpeaker::stops() const {
    std::lock_guard lock(mutex_);
    return stops_;
}

int RecordingSpeaker::volume() const {
    std::lock_guard lock(mutex_);
    return volume_;
}

}  // namespace wp
