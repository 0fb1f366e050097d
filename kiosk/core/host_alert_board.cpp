#include "kiosk/core/host_alert_board.h"

#include <fmt/format.h>

#include <algorithm>

namespace wp {

std::string_view toString(HostAlertKind k) {
    switch (k) {
        case HostAlertKind::ResidentAsksForHost:
            return "resident-asks-for-host";
        case HostAlertKind::PrinterPaperOut:
            return "printer-paper-out";
        case HostAlertKind::PrinterOffline:
            return "printer-offline";
        case HostAlertKind::PrintFailed:
            return "print-failed";
        case HostAlertKind::ConnectionLost:
            return "connection-lost";
        case HostAlertKind::RequestRejected:
            return "request-rejected";
        case HostAlertKind::SmsGatewayFailing:
            return "sms-gateway-failing";
        case HostAlertKind::OutboxTooOld:
            return "outbox-too-old";
        case HostAlertKind::OutOfService:
            return "out-of-service";
    }
    return "?";
}

std::vector<HostAlert> hostAlerts(const std::vector<HelpRequest>& openRequests,
                                  const std::optional<PrinterReport>& printer,
                                  const std::optional<OutboxSnapshot>& outbox, TimePoint now,
                                  const HostAlertPolicy& policy) {
    std::vector<HostAlert> out;

    std::vector<HelpRequest> asks = openRequests;
    std::sort(asks.begin(), asks.end(), [](const HelpRequest& a, const HelpRequest& b) {
        return a.firstAt != b.firstAt ? a.firstAt < b.firstAt : a.id < b.id;
    });
    for (const HelpRequest& r : asks) {
        if (r.acknowledgedAt) continue;
        HostAlert a;
        a.kind = HostAlertKind::ResidentAsksForHost;
        a.since = r.firstAt;
        a.detail = r.screen;
        a.helpRequest = r;
        out.push_back(std::move(a));
    }

    if (printer) {
        const PrinterStatus& st = printer->status;
        std::string message = st.message;
        if (st.paperOut()) {
            out.push_back({HostAlertKind::PrinterPaperOut, printer->statusAt,
                           message.empty() ? "the printer has no paper" : message, std::nullopt, ""});
        } else if (st.state == PrinterStatus::State::Unknown || st.state == PrinterStatus::State::Stopped ||
                   st.has("offline") || !st.acceptingJobs) {
            out.push_back({HostAlertKind::PrinterOffline, printer->statusAt,
                           message.empty() ? fmt::format("the printer is {}", toString(st.state)) : message,
                           std::nullopt, ""});
        }
        // The last print failed and nothing printed since: also when the status looks fine now.
        if (printer->lastFailure && printer->lastFailureAt &&
            (!printer->lastSuccessAt || *printer->lastSuccessAt < *printer->lastFailureAt))
            out.push_back({HostAlertKind::PrintFailed, *printer->lastFailureAt,
                           fmt::format("the last ticket did not print ({})", toString(*printer->lastFailure)),
                           std::nullopt, ""});
    }

    if (outbox) {
        if (outbox->waiting > 0 && outbox->oldestWaiting &&
            now - *outbox->oldestWaiting >= policy.connectionGrace)
            out.push_back({HostAlertKind::ConnectionLost, *outbox->oldestWaiting,
                           outbox->lastError.empty()
                               ? fmt::format("{} request(s) wait for the central server", outbox->waiting)
                               : fmt::format("{} request(s) wait for the central server: {}", outbox->waiting,
                                             outbox->lastError),
                           std::nullopt, "", outbox->lastError});
        if (outbox->waiting > 0 && outbox->oldestWaiting &&
            now - *outbox->oldestWaiting >= policy.outboxAgeAlert)
            out.push_back(
                {HostAlertKind::OutboxTooOld, *outbox->oldestWaiting,
                 fmt::format("the oldest of {} waiting request(s) keeps personal data since it was made",
                             outbox->waiting),
                 std::nullopt, "", outbox->lastError});
        std::vector<const RejectedRequest*> rejected;
        for (const RejectedRequest& r : outbox->rejected)
            if (now - r.rejectedAt < policy.rejectedFor) rejected.push_back(&r);
        std::sort(rejected.begin(), rejected.end(), [](const RejectedRequest* a, const RejectedRequest* b) {
            return a->rejectedAt < b->rejectedAt;
        });
        for (const RejectedRequest* r : rejected)
            out.push_back({HostAlertKind::RequestRejected, r->rejectedAt,
                           fmt::format("{} ({}): HTTP {} {}: {}", r->reference, r->type, r->httpStatus,
                                       r->error.code, r->error.message),
                           std::nullopt, r->reference});
    }
    return out;
}

std::optional<std::chrono::minutes> outboxAgeToShow(const OutboxSnapshot& outbox, TimePoint now,
                                                    const HostAlertPolicy& policy) {
    if (outbox.waiting == 0 || !outbox.oldestWaiting) return std::nullopt;
    const auto age = now - *outbox.oldestWaiting;
    if (age <= policy.outboxAgeShown) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::minutes>(age);
}

HostAlertBoard::HostAlertBoard(HostAlertStore& store, OutboxStore* outbox, const Clock& clock,
                               HostAlertPolicy policy)
    : store_(store), outboxStore_(outbox), clock_(clock), policy_(policy) {}

Status HostAlertBoard::refresh() {
    auto open = store_.openHelpRequests();
    if (!open) return open.status();
    auto printer = store_.printerReport();
    if (!printer) return printer.status();
    std::optional<OutboxSnapshot> outbox;
    if (outboxStore_ != nullptr) {
        auto snap = outboxStore_->snapshot(policy_.maxRejected);
        if (!snap) return snap.status();
        outbox = std::move(snap).value();
    }
    std::optional<std::string> outOfService;
    if (fleet_ != nullptr) {
        auto state = fleet_->outOfService();
        if (!state) return state.status();
        outOfService = std::move(state).value();
    }
    std::optional<SmsGatewayTrouble> sms;
    if (sms_ != nullptr) {
        auto trouble = sms_->gatewayTrouble();
        if (!trouble) return trouble.status();
        sms = std::move(trouble).value();
    }
    printer_ = printer.value();
    outboxSnapshot_ = std::move(outbox);
    alerts_ = hostAlerts(open.value(), printer_, outboxSnapshot_, clock_.now(), policy_);
    if (outOfService) {
        // First after the calls for help: the host must know why residents cannot use the kiosk.
        auto at = std::find_if(alerts_.begin(), alerts_.end(), [](const HostAlert& a) {
            return a.kind != HostAlertKind::ResidentAsksForHost;
        });
        // The text ends the admin's message with its own full stop.
        std::string message = std::move(*outOfService);
        while (!message.empty() && (message.back() == '.' || message.back() == ' ')) message.pop_back();
        alerts_.insert(at, HostAlert{HostAlertKind::OutOfService, clock_.now(), message, std::nullopt, {}});
    }
    if (sms)
        alerts_.push_back({HostAlertKind::SmsGatewayFailing, sms->since, sms->lastError, std::nullopt, {}});
    std::map<std::int64_t, int> presses;
    for (const HelpRequest& r : open.value()) {
        if (r.acknowledgedAt) continue;
        presses[r.id] = r.presses;
        if (auto seen = helpPresses_.find(r.id); seen == helpPresses_.end() || seen->second < r.presses)
            newCallForHelp_ = true;
    }
    helpPresses_ = std::move(presses);
    return Status::ok();
}

Status HostAlertBoard::acknowledge(std::int64_t helpRequestId, const std::string& hostName) {
    Status s = store_.acknowledgeHelpRequest(helpRequestId, hostName, clock_.now());
    Status r = refresh();
    if (!s) return s;
    return r;
}

}  // namespace wp
