#include "kiosk/core/outbox.h"

#include <gtest/gtest.h>

#include <deque>
#include <map>

#include "common/reference_code.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/fake_clock.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

// The outbox table in memory.
class MemoryOutboxStore final : public OutboxStore {
  public:
    struct Row {
        OutboxItem item;
        OutboxState state = OutboxState::Waiting;
        TimePoint nextAttempt;
        std::string lastError;
        ApiError error;
        bool wiped = false;
        TimePoint rejectedAt;
    };
    std::map<std::int64_t, Row> rows;
    std::optional<TimePoint> lastDelivery;

    Result<std::int64_t> add(const Request& r, TimePoint now) override {
        for (auto& [id, row] : rows)
            if (row.item.uuid == r.uuid) return Status::conflict("uuid");
        std::int64_t id = static_cast<std::int64_t>(rows.size()) + 1;
        rows[id] = {{id, r.uuid, r.reference, encodeRequest(r, wp::testing::shippedRequestSpecs()), 0},
                    OutboxState::Waiting,
                    now,
                    "",
                    {},
                    false,
                    {}};
        return id;
    }
    Result<std::vector<OutboxItem>> due(TimePoint now, int limit, int shard, int shards) override {
        std::vector<OutboxItem> out;
        for (auto& [id, row] : rows)
            if (row.state == OutboxState::Waiting && row.nextAttempt <= now && id % shards == shard &&
                static_cast<int>(out.size()) < limit)
                out.push_back(row.item);
        return out;
    }
    Result<std::optional<TimePoint>> nextDue(int shard, int shards) override {
        std::optional<TimePoint> next;
        for (auto& [id, row] : rows)
            if (row.state == OutboxState::Waiting && id % shards == shard &&
                (!next || row.nextAttempt < *next))
                next = row.nextAttempt;
        return next;
    }
    Status markDelivered(std::int64_t id, TimePoint now) override {
        rows[id].state = OutboxState::Delivered;
        rows[id].wiped = true;
        lastDelivery = now;
        return Status::ok();
    }
    Status markRejected(std::int64_t id, int, const ApiError& e, TimePoint now) override {
        rows[id].state = OutboxState::Rejected;
        rows[id].error = e;
        rows[id].rejectedAt = now;
        rows[id].item.attempts++;
        return Status::ok();
    }
    Status scheduleRetry(std::int64_t id, TimePoint at, const std::string& error) override {
        rows[id].nextAttempt = at;
        rows[id].lastError = error;
        rows[id].item.attempts++;
        return Status::ok();
    }
    Result<int> wipeRejectedBefore(TimePoint cutoff, TimePoint) override {
        int n = 0;
        for (auto& [id, row] : rows)
            if (row.state == OutboxState::Rejected && !row.wiped && row.rejectedAt < cutoff) {
                row.wiped = true;
                ++n;
            }
        return n;
    }
    Result<OutboxSnapshot> snapshot(int) override { return OutboxSnapshot{}; }
};

// Answers from a script; records what was sent.
class ScriptedHttp final : public HttpClient {
  public:
    std::deque<HttpResult> answers;
    std::vector<HttpRequest> sent;
    HttpResult send(const HttpRequest& r) override {
        sent.push_back(r);
        if (answers.empty())
            return {TransportError::None, "", 201, R"({"reference":"x","status":"received"})"};
        HttpResult a = answers.front();
        answers.pop_front();
        return a;
    }
};

HttpResult status(int code, std::string body = "") {
    return {TransportError::None, "", code, std::move(body)};
}
HttpResult transport(TransportError e) {
    return {e, "boom", 0, ""};
}

class OutboxTest : public ::testing::Test {
  protected:
    Request request() {
        Request r;
        r.uuid = makeUuid(random_);
        r.type = "callback";
        r.reference = makeReferenceCode("SGN", "K2", random_);
        r.kioskCode = "K2";
        r.createdAt = clock_.now();
        r.fields = {{"topic", "Huur"}, {"phone", "010 123 4567"}};
        return r;
    }
    testing::FakeClock clock_;
    SeededRandom random_{1};
    MemoryOutboxStore store_;
    ScriptedHttp http_;
    OutboxPolicy policy_;
    Outbox outbox_{store_, http_, clock_, random_, policy_};
};

TEST(OutboxPolicyTest, ClassifiesAnswers) {
    EXPECT_EQ(classifyDelivery(status(201)), DeliveryVerdict::Delivered);
    EXPECT_EQ(classifyDelivery(status(200)), DeliveryVerdict::Delivered);
    for (int c : {400, 401, 403, 404, 409, 413, 422})
        EXPECT_EQ(classifyDelivery(status(c)), DeliveryVerdict::Rejected) << c;
    for (int c : {408, 425, 429, 500, 502, 503, 504, 302})
        EXPECT_EQ(classifyDelivery(status(c)), DeliveryVerdict::Retry) << c;
    for (auto e : {TransportError::Connect, TransportError::Tls, TransportError::Timeout,
                   TransportError::Interrupted, TransportError::Other})
        EXPECT_EQ(classifyDelivery(transport(e)), DeliveryVerdict::Retry);
}

