#include "kiosk/core/status_lookup.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "common/random_source.h"
#include "common/reference_code.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

// Answers with what the test set; can hold every request until released, to look at the busy state.
class FakeHttp final : public HttpClient {
  public:
    struct Shared {
        std::mutex mutex;
        std::condition_variable cv;
        HttpResult answer;
        bool hold = false;
        std::vector<HttpRequest> seen;
    };
    explicit FakeHttp(Shared& s) : s_(s) {}
    HttpResult send(const HttpRequest& request) override {
        std::unique_lock lock(s_.mutex);
        s_.seen.push_back(request);
        s_.cv.notify_all();
        s_.cv.wait(lock, [&] { return !s_.hold; });
        return s_.answer;
    }

  private:
    Shared& s_;
};

HttpResult answer(int status, std::string body) {
    HttpResult r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

class StatusLookupTest : public ::testing::Test {
  protected:
    StatusLookupTest() {
        SeededRandom random(7);
        code_ = makeReferenceCode("SGN", "K2", random);
    }
    // Collects until the lookup is done; real time only bounds a broken worker.
    void settle(StatusLookup& lookup) {
        for (int i = 0; i < 2000 && lookup.state() == StatusLookup::State::Busy; ++i) {
            if (lookup.collect()) return;
            std::this_thread::sleep_for(1ms);
        }
    }
    FakeHttp::Shared http_;
    std::string code_;
    std::atomic<int> wakes_{0};
    std::unique_ptr<StatusLookup> make() {
        return std::make_unique<StatusLookup>(std::make_unique<FakeHttp>(http_), [this] { ++wakes_; });
    }
};

TEST_F(StatusLookupTest, FindsTheStatusAndNoteOfACode) {
    RequestStatusView view{code_, RequestStatus::InProgress, "We bellen u dinsdag.",
                           TimePoint(1700000000000ms)};
    http_.answer = answer(200, encodeStatusView(view));
    auto lookup = make();
    EXPECT_EQ(lookup->state(), StatusLookup::State::Idle);
    lookup->start(code_);
    EXPECT_EQ(lookup->state(), StatusLookup::State::Busy);
    settle(*lookup);
    ASSERT_EQ(lookup->state(), StatusLookup::State::Found);
    EXPECT_EQ(lookup->view().publicNote, "We bellen u dinsdag.");
    EXPECT_EQ(lookup->view().status, RequestStatus::InProgress);
    ASSERT_EQ(http_.seen.size(), 1u);
    EXPECT_EQ(http_.seen[0].method, "GET");
    EXPECT_EQ(http_.seen[0].path, "/v1/requests/" + code_);
    EXPECT_GE(wakes_.load(), 1);
}

TEST_F(StatusLookupTest, EachAnswerBecomesAStateTheScreenCanExplain) {
    struct Case {
        HttpResult result;
        StatusLookup::State want;
    };
    HttpResult down;
    down.transport = TransportError::Connect;
    HttpResult tls;
    tls.transport = TransportError::Tls;
    for (const Case& c :
         {Case{answer(404, R"({"error":{"code":"not-found","message":"x"}})"), StatusLookup::State::NotFound},
          Case{answer(400, "{}"), StatusLookup::State::NotFound},
          Case{answer(429, "{}"), StatusLookup::State::TooMany},
          Case{answer(503, "{}"), StatusLookup::State::Unreachable},
          Case{answer(500, ""), StatusLookup::State::Unreachable},
          Case{answer(200, "not json"), StatusLookup::State::Unreachable},
          Case{answer(302, ""), StatusLookup::State::Unreachable},
          Case{down, StatusLookup::State::Unreachable}, Case{tls, StatusLookup::State::Unreachable}}) {
        http_.answer = c.result;
        auto lookup = make();
        lookup->start(code_);
        settle(*lookup);
        EXPECT_EQ(lookup->state(), c.want) << c.result.status << " " << toString(c.result.transport);
    }
}

TEST_F(StatusLookupTest, WipeWhileBusyDropsTheLateAnswer) {
    http_.answer =
        answer(200, encodeStatusView({code_, RequestStatus::Answered, "", TimePoint(1700000000000ms)}));
    http_.hold = true;
    auto lookup = make();
    lookup->start(code_);
    {
        std::unique_lock lock(http_.mutex);
        ASSERT_TRUE(http_.cv.wait_for(lock, 5s, [&] { return !http_.seen.empty(); }));
    }
    EXPECT_FALSE(lookup->collect());
    EXPECT_EQ(lookup->state(), StatusLookup::State::Busy);
    EXPECT_FALSE(lookup->holdsNothing());
    lookup->wipe();  // the session is wiped while the server thinks
    EXPECT_TRUE(lookup->holdsNothing());
    {
        std::lock_guard lock(http_.mutex);
        http_.hold = false;
    }
    http_.cv.notify_all();
    for (int i = 0; i < 2000 && wakes_.load() == 0; ++i) std::this_thread::sleep_for(1ms);
    ASSERT_EQ(wakes_.load(), 1);
    EXPECT_FALSE(lookup->collect());
    EXPECT_EQ(lookup->state(), StatusLookup::State::Idle);
    EXPECT_TRUE(lookup->view().reference.empty());
    EXPECT_TRUE(lookup->holdsNothing());
}

TEST_F(StatusLookupTest, ANewerLookupWinsOverAnOlderOne) {
    http_.answer = answer(404, "{}");
    auto lookup = make();
    lookup->start(code_);
    settle(*lookup);
    EXPECT_EQ(lookup->state(), StatusLookup::State::NotFound);
    http_.answer =
        answer(200, encodeStatusView({code_, RequestStatus::Closed, "Klaar.", TimePoint(1700000000000ms)}));
    lookup->start(code_);
    EXPECT_EQ(lookup->state(), StatusLookup::State::Busy);
    settle(*lookup);
    EXPECT_EQ(lookup->state(), StatusLookup::State::Found);
    EXPECT_EQ(lookup->view().publicNote, "Klaar.");
}

TEST_F(StatusLookupTest, TypedAndScannedCodesAreNormalisedAndChecked) {
    std::string compact;
    for (char c : code_)
        if (c != '-') compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(referenceFromTyped(code_), code_);
    EXPECT_EQ(referenceFromTyped(compact), code_);
    EXPECT_EQ(referenceFromTyped(" " + compact.substr(0, 3) + " " + compact.substr(3) + " "), code_);
    EXPECT_EQ(referenceFromTyped("https://wijkpunt.schiedam.nl/status/" + code_ + "?lang=uk"), code_);
    EXPECT_EQ(referenceFromTyped("https://wijkpunt.schiedam.nl/status/" + code_), code_);

    // One character wrong, two swapped, one missing, one extra, a letter outside the alphabet.
    std::string wrong = code_;
    wrong[7] = wrong[7] == 'A' ? 'B' : 'A';
    EXPECT_EQ(referenceFromTyped(wrong), std::nullopt);
    std::string swapped = code_;
    std::swap(swapped[7], swapped[8]);
    if (swapped != code_) {
        EXPECT_EQ(referenceFromTyped(swapped), std::nullopt);
    }
    EXPECT_EQ(referenceFromTyped(code_.substr(0, code_.size() - 1)), std::nullopt);
    EXPECT_EQ(referenceFromTyped(code_ + "2"), std::nullopt);
    std::string withO = code_;
    withO[7] = 'O';
    EXPECT_EQ(referenceFromTyped(withO), std::nullopt);
    EXPECT_EQ(referenceFromTyped(""), std::nullopt);
}

TEST_F(StatusLookupTest, TheFieldWithItsPrefixTakesTheRestOrAWholeCodeTypedAfterIt) {
    const std::string prefix = referencePrefix(code_.substr(0, 3), code_.substr(4, 2));
    std::string rest;  // what a resident types after the prefix the screen filled in
    for (char c : code_.substr(7))
        if (c != '-') rest += c;
    EXPECT_EQ(referenceFromField(prefix + rest, prefix), code_);
    // The whole code typed again after the prefix, with or without dashes.
    EXPECT_EQ(referenceFromField(prefix + code_, prefix), code_);
    EXPECT_EQ(referenceFromField(prefix + prefix + rest, prefix), code_);
    // Another contact point's code typed after this kiosk's prefix.
    SeededRandom other(11);
    const std::string elsewhere = makeReferenceCode("VGA", "K7", other);
    EXPECT_EQ(referenceFromField(prefix + elsewhere, prefix), elsewhere);
    // The prefix erased and a whole code typed.
    EXPECT_EQ(referenceFromField(elsewhere, prefix), elsewhere);
    // Half a code, with or without a second prefix, is no code.
    EXPECT_EQ(referenceFromField(prefix + rest.substr(1), prefix), std::nullopt);
    EXPECT_EQ(referenceFromField(prefix + prefix + rest.substr(1), prefix), std::nullopt);
    EXPECT_EQ(referenceFromField(prefix, prefix), std::nullopt);
}

}  // namespace
}  // namespace wp
