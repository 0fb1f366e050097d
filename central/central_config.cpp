#include "central/central_config.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/bundle.h"
#include "common/toml_reader.h"

namespace wp {

using toml_reader::TomlReader;
namespace fs = std::filesystem;

bool isTeam(std::string_view s) {
    return std::find(std::begin(kTeams), std::end(kTeams), s) != std::end(kTeams);
}

int CentralConfig::retentionDays(RequestType t) const {
    auto it = retention.daysByType.find(std::string(toString(t)));
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

int boundedInt(TomlReader& r, const toml::table& t, std::string_view key, int fallback, int min, int max,
               std::string_view expected) {
    long long v = r.optionalInt(t, key, fallback, expected);
    if (v < min || v > max) {
        r.error(t.get(key), fmt::format("'{}' must be {} ({}..{}), found {}", key, expected, min, max, v));
        return fallback;
    }
    return static_cast<int>(v);
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

    if (const toml::table* s = r.requireTable(root, "server", "a [server] table")) {
        c.server.address = r.optionalString(*s, "address", c.server.address, "an IP address to listen on");
        c.server.port = boundedInt(r, *s, "port", c.server.port, 0, 65535, "a TCP port");
        c.server.portFile = resolve(base, r.optionalString(*s, "port_file", "", "a file path"));
        c.server.threads = boundedInt(r, *s, "threads", c.server.threads, 2, 4096, "a thread count");
        c.server.keepAliveMaxRequests = boundedInt(
            r, *s, "keep_alive_max_requests", c.server.keepAliveMaxRequests, 1, 10000000, "a request count");
        c.server.keepAliveTimeoutSeconds = boundedInt(r, *s, "keep_alive_timeout_seconds",
                                                      c.server.keepAliveTimeoutSeconds, 1, 3600, "seconds");
        c.server.readTimeoutSeconds =
            boundedInt(r, *s, "read_timeout_seconds", c.server.readTimeoutSeconds, 1, 600, "seconds");
        c.server.maxBodyBytes = static_cast<std::size_t>(boundedInt(r, *s, "max_body_bytes",
                                                                    static_cast<int>(c.server.maxBodyBytes),
                                                                    1024, 16 * 1024 * 1024, "bytes"));
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
                if (other.subject == id.subject || other.kioskCode == id.kioskCode)
                    r.error(k, fmt::format("kiosk '{}' ({}) is listed twice", id.kioskCode, id.subject));
            c.kiosks.push_back(std::move(id));
        }
    }
    if (const toml::node* n = root.get("lookup")) {
        if (const toml::table* t = n->as_table())
            c.lookup.perMinute =
                boundedInt(r, *t, "per_minute", c.lookup.perMinute, 1, 100000, "lookups a minute");
        else
            r.error(n, "'lookup' must be a table");
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
                    if (!rule.type.empty() && rule.type != "*" && !requestTypeFromString(rule.type))
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
        }
    }
    if (const toml::node* n = root.get("smtp")) {
        if (const toml::table* t = n->as_table()) {
            c.smtp.url = r.requireString(*t, "url", "an smtp:// or smtps:// URL");
            c.smtp.from = r.optionalString(*t, "from", c.smtp.from, "an e-mail address");
            c.smtp.username = r.optionalString(*t, "username", "", "a user name");
            c.smtp.password = r.optionalString(*t, "password", "", "a password");
            c.smtp.requireTls = r.optionalBool(*t, "require_tls", false, "true or false");
        }
    }
    if (const toml::node* n = root.get("retention")) {
        if (const toml::table* t = n->as_table()) {
            for (auto it = t->begin(); it != t->end(); ++it) {
                std::string key(it->first.str());
                if (key == "default_days") {
                    c.retention.defaultDays =
                        boundedInt(r, *t, key, c.retention.defaultDays, 0, 36500, "days");
                } else if (key == "check_interval_ms") {
                    c.retention.checkIntervalMs =
                        boundedInt(r, *t, key, c.retention.checkIntervalMs, 10, 3600000, "milliseconds");
                } else if (requestTypeFromString(key)) {
                    c.retention.daysByType[key] = boundedInt(r, *t, key, 0, 0, 36500, "days");
                } else {
                    r.error(&it->second,
                            fmt::format("'{}' is no request type (retention days are per type)", key));
                }
            }
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
    return c;
}

}  // namespace wp
