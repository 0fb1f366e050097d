// The kiosk's queue events reach the real wijkpunt-central through the real QueueStatSender: with
// their tickets, then heartbeats; a restarted sender goes on at its cursor without sending anything again;
// events made while the server is down arrive once it is back.
#include <gtest/gtest.h>

#include "central/store/sqlite_central_store.h"
#include "common/clock.h"
#include "drivers/net/queue_stat_sender.h"
#include "kiosk/store/queue_forward_store.h"
#include "kiosk/store/sqlite_host_queue_store.h"
#include "kiosk/store/sqlite_queue_store.h"
#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/queue_fixtures.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;

// One kiosk database with its queue (tickets and events, the hosts' changes) and forwarding cursor, sharing
// the server's clock file.
class QueueKiosk {
  public:
    QueueKiosk(const fs::path& dir, const fs::path& clockFile) : clock_(clockFile) {
        fs::create_directories(dir);
        const std::vector<Service> services = {service("huurloket", "H"), service("wijkteam", "W")};
        auto q = SqliteQueueStore::open(dir / "kiosk.db", services);
        EXPECT_TRUE(q) << q.status().message();
        queue_ = std::move(q).value();
        auto h = SqliteHostQueueStore::open(dir / "kiosk.db", services);
        EXPECT_TRUE(h) << h.status().message();
        host_ = std::move(h).value();
        auto c = SqliteQueueForwardStore::open(dir / "kiosk.db");
        EXPECT_TRUE(c) << c.status().message();
        cursor_ = std::move(c).value();
    }

    Ticket issue(const std::string& service) { return queue_->issueTicket(service, clock_.now()).value(); }
    void call(const Ticket& t, const std::string& counter) {
        ASSERT_TRUE(host_->changeTicketState(t.id, TicketState::Called, counter, clock_.now()));
    }
    std::int64_t lastEventSeq() { return queue_->lastEventSeq().value(); }
    QueueForwardCursor cursor() { return cursor_->cursor().value(); }

    std::unique_ptr<QueueStatSender> sender(const std::string& url) {
        QueueStatSender::Cursor access;
        access.lastSeq = [this]() -> Result<std::int64_t> {
            auto c = cursor_->cursor();
            if (!c) return c.status();
            return c->lastSeq;
        };
        access.lastSentAt = [this]() { return cursor_->cursor().value().lastSentAt; };
        access.confirm = [this](std::int64_t seq, TimePoint at) { return cursor_->confirm(seq, at); };
        QueueStatSender::Options o;
        o.http.baseUrl = url;
        o.http.caFile = pkiFile("ca.crt");
        o.http.clientCertificate = pkiFile("kiosk.crt");
        o.http.clientKey = pkiFile("kiosk.key");
        o.http.connectTimeoutMs = 2000;
        o.kioskCode = "K2";
        o.poll = 20ms;
        auto s = std::make_unique<QueueStatSender>(*queue_, std::move(access), clock_, o);
        s->start();
        return s;
    }

    ScriptClock& clock() { return clock_; }

  private:
    ScriptClock clock_;
    std::unique_ptr<SqliteQueueStore> queue_;
    std::unique_ptr<SqliteHostQueueStore> host_;
    std::unique_ptr<SqliteQueueForwardStore> cursor_;
};

std::int64_t serverEvents(const fs::path& db) {
    auto store = SqliteCentralStore::open(db, wp::testing::shippedRequestSpecs());
    return store ? store.value()->counts().value().queueEvents : -1;
}

class QueueForwardTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<CentralServerProcess>(dir_.path() / "central", CentralOptions{});
        ScriptClock(server_->clockFile()).startAt(*parseLocalDateTime("2026-11-26 10:00"));
        ASSERT_TRUE(server_->start());
        kiosk_ = std::make_unique<QueueKiosk>(dir_.path() / "kiosk", server_->clockFile());
    }
    // Waits until the server holds n queue events.
    bool serverHas(std::int64_t n, std::chrono::milliseconds timeout = 20s) {
        return waitUntil([&] { return serverEvents(server_->database()) == n; }, timeout);
    }

    TempDir dir_;
    std::unique_ptr<CentralServerProcess> server_;
    std::unique_ptr<QueueKiosk> kiosk_;
};

