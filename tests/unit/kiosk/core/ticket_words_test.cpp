#include "kiosk/core/ticket_words.h"

#include <gtest/gtest.h>

#include "tests/unit/kiosk/core/demo_content_fixture.h"

namespace wp {
namespace {

using Lines = std::vector<std::string>;

class TicketWordsTest : public testing::DemoContentTest {
  protected:
    // Thursday 26 November 2026, 10:00: the Huurloket's walk-in hours run until 12:00.
    TimePoint now_ = *parseLocalDateTime("2026-11-26 10:00");
    WalkInStatus open_{WalkInState::Open, *parseLocalDateTime("2026-11-26 12:00"), std::nullopt};
    WalkInStatus closed_{WalkInState::Closed, std::nullopt, *parseLocalDateTime("2026-11-26 13:00")};

    TicketView waiting(int ahead, std::optional<Seconds> wait) {
        TicketView v;
        v.ticket.state = TicketState::Waiting;
        v.peopleAhead = ahead;
        v.estimatedWait = wait;
        return v;
    }
};

// The phone page's rule and words: nobody before you while you wait is "you are next", without a wait.
TEST_F(TicketWordsTest, NobodyBeforeYouIsYouAreNextInThePhonePagesWords) {
    for (const std::string& lang : bundle_.content.languages) {
        EXPECT_EQ(ticketQueueLines(waiting(0, Seconds(0)), open_, now_, *texts_, lang),
                  Lines{texts_->get(lang, "phone_queue.next")})
            << lang;
    }
    EXPECT_EQ(ticketQueueLines(waiting(0, Seconds(0)), open_, now_, *texts_, "nl"),
              Lines{"U bent de volgende."});
}

TEST_F(TicketWordsTest, TheWaitIsRoundedUpToWholeMinutesWithOneMinuteSingular) {
    EXPECT_EQ(ticketQueueLines(waiting(3, Seconds(12 * 60 + 1)), open_, now_, *texts_, "nl"),
              (Lines{"Voor u in de rij: 3", "Wachttijd: ongeveer 13 minuten"}));
    EXPECT_EQ(ticketQueueLines(waiting(1, Seconds(20)), open_, now_, *texts_, "nl"),
              (Lines{"Voor u in de rij: 1", "Wachttijd: ongeveer 1 minuut"}));
    EXPECT_EQ(ticketQueueLines(waiting(2, Seconds(20 * 60)), open_, now_, *texts_, "en"),
              (Lines{"People before you: 2", "Waiting time: about 20 minutes"}));
}

TEST_F(TicketWordsTest, NoCounterServingIsNotKnownYetOrWhenTheDeskOpens) {
    EXPECT_EQ(ticketQueueLines(waiting(2, std::nullopt), open_, now_, *texts_, "nl"),
              (Lines{"Voor u in de rij: 2", "Wachttijd: nog niet bekend"}));
    EXPECT_EQ(ticketQueueLines(waiting(2, std::nullopt), closed_, now_, *texts_, "nl"),
              (Lines{"Voor u in de rij: 2", "De balie is nu dicht. Weer open: vandaag 13:00"}));
    EXPECT_EQ(ticketQueueLines(waiting(0, std::nullopt), closed_, now_, *texts_, "nl"),
              (Lines{"U bent de volgende.", "De balie is nu dicht. Weer open: vandaag 13:00"}));
}

TEST_F(TicketWordsTest, ATicketNoLongerWaitingHasNoQueueLines) {
    TicketView v = waiting(0, Seconds(0));
    v.ticket.state = TicketState::Called;
    EXPECT_TRUE(ticketQueueLines(v, open_, now_, *texts_, "nl").empty());
}

TEST_F(TicketWordsTest, MomentsAreTodayTomorrowOrAWeekday) {
    EXPECT_EQ(describeMoment(*parseLocalDateTime("2026-11-26 13:00"), now_, *texts_, "nl"), "vandaag 13:00");
    EXPECT_EQ(describeMoment(*parseLocalDateTime("2026-11-27 09:00"), now_, *texts_, "nl"), "morgen 09:00");
    EXPECT_EQ(describeMoment(*parseLocalDateTime("2026-11-30 09:00"), now_, *texts_, "nl"), "maandag 09:00");
}

TEST_F(TicketWordsTest, AddressesLoseTheirSchemeAndTrailingSlash) {
    EXPECT_EQ(addressInLetters("https://wijkpunt.schiedam.nl/queue/SGN/2026-11-26/H-001"),
              "wijkpunt.schiedam.nl/queue/SGN/2026-11-26/H-001");
    EXPECT_EQ(addressInLetters("http://example.org/"), "example.org");
    EXPECT_EQ(addressInLetters(""), "");
}

}  // namespace
}  // namespace wp
