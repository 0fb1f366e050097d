// Host alerts: what the host console must not miss, gathered from the other roles.
//
// - "Vraag het de gastvrouw of gastheer" pressed on the touch screen (ACCESSIBILITY.md #18): the walk-in role
//   records each press through HostAlerts (kiosk/core/host_alerts.h); it stays an alert until a host
//   acknowledges it. Presses on the same screen while one is still open are folded into it (count).
// - Printer trouble: the role that prints (walk-in, and a host console that prints hand-added tickets; both
//   through kiosk/app/contact_point_printer.h) writes the shared PrinterReport (the latest PrinterStatus and
//   the last print outcome); paper out, offline/stopped, and a failed last print are
//   alerts.
// - The connection to the central server: from the outbox (OutboxSnapshot, kiosk/core/outbox.h): requests
//   waiting longer than connectionGrace mean the connection is lost; rejected requests are listed too. A
//   waiting request keeps a resident's personal data on this kiosk: the console shows how old the oldest is
//   once it is older than outboxAgeShown (outboxAgeToShow), and past outboxAgeAlert that is an alert of its
//   own.
// - Fleet care: while an admin has put the kiosk out of service (kiosk/core/fleet.h), with the message.
// - The SMS gateway, when the kiosk sends opt-in text messages (kiosk/core/sms_notifier.h): a message whose
//   last attempt failed means the gateway is down or refuses; the alert goes when it takes messages again.
//
// HostAlertStore is the shared storage (SqliteHostAlertStore in kiosk/store implements it and HostAlerts on
// the kiosk database, so the walk-in process writes and the host process reads). HostAlertBoard is what the
// console polls (about once a second): it reads the store and the outbox and turns them into a list of
// alerts, most urgent first. Core only; not thread-safe (the host role's UI thread owns the board).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "kiosk/core/fleet.h"
#include "kiosk/core/host_alerts.h"
#include "kiosk/core/outbox.h"
#include "kiosk/core/printer.h"
#include "kiosk/core/sms_notifier.h"

namespace wp {

// One "ask the host" alert: a screen on which a resident pressed the button.
struct HelpRequest {
    std::int64_t id = 0;
    std::string screen;  // the screen's name as the walk-in role reports it ("ticket", "question.topic")
    TimePoint firstAt;   // first press
    TimePoint lastAt;    // latest press (same screen, while open)
    int presses = 1;
    std::optional<TimePoint> acknowledgedAt;
    std::string acknowledgedBy;  // the host's name
    bool operator==(const HelpRequest&) const = default;
};

// What the printing roles last knew about the contact point's printer.
struct PrinterReport {
    PrinterStatus status;
    TimePoint statusAt;                       // when status was read
    std::optional<PrintOutcome> lastFailure;  // the last print outcome that was not Ok ...
    std::optional<TimePoint> lastFailureAt;   // ... and when
    std::optional<TimePoint> lastSuccessAt;   // the last ticket that printed
};

class HostAlertStore {
  public:
    virtual ~HostAlertStore() = default;
    // A press on `screen` at `when`: folded into the open request of that screen, or a new one.
    virtual Result<std::int64_t> addHelpRequest(const std::string& screen, TimePoint when) = 0;
    // Requests not yet acknowledged, oldest first.
    virtual Result<std::vector<HelpRequest>> openHelpRequests() = 0;
    // NotFound for an unknown id; Conflict when it was already acknowledged (by another console).
    virtual Status acknowledgeHelpRequest(std::int64_t id, const std::string& hostName, TimePoint when) = 0;

