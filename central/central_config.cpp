#include "central/central_config.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "central/secret_file.h"
#include "common/bundle.h"
#include "common/toml_reader.h"

namespace wp {

using toml_reader::TomlReader;
namespace fs = std::filesystem;

int CentralConfig::retentionDays(const std::string& type) const {
    auto it = retention.daysByType.find(type);
    return it != retention.daysByType.end() ? it->second : retention.defaultDays;
}

namespace {

fs::path resolve(const fs::path& base, const std::string& p) {
    if (p.empty()) return {};
    fs::path path(p);
    return path.is_absolute() ? path : base / path;
}

std::vector<std::string> stringList(TomlReader& r, const toml::table& t, std::string_view key,
                                    std::string_view expected) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (n == nullptr) return out;
    const toml::array* a = n->as_array();
    if (a == nullptr) {
        r.error(n, fmt::format("'{}' must be {}, found {}", key, expected, TomlReader::typeName(*n)));
        return out;
    }
    for (const toml::node& item : *a) {
        if (auto s = item.value<std::string>())
            out.push_back(*s);
        else
            r.error(&item,
                    fmt::format("'{}' must be {}, found {}", key, expected, TomlReader::typeName(item)));
    }
    return out;
}

// The secret in file: its first line, without the line end; at least 16 bytes. The file is refused when
// group or others may read it (secret_file.h).
Result<std::string> readWebhookSecret(const fs::path& file) {
    if (Status s = checkPrivateFile(file); s.code() == Status::Code::InvalidInput) return s;
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::notFound(fmt::format("cannot read the secret file {}", file.string()));
    std::string secret;
    std::getline(in, secret);
    while (!secret.empty() && (secret.back() == '\r' || secret.back() == ' ')) secret.pop_back();
    if (secret.size() < 16)
        return Status::invalidInput(
            fmt::format("the secret in {} is shorter than 16 characters", file.string()));
    return secret;
}

int boundedInt(TomlReader& r, const toml::table& t, std::string_view key, int fallback, int min, int max,
               std::string_view expected) {
    long long v = r.optionalInt(t, key, fallback, expected);
    if (v < min || v > max) {
        r.error(t.get(key), fmt::format("'{}' must be {} ({}..{}), found {}", key, expected, min, max, v));
        return fallback;
    }
    return static_cast<int>(v);
}

// [initiative] coaches = ["Fatima", {name = "Joost", email = "joost@example.org"}, ...]
std::vector<InitiativeCoach> initiativeCoaches(TomlReader& r, const toml::table& t) {
    constexpr std::string_view kExpected =
        "a list of first names or {name = \"...\", email = \"...\"} tables";
    std::vector<InitiativeCoach> out;
    const toml::node* n = t.get("coaches");
    if (n == nullptr) return out;
    const toml::array* a = n->as_array();
    if (a == nullptr) {
        r.error(n, fmt::format("'coaches' must be {}, found {}", kExpected, TomlReader::typeName(*n)));
        return out;
    }
    for (const toml::node& item : *a) {
        InitiativeCoach coach;
        if (auto name = item.value<std::string>()) {
            coach.name = *name;
        } else if (const toml::table* ct = item.as_table()) {
            coach.name = r.requireString(*ct, "name", "the coach's first name");
            coach.email = r.optionalString(*ct, "email", "", "an e-mail address");
            if (!coach.email.empty() && (coach.email.find('@') == std::string::npos ||
                                         coach.email.find_first_of(" \t\r\n") != std::string::npos))
                r.error(ct->get("email"), fmt::format("'{}' is no e-mail address", coach.email));
        } else {
            r.error(&item, fmt::format("each coach must be a first name or a table with name and email, "
                                       "found {}",
                                       TomlReader::typeName(item)));
            continue;
        }
        const bool oneLine = std::none_of(coach.name.begin(), coach.name.end(),
                                          [](char ch) { return static_cast<unsigned char>(ch) < 0x20; });
        if (coach.name.empty() || coach.name.size() > 64 || !oneLine) {
            r.error(&item, "a coach's name must be a first name of 1 to 64 bytes on one line");
            continue;
        }
        if (std::any_of(out.begin(), out.end(),
                        [&](const InitiativeCoach& o) { return o.name == coach.name; }))
            r.error(&item, fmt::format("coach '{}' is listed twice (names must differ: residents see them)",
                                       coach.name));
        out.push_back(std::move(coach));
    }
    return out;
}

bool isCodeOf(std::string_view s, size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) {
               return kCodeAlphabet.find(c) != std::string_view::npos;
           });
}

}  // namespace

