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
    t.position = 3;
    t.waitMinutes = 12;
    t.issuedAt = "10:42";
    t.contactPoint = "Wijkpunt Groenoord";
    t.residentLine = "Зачекайте, будь ласка: вас покличуть за номером.";
    t.qrUrl = "https://wijkpunt.schiedam.nl/q/SGN/2026-11-26/" + t.number;
    t.labels.position = "Voor u in de rij";
    t.labels.wait = "Wachttijd ongeveer";
    t.labels.minutes = "min.";
    t.labels.issuedAt = "Tijd";
    t.labels.qrCaption = "Scan de code: zo ziet u uw plek in de rij";
    return t;
}

}  // namespace wp::test
