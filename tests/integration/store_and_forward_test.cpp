// Store-and-forward end to end: the real kiosk outbox and sender (wp-outbox-tool) against the real
// wijkpunt-central, through outages, 500s, cut connections and kill -9 of either side. Afterwards every
// request is stored at the server exactly once.
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <sstream>

#include "central/store/sqlite_central_store.h"
#include "common/clock.h"
#include "kiosk/store/outbox_store.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;

// One kiosk: its outbox database and its sender processes. Shares the server's clock file.
class Kiosk {
  public:
    Kiosk(fs::path dir, fs::path clockFile) : dir_(std::move(dir)), clock_(std::move(clockFile)) {
        fs::create_directories(dir_);
    }
    fs::path db() const { return dir_ / "kiosk.db"; }

    void enqueue(int count, std::uint64_t seed) {
        ChildProcess p({outboxToolBinary().string(), "enqueue", "--db", db().string(), "--count",
                        std::to_string(count), "--seed", std::to_string(seed)},
                       {}, dir_ / ("enqueue-" + std::to_string(++runs_)));
        int status = p.wait(120s);
        ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << p.err();
    }

    std::unique_ptr<ChildProcess> startSender(const std::string& url, const std::string& crashAt = "",
                                              int parallel = 2) {
        return std::make_unique<ChildProcess>(
            std::vector<std::string>{outboxToolBinary().string(), "send", "--db", db().string(), "--url", url,
                                     "--ca", pkiFile("ca.crt").string(), "--cert",
                                     pkiFile("kiosk.crt").string(), "--key", pkiFile("kiosk.key").string(),
                                     "--parallel", std::to_string(parallel), "--clock-file", clock_.string(),
                                     "--until-empty", "--timeout-s", "120"},
            std::map<std::string, std::string>{{"WIJKPUNT_CRASH_AT", crashAt}},
            dir_ / ("sender-" + std::to_string(++runs_)));
    }

    OutboxSnapshot snapshot() {
        auto store = SqliteOutboxStore::open(db(), wp::testing::shippedRequestSpecs());
        return store.value()->snapshot(100).value();
    }
    std::set<std::string> references() {
        auto store = SqliteOutboxStore::open(db(), wp::testing::shippedRequestSpecs());
        auto st = store.value()->database().prepare("SELECT reference FROM outbox");
        std::set<std::string> out;
        while (st->step().value()) out.insert(st->text(0));
        return out;
    }
    int maxAttempts() {
        auto store = SqliteOutboxStore::open(db(), wp::testing::shippedRequestSpecs());
        return static_cast<int>(
            store.value()->database().queryInt("SELECT MAX(attempts) FROM outbox").value());
    }

    // Runs a sender to the end while moving the shared clock, so backoffs pass without real waiting.
    void deliverAll(const std::string& url, int parallel = 2) {
        auto sender = startSender(url, "", parallel);
        ScriptClock clock(clock_);
        bool done = waitUntil(
            [&] {
                if (!sender->running()) return true;
                clock.advance(10min);
                return false;
            },
            90s);
        ASSERT_TRUE(done) << "sender did not finish:\n" << sender->err();
        int status = sender->wait(1s);
        ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << sender->err();
    }

  private:
    fs::path dir_;
    fs::path clock_;
    int runs_ = 0;
};

StoreCounts serverCounts(const fs::path& db) {
    auto store = SqliteCentralStore::open(db, wp::testing::shippedRequestSpecs());
    return store.value()->counts().value();
}

std::set<std::string> serverReferences(const fs::path& db) {
    auto store = SqliteCentralStore::open(db, wp::testing::shippedRequestSpecs());
    std::set<std::string> out;
    for (int offset = 0;; offset += 1000) {
        RequestFilter f;
        f.limit = 1000;
        f.offset = offset;
        auto page = store.value()->listRequests(f).value();
        for (const auto& s : page) out.insert(s.reference);
        if (page.size() < 1000) break;
    }
    return out;
}

// Every request the kiosk committed is at the server exactly once, and nothing waits or was rejected.
void expectExactlyOnce(Kiosk& kiosk, const fs::path& serverDb, size_t expected) {
    auto snap = kiosk.snapshot();
    EXPECT_EQ(snap.waiting, 0) << snap.lastError;
    EXPECT_TRUE(snap.rejected.empty()) << (snap.rejected.empty() ? "" : snap.rejected[0].error.message);
    EXPECT_EQ(snap.delivered, static_cast<int>(expected));
    StoreCounts c = serverCounts(serverDb);
    EXPECT_EQ(c.requests, static_cast<std::int64_t>(expected));
    EXPECT_EQ(c.distinctUuids, static_cast<std::int64_t>(expected));
    EXPECT_EQ(c.kioskFaults, 0);
    EXPECT_EQ(serverReferences(serverDb), kiosk.references());
}

