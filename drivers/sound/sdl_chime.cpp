#include "drivers/sound/sdl_chime.h"

#include <SDL.h>

#include <cmath>

namespace wp {

namespace {

constexpr int kRate = 44100;

// One tone: a sine with a short attack and an exponential decay.
void addTone(std::vector<float>& out, double hz, double seconds, double start) {
    const size_t first = static_cast<size_t>(start * kRate);
    const size_t n = static_cast<size_t>(seconds * kRate);
    if (out.size() < first + n) out.resize(first + n, 0.f);
    for (size_t i = 0; i < n; ++i) {
        double t = static_cast<double>(i) / kRate;
        double envelope = std::min(1.0, t / 0.01) * std::exp(-3.0 * t);
        out[first + i] += static_cast<float>(0.35 * envelope * std::sin(2.0 * M_PI * hz * t));
    }
}

}  // namespace

SdlChime::SdlChime() {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        error_ = SDL_GetError();
        return;
    }
    SDL_AudioSpec want{};
    want.freq = kRate;
    want.format = AUDIO_F32SYS;
    want.channels = 1;
    want.samples = 1024;
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
    if (device_ == 0) {
        error_ = SDL_GetError();
        return;
    }
    addTone(samples_, 784.0, 0.9, 0.0);    // G5
    addTone(samples_, 622.25, 1.2, 0.45);  // D#5
    SDL_PauseAudioDevice(device_, 0);
}

SdlChime::~SdlChime() {
    if (device_ != 0) SDL_CloseAudioDevice(device_);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlChime::play() {
    ++plays_;
    if (device_ == 0) return;
    SDL_ClearQueuedAudio(device_);  // a new call interrupts the previous chime
    SDL_QueueAudio(device_, samples_.data(), static_cast<Uint32>(samples_.size() * sizeof(float)));
}

}  // namespace wp
