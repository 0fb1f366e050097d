// SqliteCentralStore's people, personal tokens and revoked kiosks (PersonStore, RevocationStore): the tables
// person, person_token and revoked_kiosk (migration 4 in central_schema.cpp), on the connection for
// everything but intake.
#include <fmt/format.h>

#include "central/store/sqlite_central_store.h"

namespace wp {

namespace {

std::optional<TimePoint> optionalTime(const SqliteStatement& st, int column) {
    if (st.isNull(column)) return std::nullopt;
    return fromUnixMillis(st.integer(column));
}

SqliteStatement& bindOptionalTime(SqliteStatement& st, int index, std::optional<TimePoint> t) {
    return t ? st.bind(index, toUnixMillis(*t)) : st.bindNull(index);
}

Status insertToken(SqliteDatabase& c, std::int64_t personId, const std::string& tokenHash, TimePoint now,
                   std::optional<TimePoint> expiresAt) {
    auto st = c.prepare(
        "INSERT INTO person_token (person_id, token_hash, created_at_ms, expires_at_ms) VALUES (?, ?, ?, ?)");
    if (!st) return st.status();
    st->bind(1, personId).bind(2, tokenHash).bind(3, toUnixMillis(now));
    bindOptionalTime(*st, 4, expiresAt);
    return st->run();
}

Result<std::optional<std::int64_t>> personIdOf(SqliteDatabase& c, const std::string& name) {
    auto st = c.prepare("SELECT id FROM person WHERE name = ?");
    if (!st) return st.status();
    st->bind(1, name);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(st->integer(0));
}

}  // namespace

Status SqliteCentralStore::addPerson(const Person& p, const std::string& tokenHash, TimePoint now,
                                     std::optional<TimePoint> expiresAt) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto st = other_->prepare("INSERT INTO person (name, role, team, created_at_ms) VALUES (?, ?, ?, ?)");
    if (!st) return st.status();
    st->bind(1, p.name).bind(2, toString(p.role)).bind(3, p.team).bind(4, toUnixMillis(now));
    Status s = st->run();
    if (s.code() == Status::Code::Conflict)
        return Status::conflict(fmt::format("a person '{}' exists", p.name));
    if (!s) return s;
    if (Status t = insertToken(*other_, other_->lastInsertId(), tokenHash, now, expiresAt); !t) return t;
    return tx->commit();
}

Result<std::optional<Person>> SqliteCentralStore::personByTokenHash(const std::string& tokenHash,
                                                                    TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "SELECT p.name, p.role, p.team FROM person_token t JOIN person p ON p.id = t.person_id "
        "WHERE t.token_hash = ? AND t.revoked_at_ms IS NULL AND p.revoked = 0 "
        "AND (t.expires_at_ms IS NULL OR t.expires_at_ms > ?)");
    if (!st) return st.status();
    st->bind(1, tokenHash).bind(2, toUnixMillis(now));
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<Person>();
    return std::optional<Person>(
        Person{st->text(0), personRoleFromString(st->text(1)).value_or(PersonRole::Team), st->text(2)});
}

Result<std::vector<PersonToken>> SqliteCentralStore::personTokens() {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "SELECT t.id, p.name, p.role, p.team, t.created_at_ms, t.expires_at_ms, "
        "COALESCE(t.revoked_at_ms, CASE WHEN p.revoked <> 0 THEN t.created_at_ms END) "
        "FROM person_token t JOIN person p ON p.id = t.person_id ORDER BY t.id");
    if (!st) return st.status();
    std::vector<PersonToken> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        PersonToken t;
        t.id = st->integer(0);
        t.person = {st->text(1), personRoleFromString(st->text(2)).value_or(PersonRole::Team), st->text(3)};
        t.createdAt = fromUnixMillis(st->integer(4));
        t.expiresAt = optionalTime(*st, 5);
        t.revokedAt = optionalTime(*st, 6);
        out.push_back(std::move(t));
    }
    return out;
}

Status SqliteCentralStore::revokePersonToken(std::int64_t id, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto st =
        other_->prepare("UPDATE person_token SET revoked_at_ms = COALESCE(revoked_at_ms, ?) WHERE id = ?");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, id);
    if (Status s = st->run(); !s) return s;
    if (other_->changes() == 0) return Status::notFound(fmt::format("no token {}", id));
    return Status::ok();
}

Result<int> SqliteCentralStore::revokePersonTokens(const std::string& name, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto id = personIdOf(*other_, name);
    if (!id) return id.status();
    if (!id.value()) return Status::notFound(fmt::format("no person '{}'", name));
    auto st = other_->prepare(
        "UPDATE person_token SET revoked_at_ms = ? WHERE person_id = ? AND revoked_at_ms IS NULL");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, **id);
    if (Status s = st->run(); !s) return s;
    return other_->changes();
}

Result<std::int64_t> SqliteCentralStore::rotatePersonToken(const std::string& name,
                                                           const std::string& newTokenHash, TimePoint now,
                                                           std::optional<TimePoint> expiresAt,
                                                           TimePoint oldTokensEnd) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto id = personIdOf(*other_, name);
    if (!id) return id.status();
    if (!id.value()) return Status::notFound(fmt::format("no person '{}'", name));
    const std::int64_t end = toUnixMillis(oldTokensEnd);
    if (oldTokensEnd <= now) {
        auto st = other_->prepare(
            "UPDATE person_token SET revoked_at_ms = ? WHERE person_id = ? AND revoked_at_ms IS NULL");
        if (!st) return st.status();
        st->bind(1, toUnixMillis(now)).bind(2, **id);
        if (Status s = st->run(); !s) return s;
    } else {
        auto st = other_->prepare(
            "UPDATE person_token SET expires_at_ms = ? WHERE person_id = ? AND revoked_at_ms IS NULL "
            "AND (expires_at_ms IS NULL OR expires_at_ms > ?)");
        if (!st) return st.status();
        st->bind(1, end).bind(2, **id).bind(3, end);
        if (Status s = st->run(); !s) return s;
    }
    if (Status s = insertToken(*other_, **id, newTokenHash, now, expiresAt); !s) return s;
    std::int64_t tokenId = other_->lastInsertId();
    if (Status s = tx->commit(); !s) return s;
    return tokenId;
}

Status SqliteCentralStore::revokeKiosk(const std::string& subject, const std::string& serial, TimePoint now) {
    if (subject.empty() && serial.empty())
        return Status::invalidInput("a kiosk revocation needs a subject or a serial");
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare("INSERT INTO revoked_kiosk (subject, serial, revoked_at_ms) VALUES (?, ?, ?)");
    if (!st) return st.status();
    st->bind(1, subject).bind(2, serial).bind(3, toUnixMillis(now));
    return st->run();
}

Result<std::vector<KioskRevocation>> SqliteCentralStore::kioskRevocations() {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare("SELECT id, subject, serial, revoked_at_ms FROM revoked_kiosk ORDER BY id");
    if (!st) return st.status();
    std::vector<KioskRevocation> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back({st->integer(0), st->text(1), st->text(2), fromUnixMillis(st->integer(3))});
    }
    return out;
}

}  // namespace wp