bool killedBySignal(int status) {
    return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

class StoreAndForwardTest : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_TRUE(server_.start()); }
    TempDir dir_;
    CentralServerProcess server_{dir_.path() / "central", {}};
    Kiosk kiosk_{dir_.path() / "kiosk", dir_.path() / "central" / "clock"};
};

TEST_F(StoreAndForwardTest, NormalDelivery) {
    kiosk_.enqueue(20, 1);
    kiosk_.deliverAll(server_.url());
    expectExactlyOnce(kiosk_, server_.database(), 20);
    EXPECT_TRUE(kiosk_.snapshot().lastDelivery);
}

TEST_F(StoreAndForwardTest, ServerDownThenBack) {
    server_.stop();
    kiosk_.enqueue(10, 2);
    auto sender = kiosk_.startSender(server_.url());
    ASSERT_TRUE(waitUntil([&] { return !kiosk_.snapshot().lastError.empty(); }, 20s)) << sender->err();
    EXPECT_NE(kiosk_.snapshot().lastError.find("connect"), std::string::npos) << kiosk_.snapshot().lastError;
    EXPECT_EQ(kiosk_.snapshot().waiting, 10);
    ASSERT_TRUE(server_.start());  // the same port
    ScriptClock clock(server_.clockFile());
    ASSERT_TRUE(waitUntil(
        [&] {
            clock.advance(10min);
            return !sender->running();
        },
        60s))
        << sender->err();
    expectExactlyOnce(kiosk_, server_.database(), 10);
}

TEST_F(StoreAndForwardTest, ServerErrorsThenStored) {
    server_.options().failFirstIntakes = 3;
    ASSERT_TRUE(server_.start());
    kiosk_.enqueue(5, 3);
    kiosk_.deliverAll(server_.url());
    expectExactlyOnce(kiosk_, server_.database(), 5);
    EXPECT_GE(kiosk_.maxAttempts(), 2) << "a row met a 500 and was retried";
}

TEST_F(StoreAndForwardTest, ConnectionCutMidRequestAndJustAfterIt) {
    // Calibrate: the client's bytes of one full connection (handshake, one request, close) through a proxy.
    long full = 0;
    {
        Kiosk probe(dir_.path() / "probe", server_.clockFile());
        probe.enqueue(1, 4);
        CuttingProxy pass(server_.port(), 0, 0);
        probe.deliverAll("https://127.0.0.1:" + std::to_string(pass.port()), 1);
        ASSERT_TRUE(waitUntil([&] { return pass.clientBytes().size() == 1; }, 5s));
        full = pass.clientBytes()[0];
    }
    ASSERT_GT(full, 600);
    fs::path probeServerDb = server_.database();
    auto before = serverCounts(probeServerDb).requests;

    // The same first request (same seed), cut 150 bytes before its end: inside the request's TLS record.
    // Then a kiosk whose first connection is cut right after the request: the server may have stored it.
    int n = 0;
    for (long cutAt : {full - 150, full - 30}) {
        Kiosk kiosk(dir_.path() / ("cut-" + std::to_string(++n)), server_.clockFile());
        kiosk.enqueue(3, 4);
        CuttingProxy proxy(server_.port(), 1, cutAt);
        kiosk.deliverAll("https://127.0.0.1:" + std::to_string(proxy.port()), 1);
        EXPECT_EQ(proxy.cuts(), 1);
        EXPECT_GE(kiosk.maxAttempts(), 2) << "the cut request was retried";
        auto snap = kiosk.snapshot();
        EXPECT_EQ(snap.waiting, 0);
        EXPECT_EQ(snap.delivered, 3);
        std::set<std::string> atServer = serverReferences(server_.database());
        for (const auto& ref : kiosk.references()) EXPECT_TRUE(atServer.count(ref)) << ref;
    }
    // Probe's 1 + 2 x 3: every request once (the second kiosk reuses the seed's references: same codes,
    // same UUIDs, so a repeat is answered, not stored again).
    StoreCounts c = serverCounts(server_.database());
    EXPECT_EQ(c.requests,
              before + 2);  // seed 4 makes the same 3 requests every time; the probe made 1 of them
    EXPECT_EQ(c.distinctUuids, c.requests);
    EXPECT_EQ(c.kioskFaults, 0);
}