Result<CentralConfig> loadCentralConfig(const fs::path& file) {
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    const toml::table& root = r.root();
    CentralConfig c;
    c.path = file.string();
    fs::path base = file.parent_path();

    // The request specs first: routing rules and retention days name their types.
    {
        const toml::node* at = nullptr;
        std::string dir;
        if (const toml::node* n = root.get("requests")) {
            if (const toml::table* t = n->as_table()) {
                at = t->get("spec_dir");
                dir = r.optionalString(*t, "spec_dir", "", "the folder of request specs");
            } else {
                r.error(n, "'requests' must be a table");
            }
        }
        if (dir.empty()) dir = WIJKPUNT_DEFAULT_SPEC_DIR;
        c.requests.specDir = resolve(base, dir);
        auto specs = loadRequestSpecs(c.requests.specDir);
        if (!specs)
            return Status::invalidInput(fmt::format("{}: the request specs do not load:\n{}",
                                                    toml_reader::position(c.path, at),
                                                    specs.status().message()));
        c.requests.specs = std::move(specs).value();
    }

    if (const toml::table* s = r.requireTable(root, "server", "a [server] table")) {
        c.server.address = r.optionalString(*s, "address", c.server.address, "an IP address to listen on");
        c.server.port = boundedInt(r, *s, "port", c.server.port, 0, 65535, "a TCP port");
        c.server.portFile = resolve(base, r.optionalString(*s, "port_file", "", "a file path"));
        c.server.publicPort = boundedInt(r, *s, "public_port", c.server.publicPort, 0, 65535, "a TCP port");
        c.server.publicPortFile = resolve(base, r.optionalString(*s, "public_port_file", "", "a file path"));
        c.server.threads = boundedInt(r, *s, "threads", c.server.threads, 2, 4096, "a thread count");
        c.server.ioThreads = boundedInt(r, *s, "io_threads", c.server.ioThreads, 1, 64, "a thread count");
        c.server.keepAliveMaxRequests = boundedInt(
            r, *s, "keep_alive_max_requests", c.server.keepAliveMaxRequests, 1, 10000000, "a request count");
        c.server.keepAliveTimeoutSeconds = boundedInt(r, *s, "keep_alive_timeout_seconds",
                                                      c.server.keepAliveTimeoutSeconds, 1, 3600, "seconds");
        c.server.readTimeoutSeconds =
            boundedInt(r, *s, "read_timeout_seconds", c.server.readTimeoutSeconds, 1, 600, "seconds");
        c.server.maxBodyBytes = static_cast<std::size_t>(boundedInt(r, *s, "max_body_bytes",
                                                                    static_cast<int>(c.server.maxBodyBytes),
                                                                    1024, 16 * 1024 * 1024, "bytes"));
        c.server.headTimeoutSeconds =
            boundedInt(r, *s, "head_timeout_seconds", c.server.headTimeoutSeconds, 1, 600, "seconds");
        c.server.handshakeTimeoutSeconds = boundedInt(r, *s, "handshake_timeout_seconds",
                                                      c.server.handshakeTimeoutSeconds, 1, 600, "seconds");
        c.server.maxHeaderBytes = static_cast<std::size_t>(
            boundedInt(r, *s, "max_header_bytes", static_cast<int>(c.server.maxHeaderBytes), 1024,
                       1024 * 1024, "bytes"));
        c.server.maxConnectionsPerSource = boundedInt(r, *s, "max_connections_per_source",
                                                      c.server.maxConnectionsPerSource, 1, 100000, "a count");
        c.server.maxConnections =
            boundedInt(r, *s, "max_connections", c.server.maxConnections, 1, 1000000, "a count");
        c.server.maxBatch = boundedInt(r, *s, "max_batch", c.server.maxBatch, 1, 10000, "a request count");
        c.database = resolve(base, r.requireString(*s, "database", "the SQLite database file"));
    }
    if (const toml::table* t = r.requireTable(root, "tls", "a [tls] table")) {
        c.tls.certificate = resolve(base, r.requireString(*t, "certificate", "the server certificate (PEM)"));
        c.tls.key = resolve(base, r.requireString(*t, "key", "the server's private key (PEM)"));
        c.tls.clientCa =
            resolve(base, r.requireString(*t, "client_ca", "the CA of kiosk certificates (PEM)"));
        c.tls.revokedSubjects = stringList(r, *t, "revoked_subjects", "a list of certificate subjects");
        c.tls.revokedSerials = stringList(r, *t, "revoked_serials", "a list of hex serial numbers");
        for (auto& s : c.tls.revokedSerials)
            std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::toupper(ch); });
    }
    if (const toml::node* n = root.get("kiosk")) {
        const toml::array* list = n->as_array();
        if (list == nullptr) r.error(n, "'kiosk' must be a list of [[kiosk]] tables");
        for (size_t i = 0; list != nullptr && i < list->size(); ++i) {
            const toml::table* k = list->get(i)->as_table();
            if (k == nullptr) {
                r.error(list->get(i), "each [[kiosk]] must be a table");
                continue;
            }
            KioskIdentity id;
            id.subject = r.requireString(*k, "subject",
                                         "the client certificate's subject, e.g. \"CN=kiosk-K2,O=Wijkpunt\"");
            id.kioskCode = r.requireString(*k, "code", "the kiosk's two-character code");
            id.contactPoint = r.requireString(*k, "contact_point", "the contact point's three letters");
            if (!id.kioskCode.empty() && !isCodeOf(id.kioskCode, 2))
                r.error(k->get("code"), fmt::format("kiosk code '{}' must be two characters from {}",
                                                    id.kioskCode, kCodeAlphabet));
            if (!id.contactPoint.empty() && !isCodeOf(id.contactPoint, 3))
                r.error(k->get("contact_point"),
                        fmt::format("contact point '{}' must be three characters from {}", id.contactPoint,
                                    kCodeAlphabet));
            for (const auto& other : c.kiosks)
                if (other.subject == id.subject ||
                    (other.kioskCode == id.kioskCode && other.contactPoint == id.contactPoint))
                    r.error(k, fmt::format("kiosk '{}' ({}) is listed twice", id.kioskCode, id.subject));
            c.kiosks.push_back(std::move(id));
        }
    }
    if (const toml::node* n = root.get("lookup")) {
        if (const toml::table* t = n->as_table()) {
            auto& l = c.lookup;
            l.perMinute = boundedInt(r, *t, "per_minute", l.perMinute, 1, 100000, "lookups a minute");
            l.perPrefixPerMinute = boundedInt(r, *t, "per_prefix_per_minute", l.perPrefixPerMinute, 1,
                                              1000000, "lookups a minute");
            l.globalPerMinute =
                boundedInt(r, *t, "global_per_minute", l.globalPerMinute, 1, 10000000, "lookups a minute");
            l.missesPerHour =
                boundedInt(r, *t, "misses_per_hour", l.missesPerHour, 1, 100000, "misses an hour");
            l.prefixMissesPerHour = boundedInt(r, *t, "prefix_misses_per_hour", l.prefixMissesPerHour, 1,
                                               1000000, "misses an hour");
            l.globalMissesPerHour = boundedInt(r, *t, "global_misses_per_hour", l.globalMissesPerHour, 1,
                                               10000000, "misses an hour");
            l.alertMissesPerHour = boundedInt(r, *t, "alert_misses_per_hour", l.alertMissesPerHour, 1,
                                              10000000, "misses an hour");
        } else {
            r.error(n, "'lookup' must be a table");
        }
    }
    if (const toml::node* n = root.get("tokens")) {
        if (const toml::table* t = n->as_table())
            c.tokens.defaultExpiryDays =
                boundedInt(r, *t, "default_expiry_days", c.tokens.defaultExpiryDays, 0, 36500, "days");
        else
            r.error(n, "'tokens' must be a table");
    }
    if (const toml::node* n = root.get("revocation")) {
        if (const toml::table* t = n->as_table())
            c.revocation.cacheMs =
                boundedInt(r, *t, "cache_ms", c.revocation.cacheMs, 0, 60000, "milliseconds");
        else
            r.error(n, "'revocation' must be a table");
    }
    if (const toml::node* n = root.get("enrollment")) {
        if (const toml::table* t = n->as_table()) {
            auto& e = c.enrollment;
            e.caKey = resolve(base, r.optionalString(*t, "ca_key", "", "the kiosk CA's private key (PEM)"));
            if (!e.caKey.empty())
                if (Status s = checkPrivateFile(e.caKey); s.code() == Status::Code::InvalidInput)
                    r.error(t->get("ca_key"), s.message());
            e.certificateDays = boundedInt(r, *t, "certificate_days", e.certificateDays, 1, 3650, "days");
            e.renewBeforeDays = boundedInt(r, *t, "renew_before_days", e.renewBeforeDays, 0, 3650, "days");
            e.tokenHours = boundedInt(r, *t, "token_hours", e.tokenHours, 1, 24 * 365, "hours");
            e.perSourcePerMinute = boundedInt(r, *t, "per_source_per_minute", e.perSourcePerMinute, 1, 100000,
                                              "enrollments a minute");
        } else {
            r.error(n, "'enrollment' must be a table");
        }
    }
    if (const toml::node* n = root.get("fleet")) {
        if (const toml::table* t = n->as_table()) {
            auto& f = c.fleet;
            f.heartbeatSeconds =
                boundedInt(r, *t, "heartbeat_seconds", f.heartbeatSeconds, 5, 3600, "seconds");
            f.missingAfter = boundedInt(r, *t, "missing_after", f.missingAfter, 1, 1000, "heartbeats");
            f.stuckOutboxMinutes =
                boundedInt(r, *t, "stuck_outbox_minutes", f.stuckOutboxMinutes, 1, 7 * 24 * 60, "minutes");
        } else {
            r.error(n, "'fleet' must be a table");
        }
    }
    if (const toml::node* n = root.get("dashboard")) {
        if (const toml::table* t = n->as_table())
            c.dashboard.responseTargetHours = boundedInt(
                r, *t, "response_target_hours", c.dashboard.responseTargetHours, 1, 24 * 60, "hours");
        else
            r.error(n, "'dashboard' must be a table");
    }
    if (const toml::node* n = root.get("appointments")) {
        if (const toml::table* t = n->as_table()) {
            auto& a = c.appointments;
            a.minLeadMinutes =
                boundedInt(r, *t, "min_lead_minutes", a.minLeadMinutes, 0, 7 * 24 * 60, "minutes");
            a.horizonDays = boundedInt(r, *t, "horizon_days", a.horizonDays, 1, 366, "days");
            a.reminderHour = boundedInt(r, *t, "reminder_hour", a.reminderHour, 0, 23, "an hour of the day");
            a.wrongCodesPerKiosk =
                boundedInt(r, *t, "wrong_codes_per_kiosk", a.wrongCodesPerKiosk, 1, 100000, "a count");
            a.wrongCodesPerKioskMinutes = boundedInt(r, *t, "wrong_codes_per_kiosk_minutes",
                                                     a.wrongCodesPerKioskMinutes, 1, 10080, "minutes");
            a.wrongCodesPerSource =
                boundedInt(r, *t, "wrong_codes_per_source", a.wrongCodesPerSource, 1, 100000, "a count");
            a.wrongCodesPerSourceMinutes = boundedInt(r, *t, "wrong_codes_per_source_minutes",
                                                      a.wrongCodesPerSourceMinutes, 1, 10080, "minutes");
            a.wipeAfterDays = boundedInt(r, *t, "wipe_after_days", a.wipeAfterDays, 0, 3650, "days");
        } else {
            r.error(n, "'appointments' must be a table");
        }
    }
    if (const toml::node* n = root.get("routing")) {
        const toml::table* t = n->as_table();
        if (t == nullptr) r.error(n, "'routing' must be a table");
        if (t != nullptr) {
            c.routing.defaultTeam = r.optionalString(*t, "default_team", c.routing.defaultTeam, "a team");
            if (!isTeam(c.routing.defaultTeam))
                r.error(t->get("default_team"), fmt::format("'{}' is no team (huurloket, wijkteam, gemeente, "
                                                            "initiatief, wijkmanager)",
                                                            c.routing.defaultTeam));
            if (const toml::node* rn = t->get("rule")) {
                const toml::array* rules = rn->as_array();
                if (rules == nullptr) r.error(rn, "'routing.rule' must be a list of [[routing.rule]] tables");
                for (size_t i = 0; rules != nullptr && i < rules->size(); ++i) {
                    const toml::table* rt = rules->get(i)->as_table();
                    if (rt == nullptr) {
                        r.error(rules->get(i), "each [[routing.rule]] must be a table");
                        continue;
                    }
                    RoutingRule rule;
                    rule.type = r.requireString(*rt, "type", "a request type or \"*\"");
                    rule.category = r.optionalString(*rt, "category", "*", "a category, \"\" or \"*\"");
                    rule.team = r.requireString(*rt, "team", "a team");
                    if (!rule.type.empty() && rule.type != "*" && !c.requests.specs.latest(rule.type))
                        r.error(rt->get("type"), fmt::format("'{}' is no request type", rule.type));
                    if (!rule.team.empty() && !isTeam(rule.team))
                        r.error(rt->get("team"), fmt::format("'{}' is no team", rule.team));
                    c.routing.rules.push_back(std::move(rule));
                }
            }
        }
    }
    if (const toml::node* n = root.get("notify")) {
        const toml::table* t = n->as_table();
        if (t == nullptr) r.error(n, "'notify' must be a table of teams");
        for (auto it = t ? t->begin() : toml::table::const_iterator{}; t != nullptr && it != t->end(); ++it) {
            std::string team(it->first.str());
            const toml::table* tt = it->second.as_table();
            if (!isTeam(team)) r.error(&it->second, fmt::format("[notify.{}]: '{}' is no team", team, team));
            if (tt == nullptr) continue;
            TeamNotifications tn;
            tn.webhookUrl = r.optionalString(*tt, "webhook", "", "an https:// URL");
            if (!tn.webhookUrl.empty() && tn.webhookUrl.rfind("https://", 0) != 0)
                r.error(tt->get("webhook"), "webhooks must be https:// URLs");
            tn.emails = stringList(r, *tt, "email", "a list of e-mail addresses");
            c.notifications[team] = std::move(tn);
        }
    }
    if (const toml::node* n = root.get("webhook")) {
        if (const toml::table* t = n->as_table()) {
            c.webhook.caFile = resolve(base, r.optionalString(*t, "ca_file", "", "a CA file (PEM)"));
            c.webhook.timeoutSeconds =
                boundedInt(r, *t, "timeout_seconds", c.webhook.timeoutSeconds, 1, 600, "seconds");
            const toml::node* secretKey = t->get("secret_file");
            c.webhook.secretFile =
                resolve(base, r.optionalString(*t, "secret_file", "", "a file holding the signing secret"));
            if (!c.webhook.secretFile.empty()) {
                auto secret = readWebhookSecret(c.webhook.secretFile);
                if (secret)
                    c.webhook.secret = std::move(secret).value();
                else
                    r.error(secretKey, secret.status().message());
            }
        }
    }
    for (const auto& [team, tn] : c.notifications)
        if (!tn.webhookUrl.empty() && c.webhook.secret.empty()) {
            r.error(root.get("notify"),
                    fmt::format("[notify.{}] has a webhook, so [webhook] secret_file must name the file with "
                                "the secret every webhook is signed with",
                                team));
            break;
        }
    if (const toml::node* n = root.get("smtp")) {
        if (const toml::table* t = n->as_table()) {
            c.smtp.url = r.requireString(*t, "url", "an smtp:// or smtps:// URL");
            c.smtp.from = r.optionalString(*t, "from", c.smtp.from, "an e-mail address");
            c.smtp.username = r.optionalString(*t, "username", "", "a user name");
            if (const toml::node* plain = t->get("password"))
                r.error(plain,
                        "'password' is not read from the config: put the password in a file only the "
                        "server's user can read and name it in 'password_file'");
            c.smtp.passwordFile =
                resolve(base, r.optionalString(*t, "password_file", "", "a file holding the password"));
            if (!c.smtp.passwordFile.empty()) {
                auto secret = readSecretFile(c.smtp.passwordFile);
                if (secret)
                    c.smtp.password = std::move(secret).value();
                else
                    r.error(t->get("password_file"), secret.status().message());
            }
            c.smtp.requireTls = r.optionalBool(*t, "require_tls", c.smtp.requireTls, "true or false");
        }
    }
    if (const toml::node* n = root.get("retention")) {
        if (const toml::table* t = n->as_table()) {
            for (auto it = t->begin(); it != t->end(); ++it) {
                std::string key(it->first.str());
                if (key == "default_days") {
                    c.retention.defaultDays =
                        boundedInt(r, *t, key, c.retention.defaultDays, 0, 36500, "days");
                } else if (key == "delete_after_wipe_days") {
                    c.retention.deleteAfterWipeDays =
                        boundedInt(r, *t, key, c.retention.deleteAfterWipeDays, 0, 36500, "days");
                } else if (key == "check_interval_ms") {
                    c.retention.checkIntervalMs =
                        boundedInt(r, *t, key, c.retention.checkIntervalMs, 10, 3600000, "milliseconds");
                } else if (c.requests.specs.latest(key)) {
                    c.retention.daysByType[key] = boundedInt(r, *t, key, 0, 0, 36500, "days");
                } else {
                    r.error(&it->second,
                            fmt::format("'{}' is no request type (retention days are per type)", key));
                }
            }
        }
    }
    c.backup.folder = base / "backups";
    if (const toml::node* n = root.get("backup")) {
        if (const toml::table* t = n->as_table()) {
            c.backup.recipientPublicKey = resolve(
                base,
                r.optionalString(*t, "recipient_public_key", "", "the public key backups are encrypted to"));
            std::string folder = r.optionalString(*t, "folder", "", "the folder of backups");
            if (!folder.empty()) c.backup.folder = resolve(base, folder);
            c.backup.keepDays = boundedInt(r, *t, "keep_days", c.backup.keepDays, 1, 36500, "days");
        } else {
            r.error(n, "'backup' must be a table");
        }
    }
    // The server's TLS key: refused when group or others may read it (a missing one is the TLS setup's to
    // report).
    if (const toml::node* n = root.get("tls"); n != nullptr && n->as_table() != nullptr && !c.tls.key.empty())
        if (Status s = checkPrivateFile(c.tls.key); s.code() == Status::Code::InvalidInput)
            r.error(n->as_table()->get("key"), s.message());
    const toml::node* contentKey = nullptr;
    if (const toml::node* n = root.get("public_pages")) {
        if (const toml::table* t = n->as_table()) {
            contentKey = t->get("content_dir");
            c.publicPages.contentDir =
                resolve(base, r.optionalString(*t, "content_dir", "", "the bundle's content folder"));
            c.publicPages.defaultMinutesPerPerson =
                boundedInt(r, *t, "default_minutes_per_person", c.publicPages.defaultMinutesPerPerson, 1, 240,
                           "minutes");
            c.publicPages.queuePagesPerMinute =
                boundedInt(r, *t, "queue_pages_per_minute", c.publicPages.queuePagesPerMinute, 1, 100000,
                           "pages a minute");
            c.publicPages.themeFile =
                resolve(base, r.optionalString(*t, "theme", "", "a theme file (themes/*.toml)"));
            if (!c.publicPages.themeFile.empty()) {
                auto theme = loadTheme(c.publicPages.themeFile);
                if (theme)
                    c.publicPages.theme = std::move(theme).value();
                else
                    r.error(t->get("theme"), fmt::format("the theme of the public pages does not load:\n{}",
                                                         theme.status().message()));
            }
            if (!c.publicPages.contentDir.empty() &&
                !fs::is_regular_file(c.publicPages.contentDir / "content.toml"))
                r.error(contentKey, fmt::format("'content_dir' must be the bundle's content folder (with "
                                                "content.toml and texts/); {} has no content.toml",
                                                c.publicPages.contentDir.string()));
        } else {
            r.error(n, "'public_pages' must be a table");
        }
    }
    if (const toml::node* n = root.get("initiative")) {
        if (const toml::table* t = n->as_table()) {
            c.initiative.contactWithinWorkingDays =
                boundedInt(r, *t, "contact_within_working_days", c.initiative.contactWithinWorkingDays, 1, 60,
                           "working days");
            c.initiative.coaches = initiativeCoaches(r, *t);
        } else {
            r.error(n, "'initiative' must be a table");
        }
    }
    if (const toml::node* n = root.get("backoffice")) {
        if (const toml::table* t = n->as_table()) {
            auto& b = c.backOffice;
            b.publicUrl = r.optionalString(*t, "public_url", "", "an https:// address without a path");
            if (!b.publicUrl.empty() &&
                (b.publicUrl.rfind("https://", 0) != 0 || b.publicUrl.find('/', 8) != std::string::npos))
                r.error(t->get("public_url"), "'public_url' must be an https:// address without a path");
            b.municipality = r.optionalString(*t, "municipality", "", "a name");
            b.setupLinkHours = boundedInt(r, *t, "setup_link_hours", b.setupLinkHours, 1, 24 * 30, "hours");
            b.sessionIdleMinutes =
                boundedInt(r, *t, "session_idle_minutes", b.sessionIdleMinutes, 1, 24 * 60, "minutes");
            b.sessionAbsoluteHours =
                boundedInt(r, *t, "session_absolute_hours", b.sessionAbsoluteHours, 1, 24 * 7, "hours");
            b.accountFailures = boundedInt(r, *t, "account_failures", b.accountFailures, 1, 1000, "failures");
            b.sourceFailures = boundedInt(r, *t, "source_failures", b.sourceFailures, 1, 100000, "failures");
            b.failureWindowMinutes =
                boundedInt(r, *t, "failure_window_minutes", b.failureWindowMinutes, 1, 24 * 60, "minutes");
            b.lockMinutes = boundedInt(r, *t, "lock_minutes", b.lockMinutes, 1, 24 * 60, "minutes");
            b.defaultContactWorkingDays = boundedInt(r, *t, "default_contact_working_days",
                                                     b.defaultContactWorkingDays, 1, 60, "working days");
        } else {
            r.error(n, "'backoffice' must be a table");
        }
    }
    if (const toml::node* n = root.get("testing")) {
        if (const toml::table* t = n->as_table()) {
            c.testing.clockFile = resolve(base, r.optionalString(*t, "clock_file", "", "a clock file"));
            c.testing.failFirstIntakes =
                boundedInt(r, *t, "fail_first_intakes", 0, 0, 1000000, "a request count");
        }
    }
    if (Status s = r.status(); !s) return s;

    // The public pages' texts and services, with the bundle's own loaders and their file:line:col errors.
    if (!c.publicPages.contentDir.empty()) {
        const fs::path& dir = c.publicPages.contentDir;
        std::string where = toml_reader::position(c.path, contentKey);
        auto content = loadContent(dir);
        if (!content)
            return Status::invalidInput(
                fmt::format("{}: the content folder of the public pages does not load:\n{}", where,
                            content.status().message()));
        auto services = loadContentServices(dir, content.value());
        if (!services)
            return Status::invalidInput(fmt::format("{}: the services of the public pages do not load:\n{}",
                                                    where, services.status().message()));
        std::string missing;
        for (const auto& [code, lt] : content->texts)
            for (const std::string& key : publicPageTextKeys())
                if (!lt.texts.contains(key))
                    missing +=
                        fmt::format("\n{}: missing text '{}' (the public pages need it)", lt.file, key);
        if (!missing.empty())
            return Status::invalidInput(
                fmt::format("{}: the content folder lacks texts of the public pages:{}", where, missing));
        c.publicPages.content = std::move(content).value();
        c.publicPages.services = std::move(services).value();
    }
    return c;
}

