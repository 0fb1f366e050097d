// What a queue ticket tells the resident about their place in line, in their language: one set of lines for
// the ticket screen and the printed ticket, so the two never disagree, on the same rule as the central
// server's phone queue page (central/public_pages.cpp): nobody before you while you wait means "U bent de
// volgende." (the phone page's own text, phone_queue.next), and then no wait is given.
//
// The expected wait is TicketView::estimatedWait (kiosk/core/queue.h, rule in common/queue_estimate.h, the
// same figure the phone page shows): the people before you times the mean of this contact point's last five
// service times of today (from Called to Done), or the service's default_service_minutes from content until
// today has a finished one, divided over the counters serving the service now. It is rounded up to whole
// minutes, so a ticket never promises less than the estimate. With no counter serving the service it is not
// known: then the ticket says when the desk opens again if its walk-in hours are over, or "nog niet bekend".
//
// Pure functions of their inputs; no personal data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "kiosk/core/queue.h"
#include "kiosk/core/texts.h"

namespace wp {

// "vandaag 13:00", "morgen 9:00", "dinsdag 9:00": when, as seen at now, in language (the [day] texts).
std::string describeMoment(TimePoint when, TimePoint now, const Texts& texts, std::string_view language);

// The lines about the resident's place in line for a waiting ticket, in order: "U bent de volgende.", or
// "Voor u in de rij: 3" and then the wait ("Wachttijd: ongeveer 12 minuten", "Wachttijd: ongeveer 1 minuut",
// "De balie is nu dicht. Weer open: morgen 9:00" or "Wachttijd: nog niet bekend"). walkIn: the service's
// walk-in state at now. Empty for a ticket that no longer waits (called, served or finished).
std::vector<std::string> ticketQueueLines(const TicketView& view, const WalkInStatus& walkIn, TimePoint now,
                                          const Texts& texts, std::string_view language);

// The address of a web page as a resident types it: without "https://" (and without a trailing '/').
std::string addressInLetters(std::string_view url);

}  // namespace wp
