#include "kiosk/app/script_runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

namespace wp {
namespace {

using ::testing::HasSubstr;

// A host whose screen the test sets; every poll presents one frame.
class FakeHost final : public ScriptHost {
  public:
    const ui::FrameRecord& lastFrame() const override { return frame; }
    uint64_t framesPresented() const override { return frames; }
    void tap(float x, float y) override { taps.emplace_back(x, y); }
    Status key(const std::string& name) override {
        keys.push_back(name);
        return Status::ok();
    }
    Status screenshot(const std::string& name) override {
        shots.push_back(name);
        return Status::ok();
    }
    void advanceClock(Millis d) override { advanced += d; }
    std::vector<std::string> spoken() const override { return said; }
    const std::vector<ui::KeyCap>& keyboardKeys() const override { return caps; }
    Status scan(const std::string& text) override {
        scanned.push_back(text);
        return Status::ok();
    }
    void key(std::string types, ui::Rect r) {
        ui::KeyCap k;
        k.types = std::move(types);
        k.rect = r;
        caps.push_back(std::move(k));
    }

    void add(std::string text, bool clickable, ui::Rect r = {10, 10, 110, 60}) {
        ui::DrawnItem item;
        item.text = std::move(text);
        item.clickable = clickable;
        item.rect = r;
        item.clip = {0, 0, 1080, 1920};
        frame.items.push_back(item);
    }

