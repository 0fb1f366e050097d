// SqliteCentralStore's fleet (FleetStore): the tables enroll_token, fleet_kiosk, kiosk_health, kiosk_command
// and kiosk_command_upload (migration 10 in central_schema.cpp), on the connection for everything but
// intake. Uploads are kept in base64 so every column stays TEXT or BIGINT.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "central/store/sqlite_audit.h"
#include "central/store/sqlite_central_store.h"
#include "common/bundle.h"
#include "common/hosts.h"

namespace wp {

namespace {

std::optional<TimePoint> optionalTime(const SqliteStatement& st, int column) {
    if (st.isNull(column)) return std::nullopt;
    return fromUnixMillis(st.integer(column));
}

std::string kioskName(const std::string& contactPoint, const std::string& kioskCode) {
    return contactPoint + "-" + kioskCode;
}

constexpr std::string_view kKioskColumns =
    "id, contact_point, code, subject, serial, not_after_ms, enrolled_at_ms, revoked_at_ms";

EnrolledKiosk readKiosk(const SqliteStatement& st) {
    EnrolledKiosk k;
    k.id = st.integer(0);
    k.contactPoint = st.text(1);
    k.kioskCode = st.text(2);
    k.subject = st.text(3);
    k.serial = st.text(4);
    k.notAfter = fromUnixMillis(st.integer(5));
    k.enrolledAt = fromUnixMillis(st.integer(6));
    k.revokedAt = optionalTime(st, 7);
    return k;
}

constexpr std::string_view kCommandColumns =
    "c.id, c.contact_point, c.kiosk_code, c.kind, c.message, c.created_by, c.created_at_ms, "
    "c.delivered_at_ms, "
    "c.state, c.detail, c.done_at_ms, COALESCE(u.content_type, '')";
constexpr std::string_view kCommandFrom =
    " FROM kiosk_command c LEFT JOIN kiosk_command_upload u ON u.command_id = c.id";

KioskCommand readCommand(const SqliteStatement& st) {
    KioskCommand c;
    c.id = st.integer(0);
    c.contactPoint = st.text(1);
    c.kioskCode = st.text(2);
    c.kind = st.text(3);
    c.message = st.text(4);
    c.createdBy = st.text(5);
    c.createdAt = fromUnixMillis(st.integer(6));
    c.deliveredAt = optionalTime(st, 7);
    c.state = commandStateFromString(st.text(8)).value_or(CommandState::Failed);
    c.detail = st.text(9);
    c.doneAt = optionalTime(st, 10);
    c.uploadType = st.text(11);
    return c;
}

Result<std::vector<KioskCommand>> readCommands(SqliteStatement& st) {
    std::vector<KioskCommand> out;
    for (;;) {
        auto row = st.step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back(readCommand(st));
    }
    return out;
}

Result<std::vector<KioskCommand>> openCommandsOf(SqliteDatabase& c, const std::string& contactPoint,
                                                 const std::string& kioskCode) {
    auto st =
        c.prepare(fmt::format("SELECT {}{} WHERE c.contact_point = ? AND c.kiosk_code = ? AND c.state "
                              "IN ('queued', 'delivered') ORDER BY c.id",
                              kCommandColumns, kCommandFrom));
    if (!st) return st.status();
    st->bind(1, contactPoint).bind(2, kioskCode);
    return readCommands(*st);
}

Result<std::optional<KioskCommand>> commandById(SqliteDatabase& c, std::int64_t id) {
    auto st = c.prepare(fmt::format("SELECT {}{} WHERE c.id = ?", kCommandColumns, kCommandFrom));
    if (!st) return st.status();
    st->bind(1, id);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<KioskCommand>();
    return std::optional<KioskCommand>(readCommand(*st));
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) {
        if (!out.empty()) out += '\n';
        out += l;
    }
    return out;
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

constexpr std::string_view kHealthColumns =
    "contact_point, kiosk_code, received_at_ms, version, bundle_version, uptime_s, printer_state, "
    "printer_reasons, outbox_waiting, outbox_rejected, oldest_waiting_s, disk_free_mb, last_error, "
    "in_service, "
    "body";

KioskHealth readHealth(const SqliteStatement& st) {
    KioskHealth h;
    h.receivedAt = fromUnixMillis(st.integer(2));
    h.version = st.text(3);
    h.bundleVersion = st.text(4);
    h.uptimeSeconds = st.integer(5);
    h.printerState = st.text(6);
    h.printerReasons = splitLines(st.text(7));
    h.outboxWaiting = st.integer(8);
    h.outboxRejected = st.integer(9);
    h.oldestWaitingSeconds = st.integer(10);
    h.diskFreeMb = st.integer(11);
    h.lastError = st.text(12);
    h.inService = st.integer(13) != 0;
    h.json = st.text(14);
    return h;
}

// The first code in kCodeAlphabet order that no kiosk of the contact point has and reserved lacks there.
Result<std::optional<std::string>> freeKioskCode(SqliteDatabase& c, const std::string& contactPoint,
                                                 const std::set<KioskKey>& reserved) {
    auto st = c.prepare("SELECT code FROM fleet_kiosk WHERE contact_point = ?");
    if (!st) return st.status();
    st->bind(1, contactPoint);
    std::set<std::string> used;
    for (const auto& [letters, code] : reserved)
        if (letters == contactPoint) used.insert(code);
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        used.insert(st->text(0));
    }
    for (char a : kCodeAlphabet)
        for (char b : kCodeAlphabet) {
            std::string code{a, b};
            if (used.count(code) == 0) return std::optional<std::string>(code);
        }
    return std::optional<std::string>();
}

}  // namespace

