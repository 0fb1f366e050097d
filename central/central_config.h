// CentralConfig: the central server's settings file (`wijkpunt-central --config FILE`), a TOML file that
// people edit. Every problem is reported as "file:line:col: what was expected", all of them at once.
//
// Relative paths in the file (certificates, database) are resolved against the file's folder.
// Plain data after loading; no locking needed. See central/central.example.toml for every key.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "central/store/coach_assignment.h"
#include "central/store/routing_table.h"
#include "common/bundle.h"
#include "common/request.h"
#include "common/services.h"
#include "common/status.h"

namespace wp {

// A kiosk as the server knows it: from the config's [[kiosk]] list or enrolled (FleetStore). Its kiosk code
// is unique within its contact point.
struct KioskIdentity {
    std::string subject;       // client-certificate subject, RFC 2253: "CN=kiosk-K2,O=Wijkpunt"
    std::string kioskCode;     // "K2"
    std::string contactPoint;  // reference-code letters of its contact point: "SGN"
};

struct CentralConfig {
    std::string path;  // the file it came from

    struct Server {
        std::string address = "127.0.0.1";
        // The kiosk listener (client certificate required); 0: any free port (reported on stdout and in
        // portFile).
        int port = 8443;
        std::filesystem::path portFile;  // optional: the bound port is written here once listening
        // The public listener (phones, the back office; no client certificate); 0: any free port.
        int publicPort = 8444;
        std::filesystem::path publicPortFile;
        int threads = 16;   // the handlers' worker pool
        int ioThreads = 2;  // threads that run every connection's I/O
        int keepAliveMaxRequests = 10000;
        int keepAliveTimeoutSeconds = 5;  // after an answer, the next request head must be in by then
        int readTimeoutSeconds = 10;      // reading a body, writing an answer
        int headTimeoutSeconds = 10;      // the first request head of a connection, from the handshake
        int handshakeTimeoutSeconds = 10;
        std::size_t maxHeaderBytes = 16 * 1024;  // a larger request head gets 431
        std::size_t maxBodyBytes = 64 * 1024;    // with Content-Length or chunked; a larger body gets 413
        int maxConnectionsPerSource = 16;        // open connections from one address, both listeners
        int maxConnections = 512;                // open connections in all
        int maxBatch = 256;                      // requests per group commit
    } server;

    struct Tls {
        std::filesystem::path certificate, key;  // the server's certificate chain and key (PEM)
        std::filesystem::path clientCa;          // CA that issues kiosk certificates (PEM)
        std::vector<std::string> revokedSubjects;
        std::vector<std::string> revokedSerials;  // hex, upper case
    } tls;

    std::filesystem::path database;
    std::vector<KioskIdentity> kiosks;

    // [requests]: every version of every request type this server takes (common/request_spec.h). A kiosk on
    // an older bundle sends an older version, which stays here so it is never refused.
    struct Requests {
        // Default: the specs this build ships (WIJKPUNT_DEFAULT_SPEC_DIR, set by CMake).
        std::filesystem::path specDir;
        RequestSpecs specs;  // loaded from specDir
    } requests;

    // [lookup]: status lookups by reference code (JSON and HTML together), limited so codes cannot be
    // enumerated (central/lookup_guard.h). The source is the socket's address; a prefix is its /24 (IPv4)
    // or /64 (IPv6). A miss (no request with the code, or no code at all) costs more than a hit.
    struct Lookup {
        int perMinute = 30;             // lookups per source address per minute
        int perPrefixPerMinute = 120;   // lookups per prefix per minute
        int globalPerMinute = 600;      // lookups of all sources together per minute
        int missesPerHour = 10;         // misses per source address per hour; past it, every lookup waits
        int prefixMissesPerHour = 30;   // misses per prefix per hour
        int globalMissesPerHour = 200;  // misses of all sources together per hour; past it a source that
                                        // missed this hour waits
        int alertMissesPerHour = 100;   // this many misses in an hour raise an alert (a warning and a count)
    } lookup;

    // [tokens]: personal bearer tokens (`wijkpunt-central token ...`).
    struct Tokens {
        int defaultExpiryDays = 90;  // `token create` and `token rotate` without --expires-days; 0: never
    } tokens;

