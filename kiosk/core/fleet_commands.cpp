#include "kiosk/core/fleet_commands.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/log.h"

namespace wp {

int FleetMailbox::deliver(const std::vector<FleetCommand>& commands) {
    int added = 0;
    {
        std::lock_guard lock(mutex_);
        for (const FleetCommand& c : commands) {
            if (!seen_.insert(c.id).second) continue;
            inbox_.push_back(c);
            ++added;
        }
    }
    if (added > 0) ready();
    return added;
}

std::vector<FleetCommand> FleetMailbox::take() {
    std::lock_guard lock(mutex_);
    std::vector<FleetCommand> out;
    out.swap(inbox_);
    return out;
}

void FleetMailbox::addUpload(FleetUpload upload) {
    {
        std::lock_guard lock(mutex_);
        uploads_.push_back(std::move(upload));
    }
    ready();
}

std::optional<FleetUpload> FleetMailbox::nextUpload() const {
    std::lock_guard lock(mutex_);
    if (uploads_.empty()) return std::nullopt;
    return uploads_.front();
}

void FleetMailbox::uploaded(std::int64_t id) {
    std::lock_guard lock(mutex_);
    std::erase_if(uploads_, [id](const FleetUpload& u) { return u.id == id; });
}

void FleetMailbox::onReady(std::function<void()> ready) {
    std::lock_guard lock(mutex_);
    ready_ = std::move(ready);
}

void FleetMailbox::ready() {
    std::function<void()> ready;
    {
        std::lock_guard lock(mutex_);
        ready = ready_;
    }
    if (ready) ready();
}

FleetCommandRunner::FleetCommandRunner(FleetMailbox& mailbox, FleetStateStore& store, Actions actions)
    : mailbox_(mailbox), store_(store), actions_(std::move(actions)) {
    auto state = store_.outOfService();
    if (state)
        outOfService_ = state.value();
    else
        log::error("fleet: cannot read the service state: {}", state.status().message());
}

bool FleetCommandRunner::update(bool betweenResidents) {
    for (FleetCommand& c : mailbox_.take()) {
        auto done = store_.commandDone(c.id);
        if (done && done.value()) continue;  // ran before a restart; its result goes with the next heartbeat
        log::info("fleet: command {} ({}) received", c.id, c.kind);
        waiting_.push_back(std::move(c));
    }
    bool changed = false;
    std::vector<FleetCommand> still;
    for (const FleetCommand& c : waiting_) {
        if (restarting_ || !run(c, betweenResidents, changed)) still.push_back(c);
    }
    waiting_.swap(still);
    return changed;
}

bool FleetCommandRunner::run(const FleetCommand& c, bool betweenResidents, bool& changed) {
    if (c.kind == kCommandInService) {
        if (Status s = store_.setOutOfService(std::nullopt); !s) {
            finish(c.id, false, s.message());
            return true;
        }
        changed |= outOfService_.has_value();
        outOfService_.reset();
        log::info("fleet: in service again (command {})", c.id);
        finish(c.id, true, "");
        return true;
    }
    if (c.kind == kCommandLogs) {
        if (!actions_.logLines) {
            finish(c.id, false, "this kiosk cannot send its log");
            return true;
        }
        mailbox_.addUpload({c.id, false, joinLogLines(actions_.logLines())});
        return true;
    }
    if (c.kind != kCommandOutOfService && c.kind != kCommandScreenshot && c.kind != kCommandRestart) {
        finish(c.id, false, fmt::format("unknown command kind '{}'", c.kind));
        return true;
    }
    if (!betweenResidents) return false;
    if (c.kind == kCommandOutOfService) {
        if (Status s = store_.setOutOfService(c.message); !s) {
            finish(c.id, false, s.message());
            return true;
        }
        changed |= outOfService_ != c.message;
        outOfService_ = c.message;
        log::info("fleet: out of service (command {})", c.id);
        finish(c.id, true, "");
        return true;
    }
    if (c.kind == kCommandScreenshot) {
        if (!actions_.screenshotPng) {
            finish(c.id, false, "this kiosk cannot take a screenshot");
            return true;
        }
        auto png = actions_.screenshotPng();
        if (!png) {
            finish(c.id, false, png.status().message());
            return true;
        }
        mailbox_.addUpload({c.id, true, std::move(png).value()});
        return true;
    }
    // restart: its result is saved first, so the next process reports it and does not run it again.
    if (!actions_.restart) {
        finish(c.id, false, "this kiosk cannot restart itself");
        return true;
    }
    finish(c.id, true, "");
    log::info("fleet: restarting (command {})", c.id);
    restarting_ = true;
    actions_.restart();
    return true;
}

void FleetCommandRunner::finish(std::int64_t id, bool ok, std::string detail) {
    if (!ok) log::warning("fleet: command {} failed: {}", id, detail);
    if (Status s = store_.saveResult({id, ok, std::move(detail)}, false); !s)
        log::error("fleet: cannot save the result of command {}: {}", id, s.message());
    mailbox_.ready();
}

std::string joinLogLines(const std::vector<std::string>& lines, std::size_t count) {
    std::string out;
    const std::size_t from = lines.size() > count ? lines.size() - count : 0;
    for (std::size_t i = from; i < lines.size(); ++i) {
        out += lines[i];
        out += '\n';
    }
    return out;
}

}  // namespace wp