TEST_F(QueueForwardTest, EventsArriveWithTheirTicketsAndHeartbeatsFollow) {
    Ticket h1 = kiosk_->issue("huurloket");
    kiosk_->issue("huurloket");
    kiosk_->issue("wijkteam");
    kiosk_->call(h1, "Balie 2");
    std::int64_t all = kiosk_->lastEventSeq();
    auto sender = kiosk_->sender(server_->url());
    ASSERT_TRUE(serverHas(all)) << server_->process()->err();
    EXPECT_TRUE(waitUntil([&] { return kiosk_->cursor().lastSeq == all; }, 10s));
    EXPECT_EQ(sender->eventsSent(), all);

    auto store = SqliteCentralStore::open(server_->database(), wp::testing::shippedRequestSpecs());
    auto events = store.value()->queueEventsOf("SGN", "2026-11-26").value();
    ASSERT_EQ(events.size(), static_cast<size_t>(all));
    EXPECT_EQ(events[0].kind, "issued");
    EXPECT_EQ(events[0].ticket, "H-001");
    EXPECT_EQ(events.back().kind, "called");
    EXPECT_EQ(events.back().ticket, "H-001");
    EXPECT_EQ(events.back().counter, "Balie 2");

    // Nothing new: a heartbeat every 15 s of the injected clock keeps the contact point fresh.
    auto heardBefore = store.value()->lastHeardFrom("SGN").value();
    ASSERT_TRUE(heardBefore);
    kiosk_->clock().advance(16s);
    EXPECT_TRUE(waitUntil([&] { return sender->heartbeatsSent() >= 1; }, 10s));
    EXPECT_TRUE(waitUntil([&] { return *store.value()->lastHeardFrom("SGN").value() > *heardBefore; }, 10s));
    EXPECT_EQ(serverEvents(server_->database()), all);

    // A new event goes soon, without waiting for the next heartbeat.
    kiosk_->issue("wijkteam");
    EXPECT_TRUE(serverHas(all + 1));
}

TEST_F(QueueForwardTest, ARestartedSenderGoesOnAtItsCursor) {
    kiosk_->issue("huurloket");
    kiosk_->issue("huurloket");
    std::int64_t first = kiosk_->lastEventSeq();
    {
        auto sender = kiosk_->sender(server_->url());
        ASSERT_TRUE(serverHas(first));
        ASSERT_TRUE(waitUntil([&] { return kiosk_->cursor().lastSeq == first; }, 10s));
    }  // the kiosk stops
    kiosk_->issue("wijkteam");
    kiosk_->issue("huurloket");
    std::int64_t all = kiosk_->lastEventSeq();
    EXPECT_EQ(kiosk_->cursor().lastSeq, first);
    auto again = kiosk_->sender(server_->url());
    ASSERT_TRUE(serverHas(all));
    EXPECT_TRUE(waitUntil([&] { return kiosk_->cursor().lastSeq == all; }, 10s));
    EXPECT_EQ(again->eventsSent(), all - first);  // only what was new: nothing sent twice
}

TEST_F(QueueForwardTest, EventsMadeWhileTheServerIsDownArriveWhenItIsBack) {
    server_->stop();
    kiosk_->issue("huurloket");
    Ticket w = kiosk_->issue("wijkteam");
    kiosk_->call(w, "Balie 3");
    std::int64_t all = kiosk_->lastEventSeq();
    auto sender = kiosk_->sender(server_->url());
    ASSERT_TRUE(waitUntil([&] { return sender->failures() >= 1; }, 20s));
    EXPECT_EQ(kiosk_->cursor().lastSeq, 0);
    EXPECT_EQ(serverEvents(server_->database()), 0);

    ASSERT_TRUE(server_->start());  // the same port
    // The sender backs off on the injected clock: move it on until everything is there.
    bool arrived = waitUntil(
        [&] {
            if (serverEvents(server_->database()) == all) return true;
            kiosk_->clock().advance(1min);
            return false;
        },
        60s);
    ASSERT_TRUE(arrived) << "failures: " << sender->failures();
    EXPECT_TRUE(waitUntil([&] { return kiosk_->cursor().lastSeq == all; }, 10s));
    EXPECT_EQ(sender->eventsSent(), all);
}

}  // namespace
}  // namespace wp::testing