    // [revocation]: revoked kiosk certificates, from the store (`wijkpunt-central kiosk revoke`) and from
    // [tls] revoked_subjects / revoked_serials, checked on every kiosk request.
    struct Revocation {
        int cacheMs = 1000;  // a read of the store's revocations is used for at most this long
    } revocation;

    // [routing] and [notify.*]: the seed of the store's routing (TeamStore). They are copied into an empty
    // store at the first start; after that the store is the truth (admins change it in the back office) and
    // these keys are not read again.
    struct Routing {
        // No rule matched and the type's spec names no fallback team: this team, and the request is flagged.
        std::string defaultTeam = "gemeente";
        std::vector<RoutingRule> rules;
    } routing;

    std::map<std::string, TeamNotifications> notifications;  // by team: the seed, like [routing]

    struct Webhook {
        std::filesystem::path caFile;  // CA for the webhooks' server certificates; empty: the system's
        int timeoutSeconds = 10;
        // Every webhook is signed with this secret (central/webhook_signature.h): read from secretFile, which
        // a config with any webhook must name.
        std::filesystem::path secretFile;
        std::string secret;
    } webhook;

    struct Smtp {
        std::string url;  // "smtp://127.0.0.1:2525" or "smtps://mail.example.org"; empty: no e-mail
        std::string from = "wijkpunt@localhost";
        std::string username;
        // Read at load from passwordFile ([smtp] password_file, e.g. a systemd credential), which group and
        // others may not read; a plain `password` key is refused.
        std::string password;
        std::filesystem::path passwordFile;
        bool requireTls = true;  // TLS required: smtps://, or STARTTLS on smtp:// URLs
    } smtp;

    struct Retention {
        int defaultDays = 365;
        std::map<std::string, int> daysByType;  // request type -> days personal fields are kept
        int checkIntervalMs = 1000;             // how often (real time) the clock is compared with the rows
        int deleteAfterWipeDays = 365;          // wiped requests and their audit entries are deleted after
    } retention;

    // [backup]: `wijkpunt-central backup` (central/backup_file.h). Backups are encrypted to a public key
    // whose private half is kept away from the server; one older than keepDays is deleted by the next backup.
    struct Backup {
        std::filesystem::path recipientPublicKey;  // PEM (backup-key create); empty: backup is refused
        std::filesystem::path folder;              // where backups go; default "backups" beside the config
        int keepDays = 30;
    } backup;

    // [public_pages]: the pages a phone opens from a ticket's or receipt's QR code (central/public_pages.h).
    struct PublicPages {
        // The bundle's content folder: the texts of the pages ([phone_queue], [phone_status]) in every
        // language, and the services (names, ticket prefixes, default minutes per person). Empty: the pages
        // answer 503.
        std::filesystem::path contentDir;
        int defaultMinutesPerPerson = 10;  // for services the content does not know
        int queuePagesPerMinute = 120;     // per source address (phones on one Wi-Fi share one)
        Content content;                   // loaded from contentDir
        std::vector<Service> services;     // loaded from contentDir
        // theme: a theme file of the bundle (themes/*.toml): the pages take its colours and show its
        // municipality name at the top. Empty: plain black on white without a name.
        std::filesystem::path themeFile;
        std::optional<Theme> theme;  // loaded from themeFile
    } publicPages;

    // [initiative]: the one desk for neighbourhood initiatives.
    struct Initiative {
        // Every initiative request gets one of these (pickCoach: least open initiatives, then fewest in all,
        // then config order); none: initiatives get no coach. Names are first names, unique, one line.
        std::vector<InitiativeCoach> coaches;
        // The promise on the kiosk's receipt: a coach contacts the resident within this many working days.
        // Kept here for the back office and the people who run the desk; kiosks print the number from their
        // own settings ([central] initiative_contact_days), which should say the same.
        int contactWithinWorkingDays = 5;
    } initiative;

