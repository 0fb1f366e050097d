#include "drivers/net/heartbeat_sender.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "common/log.h"

namespace wp {

using nlohmann::json;

std::string encodeHeartbeat(const KioskHealth& h, const std::vector<FleetCommandResult>& results) {
    json res = json::array();
    for (const FleetCommandResult& r : results)
        res.push_back({{"command", r.id}, {"ok", r.ok}, {"detail", r.detail}});
    json body = {
        {"version", h.version},
        {"bundle_version", h.bundleVersion},
        {"uptime_s", h.uptimeSeconds},
        {"printer", {{"state", h.printerState}, {"reasons", h.printerReasons}}},
        {"outbox",
         {{"waiting", h.outboxWaiting},
          {"rejected", h.outboxRejected},
          {"oldest_waiting_s", h.oldestWaitingSeconds}}},
        {"disk_free_mb", h.diskFreeMb},
        {"last_error", h.lastError},
        {"in_service", h.inService},
        {"results", std::move(res)},
    };
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<HeartbeatAnswer> decodeHeartbeatAnswer(std::string_view body) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return Status::invalidInput("the heartbeat answer is not a JSON object");
    HeartbeatAnswer a;
    if (auto it = j.find("interval_s"); it != j.end() && it->is_number_integer()) {
        const auto s = it->get<std::int64_t>();
        if (s >= 1 && s <= 86400) a.intervalSeconds = static_cast<int>(s);
    }
    if (auto it = j.find("renew"); it != j.end() && it->is_boolean()) a.renew = it->get<bool>();
    if (auto it = j.find("commands"); it != j.end() && it->is_array()) {
        for (const json& c : *it) {
            if (!c.is_object()) continue;
            auto id = c.find("id");
            auto kind = c.find("kind");
            if (id == c.end() || !id->is_number_integer() || kind == c.end() || !kind->is_string()) continue;
            FleetCommand command{id->get<std::int64_t>(), kind->get<std::string>(), ""};
            if (auto m = c.find("message"); m != c.end() && m->is_string())
                command.message = m->get<std::string>();
            a.commands.push_back(std::move(command));
        }
    }
    return a;
}

HeartbeatSender::HeartbeatSender(HealthSource& health, FleetMailbox& mailbox, FleetStateStore& results,
                                 const Clock& clock, Options options, RenewHook renew)
    : health_(health),
      mailbox_(mailbox),
      results_(results),
      clock_(clock),
      options_(std::move(options)),
      renew_(std::move(renew)),
      interval_(options_.interval) {}

HeartbeatSender::~HeartbeatSender() {
    stop();
}

void HeartbeatSender::start() {
    std::lock_guard lock(mutex_);
    stopping_ = false;
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void HeartbeatSender::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void HeartbeatSender::wake() {
    {
        std::lock_guard lock(mutex_);
        ++wakeups_;
    }
    cv_.notify_all();
}

HeartbeatSender::Step HeartbeatSender::fail(std::string why) {
    ++attempts_;
    retryAt_ = clock_.now() + retryDelay(options_.backoff, attempts_, random_);
    return {Step::Kind::Failed, 0, 0, std::move(why)};
}

HeartbeatSender::Step HeartbeatSender::sendOnce(HttpClient& http) {
    using Kind = Step::Kind;
    TimePoint now = clock_.now();
    if (retryAt_ && now < *retryAt_) return {Kind::BackingOff};
    Step step;

    // Uploads first: each one answered is its command's result.
    while (auto upload = mailbox_.nextUpload()) {
        HttpRequest req;
        req.method = "PUT";
        req.path =
            fmt::format("/v1/kiosk/commands/{}/{}", upload->id, upload->screenshot ? "screenshot" : "log");
        req.contentType = upload->screenshot ? "image/png" : "text/plain; charset=utf-8";
        req.body = upload->body;
        HttpResult r = http.send(req);
        if (!r.answered())
            return fail(
                fmt::format("upload {}: {}: {}", upload->id, toString(r.transport), r.transportMessage));
        if (r.status >= 500 || r.status == 408 || r.status == 429)
            return fail(fmt::format("upload {}: HTTP {}", upload->id, r.status));
        const bool ok = r.status >= 200 && r.status <= 299;
        if (!ok) log::warning("fleet: the server refused upload {} with HTTP {}", upload->id, r.status);
        // Refused for good (the command is gone or done): reported either way, so it is not run again.
        if (Status s =
                results_.saveResult({upload->id, ok, ok ? "" : fmt::format("HTTP {}", r.status)}, true);
            !s)
            log::error("fleet: cannot save the result of command {}: {}", upload->id, s.message());
        mailbox_.uploaded(upload->id);
        ++step.uploads;
    }

    auto pending = results_.unreportedResults();
    if (!pending) log::error("fleet: cannot read the commands' results: {}", pending.status().message());
    const bool resultsWait = pending && !pending->empty();
    if (nextAt_ && now < *nextAt_ && !resultsWait) {
        attempts_ = 0;
        retryAt_.reset();
        if (step.uploads > 0) step.kind = Kind::Sent;
        return step;
    }

    HttpRequest req;
    req.path = "/v1/kiosk/heartbeat";
    req.body =
        encodeHeartbeat(health_.health(), pending ? pending.value() : std::vector<FleetCommandResult>{});
    HttpResult r = http.send(req);
    if (!r.answered())
        return fail(fmt::format("heartbeat: {}: {}", toString(r.transport), r.transportMessage));
    if (r.status != 200) return fail(fmt::format("heartbeat: HTTP {}: {}", r.status, r.body.substr(0, 300)));
    auto answer = decodeHeartbeatAnswer(r.body);
    if (!answer) return fail(fmt::format("heartbeat: {}", answer.status().message()));
    attempts_ = 0;
    retryAt_.reset();
    ++heartbeatsSent_;
    if (pending && !pending->empty()) {
        std::vector<std::int64_t> ids;
        for (const FleetCommandResult& res : pending.value()) ids.push_back(res.id);
        if (Status s = results_.markReported(ids); !s)
            log::error("fleet: cannot mark results reported: {}", s.message());
    }
    if (answer->intervalSeconds) interval_ = Millis(std::int64_t{*answer->intervalSeconds} * 1000);
    nextAt_ = clock_.now() + interval_;
    step.kind = Kind::Sent;
    step.commands = mailbox_.deliver(answer->commands);
    if (renew_) {
        if (Status s = renew_(http, answer->renew); !s)
            log::warning("fleet: certificate renewal failed: {}", s.message());
    }
    return step;
}

void HeartbeatSender::run() {
    CurlHttpClient http(options_.http);
    std::string lastError;
    for (;;) {
        Step step = sendOnce(http);
        if (step.kind == Step::Kind::Failed) {
            if (step.error != lastError) log::warning("fleet: {}", step.error);
            lastError = step.error;
        } else if (step.kind == Step::Kind::Sent) {
            if (!lastError.empty()) log::info("fleet: the central server answers again");
            lastError.clear();
        }
        std::unique_lock lock(mutex_);
        if (stopping_) return;
        std::uint64_t seen = wakeups_;
        cv_.wait_for(lock, options_.poll, [&] { return stopping_ || wakeups_ != seen; });
        if (stopping_) return;
    }
}

}  // namespace wp
