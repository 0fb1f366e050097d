// BackOffice's pages of signing in and out, the one-time set-up of an account (password and second
// factor), the start page and the static files.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "central/backoffice/back_office.h"
#include "central/backoffice/embedded_files.h"
#include "central/backoffice/qr_svg.h"
#include "central/backoffice/staff_credentials.h"
#include "central/backoffice/totp.h"
#include "common/log.h"

namespace wp {

namespace {

std::string field(const std::multimap<std::string, std::string>& form, const std::string& name) {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
}

std::string normalEmail(std::string email) {
    while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) email.pop_back();
    email.erase(0, email.find_first_not_of(" \t"));
    std::transform(email.begin(), email.end(), email.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return email;
}

std::string_view contentTypeOf(std::string_view name) {
    auto ends = [&](std::string_view ext) {
        return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
    };
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    if (ends(".png")) return "image/png";
    return "application/octet-stream";
}

std::string sessionCookie(const std::string& value, bool clear) {
    return fmt::format("{}={}; Path=/; Secure; HttpOnly; SameSite=Strict{}", kSessionCookie, value,
                       clear ? "; Max-Age=0" : "");
}

}  // namespace

void BackOffice::home(const HttpRequest&, HttpResponse& res, const StaffSession&) {
    redirect(res, "/backoffice/inbox");
}

void BackOffice::staticFile(const HttpRequest& req, HttpResponse& res, const StaffSession&) {
    const std::string name = req.matches[1].str();
    auto bytes = findEmbeddedFile(embeddedStaticFiles(), name);
    if (!bytes) return notFound(res);
    res.set_header("Cache-Control", "public, max-age=31536000, immutable");
    res.set_content(std::string(*bytes), contentTypeOf(name));
}

void BackOffice::audit(const AuditEntry& entry) {
    if (Status s = store_.appendAudit(entry); !s) log::error("audit log ({}): {}", entry.action, s.message());
}

void BackOffice::showSignIn(HttpResponse& res, const StaffSession& session, const std::string& error,
                            const std::string& notice, const std::string& email) const {
    nlohmann::json view = {{"title", "Aanmelden"}, {"csrf", session.csrfToken}, {"email", email}};
    if (!error.empty()) view["error"] = error;
    if (!notice.empty()) view["notice"] = notice;
    renderPlainPage(res, 200, "sign_in", view);
}

void BackOffice::signInPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    std::string notice;
    if (req.has_param("afgemeld")) notice = "U bent afgemeld. Meld u opnieuw aan om verder te gaan.";
    if (req.has_param("klaar"))
        notice = "Uw account is klaar. Meld u nu aan met uw wachtwoord en een code uit de app.";
    showSignIn(res, session, "", notice, "");
}

void BackOffice::signIn(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const auto form = parseQueryString(req.body);
    const std::string email = normalEmail(field(form, "email"));
    const std::string password = field(form, "password");
    const std::string code = field(form, "code");
    const TimePoint now = clock_.now();
    SignInAttempt attempt{now, email, std::nullopt, req.remote_addr, "failed"};
    auto record = [&](std::string outcome) {
        attempt.outcome = std::move(outcome);
        if (Status s = store_.recordSignIn(attempt); !s) log::error("sign-in record: {}", s.message());
    };

    auto byEmail = store_.failedSignInsByEmail(email, now - lockoutLookBack(accountLockout_));
    auto bySource = store_.failedSignInsBySource(req.remote_addr, now - lockoutLookBack(sourceLockout_));
    if (!byEmail || !bySource) {
        log::error("sign-in: the store is unavailable");
        return showSignIn(res, session, "Aanmelden lukt nu niet. Probeer het over een paar minuten opnieuw.",
                          "", email);
    }
    auto lockedEmail = lockedUntil(byEmail.value(), accountLockout_, now);
    auto lockedSource = lockedUntil(bySource.value(), sourceLockout_, now);
    if (lockedEmail || lockedSource) {
        record("locked");
        TimePoint until = std::max(lockedEmail.value_or(now), lockedSource.value_or(now));
        log::warning("sign-in locked for an account or source ({})", req.remote_addr);
        return showSignIn(
            res, session,
            fmt::format("Er is te vaak een verkeerde aanmelding geprobeerd. Probeer het na {} opnieuw.",
                        formatLocalHourMinute(until + std::chrono::seconds(59))),
            "", email);
    }

    auto account = store_.staffAccountByEmail(email);
    if (!account) {
        log::error("sign-in: {}", account.status().message());
        return showSignIn(res, session, "Aanmelden lukt nu niet. Probeer het over een paar minuten opnieuw.",
                          "", email);
    }
    bool ok = false;
    if (account.value()) {
        const StaffAccount& a = **account;
        attempt.accountId = a.id;
        if (!a.setUp()) spendPasswordCheck(password);
        if (a.setUp() && verifyPassword(a.passwordHash, password) && !a.disabled) {
            if (auto step = matchTotp(a.totpSecret, code, now)) {
                auto taken = store_.takeTotpStep(a.id, *step);
                ok = taken && taken.value();
            }
        }
    } else {
        spendPasswordCheck(password);
    }
    if (!ok) {
        record("failed");
        return showSignIn(
            res, session,
            "Aanmelden is niet gelukt. Controleer uw e-mailadres, wachtwoord en de code uit de app.", "",
            email);
    }

    // A new session id at every sign-in; the one the browser had (if any) ends.
    const std::string old = cookieValue(req, kSessionCookie);
    if (!old.empty()) (void)store_.endStaffSession(hashSecretToken(old), now);
    const std::string id = randomToken();
    if (Status s =
            store_.addStaffSession(hashSecretToken(id), attempt.accountId.value_or(0), randomToken(), now);
        !s) {
        log::error("sign-in session: {}", s.message());
        return showSignIn(res, session, "Aanmelden lukt nu niet. Probeer het over een paar minuten opnieuw.",
                          "", email);
    }
    record("signed-in");
    audit({now, account.value()->name, "sign-in", "", "", req.remote_addr});
    log::info("back office: account {} signed in from {}", attempt.accountId.value_or(0), req.remote_addr);
    res.headers.emplace("Set-Cookie", sessionCookie(id, false));
    redirect(res, "/backoffice/");
}

