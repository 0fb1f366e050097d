// Printer: how core puts a queue ticket or a request receipt on paper, and how it learns that it cannot.
//
// The real printers live in drivers/printer (CupsPrinter: a PDF or an ESC/POS job through CUPS); FakePrinter
// there is the one for unit tests (the script runner prints through CupsPrinter, to a private cupsd in
// tests). Core sees only this header: no CUPS, cairo or qrencode types, and no i18n in the drivers — every
// label on a ticket arrives here already translated.
//
// printTicket() blocks until the printer has finished the job or the driver gave up (seconds at worst), so
// call it off the UI thread. Its result says what to do next (STYLE.md #8); it never throws. A failure is not
// an error of the kiosk: the resident still gets the number on screen, and status() tells the host why.
// Implementations are thread-safe: status() may be called while printTicket() runs on another thread.
#pragma once

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace wp {

// Fixed words printed next to the values of a ticket, in the resident's language (the driver never looks
// anything up). Empty labels are left off together with their line.
struct TicketLabels {
    std::string issuedAt;   // "Gemaakt op"             printed as "<issuedAt>: <DD-MM-YYYY> <HH:MM>"
    std::string qrCaption;  // "Scan en zie uw plek in de rij", under the QR code
};

// One queue ticket, as plain values. Holds no personal data by design (DESIGN.md: ticket).
struct TicketPrintout {
    std::string number;   // "H-014", printed big
    std::string service;  // "Huurloket"
    // The resident's place in line and the wait, as the ticket screen says them (kiosk/core/ticket_words.h):
    // "Voor u in de rij: 3", "Wachttijd: ongeveer 12 minuten", or "U bent de volgende."; each wrapped.
    std::vector<std::string> queueLines;
    std::string issuedDate;    // "DD-MM-YYYY", local day of issue
    std::string issuedAt;      // "HH:MM", local time of issue
    std::string contactPoint;  // "Wijkpunt Groenoord"
    std::string residentLine;  // a short line in the resident's language; wrapped to the paper width
    std::string missedCall;    // what to do when the resident missed their call; wrapped
    std::string qrUrl;         // the central server's public queue page; empty prints no QR code
    std::string qrAddress;     // that page's address in letters, printed under the QR code and its caption
    TicketLabels labels;
};

// The receipt of a request handed in at the kiosk (question, callback, home visit, initiative), in the
// resident's language: every label arrives translated. Never phone, e-mail or address on a receipt (the
// paper may be left behind): only the reference code and what happens next. Empty fields are left off.
struct ReceiptPrintout {
    std::string contactPoint;        // the contact point's name
    std::string title;               // "Uw vraag is verstuurd"
    std::string referenceLabel;      // "Uw code"
    std::string reference;           // "SGN-K2-7KQ4XD9M-3", printed big
    std::string about;               // what the request is about: "Over: Er is iets kapot in huis"
    std::vector<std::string> lines;  // what happens next, how and when to expect contact, the desk's hours
    // How to reach the contact point: "Bel het wijkpunt: 010 246 9300", its opening hours. Each wrapped.
    std::vector<std::string> contactLines;
    std::string qrUrl;  // the public status page; empty: no QR
    std::string qrCaption;
    std::string qrAddress;       // the status page's address in letters, printed under the QR code
    std::string printedAtLabel;  // "Gemaakt op"     printed as "<printedAtLabel>: <DD-MM-YYYY HH:MM>"
    // wp::TimePoint (common/clock.h, not included here: its wp::Clock would clash with drivers' aliases).
    // Printed in Europe/Amsterdam time; the epoch (a default TimePoint) leaves the line off.
    std::chrono::system_clock::time_point printedAt;
};

// What the caller should do after printTicket() or printReceipt() (STYLE.md #8).
enum class PrintOutcome {
    Ok,          // on paper (the job completed)
    RetryLater,  // a passing problem (print system busy, job too slow); the job was withdrawn
    PaperOut,    // the printer has no paper; the host must load it. The job was withdrawn.
    Offline,     // printer or print system unreachable, stopped or disabled; the host must look
    Rejected,    // this job can never print as it is (no such queue, not accepting jobs, bad document)
};

inline const char* toString(PrintOutcome o) {
    switch (o) {
        case PrintOutcome::Ok:
            return "ok";
        case PrintOutcome::RetryLater:
            return "retry-later";
        case PrintOutcome::PaperOut:
            return "paper-out";
        case PrintOutcome::Offline:
            return "offline";
        case PrintOutcome::Rejected:
            return "rejected";
    }
    return "?";
}

// The printer as the host console shows it.
struct PrinterStatus {
    enum class State { Unknown, Idle, Printing, Stopped };
    State state = State::Unknown;  // Unknown: the print system could not be asked
    // IPP printer-state-reasons without their -error/-warning/-report suffix and without "none":
    // "media-empty", "media-low", "media-needed", "offline", "paused" (stopped by someone), "door-open", ...
    std::vector<std::string> reasons;
    bool acceptingJobs = false;
    std::string message;  // one line for the host console, in English (printer-state-message or ours)

    bool has(std::string_view reason) const {
        return std::find(reasons.begin(), reasons.end(), reason) != reasons.end();
    }
    bool paperOut() const { return has("media-empty") || has("media-needed"); }
    // Whether a ticket sent now can be expected to print; the start screen says so when it cannot.
    // Note: CUPS itself never clears a backend's media-empty, not on cupsenable nor on a later job; only a
    // backend saying "STATE: -media-empty" does (the test backend does so on every good job). So an idle
    // queue may still say paper-out here after the fix. CupsPrinter sends jobs to an idle queue regardless.
    bool canPrint() const {
        return acceptingJobs && (state == State::Idle || state == State::Printing) && !paperOut() &&
               !has("offline");
    }
};

inline const char* toString(PrinterStatus::State s) {
    switch (s) {
        case PrinterStatus::State::Unknown:
            return "unknown";
        case PrinterStatus::State::Idle:
            return "idle";
        case PrinterStatus::State::Printing:
            return "printing";
        case PrinterStatus::State::Stopped:
            return "stopped";
    }
    return "?";
}

class Printer {
  public:
    virtual ~Printer() = default;
    // Prints one ticket and waits for the outcome. See the header comment for blocking and threads.
    virtual PrintOutcome printTicket(const TicketPrintout& ticket) = 0;
    // Prints one receipt and waits for the outcome; blocks and fails the way printTicket() does.
    virtual PrintOutcome printReceipt(const ReceiptPrintout& receipt) = 0;
    // Asks the printer now (not a cached value); cheap enough to poll every few seconds.
    virtual PrinterStatus status() = 0;
};

}  // namespace wp
