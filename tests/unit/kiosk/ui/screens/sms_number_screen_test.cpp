// "Sms mij als ik bijna aan de beurt ben" (kiosk/ui/screens/sms_number_screen.cpp): offered on the ticket
// screen after the ticket, a wrong number named under the field, a good one stored with the ticket in the
// kiosk's database (nowhere else), and the typed number wiped with the session.
#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/core/sms_opt_in.h"
#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using SmsNumberScreenTest = ScreenTest;

TEST_F(SmsNumberScreenTest, ResidentOptsInAfterTheTicketWithAMobileNumber) {
    session_->openTile("ticket");
    frame();
    tapCentre(*control("Huurloket"));
    ASSERT_NO_FATAL_FAILURE(settlePrinting());
    const std::int64_t ticketId = flow_->ticket()->ticket.id;
    auto shows = [this](const std::string& text) {
        const FrameRecord& f = frame();
        return std::any_of(f.items.begin(), f.items.end(),
                           [&](const DrawnItem& i) { return i.text == text; });
    };
    const DrawnItem* offer = control("Sms mij als ik bijna aan de beurt ben");
    ASSERT_NE(offer, nullptr);
    tapCentre(*offer);
    EXPECT_EQ(session_->screen().id, "sms-number");
    EXPECT_TRUE(shows(session_->tr("sms.purpose")));

    ui_->typeText("010 1234567");
    frame();
    tapCentre(*control("Stuur mij een sms"));
    EXPECT_TRUE(shows("Dit is geen mobiel nummer. Een mobiel nummer begint met 06 en heeft 10 cijfers."));
    EXPECT_EQ(session_->screen().id, "sms-number");

    tapCentre(*control("Terug"));
    EXPECT_EQ(session_->screen().id, "ticket");
    tapCentre(*control("Sms mij als ik bijna aan de beurt ben"));
    EXPECT_TRUE(session_->smsOptIn()->number().empty()) << "a fresh field each time";
    ui_->typeText("06-1234 5678");
    frame();
    tapCentre(*control("Stuur mij een sms"));
    EXPECT_EQ(session_->screen().id, "ticket");
    EXPECT_TRUE(shows("U krijgt een sms op 06 12345678."));
    EXPECT_EQ(control("Sms mij als ik bijna aan de beurt ben"), nullptr);

    auto stored = parts_->sms->store->subscriptions();
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->size(), 1u);
    EXPECT_EQ(stored->at(0).ticketId, ticketId);
    EXPECT_EQ(stored->at(0).number, "+31612345678");
    EXPECT_EQ(stored->at(0).language, "nl");

    // The number is in no queue event and no outbox row: only the opt-in table has it.
    auto& db = parts_->sms->store->database();
    for (const char* sql : {"SELECT COUNT(*) FROM queue_event WHERE counter LIKE '%612345678%' OR "
                            "service_id LIKE '%612345678%' OR day LIKE '%612345678%'",
                            "SELECT COUNT(*) FROM outbox"}) {
        auto n = db.queryInt(sql);
        ASSERT_TRUE(n) << n.status().message();
        EXPECT_EQ(n.value(), 0) << sql;
    }

    tapCentre(*control("Klaar"));
    EXPECT_TRUE(session_->smsOptIn()->holdsNothing());
    stored = parts_->sms->store->subscriptions();
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->size(), 1u) << "the stored number is the notifier's to delete, when the ticket is done";
}

TEST_F(SmsNumberScreenTest, NotOfferedOnceTheTicketIsCalled) {
    session_->openTile("ticket");
    frame();
    tapCentre(*control("Huurloket"));
    ASSERT_NO_FATAL_FAILURE(settlePrinting());
    EXPECT_NE(control("Sms mij als ik bijna aan de beurt ben"), nullptr);
    ASSERT_TRUE(hostQueue_->changeTicketState(flow_->ticket()->ticket.id, TicketState::Called, "Balie 2",
                                              clock_.now()));
    ASSERT_TRUE(flow_->refreshTicket());
    frame();
    EXPECT_EQ(control("Sms mij als ik bijna aan de beurt ben"), nullptr);
}

}  // namespace
}  // namespace wp::ui