    // [backoffice]: the back office's accounts, sign-in and sessions (central/backoffice). Every time is on
    // the injected clock.
    struct BackOffice {
        // The address a browser opens the back office at, e.g. "https://wijkpunt.example.org" (no path):
        // the base of set-up links and the origin forms are posted from. Empty: https://ADDRESS:PUBLIC_PORT.
        std::string publicUrl;
        // The name at the top of every page; empty: the public pages' theme's municipality, else "Wijkpunt".
        std::string municipality;
        int setupLinkHours = 72;        // a set-up link works this long
        int sessionIdleMinutes = 30;    // a session unused this long ends
        int sessionAbsoluteHours = 10;  // every session ends this long after sign-in
        int accountFailures = 5;        // failed sign-ins of one e-mail address within the window lock it
        int sourceFailures = 20;        // failed sign-ins from one source address within the window lock it
        int failureWindowMinutes = 15;
        int lockMinutes = 15;  // how long a lockout lasts after the last failure

        // The inbox marks a request overdue after its promise (its spec's
        // receipt.contact_within_working_days, for initiatives [initiative] contact_within_working_days); a
        // type that promises nothing: this many working days.
        int defaultContactWorkingDays = 5;
    } backOffice;

    // [dashboard]: the municipality's dashboard in the back office (central/backoffice/dashboard_figures.h).
    struct Dashboard {
        // A request counts as answered in time when staff first set its status or wrote a public note within
        // this many hours of its arrival.
        int responseTargetHours = 72;
    } dashboard;

    // [appointments]: the agendas' free slots and bookings (central/appointment_slots.h), and the
    // booking-code lookups of the kiosk API, limited so codes cannot be guessed. Every time is on the
    // injected clock.
    struct Appointments {
        int minLeadMinutes = 60;  // a slot is offered and bookable from this long after now
        int horizonDays = 14;     // slots up to the end of this many local days, today the first
        // The reminder e-mail goes at this local hour the day before the appointment, or at once when the
        // booking is made later than that (central/appointment_mailer.h reminderDueAt).
        int reminderHour = 18;
        int wrongCodesPerKiosk = 10;          // wrong (unknown, cancelled, malformed) codes per kiosk ...
        int wrongCodesPerKioskMinutes = 10;   // ... in any window of this many minutes
        int wrongCodesPerSource = 30;         // wrong codes per source address ...
        int wrongCodesPerSourceMinutes = 60;  // ... in any window of this many minutes
        int wipeAfterDays = 7;  // name, phone and e-mail are wiped this many days after the booking's day
    } appointments;
    // [enrollment]: kiosks that enroll with a one-time token (POST /v1/enroll) and renew their certificate
    // (central/kiosk_ca.h signs them with the kiosk CA, [tls] client_ca).
    struct Enrollment {
        // The private key of [tls] client_ca (PEM; refused when group or others may read it). Empty:
        // enrollment and renewal answer 503.
        std::filesystem::path caKey;
        int certificateDays = 90;     // how long an enrolled kiosk's certificate is valid
        int renewBeforeDays = 30;     // a heartbeat answer asks for renewal once fewer days remain
        int tokenHours = 24;          // the default lifetime of an enroll token
        int perSourcePerMinute = 30;  // POST /v1/enroll per source address per minute; then 429
    } enrollment;

    // [fleet]: the kiosks' heartbeats and the fleet view's rules (central/fleet_view.h), on the injected
    // clock.
    struct Fleet {
        int heartbeatSeconds = 60;    // told to kiosks in every heartbeat answer
        int missingAfter = 3;         // heartbeats missed before a kiosk counts as missing
        int stuckOutboxMinutes = 30;  // an outbox whose oldest waiting item is older than this is stuck
    } fleet;

    struct Testing {
        std::filesystem::path clockFile;  // a ScriptClock shared with the test; empty: the system clock
        int failFirstIntakes = 0;         // answer 500 to this many POST /v1/requests before storing any
    } testing;

    int retentionDays(const std::string& type) const;
};

// Also loads [public_pages] content_dir with the bundle's own loaders: a missing folder is reported at the
// key (file:line:col), a broken text file with its own file:line:col, a missing page text per language.
Result<CentralConfig> loadCentralConfig(const std::filesystem::path& file);

// The text keys the public pages use; each must exist in every language of the content.
const std::vector<std::string>& publicPageTextKeys();

}  // namespace wp
