// wijkpuntctl's fleet subcommands that need no kiosk to answer: enroll-token, kiosks, revoke, audit.
#include "provisioning/wijkpuntctl/fleet_commands.h"

#include "provisioning/wijkpuntctl/tables.h"

namespace wp::ctl {

namespace {

int enrollToken(const CtlCommand& c, CtlContext& ctx) {
    auto answer = ctx.client.createEnrollToken(c.contactPoint, c.hours);
    if (!answer) return failed(ctx, "enroll-token", answer.status());
    if (c.json) {
        ctx.out << answer->dump(2) << "\n";
        return kExitDone;
    }
    // The token alone on the first line, so a script can take it with `head -n 1`.
    ctx.out << answer->value("token", "") << "\n"
            << "Enroll token for contact point " << answer->value("contact_point", c.contactPoint)
            << ", works once until " << answer->value("expires", "?") << ".\n"
            << "It is shown only now: put it in the new kiosk's enroll_token_file.\n";
    return kExitDone;
}

int kiosks(const CtlCommand& c, CtlContext& ctx) {
    auto answer = ctx.client.kiosks();
    if (!answer) return failed(ctx, "kiosks", answer.status());
    if (c.json)
        ctx.out << answer->dump(2) << "\n";
    else
        ctx.out << kiosksTable(*answer, ctx.clock.now());
    return kExitDone;
}

int revoke(const CtlCommand& c, CtlContext& ctx) {
    auto answer = ctx.client.revoke(c.kiosk);
    if (!answer) return failed(ctx, "revoke", answer.status());
    if (c.json)
        ctx.out << answer->dump(2) << "\n";
    else
        ctx.out << c.kiosk << " is revoked: the server refuses it from its next request on.\n";
    return kExitDone;
}

int audit(const CtlCommand& c, CtlContext& ctx) {
    auto answer = ctx.client.audit();
    if (!answer) return failed(ctx, "audit", answer.status());
    if (c.json) {
        nlohmann::json entries = nlohmann::json::array();
        if (answer->contains("entries") && (*answer)["entries"].is_array())
            for (const auto& e : (*answer)["entries"])
                if (static_cast<int>(entries.size()) < c.limit) entries.push_back(e);
        ctx.out << nlohmann::json{{"entries", entries}}.dump(2) << "\n";
    } else {
        ctx.out << auditTable(*answer, c.limit);
    }
    return kExitDone;
}

}  // namespace

int failed(CtlContext& ctx, const char* verb, const Status& why) {
    ctx.err << "wijkpuntctl " << verb << ": " << why.message() << "\n";
    return kExitRefused;
}

int runFleetCommand(const CtlCommand& c, CtlContext& ctx) {
    switch (c.verb) {
        case Verb::EnrollToken:
            return enrollToken(c, ctx);
        case Verb::Kiosks:
            return kiosks(c, ctx);
        case Verb::Revoke:
            return revoke(c, ctx);
        case Verb::Command:
            return runKioskCommand(c, ctx);
        case Verb::Screenshot:
            return runScreenshot(c, ctx);
        case Verb::Logs:
            return runLogs(c, ctx);
        case Verb::Audit:
            return audit(c, ctx);
        case Verb::HostPin:
            break;
    }
    ctx.err << "wijkpuntctl: host-pin needs no server\n";
    return kExitUsage;
}

}  // namespace wp::ctl
