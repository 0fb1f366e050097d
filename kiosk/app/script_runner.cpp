#include "kiosk/app/script_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

#include "common/utf8.h"

namespace wp {

namespace {

// Frames to present after an input before the next step looks at the screen: the tap's down frame, its
// up frame and one frame that shows the result.
constexpr uint64_t kSettleFrames = 3;

std::string trim(std::string s) {
    size_t b = s.find_first_not_of(" \t\r");
    size_t e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::optional<Millis> parseDuration(const std::string& s) {
    size_t i = 0;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    if (i == 0) return std::nullopt;
    double v = std::stod(s.substr(0, i));
    std::string unit = s.substr(i);
    if (unit == "ms") return Millis(static_cast<long long>(v));
    if (unit == "s") return Millis(static_cast<long long>(v * 1000));
    if (unit == "m" || unit == "min") return Millis(static_cast<long long>(v * 60000));
    if (unit == "h") return Millis(static_cast<long long>(v * 3600000));
    return std::nullopt;
}

// A "quoted string" with \" and \\ escapes.
std::optional<std::string> parseQuoted(const std::string& s) {
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::nullopt;
    std::string out;
    for (size_t i = 1; i + 1 < s.size(); ++i) {
        if (s[i] == '\\' && i + 2 < s.size()) ++i;
        out += s[i];
    }
    return out;
}

}  // namespace

Result<std::vector<ScriptStep>> ScriptRunner::parse(const std::string& text, const std::string& fileName) {
    std::vector<ScriptStep> steps;
    std::istringstream in(text);
    std::string raw;
    int lineNo = 0;
    struct Word {
        const char* word;
        ScriptStep::Kind kind;
        enum { Quoted, Duration, Bare } arg;
    };
    static const Word kWords[] = {
        {"tap", ScriptStep::Kind::Tap, Word::Quoted},
        {"type", ScriptStep::Kind::Type, Word::Quoted},
        {"scan", ScriptStep::Kind::Scan, Word::Quoted},
        {"expect", ScriptStep::Kind::Expect, Word::Quoted},
        {"expect-not", ScriptStep::Kind::ExpectNot, Word::Quoted},
        {"expect-spoken", ScriptStep::Kind::ExpectSpoken, Word::Quoted},
        {"key", ScriptStep::Kind::Key, Word::Bare},
        {"advance", ScriptStep::Kind::Advance, Word::Duration},
        {"wait", ScriptStep::Kind::Wait, Word::Duration},
        {"screenshot", ScriptStep::Kind::Screenshot, Word::Bare},
    };
    while (std::getline(in, raw)) {
        ++lineNo;
        std::string line = trim(raw);
        if (line.empty() || line[0] == '#') continue;
        size_t sp = line.find_first_of(" \t");
        std::string word = line.substr(0, sp);
        std::string rest = sp == std::string::npos ? std::string() : trim(line.substr(sp));
        const Word* w = nullptr;
        for (const Word& candidate : kWords)
            if (word == candidate.word) w = &candidate;
        if (w == nullptr)
            return Status::invalidInput(
                fmt::format("{}:{}: unknown step '{}' (expected tap, type, scan, expect, "
                            "expect-not, expect-spoken, key, advance, wait or screenshot)",
                            fileName, lineNo, word));
        ScriptStep step{w->kind, {}, Millis(0), lineNo, line};
        if (w->arg == Word::Quoted) {
            // expect, expect-not and expect-spoken may name how long to wait: expect "H-001" 20s.
            const bool waits = w->kind == ScriptStep::Kind::Expect ||
                               w->kind == ScriptStep::Kind::ExpectNot ||
                               w->kind == ScriptStep::Kind::ExpectSpoken;
            if (size_t close = rest.rfind('"');
                waits && close != std::string::npos && close + 1 < rest.size()) {
                auto d = parseDuration(trim(rest.substr(close + 1)));
                if (!d)
                    return Status::invalidInput(fmt::format(
                        "{}:{}: after the text, {} takes a duration like 20s", fileName, lineNo, word));
                step.duration = *d;
                rest = trim(rest.substr(0, close + 1));
            }
            auto q = parseQuoted(rest);
            if (!q)
                return Status::invalidInput(
                    fmt::format("{}:{}: {} needs a \"quoted text\"", fileName, lineNo, word));
            step.arg = *q;
        } else if (w->arg == Word::Duration) {
            auto d = parseDuration(rest);
            if (!d)
                return Status::invalidInput(
                    fmt::format("{}:{}: {} needs a duration like 30s or 200ms", fileName, lineNo, word));
            step.duration = *d;
        } else {
            if (rest.empty())
                return Status::invalidInput(fmt::format("{}:{}: {} needs a name", fileName, lineNo, word));
            step.arg = rest;
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

Result<ScriptRunner> ScriptRunner::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return Status::notFound(fmt::format("{}: cannot read the script", file.string()));
    std::stringstream buf;
    buf << in.rdbuf();
    auto steps = parse(buf.str(), file.string());
    if (!steps) return steps.status();
    return ScriptRunner(std::move(steps).value(), file.string());
}

ScriptRunner::ScriptRunner(std::vector<ScriptStep> steps, std::string fileName)
    : steps_(std::move(steps)), fileName_(std::move(fileName)) {}

bool ScriptRunner::settled(const ScriptHost& host) const {
    return host.framesPresented() >= framesAtLastInput_ + kSettleFrames;
}

void ScriptRunner::fail(const ScriptStep& step, const ScriptHost& host, const std::string& why) {
    std::string onScreen;
    for (const ui::DrawnItem& item : host.lastFrame().items) {
        if (item.text.empty()) continue;
        onScreen += fmt::format("\n    {}\"{}\"{}", item.clickable ? "[button] " : "", item.text,
                                host.lastFrame().isVisible(item) ? "" : " (clipped)");
    }
    failure_ =
        fmt::format("{}:{}: {}: {}\n  texts on screen:{}", fileName_, step.line, step.source, why, onScreen);
    state_ = State::Failed;
}

bool ScriptRunner::tapLabel(const ScriptStep& step, ScriptHost& host, const std::string& label) {
    const ui::FrameRecord& frame = host.lastFrame();
    const ui::DrawnItem* found = nullptr;
    int count = 0;
    for (const ui::DrawnItem& item : frame.items)
        if (item.clickable && (item.name.empty() ? item.text == label : item.name == label)) {
            found = &item;
            ++count;
        }
    if (count == 0) {
        fail(step, host, fmt::format("no control labelled \"{}\"", label));
        return false;
    }
    if (count > 1) {
        fail(step, host, fmt::format("{} controls are labelled \"{}\"", count, label));
        return false;
    }
    host.tap((found->rect.x0 + found->rect.x1) / 2, (found->rect.y0 + found->rect.y1) / 2);
    framesAtLastInput_ = host.framesPresented();
    return true;
}

void ScriptRunner::typeNext(const ScriptStep& step, ScriptHost& host) {
    const std::string ch = utf8Characters(step.arg)[typed_];
    const std::vector<ui::KeyCap>& keys = host.keyboardKeys();
    if (keys.empty()) {
        fail(step, host, "no on-screen keyboard is shown");
        return;
    }
    auto tapKey = [&](const ui::KeyCap& k) {
        host.tap((k.rect.x0 + k.rect.x1) / 2, (k.rect.y0 + k.rect.y1) / 2);
        framesAtLastInput_ = host.framesPresented();
    };
    for (const ui::KeyCap& k : keys)
        if (k.kind == ui::KeyCap::Kind::Character && k.types == ch) {
            tapKey(k);
            ++typed_;
            modeTaps_ = 0;
            return;
        }
    // Not on this page: the page key on the shortest way to it (shift, accents, Latin/Cyrillic).
    for (const ui::KeyCap& k : keys)
        if (k.kind == ui::KeyCap::Kind::Mode &&
            std::find(k.offers.begin(), k.offers.end(), ch) != k.offers.end()) {
            if (++modeTaps_ > 4) break;
            tapKey(k);
            return;
        }
    fail(step, host,
         fmt::format("no key of the on-screen keyboard types \"{}\" (character {} of \"{}\")", ch, typed_ + 1,
                     step.arg));
}

void ScriptRunner::logStep(const ScriptStep& step, const char* phase) const {
    if (log_.empty()) return;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
    std::ofstream(log_, std::ios::app)
        << ms << ' ' << phase << ' ' << step.line << ' ' << step.source << '\n';
}

void ScriptRunner::noteFramePresented(const ui::FrameRecord& frame, uint64_t framesPresented) {
    if (log_.empty()) return;
    std::string content, first;
    for (const ui::DrawnItem& item : frame.items)
        if (item.region == ui::Region::Content && !item.keyboardKey) {
            if (first.empty()) first = item.text;
            content += item.text;
            content += '\n';
        }
    const size_t hash = std::hash<std::string>{}(content);
    if (hash == shownContent_) return;
    shownContent_ = hash;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
    std::ofstream(log_, std::ios::app) << ms << " frame " << framesPresented << ' ' << first << '\n';
}

ScriptRunner::State ScriptRunner::poll(ScriptHost& host) {
    while (state_ == State::Running) {
        if (next_ >= steps_.size()) {
            state_ = State::Passed;
            break;
        }
        if (!settled(host)) break;
        const ScriptStep& step = steps_[next_];
        if (!stepStarted_) {
            stepStarted_ = true;
            stepStart_ = Steady::now();
            typed_ = 0;
            modeTaps_ = 0;
            logStep(step, "start");
        }
        const auto timeout = step.duration.count() > 0 ? step.duration : kExpectTimeout;
        const bool timedOut = Steady::now() - stepStart_ > timeout;
        bool done = false;
        switch (step.kind) {
            case ScriptStep::Kind::Tap:
                done = tapLabel(step, host, step.arg);
                break;
            case ScriptStep::Kind::Type: {
                auto chars = utf8Characters(step.arg);
                if (typed_ < chars.size()) typeNext(step, host);
                done = state_ == State::Running && typed_ == chars.size();
                break;
            }
            case ScriptStep::Kind::Scan: {
                Status s = host.scan(step.arg);
                if (!s) fail(step, host, s.message());
                framesAtLastInput_ = host.framesPresented();
                done = s.isOk();
                break;
            }
            case ScriptStep::Kind::Expect:
            case ScriptStep::Kind::ExpectNot: {
                bool seen = false;
                for (const ui::DrawnItem& item : host.lastFrame().items)
                    if (item.text.find(step.arg) != std::string::npos && host.lastFrame().isVisible(item))
                        seen = true;
                bool want = step.kind == ScriptStep::Kind::Expect;
                if (seen == want)
                    done = true;
                else if (timedOut)
                    fail(step, host,
                         want ? fmt::format("\"{}\" is not on screen after {} ms", step.arg, timeout.count())
                              : fmt::format("\"{}\" is still on screen after {} ms", step.arg,
                                            timeout.count()));
                break;
            }
            case ScriptStep::Kind::ExpectSpoken: {
                std::vector<std::string> said = host.spoken();
                for (const std::string& s : said)
                    if (s.find(step.arg) != std::string::npos) done = true;
                if (!done && timedOut) {
                    std::string all;
                    for (const std::string& s : said) all += "\n    said: \"" + s + "\"";
                    fail(step, host, fmt::format("nothing spoken contains \"{}\"{}", step.arg, all));
                }
                break;
            }
            case ScriptStep::Kind::Key: {
                Status s = host.key(step.arg);
                if (!s) fail(step, host, s.message());
                framesAtLastInput_ = host.framesPresented();
                done = s.isOk();
                break;
            }
            case ScriptStep::Kind::Advance:
                host.advanceClock(step.duration);
                framesAtLastInput_ = host.framesPresented();
                done = true;
                break;
            case ScriptStep::Kind::Wait:
                done = Steady::now() - stepStart_ >= step.duration;
                break;
            case ScriptStep::Kind::Screenshot: {
                Status s = host.screenshot(step.arg);
                if (!s) fail(step, host, s.message());
                done = s.isOk();
                break;
            }
        }
        if (!done) break;
        logStep(step, "done");
        ++next_;
        stepStarted_ = false;
    }
    return state_;
}

}  // namespace wp
