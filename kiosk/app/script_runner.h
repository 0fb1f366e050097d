// ScriptRunner: drives the real app from a script file, one step at a time (DESIGN.md: Testing).
//
//   tap "LABEL"          taps the centre of the one control labelled LABEL in the last presented frame (a
//                        control with a name of its own, DrawnItem::name, by that name: "Wijzig: Naam")
//   type "TEXT"          taps the on-screen keyboard key of each character (real finger events, like tap),
//                        first tapping shift, the accent key or Latin/Cyrillic when the character is on
//                        another page; a character no key offers fails, naming it
//   scan "TEXT"          a barcode scanner that types like a keyboard: TEXT as text input, then Enter
//   expect "TEXT" [20s]  TEXT is drawn whole (not clipped) in the last frame; polls up to 5 s (or as given)
//   expect-not "TEXT"    TEXT is not drawn; polls up to 5 s (or as given) for it to go
//   expect-spoken "TEXT" the speaker said something containing TEXT since the script started; polls 5 s
//   key NAME             a keypad key: next, previous, up, down, left, right, enter, back; or a function
//                        key f1 to f12 (the host console's shortcuts). Real SDL key events
//   advance 30s          moves the injected clock
//   wait 200ms           lets real time pass while the app keeps running
//   screenshot NAME.png  saves the last frame into the screenshot folder
// Lines starting with # are comments. A failing step stops the script with the line, the step and the
// texts on screen. The runner owns no window: the app gives it a ScriptHost. UI thread only.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "kiosk/ui/frame_record.h"
#include "kiosk/ui/key_cap.h"

namespace wp {

class ScriptHost {
  public:
    virtual ~ScriptHost() = default;
    virtual const ui::FrameRecord& lastFrame() const = 0;
    virtual uint64_t framesPresented() const = 0;
    virtual void tap(float x, float y) = 0;
    virtual Status key(const std::string& name) = 0;
    virtual Status screenshot(const std::string& name) = 0;
    virtual void advanceClock(Millis d) = 0;
    virtual std::vector<std::string> spoken() const = 0;
    // The on-screen keyboard's keys in the last presented frame (empty: no keyboard shown).
    virtual const std::vector<ui::KeyCap>& keyboardKeys() const {
        static const std::vector<ui::KeyCap> none;
        return none;
    }
    // Sends text as a physical keyboard would (text input events), then Enter.
    virtual Status scan(const std::string& /*text*/) { return Status::unavailable("this host cannot scan"); }
};

struct ScriptStep {
    enum class Kind { Tap, Type, Scan, Expect, ExpectNot, ExpectSpoken, Key, Advance, Wait, Screenshot };
    Kind kind;
    std::string arg;
    Millis duration{0};
    int line = 0;
    std::string source;  // the line as written, for messages
};

class ScriptRunner {
  public:
    enum class State { Running, Passed, Failed };

    static Result<ScriptRunner> load(const std::filesystem::path& file);
    static Result<std::vector<ScriptStep>> parse(const std::string& text, const std::string& fileName);

    explicit ScriptRunner(std::vector<ScriptStep> steps, std::string fileName);

    // Does what it can now; call once per loop turn. Returns the state after.
    State poll(ScriptHost& host);
    State state() const { return state_; }
    // Appends "<unix ms> start|done <line> <step as written>" for every step to file, so a bench can put
    // the moment of a tap next to what other processes saw (the printer's output, the display).
    void logStepsTo(std::filesystem::path file) { log_ = std::move(file); }
    // With a log: appends "<unix ms> frame <n> <first content text>" when a presented frame shows other
    // content than the one before, so a bench can measure a tap to the next screen drawn.
    void noteFramePresented(const ui::FrameRecord& frame, uint64_t framesPresented);
    const std::string& failure() const { return failure_; }
    size_t stepsDone() const { return next_; }

    static constexpr std::chrono::milliseconds kExpectTimeout{5000};

  private:
    using Steady = std::chrono::steady_clock;
    bool settled(const ScriptHost& host) const;
    void fail(const ScriptStep& step, const ScriptHost& host, const std::string& why);
    // Taps the one clickable item labelled label; false (and a failure) when none or several.
    bool tapLabel(const ScriptStep& step, ScriptHost& host, const std::string& label);

    std::vector<ScriptStep> steps_;
    std::string fileName_;
    size_t next_ = 0;
    State state_ = State::Running;
    std::string failure_;
    // The current step started at this time, after this many presented frames.
    bool stepStarted_ = false;
    Steady::time_point stepStart_;
    uint64_t framesAtLastInput_ = 0;
    size_t typed_ = 0;  // characters of a type step done so far
    int modeTaps_ = 0;  // page keys tapped for the current character
    // Taps the keyboard key for the type step's next character, or the page key that leads to it.
    void typeNext(const ScriptStep& step, ScriptHost& host);
    std::filesystem::path log_;
    size_t shownContent_ = 0;  // hash of the content texts of the last logged frame
    void logStep(const ScriptStep& step, const char* phase) const;
};

}  // namespace wp