const std::vector<std::string>& publicPageTextKeys() {
    static const std::vector<std::string> keys = {
        "language.name",
        "phone_queue.title",
        "phone_queue.your_number",
        "phone_queue.people_before",
        "phone_queue.next",
        "phone_queue.wait",
        "phone_queue.called",
        "phone_queue.called_title",
        "phone_queue.serving",
        "phone_queue.parked",
        "phone_queue.done",
        "phone_queue.gone",
        "phone_queue.stale",
        "phone_queue.stale_never",
        "phone_queue.updated",
        "phone_queue.refresh",
        "phone_queue.auto_refresh_off",
        "phone_queue.auto_refresh_on",
        "phone_queue.not_found_title",
        "phone_queue.not_found",
        "phone_queue.busy",
        "phone_queue.unavailable",
        "phone_status.title",
        "phone_status.your_code",
        "phone_status.received",
        "phone_status.in_progress",
        "phone_status.answered",
        "phone_status.closed",
        "phone_status.note",
        "phone_status.updated",
        "phone_status.coach",
        "phone_status.not_found_title",
        "phone_status.not_found",
        "phone_status.invalid_title",
        "phone_status.invalid",
        "phone_status.busy",
        "phone_status.unavailable",
    };
    return keys;
}

}  // namespace wp