    // The contact point's printer: its status now and then, and each print's outcome.
    virtual Status reportPrinterStatus(const PrinterStatus& status, TimePoint when) = 0;
    virtual Status reportPrintOutcome(PrintOutcome outcome, TimePoint when) = 0;
    // nullopt when no role ever reported (no printer configured).
    virtual Result<std::optional<PrinterReport>> printerReport() = 0;
};

enum class HostAlertKind {
    ResidentAsksForHost,  // helpRequest set
    PrinterPaperOut,
    PrinterOffline,     // offline, stopped, not accepting jobs, or the print system cannot be asked
    PrintFailed,        // the last print failed and none printed since
    ConnectionLost,     // requests wait for the central server longer than connectionGrace
    RequestRejected,    // the central server refused a request (see the outbox panel); one per request
    SmsGatewayFailing,  // text messages to residents wait: the SMS gateway does not take them
    OutboxTooOld,       // a request with personal data has waited longer than outboxAgeAlert
    OutOfService,       // an admin put the kiosk out of service; detail is the admin's message
};
std::string_view toString(HostAlertKind k);  // "resident-asks-for-host", "printer-paper-out", ...

struct HostAlert {
    HostAlertKind kind = HostAlertKind::ResidentAsksForHost;
    TimePoint since;     // when the condition began (first press, failure, oldest waiting request...)
    std::string detail;  // English, for the log and as a fallback: screen name, printer message, last error
    std::optional<HelpRequest> helpRequest;  // ResidentAsksForHost: acknowledge it by id
    std::string reference;                   // RequestRejected: the request's reference code
    std::string
        lastError;  // ConnectionLost: the outbox's last error ("connect: ...", "HTTP 503", "tls: ...")
};

struct HostAlertPolicy {
    std::chrono::seconds connectionGrace{120};  // a waiting request older than this: connection lost
    std::chrono::minutes outboxAgeShown{30};  // the console shows the oldest waiting request's age past this
    std::chrono::hours outboxAgeAlert{24};    // ... and alerts past this
    std::chrono::hours rejectedFor{24};       // show rejected requests this long after rejection
    int maxRejected = 20;                     // rows asked from the outbox snapshot
};

// Pure: the alerts for these inputs at now, most urgent first (asks for host, printer, connection, outbox
// too old, rejected), oldest first within a kind.
std::vector<HostAlert> hostAlerts(const std::vector<HelpRequest>& openRequests,
                                  const std::optional<PrinterReport>& printer,
                                  const std::optional<OutboxSnapshot>& outbox, TimePoint now,
                                  const HostAlertPolicy& policy);

// How long the oldest request has waited at now, when that is longer than policy.outboxAgeShown; nullopt
// otherwise (nothing waits, or not that long).
std::optional<std::chrono::minutes> outboxAgeToShow(const OutboxSnapshot& outbox, TimePoint now,
                                                    const HostAlertPolicy& policy);

class HostAlertBoard {
  public:
    // outbox may be null (no outbox on this kiosk yet): no connection alerts.
    HostAlertBoard(HostAlertStore& store, OutboxStore* outbox, const Clock& clock,
                   HostAlertPolicy policy = {});

    // The opt-in text messages' store, on a kiosk that sends them (null: none): its gateway trouble is an
    // alert, after the others. Must outlive the board.
    void attachSms(SmsStore* sms) { sms_ = sms; }
    // The kiosk's fleet state (null: none): while an admin has it out of service that is an alert, first
    // after the calls for help. Must outlive the board.
    void attachFleet(FleetStateStore* fleet) { fleet_ = fleet; }

    // Re-reads the store and the outbox. On an error the previous alerts stay and the error is returned.
    Status refresh();
    const std::vector<HostAlert>& alerts() const { return alerts_; }
    // The outbox panel: waiting, rejected (with the server's error), last successful delivery.
    const std::optional<OutboxSnapshot>& outbox() const { return outboxSnapshot_; }
    const std::optional<PrinterReport>& printer() const { return printer_; }
    const HostAlertPolicy& policy() const { return policy_; }
    // Acknowledges an "ask the host" alert and refreshes. Conflict: another console already did.
    Status acknowledge(std::int64_t helpRequestId, const std::string& hostName);
    // True once after a refresh that found a call for help not seen before, or pressed again since: the
    // console chimes. The first refresh counts the calls already open as new.
    bool takeNewCallForHelp() { return std::exchange(newCallForHelp_, false); }

  private:
    HostAlertStore& store_;
    OutboxStore* outboxStore_;
    SmsStore* sms_ = nullptr;
    FleetStateStore* fleet_ = nullptr;
    const Clock& clock_;
    HostAlertPolicy policy_;
    std::vector<HostAlert> alerts_;
    std::optional<OutboxSnapshot> outboxSnapshot_;
    std::optional<PrinterReport> printer_;
    std::map<std::int64_t, int> helpPresses_;  // open calls for help: id -> presses, as last read
    bool newCallForHelp_ = false;
};

}  // namespace wp