    ui::FrameRecord frame{1080, 1920, {}};
    uint64_t frames = 0;
    std::vector<std::pair<float, float>> taps;
    std::vector<std::string> keys, shots, said, scanned;
    std::vector<ui::KeyCap> caps;
    Millis advanced{0};
};

ScriptRunner::State runToEnd(ScriptRunner& r, FakeHost& host, int maxTurns = 10000) {
    for (int i = 0; i < maxTurns && r.state() == ScriptRunner::State::Running; ++i) {
        ++host.frames;
        r.poll(host);
    }
    return r.state();
}

ScriptRunner make(const std::string& text) {
    auto steps = ScriptRunner::parse(text, "t.wps");
    EXPECT_TRUE(steps) << steps.status().message();
    return ScriptRunner(std::move(steps).value(), "t.wps");
}

TEST(ScriptParseTest, ReadsEveryStep) {
    auto steps = ScriptRunner::parse(
        "# comment\n\ntap \"Vraag stellen\"\ntype \"1234 AB\"\nexpect \"He said \\\"hi\\\"\"\nexpect-not "
        "\"x\"\n"
        "expect-spoken \"y\"\nkey next\nadvance 30s\nwait 200ms\nscreenshot a.png\nadvance 2m\n",
        "t.wps");
    ASSERT_TRUE(steps) << steps.status().message();
    ASSERT_EQ(steps->size(), 10u);
    EXPECT_EQ((*steps)[0].kind, ScriptStep::Kind::Tap);
    EXPECT_EQ((*steps)[0].arg, "Vraag stellen");
    EXPECT_EQ((*steps)[0].line, 3);
    EXPECT_EQ((*steps)[2].arg, "He said \"hi\"");
    EXPECT_EQ((*steps)[6].duration, Millis(30000));
    EXPECT_EQ((*steps)[7].duration, Millis(200));
    EXPECT_EQ((*steps)[8].arg, "a.png");
    EXPECT_EQ((*steps)[9].duration, Millis(120000));
}

TEST(ScriptParseTest, ErrorsNameFileAndLine) {
    auto bad = ScriptRunner::parse("tap \"ok\"\nclick \"x\"\n", "s.wps");
    ASSERT_FALSE(bad);
    EXPECT_THAT(bad.status().message(), HasSubstr("s.wps:2: unknown step 'click'"));
    auto unquoted = ScriptRunner::parse("tap Vraag\n", "s.wps");
    ASSERT_FALSE(unquoted);
    EXPECT_THAT(unquoted.status().message(), HasSubstr("s.wps:1: tap needs a \"quoted text\""));
    auto duration = ScriptRunner::parse("advance soon\n", "s.wps");
    ASSERT_FALSE(duration);
    EXPECT_THAT(duration.status().message(), HasSubstr("s.wps:1: advance needs a duration"));
}

TEST(ScriptRunnerTest, TapsTheCentreOfTheOneControl) {
    FakeHost host;
    host.add("Wachtnummer", true, {100, 200, 300, 400});
    host.add("Wachtnummer uitleg", false);
    auto r = make("tap \"Wachtnummer\"\n");
    EXPECT_EQ(runToEnd(r, host), ScriptRunner::State::Passed);
    ASSERT_EQ(host.taps.size(), 1u);
    EXPECT_EQ(host.taps[0], std::make_pair(200.f, 300.f));
}

TEST(ScriptRunnerTest, MissingLabelFailsWithLineAndScreen) {
    FakeHost host;
    host.add("Vraag stellen", true);
    auto r = make("\ntap \"Afspraak\"\n");
    EXPECT_EQ(runToEnd(r, host), ScriptRunner::State::Failed);
    EXPECT_THAT(r.failure(), HasSubstr("t.wps:2: tap \"Afspraak\": no control labelled \"Afspraak\""));
    EXPECT_THAT(r.failure(), HasSubstr("[button] \"Vraag stellen\""));
}

TEST(ScriptRunnerTest, AmbiguousLabelFails) {
    FakeHost host;
    host.add("Terug", true);
    host.add("Terug", true, {200, 200, 300, 300});
    auto r = make("tap \"Terug\"\n");
    EXPECT_EQ(runToEnd(r, host), ScriptRunner::State::Failed);
    EXPECT_THAT(r.failure(), HasSubstr("2 controls are labelled \"Terug\""));
    EXPECT_TRUE(host.taps.empty());
}

TEST(ScriptRunnerTest, ExpectSeesOnlyUnclippedText) {
    FakeHost host;
    ui::DrawnItem clipped;
    clipped.text = "Half hidden";
    clipped.rect = {0, 0, 500, 50};
    clipped.clip = {0, 0, 200, 50};
    host.frame.items.push_back(clipped);
    auto r = make("expect-not \"Half hidden\"\n");
    EXPECT_EQ(runToEnd(r, host), ScriptRunner::State::Passed);
}

TEST(ScriptRunnerTest, ExpectWaitsForTextToAppear) {
    FakeHost host;
    auto r = make("expect \"Klaar\"\nscreenshot s.png\n");
    for (int i = 0; i < 5; ++i) {
        ++host.frames;
        r.poll(host);
    }
    EXPECT_EQ(r.state(), ScriptRunner::State::Running);
    EXPECT_TRUE(host.shots.empty());
    host.add("Klaar", false);
    EXPECT_EQ(runToEnd(r, host), ScriptRunner::State::Passed);
    EXPECT_EQ(host.shots, std::vector<std::string>{"s.png"});
}

TEST(ScriptRunnerTest, TypeTapsEachKeyIncludingNonAscii) {
    FakeHost host;
    host.key("ö", {0, 0, 50, 50});
    host.key("1", {50, 0, 100, 50});
    host.key(" ", {100, 0, 150, 50});
    auto r = make("type \"1 ö\"\n");
    EXPECT_EQ(runToEnd(r, host), ScriptRunner::State::Passed);
    ASSERT_EQ(host.taps.size(), 3u);
    EXPECT_EQ(host.taps[0].first, 75.f);
    EXPECT_EQ(host.taps[1].first, 125.f);
    EXPECT_EQ(host.taps[2].first, 25.f);
}

TEST(ScriptRunnerTest, TypeTapsThePageKeyThatLeadsToACharacter) {
    FakeHost host;
    host.key("a", {0, 0, 50, 50});
    ui::KeyCap shift;
    shift.kind = ui::KeyCap::Kind::Mode;
    shift.rect = {200, 0, 300, 50};
    shift.offers = {"A", "É"};
    host.caps.push_back(shift);
    auto r = make("type \"aA\"\n");
    // The fake keyboard never changes page: after the shift tap the runner looks again, taps shift again,
    // and gives up after a few tries instead of going round for ever.
    EXPECT_EQ(runToEnd(r, host), ScriptRunner::State::Failed);
    ASSERT_GE(host.taps.size(), 2u);
    EXPECT_EQ(host.taps[0].first, 25.f);
    EXPECT_EQ(host.taps[1].first, 250.f);
    EXPECT_THAT(r.failure(), HasSubstr("no key of the on-screen keyboard types \"A\""));
}

TEST(ScriptRunnerTest, TypeNamesACharacterNoKeyOffers) {
    FakeHost host;
    host.key("a", {0, 0, 50, 50});
    auto r = make("type \"a#\"\n");
    EXPECT_EQ(runToEnd(r, host), ScriptRunner::State::Failed);
    EXPECT_THAT(r.failure(), HasSubstr("t.wps:1: type \"a#\": no key of the on-screen keyboard types \"#\""));
    EXPECT_EQ(host.taps.size(), 1u);
}

TEST(ScriptRunnerTest, TypeWithoutAKeyboardFails) {
    FakeHost host;
    host.add("a", true);
    auto r = make("type \"a\"\n");
    EXPECT_EQ(runToEnd(r, host), ScriptRunner::State::Failed);
    EXPECT_THAT(r.failure(), HasSubstr("no on-screen keyboard is shown"));
}

TEST(ScriptRunnerTest, ScanReachesTheHost) {
    FakeHost host;
    auto r = make("scan \"SGN-K2-7KQ4XD-3\"\n");
    EXPECT_EQ(runToEnd(r, host), ScriptRunner::State::Passed);
    EXPECT_EQ(host.scanned, std::vector<std::string>{"SGN-K2-7KQ4XD-3"});
}

TEST(ScriptRunnerTest, AdvanceKeyAndSpokenReachTheHost) {
    FakeHost host;
    host.said.push_back("Vraag stellen. Over huur");
    auto r = make("advance 61s\nkey enter\nexpect-spoken \"Over huur\"\n");
    EXPECT_EQ(runToEnd(r, host), ScriptRunner::State::Passed);
    EXPECT_EQ(host.advanced, Millis(61000));
    EXPECT_EQ(host.keys, std::vector<std::string>{"enter"});
}

TEST(ScriptRunnerTest, WaitLetsRealTimePass) {
    FakeHost host;
    auto r = make("wait 50ms\n");
    auto start = std::chrono::steady_clock::now();
    while (r.state() == ScriptRunner::State::Running) {
        ++host.frames;
        r.poll(host);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    EXPECT_EQ(r.state(), ScriptRunner::State::Passed);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(50));
}

}  // namespace
}  // namespace wp
