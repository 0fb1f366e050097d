// wijkpuntctl's subcommands that a kiosk answers with its next heartbeat: command, screenshot, logs.
#include <fmt/format.h>

#include <fstream>

#include "provisioning/wijkpuntctl/fleet_commands.h"
#include "provisioning/wijkpuntctl/tables.h"

namespace wp::ctl {

namespace {

bool finished(const nlohmann::json& command) {
    const std::string state = command.value("state", "");
    return state == "done" || state == "failed";
}

// The command once the kiosk has reported on it (done or failed); Unavailable when `seconds` pass first.
Result<nlohmann::json> waitForResult(CtlContext& ctx, std::int64_t id, int seconds) {
    const TimePoint deadline = ctx.clock.now() + std::chrono::seconds(seconds);
    for (;;) {
        auto command = ctx.client.command(id);
        if (!command || finished(*command)) return command;
        if (ctx.clock.now() >= deadline)
            return Status::unavailable(
                fmt::format("the kiosk did not report on command {} within {} s (it is {}); it still runs it "
                            "when it next "
                            "hears from the server",
                            id, seconds, command->value("state", "?")));
        ctx.sleep(ctx.pollInterval);
    }
}

// Sends the command and waits for its result: the finished command, or why not.
Result<nlohmann::json> sendAndWait(const CtlCommand& c, CtlContext& ctx, const std::string& kind,
                                   int seconds) {
    auto sent = ctx.client.sendCommand(c.kiosk, kind, c.message);
    if (!sent) return sent;
    if (seconds <= 0) return sent;
    if (!sent->contains("id") || !(*sent)["id"].is_number_integer())
        return Status::internal("the server's command has no id");
    return waitForResult(ctx, (*sent)["id"].get<std::int64_t>(), seconds);
}

Status failedOnKiosk(const nlohmann::json& command) {
    return Status::invalidInput("the kiosk could not do it: " + commandSummary(command));
}

// The upload of a finished command: its bytes, or why not.
Result<std::string> uploadOf(const CtlCommand& c, CtlContext& ctx, const std::string& kind) {
    auto command = sendAndWait(c, ctx, kind, c.waitSeconds);
    if (!command) return command.status();
    if (command->value("state", "") != "done") return failedOnKiosk(*command);
    return ctx.client.upload((*command)["id"].get<std::int64_t>());
}

}  // namespace

int runKioskCommand(const CtlCommand& c, CtlContext& ctx) {
    auto command = sendAndWait(c, ctx, c.kind, c.waitSeconds);
    if (!command) return failed(ctx, "command", command.status());
    if (c.json)
        ctx.out << command->dump(2) << "\n";
    else
        ctx.out << commandSummary(*command) << "\n";
    if (c.waitSeconds > 0 && command->value("state", "") == "failed")
        return failed(ctx, "command", failedOnKiosk(*command));
    return kExitDone;
}

int runScreenshot(const CtlCommand& c, CtlContext& ctx) {
    auto png = uploadOf(c, ctx, "screenshot");
    if (!png) return failed(ctx, "screenshot", png.status());
    std::ofstream file(c.outputFile, std::ios::binary | std::ios::trunc);
    file.write(png->data(), static_cast<std::streamsize>(png->size()));
    file.close();
    if (!file) return failed(ctx, "screenshot", Status::ioError("cannot write " + c.outputFile.string()));
    ctx.out << fmt::format("wrote {} ({} bytes) from {}\n", c.outputFile.string(), png->size(), c.kiosk);
    return kExitDone;
}

int runLogs(const CtlCommand& c, CtlContext& ctx) {
    auto text = uploadOf(c, ctx, "logs");
    if (!text) return failed(ctx, "logs", text.status());
    ctx.out << *text;
    if (!text->empty() && text->back() != '\n') ctx.out << "\n";
    return kExitDone;
}

}  // namespace wp::ctl
