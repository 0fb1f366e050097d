// BackOffice's fleet pages: for admins every kiosk with its health and trouble, one kiosk with its commands,
// an enroll token (shown once), the commands and revocation (a restart and a revocation are confirmed on a
// page of their own first), and what a kiosk uploaded (each read audited); for coordinators which contact
// points have kiosk trouble. The fleet and its trouble come from central/fleet_view.h, as the API's.
#include <fmt/format.h>

#include <cctype>
#include <charconv>

#include "central/backoffice/back_office.h"
#include "central/backoffice/case_labels.h"
#include "central/backoffice/fleet_page_view.h"
#include "central/backoffice/staff_credentials.h"
#include "central/fleet_view.h"
#include "common/appointment.h"
#include "common/log.h"
#include "common/wire.h"

namespace wp {

namespace {

std::string field(const std::multimap<std::string, std::string>& form, const std::string& name) {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

Result<std::vector<FleetEntry>> BackOffice::fleetNow() {
    auto stored = store_.fleetKiosks();
    if (!stored) return stored.status();
    auto revocations = store_.kioskRevocations();
    if (!revocations) return revocations.status();
    return fleetEntries(*stored, config_.kiosks, *revocations, fleetRulesOf(config_), clock_.now());
}

std::optional<FleetEntry> BackOffice::fleetEntryOfPath(const HttpRequest& req, HttpResponse& res,
                                                       const StaffSession& session) {
    const std::string name = upper(req.matches[1].str());
    auto fleet = fleetNow();
    if (!fleet) {
        storeUnavailable(res, session, fleet.status());
        return std::nullopt;
    }
    for (FleetEntry& k : *fleet)
        if (k.name == name) return std::move(k);
    notFound(res);
    return std::nullopt;
}

void BackOffice::kiosksPage(const HttpRequest&, HttpResponse& res, const StaffSession& session) {
    showKiosks(res, session, "", "");
}

void BackOffice::showKiosks(HttpResponse& res, const StaffSession& session, const std::string& error,
                            const std::string& typedContactPoint) {
    auto fleet = fleetNow();
    if (!fleet) return storeUnavailable(res, session, fleet.status());
    if (session.role != StaffRole::Admin) {
        renderPage(
            res, "kiosk_trouble",
            {{"title", "Kiosks"}, {"section", "kiosks"}, {"kioskTrouble", contactPointTroubleView(*fleet)}},
            session);
        return;
    }
    nlohmann::json view = kiosksView(*fleet, clock_.now());
    view["hours"] = config_.enrollment.tokenHours;
    view["contactPointTyped"] = typedContactPoint;
    if (!error.empty()) view["error"] = error;
    renderPage(res, "kiosks", view, session);
    if (!error.empty()) res.status = 422;
}

void BackOffice::makeEnrollToken(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const auto form = parseQueryString(req.body);
    const std::string contactPoint = upper(field(form, "contact_point"));
    if (!isContactPointLetters(contactPoint))
        return showKiosks(res, session, "Vul de drie letters van het contactpunt in, zoals SGN.",
                          field(form, "contact_point"));
    int hours = config_.enrollment.tokenHours;
    if (const std::string text = field(form, "hours"); !text.empty()) {
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), hours);
        if (ec != std::errc() || end != text.data() + text.size() || hours < 1 || hours > 720)
            return showKiosks(res, session,
                              "Vul bij hoe lang de code werkt een aantal uren in, van 1 tot 720.",
                              contactPoint);
    }
    const TimePoint now = clock_.now();
    const TimePoint expires = now + std::chrono::hours(hours);
    const std::string token = randomToken();
    AuditEntry audit{now,
                     session.name,
                     "enroll-token",
                     "",
                     fmt::format("contact point {}, valid until {}", contactPoint, formatRfc3339(expires)),
                     session.sourceAddress};
    if (Status s = store_.createEnrollToken(hashSecretToken(token), contactPoint, expires, audit); !s)
        return storeUnavailable(res, session, s);
    log::info("back office: {} made an enroll token for contact point {}", session.name, contactPoint);
    renderPage(res, "kiosk_token",
               {{"title", "Code voor een nieuwe kiosk"},
                {"section", "kiosks"},
                {"contactPoint", contactPoint},
                {"token", token},
                {"expires", localDateTime(expires)}},
               session);
}

void BackOffice::kioskPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto kiosk = fleetEntryOfPath(req, res, session);
    if (!kiosk) return;
    showKiosk(res, session, *kiosk, req.has_param("gedaan") ? "De opdracht staat klaar voor de kiosk." : "");
}

void BackOffice::showKiosk(HttpResponse& res, const StaffSession& session, const FleetEntry& kiosk,
                           const std::string& notice) {
    auto commands = store_.kioskCommands(kiosk.contactPoint, kiosk.kioskCode, 10);
    if (!commands) return storeUnavailable(res, session, commands.status());
    nlohmann::json view = kioskView(kiosk, *commands, clock_.now());
    if (!notice.empty()) view["notice"] = notice;
    renderPage(res, "kiosk", view, session);
}