TEST_F(StoreAndForwardTest, KioskKilledBetweenCommitAndDelivery) {
    kiosk_.enqueue(10, 5);
    auto sender = kiosk_.startSender(server_.url(), "outbox-before-send:4", 1);
    EXPECT_TRUE(killedBySignal(sender->wait(60s))) << sender->err();
    EXPECT_EQ(serverCounts(server_.database()).requests, 3);
    EXPECT_EQ(kiosk_.snapshot().waiting, 7);
    kiosk_.deliverAll(server_.url());
    expectExactlyOnce(kiosk_, server_.database(), 10);
}

TEST_F(StoreAndForwardTest, KioskKilledDuringDelivery) {
    kiosk_.enqueue(10, 6);
    auto sender = kiosk_.startSender(server_.url(), "outbox-after-response:4", 1);
    EXPECT_TRUE(killedBySignal(sender->wait(60s))) << sender->err();
    EXPECT_EQ(serverCounts(server_.database()).requests, 4) << "the 4th was stored, its 201 never recorded";
    EXPECT_EQ(kiosk_.snapshot().delivered, 3);
    kiosk_.deliverAll(server_.url());
    expectExactlyOnce(kiosk_, server_.database(), 10);
}

TEST_F(StoreAndForwardTest, ServerKilledAfterStoringBeforeAnswering) {
    server_.options().crashAt = "central-after-commit:2";
    ASSERT_TRUE(server_.start());
    kiosk_.enqueue(6, 7);
    auto sender = kiosk_.startSender(server_.url(), "", 1);
    EXPECT_TRUE(killedBySignal(server_.process()->wait(30s))) << server_.process()->err();
    auto stored = serverCounts(server_.database()).requests;
    EXPECT_EQ(stored, 2) << "the second commit is durable although nobody heard of it";
    EXPECT_EQ(kiosk_.snapshot().delivered, 1);
    server_.options().crashAt = "";
    ASSERT_TRUE(server_.start());
    ScriptClock clock(server_.clockFile());
    ASSERT_TRUE(waitUntil(
        [&] {
            clock.advance(10min);
            return !sender->running();
        },
        60s))
        << sender->err();
    expectExactlyOnce(kiosk_, server_.database(), 6);
}

// 2,000 requests; both sides killed on a seeded schedule; afterwards every request is stored exactly once.
TEST_F(StoreAndForwardTest, TwoThousandRequestsWithKillsOnBothSides) {
    std::uint64_t seed = 20261126;
    if (const char* env = std::getenv("WIJKPUNT_CHAOS_SEED")) seed = std::strtoull(env, nullptr, 10);
    std::mt19937_64 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    std::ostringstream schedule;
    schedule << "seed " << seed << " (rerun with WIJKPUNT_CHAOS_SEED=" << seed << ")\n";

    constexpr int kRequests = 2000;
    kiosk_.enqueue(kRequests, seed);
    ScriptClock clock(server_.clockFile());
    server_.kill9();
    for (int round = 1; round <= 12 && kiosk_.snapshot().waiting > 0; ++round) {
        static const char* kServerCrash[] = {"", "central-after-commit", "central-before-commit"};
        static const char* kKioskCrash[] = {"", "outbox-before-send", "outbox-after-response"};
        int s = pick(0, 2), k = pick(0, 2);
        server_.options().crashAt = s ? std::string(kServerCrash[s]) + ":" + std::to_string(pick(1, 60)) : "";
        std::string kioskCrash = k ? std::string(kKioskCrash[k]) + ":" + std::to_string(pick(1, 400)) : "";
        int killAfterMs = pick(100, 1500);
        bool killServer = pick(0, 1) == 1;
        schedule << "round " << round << ": server crash '" << server_.options().crashAt << "', kiosk crash '"
                 << kioskCrash << "', kill -9 of " << (killServer ? "server" : "kiosk") << " after "
                 << killAfterMs << " ms; waiting before: " << kiosk_.snapshot().waiting << "\n";
        ASSERT_TRUE(server_.start()) << schedule.str();
        auto sender = kiosk_.startSender(server_.url(), kioskCrash, 2);
        auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(killAfterMs);
        waitUntil([&] { return !sender->running() || std::chrono::steady_clock::now() > until; }, 30s);
        if (killServer) server_.kill9();
        sender->kill9();
        server_.kill9();
        clock.advance(10min);  // every backoff has passed
    }
    server_.options().crashAt = "";
    ASSERT_TRUE(server_.start()) << schedule.str();
    kiosk_.deliverAll(server_.url());
    SCOPED_TRACE(schedule.str());
    expectExactlyOnce(kiosk_, server_.database(), kRequests);
    // The schedule is short: print it always, so a failure's log has it and a pass shows what was done.
    std::printf("chaos schedule:\n%s", schedule.str().c_str());
}

}  // namespace
}  // namespace wp::testing
