// loadSettings: the kiosk's settings file (common/bundle.h Settings), every key checked with its
// file:line:col.
#include <fmt/format.h>

#include "common/bundle.h"
#include "common/toml_reader.h"

namespace wp {

using toml_reader::TomlReader;
namespace fs = std::filesystem;

Result<Settings> loadSettings(const fs::path& file) {
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    const toml::table& root = r.root();
    Settings s;
    s.path = file.string();

    if (const toml::table* cp = r.requireTable(root, "contact_point", "a [contact_point] table")) {
        s.contactPoint.name = r.requireString(*cp, "name", "the contact point's name as residents know it");
        s.contactPoint.letters = r.requireString(*cp, "letters", "three capital letters for reference codes");
        if (!s.contactPoint.letters.empty() && !isCode(s.contactPoint.letters, 3))
            r.error(cp->get("letters"), fmt::format("letters '{}' must be three characters from {}",
                                                    s.contactPoint.letters, kCodeAlphabet));
    }
    // An enrolling kiosk gets its code from the central server, so [kiosk] code is optional there.
    const toml::table* centralTable = root.get_as<toml::table>("central");
    const bool enrolls = centralTable != nullptr && centralTable->contains("enroll_url");
    if (const toml::table* k = r.requireTable(root, "kiosk", "a [kiosk] table")) {
        s.kioskCode = enrolls ? r.optionalString(*k, "code", "", "the kiosk's two-character code")
                              : r.requireString(*k, "code", "the kiosk's two-character code");
        if (!s.kioskCode.empty() && !isCode(s.kioskCode, 2))
            r.error(k->get("code"), fmt::format("kiosk code '{}' must be two characters from {}", s.kioskCode,
                                                kCodeAlphabet));
    }
    // The three screens a contact point may have, one table each with the same keys.
    auto readScreen = [&r, &root](const char* name, Settings::Screen& screen) {
        const toml::node* n = root.get(name);
        if (n == nullptr) return;
        const toml::table* sc = n->as_table();
        if (sc == nullptr) {
            r.error(n, fmt::format("'{}' must be a table", name));
            return;
        }
        screen.widthPx = static_cast<int>(r.optionalInt(*sc, "width_px", screen.widthPx, "pixels"));
        screen.heightPx = static_cast<int>(r.optionalInt(*sc, "height_px", screen.heightPx, "pixels"));
        screen.mmPerPx = r.optionalNumber(*sc, "mm_per_px", screen.mmPerPx, "millimetres per pixel");
        std::string renderer =
            r.optionalString(*sc, "renderer", "software", "\"software\" or \"accelerated\"");
        if (renderer != "software" && renderer != "accelerated")
            r.error(sc->get("renderer"), "renderer must be \"software\" or \"accelerated\"");
        screen.acceleratedRenderer = renderer == "accelerated";
        if (screen.widthPx < 320 || screen.heightPx < 320)
            r.error(sc, "screen must be at least 320x320 pixels");
        if (screen.mmPerPx <= 0.05 || screen.mmPerPx > 2)
            r.error(sc->get("mm_per_px"), "mm_per_px must be between 0.05 and 2");
    };
    readScreen("screen", s.screen);
    readScreen("host_screen", s.hostScreen);
    readScreen("display_screen", s.displayScreen);
    if (const toml::node* n = root.get("session")) {
        if (const toml::table* se = n->as_table()) {
            s.session.defaultLanguage = r.optionalString(*se, "default_language", s.session.defaultLanguage,
                                                         "a language code like \"nl\"");
            s.session.idleTimeoutSeconds = static_cast<int>(
                r.optionalInt(*se, "idle_timeout_s", s.session.idleTimeoutSeconds, "seconds"));
            s.session.idleWarningSeconds = static_cast<int>(
                r.optionalInt(*se, "idle_warning_s", s.session.idleWarningSeconds, "seconds"));
            if (s.session.idleWarningSeconds < 20)
                r.error(se->get("idle_warning_s"),
                        "idle_warning_s must be at least 20 (residents need time to react)");
            if (s.session.idleTimeoutSeconds <= s.session.idleWarningSeconds)
                r.error(se->get("idle_timeout_s"), "idle_timeout_s must be longer than idle_warning_s");
        } else {
            r.error(n, "'session' must be a table");
        }
    }
    if (const toml::node* n = root.get("theme")) {
        if (const toml::table* th = n->as_table()) {
            s.theme = r.optionalString(*th, "default", s.theme, "a theme name from the themes folder");
            s.highContrastTheme = r.optionalString(*th, "high_contrast", s.highContrastTheme,
                                                   "a theme name from the themes folder");
            s.hostTheme = r.optionalString(*th, "host", "", "a theme name from the themes folder");
        } else {
            r.error(n, "'theme' must be a table");
        }
    }
    if (const toml::node* n = root.get("printer")) {
        if (const toml::table* pr = n->as_table()) {
            s.printer.way = r.optionalString(*pr, "way", s.printer.way, "\"pdf\", \"escpos\" or \"none\"");
            if (s.printer.way != "pdf" && s.printer.way != "escpos" && s.printer.way != "none")
                r.error(pr->get("way"), "way must be \"pdf\", \"escpos\" or \"none\"");
            s.printer.queue = r.optionalString(*pr, "queue", "", "the CUPS queue name");
            s.printer.server = r.optionalString(*pr, "server", "", "a CUPS server or socket path");
            if (s.printer.way != "none" && s.printer.queue.empty())
                r.error(pr, "a printer with way \"pdf\" or \"escpos\" needs a queue");
        } else {
            r.error(n, "'printer' must be a table");
        }
    }
    if (const toml::node* n = root.get("central")) {
        if (const toml::table* ce = n->as_table()) {
            s.central.publicUrl = r.optionalString(*ce, "public_url", "", "an https:// address");
            if (!s.central.publicUrl.empty() && s.central.publicUrl.rfind("https://", 0) != 0)
                r.error(ce->get("public_url"), "public_url must start with https://");
            while (!s.central.publicUrl.empty() && s.central.publicUrl.back() == '/')
                s.central.publicUrl.pop_back();
            s.central.apiUrl = r.optionalString(*ce, "api_url", "", "an https:// address");
            if (!s.central.apiUrl.empty() && s.central.apiUrl.rfind("https://", 0) != 0)
                r.error(ce->get("api_url"),
                        "api_url must start with https:// (the kiosk never sends over plain HTTP)");
            while (!s.central.apiUrl.empty() && s.central.apiUrl.back() == '/') s.central.apiUrl.pop_back();
            auto path = [&](const char* key, std::string_view what) {
                std::string v = r.optionalString(*ce, key, "", what);
                return v.empty() ? fs::path() : resolveAgainst(file, v);
            };
            s.central.caFile = path("ca_file", "a PEM file with the CA of the central server");
            s.central.clientCertificate = path("client_certificate", "this kiosk's PEM certificate");
            s.central.clientKey = path("client_key", "this kiosk's PEM private key");
            s.central.pinnedPublicKey = r.optionalString(*ce, "pinned_public_key", "", "\"sha256//BASE64\"");
            s.central.initiativeContactDays = static_cast<int>(r.optionalInt(
                *ce, "initiative_contact_days", s.central.initiativeContactDays, "working days (1..60)"));
            if (s.central.initiativeContactDays < 1 || s.central.initiativeContactDays > 60)
                r.error(ce->get("initiative_contact_days"),
                        "initiative_contact_days must be between 1 and 60");
            if (!s.central.apiUrl.empty() && s.central.caFile.empty())
                r.error(ce, "api_url needs ca_file: the server's certificate is always verified");
            s.central.enrollUrl = r.optionalString(*ce, "enroll_url", "", "an https:// address");
            if (!s.central.enrollUrl.empty() && s.central.enrollUrl.rfind("https://", 0) != 0)
                r.error(ce->get("enroll_url"), "enroll_url must start with https://");
            while (!s.central.enrollUrl.empty() && s.central.enrollUrl.back() == '/')
                s.central.enrollUrl.pop_back();
            s.central.enrollTokenFile =
                path("enroll_token_file", "a file with the one-time enrollment token");
            if (!s.central.enrollUrl.empty() && (s.central.apiUrl.empty() || s.central.caFile.empty()))
                r.error(ce, "enroll_url needs api_url and ca_file: an enrolled kiosk talks to the server");
            if (!s.central.enrollUrl.empty() && s.central.clientCertificate.empty() &&
                s.central.clientKey.empty())
                s.central.identityDefaulted = true;
        } else {
            r.error(n, "'central' must be a table");
        }
    }
    if (const toml::node* n = root.get("host")) {
        if (const toml::table* h = n->as_table()) {
            s.host.counter =
                r.optionalString(*h, "counter", s.host.counter, "the counter's name, like \"Balie 1\"");
            s.host.lockAfterMinutes = static_cast<int>(
                r.optionalInt(*h, "lock_after_minutes", s.host.lockAfterMinutes, "minutes (0: never)"));
            if (s.host.counter.empty()) r.error(h->get("counter"), "counter must not be empty");
            if (s.host.lockAfterMinutes < 0 || s.host.lockAfterMinutes > 240)
                r.error(h->get("lock_after_minutes"), "lock_after_minutes must be between 0 and 240");
        } else {
            r.error(n, "'host' must be a table");
        }
    }
    if (const toml::node* n = root.get("fleet")) {
        if (const toml::table* f = n->as_table()) {
            s.fleet.heartbeatSeconds = static_cast<int>(
                r.optionalInt(*f, "heartbeat_s", s.fleet.heartbeatSeconds, "seconds between heartbeats"));
            if (s.fleet.heartbeatSeconds < 1 || s.fleet.heartbeatSeconds > 3600)
                r.error(f->get("heartbeat_s"), "heartbeat_s must be between 1 and 3600");
        } else {
            r.error(n, "'fleet' must be a table");
        }
    }
    std::string dataDir = "/var/lib/wijkpunt";
    if (const toml::table* k = root.get_as<toml::table>("kiosk"))
        dataDir = r.optionalString(*k, "data_dir", dataDir, "a folder for the kiosk's database");
    s.dataDir = resolveAgainst(file, dataDir);
    std::string content = "content", themes = "themes";
    if (const toml::node* n = root.get("bundle")) {
        if (const toml::table* b = n->as_table()) {
            content = r.optionalString(*b, "content", content, "a folder, relative to this file");
            themes = r.optionalString(*b, "themes", themes, "a folder, relative to this file");
        } else {
            r.error(n, "'bundle' must be a table");
        }
    }
    s.contentDir = resolveAgainst(file, content);
    s.themesDir = resolveAgainst(file, themes);
    defaultIdentityPaths(s);
    if (!r.ok()) return r.status();
    return s;
}

fs::path identityDir(const Settings& settings) {
    return settings.dataDir / "identity";
}

void defaultIdentityPaths(Settings& settings) {
    if (!settings.central.identityDefaulted) return;
    settings.central.clientCertificate = identityDir(settings) / "kiosk.crt";
    settings.central.clientKey = identityDir(settings) / "kiosk.key";
}

}  // namespace wp