void BackOffice::confirmKioskAction(HttpResponse& res, const StaffSession& session, const FleetEntry& kiosk,
                                    const std::string& kind) {
    const bool revoke = kind.empty();
    nlohmann::json view = {{"section", "kiosks"}, {"back", kioskPagePath(kiosk.name)}};
    if (revoke) {
        view["title"] = "Kiosk intrekken?";
        view["heading"] = fmt::format("Kiosk {} intrekken?", kiosk.name);
        view["text"] =
            "De server weigert de kiosk vanaf zijn volgende verzoek. Dit kunt u niet terugdraaien: de "
            "kiosk moet zich opnieuw aanmelden met een nieuwe code.";
        view["action"] = kioskPagePath(kiosk.name) + "/revoke";
        view["button"] = "Ja, intrekken";
    } else {
        view["title"] = "Kiosk opnieuw starten?";
        view["heading"] = fmt::format("Kiosk {} opnieuw starten?", kiosk.name);
        view["text"] =
            "De kiosk start opnieuw zodra niemand hem gebruikt. Dat duurt even; daarna werkt hij weer.";
        view["action"] = kioskPagePath(kiosk.name) + "/command";
        view["kind"] = kind;  // only when set: Mustache takes an empty text for true
        view["button"] = "Ja, opnieuw starten";
    }
    renderPage(res, "kiosk_confirm", view, session);
}

void BackOffice::sendKioskCommand(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto kiosk = fleetEntryOfPath(req, res, session);
    if (!kiosk) return;
    const auto form = parseQueryString(req.body);
    const std::string kind = field(form, "kind");
    std::string message = field(form, "message");
    if (!isKioskCommandKind(kind)) return showKiosk(res, session, *kiosk, "Kies een opdracht.");
    if (kiosk->revoked)
        return forbidden(res, &session, "Deze kiosk is ingetrokken en krijgt geen opdrachten.");
    if (kind == "restart" && field(form, "confirmed") != "ja")
        return confirmKioskAction(res, session, *kiosk, kind);
    if (kind == "out-of-service") {
        while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back())))
            message.pop_back();
        if (message.empty() || message.size() > 400) {
            showKiosk(res, session, *kiosk,
                      "De kiosk is niet buiten dienst gezet: schrijf een kort bericht voor de bewoners.");
            res.status = 422;
            return;
        }
    } else {
        message.clear();
    }
    AuditEntry audit{clock_.now(),
                     session.name,
                     "kiosk-command",
                     "",
                     fmt::format("{} {}{}", kiosk->name, kind, message.empty() ? "" : ": " + message),
                     session.sourceAddress};
    auto command = store_.addKioskCommand(kiosk->contactPoint, kiosk->kioskCode, kind, message, audit);
    if (!command) return storeUnavailable(res, session, command.status());
    log::info("back office: {} sent {} command {} to kiosk {}", session.name, kind, command->id, kiosk->name);
    redirect(res, kioskPagePath(kiosk->name) + "?gedaan=1");
}

void BackOffice::revokeKioskPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto kiosk = fleetEntryOfPath(req, res, session);
    if (!kiosk) return;
    const auto form = parseQueryString(req.body);
    if (field(form, "confirmed") != "ja") return confirmKioskAction(res, session, *kiosk, "");
    const TimePoint now = clock_.now();
    AuditEntry entry{now,
                     session.name,
                     "revoke-kiosk",
                     "",
                     fmt::format("{} ({})", kiosk->name, kiosk->subject),
                     session.sourceAddress};
    if (kiosk->enrollment) {
        if (Status s = store_.markKioskRevoked(kiosk->contactPoint, kiosk->kioskCode, entry); !s)
            return storeUnavailable(res, session, s);
        if (Status s = store_.revokeKiosk(kiosk->subject, kiosk->enrollment->serial, now); !s)
            return storeUnavailable(res, session, s);
    } else {
        if (Status s = store_.revokeKiosk(kiosk->subject, "", now); !s)
            return storeUnavailable(res, session, s);
        audit(entry);
    }
    log::info("back office: {} revoked kiosk {}", session.name, kiosk->name);
    redirect(res, kioskPagePath(kiosk->name));
}

void BackOffice::commandUpload(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string text = req.matches[1].str();
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size()) return notFound(res);
    auto command = store_.kioskCommand(id);
    if (!command) return storeUnavailable(res, session, command.status());
    if (!*command) return notFound(res);
    const KioskCommand& c = **command;
    AuditEntry audit{clock_.now(),
                     session.name,
                     c.kind == "screenshot" ? "read-screenshot" : "read-log",
                     "",
                     fmt::format("{} command {}", fleetKioskName(c.contactPoint, c.kioskCode), c.id),
                     session.sourceAddress};
    auto upload = store_.commandUpload(id, audit);
    if (!upload) return storeUnavailable(res, session, upload.status());
    if (!*upload) return notFound(res);
    const bool png = (*upload)->contentType == "image/png";
    res.status = 200;
    res.set_header("Content-Disposition",
                   fmt::format("inline; filename=\"{}-{}.{}\"", fleetKioskName(c.contactPoint, c.kioskCode),
                               c.id, png ? "png" : "txt"));
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content((*upload)->bytes, png ? "image/png" : "text/plain; charset=utf-8");
}

}  // namespace wp