Status SqliteCentralStore::createEnrollToken(const std::string& tokenHash, const std::string& contactPoint,
                                             TimePoint expires, const AuditEntry& audit) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto st = other_->prepare(
        "INSERT INTO enroll_token (token_hash, contact_point, created_by, created_at_ms, expires_at_ms) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!st) return st.status();
    st->bind(1, tokenHash).bind(2, contactPoint).bind(3, audit.actor).bind(4, toUnixMillis(audit.at));
    st->bind(5, toUnixMillis(expires));
    if (Status s = st->run(); !s) return s;
    if (Status s = insertAudit(*other_, audit); !s) return s;
    return tx->commit();
}

Result<std::vector<EnrollToken>> SqliteCentralStore::enrollTokens(int limit) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "SELECT id, contact_point, created_by, created_at_ms, expires_at_ms, spent_at_ms, kiosk_code "
        "FROM enroll_token ORDER BY id DESC LIMIT ?");
    if (!st) return st.status();
    st->bind(1, std::int64_t(std::clamp(limit, 1, 10000)));
    std::vector<EnrollToken> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back({st->integer(0), st->text(1), st->text(2), fromUnixMillis(st->integer(3)),
                       fromUnixMillis(st->integer(4)), optionalTime(*st, 5), st->text(6)});
    }
    return out;
}

EnrollOutcome SqliteCentralStore::enrollKiosk(const std::string& tokenHash,
                                              const std::set<KioskKey>& reserved,
                                              const KioskCertificateIssuer& issue, const std::string& serial,
                                              TimePoint notAfter, TimePoint now, const std::string& source) {
    using Kind = EnrollOutcome::Kind;
    auto failed = [](const Status& s) { return EnrollOutcome{Kind::Failed, {}, s.message()}; };
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return failed(tx.status());
    auto token = other_->prepare(
        "SELECT id, contact_point, created_by, expires_at_ms, spent_at_ms FROM enroll_token "
        "WHERE token_hash = ?");
    if (!token) return failed(token.status());
    token->bind(1, tokenHash);
    auto row = token->step();
    if (!row) return failed(row.status());
    if (!row.value()) return {Kind::UnknownToken, {}, "no such enroll token"};
    const std::int64_t tokenId = token->integer(0);
    const std::string contactPoint = token->text(1), createdBy = token->text(2);
    if (!token->isNull(4)) return {Kind::SpentToken, {}, "this enroll token has been used"};
    if (fromUnixMillis(token->integer(3)) <= now)
        return {Kind::ExpiredToken, {}, "this enroll token expired"};

    auto code = freeKioskCode(*other_, contactPoint, reserved);
    if (!code) return failed(code.status());
    if (!code.value())
        return {Kind::NoFreeCode, {}, fmt::format("contact point {} has no kiosk code left", contactPoint)};
    auto subject = issue(contactPoint, **code);
    if (!subject) return {Kind::Refused, {}, subject.status().message()};

    EnrolledKiosk k{0, contactPoint, **code, subject.value(), serial, notAfter, now, std::nullopt};
    auto insert = other_->prepare(
        "INSERT INTO fleet_kiosk (contact_point, code, subject, serial, not_after_ms, enrolled_at_ms) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert) return failed(insert.status());
    insert->bind(1, k.contactPoint).bind(2, k.kioskCode).bind(3, k.subject).bind(4, k.serial);
    insert->bind(5, toUnixMillis(notAfter)).bind(6, toUnixMillis(now));
    if (Status s = insert->run(); !s) return failed(s);
    k.id = other_->lastInsertId();
    auto spend = other_->prepare("UPDATE enroll_token SET spent_at_ms = ?, kiosk_code = ? WHERE id = ?");
    if (!spend) return failed(spend.status());
    spend->bind(1, toUnixMillis(now)).bind(2, k.kioskCode).bind(3, tokenId);
    if (Status s = spend->run(); !s) return failed(s);
    const std::string name = kioskName(k.contactPoint, k.kioskCode);
    AuditEntry audit{now,
                     "kiosk " + name,
                     "enroll",
                     "",
                     fmt::format("{} enrolled with a token of {}, serial {}", name, createdBy, serial),
                     source};
    if (Status s = insertAudit(*other_, audit); !s) return failed(s);
    if (Status s = tx->commit(); !s) return failed(s);
    return {Kind::Enrolled, std::move(k), ""};
}

Status SqliteCentralStore::renewKiosk(const std::string& contactPoint, const std::string& kioskCode,
                                      const std::string& serial, TimePoint notAfter, TimePoint now,
                                      const std::string& source) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto st = other_->prepare(
        "UPDATE fleet_kiosk SET serial = ?, not_after_ms = ? WHERE contact_point = ? AND code = ?");
    if (!st) return st.status();
    st->bind(1, serial).bind(2, toUnixMillis(notAfter)).bind(3, contactPoint).bind(4, kioskCode);
    if (Status s = st->run(); !s) return s;
    const std::string name = kioskName(contactPoint, kioskCode);
    if (other_->changes() == 0) return Status::notFound(fmt::format("no kiosk {} is enrolled", name));
    AuditEntry audit{now,   "kiosk " + name, "renew", "", fmt::format("{} renewed, serial {}", name, serial),
                     source};
    if (Status s = insertAudit(*other_, audit); !s) return s;
    return tx->commit();
}