void BackOffice::signOut(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string id = cookieValue(req, kSessionCookie);
    if (Status s = store_.endStaffSession(hashSecretToken(id), clock_.now()); !s)
        log::error("sign-out: {}", s.message());
    else
        audit({clock_.now(), session.name, "sign-out", "", "", session.sourceAddress});
    res.headers.emplace("Set-Cookie", sessionCookie("", true));
    redirect(res, "/backoffice/sign-in?afgemeld=1");
}

void BackOffice::signOutEverywhere(const HttpRequest&, HttpResponse& res, const StaffSession& session) {
    auto ended = store_.endStaffSessions(session.accountId, clock_.now());
    if (!ended)
        log::error("sign-out everywhere: {}", ended.status().message());
    else
        audit({clock_.now(), session.name, "sign-out-everywhere", "",
               fmt::format("{} sessions ended", ended.value()), session.sourceAddress});
    res.headers.emplace("Set-Cookie", sessionCookie("", true));
    redirect(res, "/backoffice/sign-in?afgemeld=1");
}

void BackOffice::showSetup(HttpResponse& res, const StaffSession& session, const std::string& token,
                           const SetupLink& link, const nlohmann::json& errors) const {
    const std::string uri = otpauthUri(pages_.municipality(), link.account.email, link.totpSecret);
    auto qr = qrCodeSvg(uri, "QR-code voor uw authenticator-app");
    nlohmann::json view = {
        {"title", "Account klaar maken"},
        {"csrf", session.csrfToken},
        {"action", "/backoffice/setup/" + token},
        {"name", link.account.name},
        {"email", link.account.email},
        {"secret", groupedTotpSecret(link.totpSecret)},
        {"qr", qr ? qr.value() : std::string()},
        {"errors", errors},
        {"hasErrors", !errors.empty()},
    };
    renderPlainPage(res, 200, "setup", view);
}

void BackOffice::setupPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string token = req.matches[1].str();
    auto link = store_.setupLinkByHash(hashSecretToken(token), clock_.now());
    if (!link || !link.value())
        return renderPlainPage(
            res, 404, "message",
            {{"title", "Deze link werkt niet meer"},
             {"heading", "Deze link werkt niet meer"},
             {"text", "De link is al gebruikt of verlopen. Vraag een beheerder om een nieuwe link."}});
    showSetup(res, session, token, **link, nlohmann::json::object());
}

void BackOffice::setup(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string token = req.matches[1].str();
    const TimePoint now = clock_.now();
    auto link = store_.setupLinkByHash(hashSecretToken(token), now);
    if (!link || !link.value()) return setupPage(req, res, session);
    const SetupLink& l = **link;
    const auto form = parseQueryString(req.body);
    const std::string password = field(form, "password");
    nlohmann::json errors = nlohmann::json::object();
    if (std::string problem = passwordProblem(password, l.account.name, l.account.email); !problem.empty())
        errors["password"] = problem;
    else if (field(form, "password_again") != password)
        errors["password_again"] = "Typ hetzelfde wachtwoord twee keer.";
    auto step = matchTotp(l.totpSecret, field(form, "code"), now);
    if (!step) errors["code"] = "Deze code klopt niet. Typ de 6 cijfers die de app nu laat zien.";
    if (!errors.empty()) return showSetup(res, session, token, l, errors);
    auto hash = hashPassword(password);
    if (!hash) {
        log::error("set-up: {}", hash.status().message());
        return showSetup(res, session, token, l, {{"password", "Dit lukt nu niet. Probeer het opnieuw."}});
    }
    if (Status s = store_.completeStaffSetup(hashSecretToken(token), hash.value(), *step, now); !s)
        return setupPage(req, res, session);
    log::info("back office: account {} is set up", l.account.id);
    redirect(res, "/backoffice/sign-in?klaar=1");
}

}  // namespace wp
