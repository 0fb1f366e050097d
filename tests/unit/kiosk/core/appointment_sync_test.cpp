// AppointmentSync (kiosk/core/appointment_sync.h), one round at a time on a fake HttpClient, the real SQLite
// store in a temp folder and a fake clock: today's list is fetched and kept, a booking without check-in is
// marked no-show late_minutes after its time, and events wait while the server cannot be reached and go,
// each once, when it can.
#include <gtest/gtest.h>

#include <deque>

#include "kiosk/core/appointment_sync.h"
#include "kiosk/store/sqlite_appointment_store.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/queue_fixtures.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

// Answers in order; a connection error when none is left or `down` is set.
class ScriptedHttp final : public HttpClient {
  public:
    HttpResult send(const HttpRequest& request) override {
        seen.push_back(request);
        if (down) return {TransportError::Connect, "refused", 0, ""};
        if (request.method == "GET") return {TransportError::None, "", 200, today};
        return {TransportError::None, "", 200, R"({"accepted":1})"};
    }
    bool down = false;
    std::string today;
    std::vector<HttpRequest> seen;
};

constexpr const char* kToday = R"({"day":"2026-12-07","bookings":[
  {"code":"K7QM2XD9","service":"gemeente","start":"2026-12-07T09:00:00Z","end":"2026-12-07T09:15:00Z",
   "state":"booked","name":"J. Jansen"},
  {"code":"P3RS4TV5","service":"gemeente","start":"2026-12-07T10:00:00Z","end":"2026-12-07T10:15:00Z",
   "state":"cancelled","name":"A. de Vries"}]})";

class AppointmentSyncTest : public ::testing::Test {
  protected:
    AppointmentSyncTest() : clock_(testing::utc(2026, 12, 7, 8, 30)) {
        auto store = SqliteAppointmentStore::open(dir_.path() / "kiosk.db");
        EXPECT_TRUE(store.isOk());
        if (store.isOk()) store_ = std::move(store).value();
        sync_ = std::make_unique<AppointmentSync>(*store_, clock_, nullptr, AppointmentSync::Options{});
        http_.today = kToday;
    }
    testing::FakeClock clock_;
    testing::TempDir dir_;
    std::unique_ptr<SqliteAppointmentStore> store_;
    std::unique_ptr<AppointmentSync> sync_;
    ScriptedHttp http_;
};

TEST_F(AppointmentSyncTest, TodaysListIsKeptWithoutCancelledBookings) {
    auto step = sync_->step(http_);
    EXPECT_TRUE(step.fetched);
    EXPECT_FALSE(step.failed) << step.error;
    ASSERT_FALSE(http_.seen.empty());
    EXPECT_EQ(http_.seen[0].path, "/v1/appointments/today?day=2026-12-07");
    auto day = store_->appointmentsOfDay("2026-12-07");
    ASSERT_TRUE(day.isOk());
    ASSERT_EQ(day->size(), 1u);
    EXPECT_EQ((*day)[0].code, "K7QM2XD9");
    EXPECT_EQ((*day)[0].name, "J. Jansen");
    // Not again until the refresh interval has passed on the injected clock.
    http_.seen.clear();
    EXPECT_FALSE(sync_->step(http_).fetched);
    clock_.advance(5min);
    EXPECT_TRUE(sync_->step(http_).fetched);
}

TEST_F(AppointmentSyncTest, ANoShowIsMarkedAfterLateMinutesAndReachesTheServerOnce) {
    ASSERT_FALSE(sync_->step(http_).failed);
    clock_.advance(45min);  // 09:15 UTC: 15 minutes after the time, not more
    EXPECT_EQ(sync_->step(http_).noShows, 0);
    clock_.advance(1s);
    http_.down = true;
    auto marked = sync_->step(http_);
    EXPECT_EQ(marked.noShows, 1);
    EXPECT_TRUE(marked.failed);
    EXPECT_EQ((*store_->appointment("K7QM2XD9"))->state, AppointmentState::NoShow);
    ASSERT_EQ(store_->unsentEvents(10)->size(), 1u);
    // Back online: the event goes, with its uuid, and only once.
    http_.down = false;
    http_.seen.clear();
    auto sent = sync_->step(http_, false);
    EXPECT_EQ(sent.sent, 1);
    ASSERT_FALSE(http_.seen.empty());
    const HttpRequest& post = http_.seen.back();
    EXPECT_EQ(post.path, "/v1/appointments/events");
    EXPECT_NE(post.body.find(R"("kind":"no-show")"), std::string::npos) << post.body;
    EXPECT_NE(post.body.find(R"("code":"K7QM2XD9")"), std::string::npos) << post.body;
    EXPECT_NE(post.body.find(R"("at":"2026-12-07T09:15:01)"), std::string::npos) << post.body;
    EXPECT_EQ(sync_->step(http_).sent, 0);
    EXPECT_EQ(sync_->step(http_).noShows, 0);
}

TEST_F(AppointmentSyncTest, YesterdaysBookingsAreWipedWithTheFirstFetchOfTheDay) {
    ASSERT_FALSE(sync_->step(http_).failed);
    clock_.advance(24h);
    http_.today = R"({"day":"2026-12-08","bookings":[]})";
    ASSERT_FALSE(sync_->step(http_).failed);
    EXPECT_TRUE(store_->appointmentsOfDay("2026-12-07")->empty());
}

}  // namespace
}  // namespace wp