Status SqliteCentralStore::markKioskRevoked(const std::string& contactPoint, const std::string& kioskCode,
                                            const AuditEntry& audit) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto st = other_->prepare(
        "UPDATE fleet_kiosk SET revoked_at_ms = COALESCE(revoked_at_ms, ?) WHERE contact_point = ? AND code "
        "= ?");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(audit.at)).bind(2, contactPoint).bind(3, kioskCode);
    if (Status s = st->run(); !s) return s;
    if (other_->changes() == 0)
        return Status::notFound(fmt::format("no kiosk {} is enrolled", kioskName(contactPoint, kioskCode)));
    if (Status s = insertAudit(*other_, audit); !s) return s;
    return tx->commit();
}

Result<std::optional<EnrolledKiosk>> SqliteCentralStore::kioskBySubject(const std::string& subject) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(fmt::format("SELECT {} FROM fleet_kiosk WHERE subject = ?", kKioskColumns));
    if (!st) return st.status();
    st->bind(1, subject);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<EnrolledKiosk>();
    return std::optional<EnrolledKiosk>(readKiosk(*st));
}

Result<std::optional<EnrolledKiosk>> SqliteCentralStore::enrolledKiosk(const std::string& contactPoint,
                                                                       const std::string& kioskCode) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        fmt::format("SELECT {} FROM fleet_kiosk WHERE contact_point = ? AND code = ?", kKioskColumns));
    if (!st) return st.status();
    st->bind(1, contactPoint).bind(2, kioskCode);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<EnrolledKiosk>();
    return std::optional<EnrolledKiosk>(readKiosk(*st));
}