TEST(OutboxPolicyTest, BackoffDoublesWithJitterUpToTheCap) {
    OutboxPolicy p;
    SeededRandom random(3);
    for (int attempts = 1; attempts <= 20; ++attempts) {
        long long ceiling = std::min<long long>(2000LL << std::min(attempts - 1, 20), 300000);
        for (int i = 0; i < 50; ++i) {
            Millis d = retryDelay(p, attempts, random);
            EXPECT_GE(d.count(), ceiling / 2) << attempts;
            EXPECT_LE(d.count(), ceiling) << attempts;
        }
    }
}

TEST_F(OutboxTest, SubmitValidatesAndCommits) {
    Request bad = request();
    bad.fields.erase("phone");
    auto refused = outbox_.submit(bad, wp::testing::shippedRequestSpecs());
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.status().message().find("fields.phone"), std::string::npos);
    ASSERT_TRUE(outbox_.submit(request(), wp::testing::shippedRequestSpecs()));
    EXPECT_EQ(store_.rows.size(), 1u);
    EXPECT_TRUE(http_.sent.empty());  // submitting never touches the network
}

TEST_F(OutboxTest, DeliveredRowsAreMarkedAndWiped) {
    ASSERT_TRUE(outbox_.submit(request(), wp::testing::shippedRequestSpecs()));
    ASSERT_TRUE(outbox_.submit(request(), wp::testing::shippedRequestSpecs()));
    DeliveryReport r = outbox_.deliverDue();
    EXPECT_EQ(r.delivered, 2);
    EXPECT_FALSE(r.nextAttempt);
    ASSERT_EQ(http_.sent.size(), 2u);
    EXPECT_EQ(http_.sent[0].path, "/v1/requests");
    EXPECT_EQ(http_.sent[0].body, store_.rows[1].item.body);
    EXPECT_TRUE(store_.rows[1].wiped);
    EXPECT_EQ(store_.lastDelivery, clock_.now());
}

TEST_F(OutboxTest, ClientErrorsAreParkedWithTheServersErrorAndNotRetried) {
    ASSERT_TRUE(outbox_.submit(request(), wp::testing::shippedRequestSpecs()));
    http_.answers.push_back(
        status(400, encodeError({400, "missing_field", "'fields.phone' is required", "fields.phone"})));
    DeliveryReport r = outbox_.deliverDue();
    EXPECT_EQ(r.rejected, 1);
    EXPECT_EQ(store_.rows[1].state, OutboxState::Rejected);
    EXPECT_EQ(store_.rows[1].error.field, "fields.phone");
    EXPECT_EQ(store_.rows[1].error.httpStatus, 400);
    clock_.advance(1h);
    outbox_.deliverDue();
    EXPECT_EQ(http_.sent.size(), 1u);
    // Kept for the host and admin, then wiped.
    clock_.advance(24h * 13);
    EXPECT_EQ(outbox_.wipeOldRejected().value(), 0);
    clock_.advance(24h * 2);
    EXPECT_EQ(outbox_.wipeOldRejected().value(), 1);
}

TEST_F(OutboxTest, ARejectionWithoutAnErrorBodyStillRecordsTheStatus) {
    ASSERT_TRUE(outbox_.submit(request(), wp::testing::shippedRequestSpecs()));
    http_.answers.push_back(status(404, "<html>not here</html>"));
    outbox_.deliverDue();
    EXPECT_EQ(store_.rows[1].error.code, "http_404");
}

TEST_F(OutboxTest, ServerErrorsAndNetworkErrorsAreRetriedWithBackoffAndStopThePass) {
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(outbox_.submit(request(), wp::testing::shippedRequestSpecs()));
    http_.answers = {status(503), transport(TransportError::Connect)};
    DeliveryReport first = outbox_.deliverDue();
    EXPECT_EQ(first.retried, 1);
    EXPECT_EQ(http_.sent.size(), 1u) << "one failure stops the pass";
    ASSERT_TRUE(first.nextAttempt);
    EXPECT_GE(*first.nextAttempt - clock_.now(), 1s);
    EXPECT_LE(*first.nextAttempt - clock_.now(), 2s);
    EXPECT_EQ(store_.rows[1].lastError, "HTTP 503");

    DeliveryReport early = outbox_.deliverDue();  // rows 2 and 3 are still due: row 2 meets the network error
    EXPECT_EQ(early.retried, 1);
    EXPECT_NE(store_.rows[2].lastError.find("connect"), std::string::npos);

    clock_.advance(10s);
    DeliveryReport later = outbox_.deliverDue();
    EXPECT_EQ(later.delivered, 3);
    for (auto& [id, row] : store_.rows) EXPECT_EQ(row.state, OutboxState::Delivered);
}

TEST_F(OutboxTest, ShardsSplitTheRows) {
    for (int i = 0; i < 6; ++i) ASSERT_TRUE(outbox_.submit(request(), wp::testing::shippedRequestSpecs()));
    Outbox even(store_, http_, clock_, random_, policy_, 0, 2);
    EXPECT_EQ(even.deliverDue().delivered, 3);
    Outbox odd(store_, http_, clock_, random_, policy_, 1, 2);
    EXPECT_EQ(odd.deliverDue().delivered, 3);
    EXPECT_EQ(http_.sent.size(), 6u);
}

}  // namespace
}  // namespace wp
