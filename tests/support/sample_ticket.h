// A realistic ticket for printer tests and the print bench: Dutch labels, a Ukrainian resident line (so the
// Cyrillic path is exercised) and a queue-page URL of typical length.
#pragma once

#include <string>

#include "kiosk/core/printer.h"

namespace wp::test {

inline TicketPrintout sampleTicket(std::string number = "H-014") {
    TicketPrintout t;
    t.number = std::move(number);
    t.service = "Huurloket";
    t.queueLines = {"Voor u in de rij: 3", "Wachttijd: ongeveer 12 minuten"};
    t.issuedDate = "26-11-2026";
    t.issuedAt = "10:42";
    t.contactPoint = "Wijkpunt Groenoord";
    t.residentLine = "Зачекайте, будь ласка: вас покличуть за номером.";
    t.missedCall = "Heeft u uw beurt gemist? Zeg het de gastvrouw of gastheer. U komt dan weer in de rij.";
    t.qrUrl = "https://wijkpunt.schiedam.nl/q/SGN/2026-11-26/" + t.number;
    t.qrAddress = "wijkpunt.schiedam.nl/q/SGN/2026-11-26/" + t.number;
    t.labels.issuedAt = "Gemaakt op";
    t.labels.qrCaption = "Scan de code: zo ziet u uw plek in de rij";
    return t;
}

}  // namespace wp::test