Result<std::vector<FleetKiosk>> SqliteCentralStore::fleetKiosks() {
    std::lock_guard lock(otherMutex_);
    std::map<std::pair<std::string, std::string>, FleetKiosk> byKey;
    auto entry = [&](const std::string& contactPoint, const std::string& code) -> FleetKiosk& {
        FleetKiosk& f = byKey[{contactPoint, code}];
        f.contactPoint = contactPoint;
        f.kioskCode = code;
        return f;
    };
    auto kiosks = other_->prepare(fmt::format("SELECT {} FROM fleet_kiosk", kKioskColumns));
    if (!kiosks) return kiosks.status();
    for (;;) {
        auto row = kiosks->step();
        if (!row) return row.status();
        if (!row.value()) break;
        EnrolledKiosk k = readKiosk(*kiosks);
        entry(k.contactPoint, k.kioskCode).enrollment = std::move(k);
    }
    auto health = other_->prepare(fmt::format("SELECT {} FROM kiosk_health", kHealthColumns));
    if (!health) return health.status();
    for (;;) {
        auto row = health->step();
        if (!row) return row.status();
        if (!row.value()) break;
        entry(health->text(0), health->text(1)).health = readHealth(*health);
    }
    auto open = other_->prepare(fmt::format(
        "SELECT {}{} WHERE c.state IN ('queued', 'delivered') ORDER BY c.id", kCommandColumns, kCommandFrom));
    if (!open) return open.status();
    auto commands = readCommands(*open);
    if (!commands) return commands.status();
    for (KioskCommand& c : commands.value()) entry(c.contactPoint, c.kioskCode).openCommands.push_back(c);
    auto shots = other_->prepare(
        "SELECT c.contact_point, c.kiosk_code, MAX(c.id) FROM kiosk_command c "
        "JOIN kiosk_command_upload u ON u.command_id = c.id WHERE c.kind = 'screenshot' "
        "GROUP BY c.contact_point, c.kiosk_code");
    if (!shots) return shots.status();
    for (;;) {
        auto row = shots->step();
        if (!row) return row.status();
        if (!row.value()) break;
        entry(shots->text(0), shots->text(1)).lastScreenshot = shots->integer(2);
    }
    std::vector<FleetKiosk> out;
    out.reserve(byKey.size());
    for (auto& [key, f] : byKey) out.push_back(std::move(f));
    return out;
}

Result<std::vector<KioskCommand>> SqliteCentralStore::recordHeartbeat(
    const std::string& contactPoint, const std::string& kioskCode, const KioskHealth& h,
    const std::vector<CommandResult>& results) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto up = other_->prepare(fmt::format(
        "INSERT INTO kiosk_health ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (contact_point, kiosk_code) DO UPDATE SET received_at_ms = excluded.received_at_ms, "
        "version = excluded.version, bundle_version = excluded.bundle_version, uptime_s = excluded.uptime_s, "
        "printer_state = excluded.printer_state, printer_reasons = excluded.printer_reasons, "
        "outbox_waiting = excluded.outbox_waiting, outbox_rejected = excluded.outbox_rejected, "
        "oldest_waiting_s = excluded.oldest_waiting_s, disk_free_mb = excluded.disk_free_mb, "
        "last_error = excluded.last_error, in_service = excluded.in_service, body = excluded.body",
        kHealthColumns));
    if (!up) return up.status();
    up->bind(1, contactPoint).bind(2, kioskCode).bind(3, toUnixMillis(h.receivedAt)).bind(4, h.version);
    up->bind(5, h.bundleVersion).bind(6, h.uptimeSeconds).bind(7, h.printerState);
    up->bind(8, joinLines(h.printerReasons)).bind(9, h.outboxWaiting).bind(10, h.outboxRejected);
    up->bind(11, h.oldestWaitingSeconds).bind(12, h.diskFreeMb).bind(13, h.lastError);
    up->bind(14, std::int64_t(h.inService ? 1 : 0)).bind(15, h.json);
    if (Status s = up->run(); !s) return s;
    for (const CommandResult& r : results) {
        auto st = other_->prepare(
            "UPDATE kiosk_command SET state = ?, detail = ?, done_at_ms = ? WHERE id = ? AND contact_point = "
            "? "
            "AND kiosk_code = ? AND state IN ('queued', 'delivered')");
        if (!st) return st.status();
        st->bind(1, toString(r.ok ? CommandState::Done : CommandState::Failed)).bind(2, r.detail);
        st->bind(3, toUnixMillis(h.receivedAt)).bind(4, r.command).bind(5, contactPoint).bind(6, kioskCode);
        if (Status s = st->run(); !s) return s;
    }
    auto delivered = other_->prepare(
        "UPDATE kiosk_command SET state = 'delivered', delivered_at_ms = ? WHERE contact_point = ? "
        "AND kiosk_code = ? AND state = 'queued'");
    if (!delivered) return delivered.status();
    delivered->bind(1, toUnixMillis(h.receivedAt)).bind(2, contactPoint).bind(3, kioskCode);
    if (Status s = delivered->run(); !s) return s;
    auto open = openCommandsOf(*other_, contactPoint, kioskCode);
    if (!open) return open.status();
    if (Status s = tx->commit(); !s) return s;
    return open;
}

Result<KioskCommand> SqliteCentralStore::addKioskCommand(const std::string& contactPoint,
                                                         const std::string& kioskCode,
                                                         const std::string& kind, const std::string& message,
                                                         const AuditEntry& audit) {
    if (!isKioskCommandKind(kind)) return Status::invalidInput(fmt::format("no command kind '{}'", kind));
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto st = other_->prepare(
        "INSERT INTO kiosk_command (contact_point, kiosk_code, kind, message, created_by, created_at_ms, "
        "state) "
        "VALUES (?, ?, ?, ?, ?, ?, 'queued')");
    if (!st) return st.status();
    st->bind(1, contactPoint).bind(2, kioskCode).bind(3, kind).bind(4, message).bind(5, audit.actor);
    st->bind(6, toUnixMillis(audit.at));
    if (Status s = st->run(); !s) return s;
    const std::int64_t id = other_->lastInsertId();
    if (Status s = insertAudit(*other_, audit); !s) return s;
    auto command = commandById(*other_, id);
    if (!command) return command.status();
    if (Status s = tx->commit(); !s) return s;
    return std::move(**command);
}

Result<std::optional<KioskCommand>> SqliteCentralStore::kioskCommand(std::int64_t id) {
    std::lock_guard lock(otherMutex_);
    return commandById(*other_, id);
}

Result<std::vector<KioskCommand>> SqliteCentralStore::kioskCommands(const std::string& contactPoint,
                                                                    const std::string& kioskCode, int limit) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        fmt::format("SELECT {}{} WHERE c.contact_point = ? AND c.kiosk_code = ? ORDER BY c.id DESC LIMIT ?",
                    kCommandColumns, kCommandFrom));
    if (!st) return st.status();
    st->bind(1, contactPoint).bind(2, kioskCode).bind(3, std::int64_t(std::clamp(limit, 1, 10000)));
    return readCommands(*st);
}

Status SqliteCentralStore::storeCommandUpload(std::int64_t command, const std::string& contactPoint,
                                              const std::string& kioskCode, const CommandUpload& upload,
                                              TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto found = commandById(*other_, command);
    if (!found) return found.status();
    if (!found.value() || found.value()->contactPoint != contactPoint ||
        found.value()->kioskCode != kioskCode)
        return Status::notFound(
            fmt::format("kiosk {} has no command {}", kioskName(contactPoint, kioskCode), command));
    if (found.value()->kind != "screenshot" && found.value()->kind != "logs")
        return Status::invalidInput(
            fmt::format("command {} is a {} command: it takes no upload", command, found.value()->kind));
    auto del = other_->prepare("DELETE FROM kiosk_command_upload WHERE command_id = ?");
    if (!del) return del.status();
    del->bind(1, command);
    if (Status s = del->run(); !s) return s;
    auto st = other_->prepare(
        "INSERT INTO kiosk_command_upload (command_id, content_type, data_base64, uploaded_at_ms) "
        "VALUES (?, ?, ?, ?)");
    if (!st) return st.status();
    const auto* data = reinterpret_cast<const std::uint8_t*>(upload.bytes.data());
    st->bind(1, command).bind(2, upload.contentType).bind(3, base64Encode({data, upload.bytes.size()}));
    st->bind(4, toUnixMillis(upload.uploadedAt));
    if (Status s = st->run(); !s) return s;
    auto done = other_->prepare(
        "UPDATE kiosk_command SET state = 'done', done_at_ms = ?, "
        "delivered_at_ms = COALESCE(delivered_at_ms, ?) WHERE id = ?");
    if (!done) return done.status();
    done->bind(1, toUnixMillis(now)).bind(2, toUnixMillis(now)).bind(3, command);
    if (Status s = done->run(); !s) return s;
    return tx->commit();
}

Result<std::optional<CommandUpload>> SqliteCentralStore::commandUpload(std::int64_t command,
                                                                       const AuditEntry& audit) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto st = other_->prepare(
        "SELECT content_type, data_base64, uploaded_at_ms FROM kiosk_command_upload WHERE command_id = ?");
    if (!st) return st.status();
    st->bind(1, command);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<CommandUpload>();
    auto bytes = base64Decode(st->text(1));
    if (!bytes) return Status::internal(fmt::format("the upload of command {} is no base64", command));
    CommandUpload upload{st->text(0), std::string(bytes->begin(), bytes->end()),
                         fromUnixMillis(st->integer(2))};
    if (Status s = insertAudit(*other_, audit); !s) return s;
    if (Status s = tx->commit(); !s) return s;
    return std::optional<CommandUpload>(std::move(upload));
}

}  // namespace wp
