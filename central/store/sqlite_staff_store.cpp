// SqliteCentralStore's back office accounts (StaffAccountStore): the tables staff_account,
// staff_setup_link, staff_session and staff_sign_in (migration 6 in central_schema.cpp), on the connection
// for everything but intake.
#include <fmt/format.h>

#include "central/store/sqlite_central_store.h"

namespace wp {

namespace {

constexpr std::string_view kAccountColumns =
    "a.id, a.name, a.email, a.role, a.team, a.disabled, a.password_hash, a.totp_secret, a.totp_last_step, "
    "a.created_at_ms, (SELECT MAX(s.at_ms) FROM staff_sign_in s WHERE s.account_id = a.id AND "
    "s.outcome = 'signed-in')";
constexpr int kAccountColumnCount = 11;

StaffAccount accountAt(const SqliteStatement& st, int first) {
    StaffAccount a;
    a.id = st.integer(first);
    a.name = st.text(first + 1);
    a.email = st.text(first + 2);
    a.role = staffRoleFromString(st.text(first + 3)).value_or(StaffRole::Team);
    a.team = st.text(first + 4);
    a.disabled = st.integer(first + 5) != 0;
    a.passwordHash = st.text(first + 6);
    a.totpSecret = st.text(first + 7);
    a.totpLastStep = st.integer(first + 8);
    a.createdAt = fromUnixMillis(st.integer(first + 9));
    if (!st.isNull(first + 10)) a.lastSignInAt = fromUnixMillis(st.integer(first + 10));
    return a;
}

Result<std::optional<StaffAccount>> oneAccount(SqliteDatabase& c, std::string_view where,
                                               const std::string& value) {
    auto st = c.prepare(fmt::format("SELECT {} FROM staff_account a WHERE {}", kAccountColumns, where));
    if (!st) return st.status();
    st->bind(1, value);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<StaffAccount>();
    return std::optional<StaffAccount>(accountAt(*st, 0));
}

Result<std::vector<TimePoint>> times(SqliteDatabase& c, std::string_view sql, const std::string& key,
                                     TimePoint since) {
    auto st = c.prepare(sql);
    if (!st) return st.status();
    st->bind(1, key).bind(2, toUnixMillis(since));
    std::vector<TimePoint> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back(fromUnixMillis(st->integer(0)));
    }
    return out;
}

Status endSessionsOf(SqliteDatabase& c, std::int64_t accountId, TimePoint now) {
    auto st =
        c.prepare("UPDATE staff_session SET ended_at_ms = ? WHERE account_id = ? AND ended_at_ms IS NULL");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, accountId);
    return st->run();
}

}  // namespace

Result<std::int64_t> SqliteCentralStore::addStaffAccount(const StaffAccount& a, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "INSERT INTO staff_account (name, email, role, team, disabled, created_at_ms) VALUES (?, ?, ?, ?, ?, "
        "?)");
    if (!st) return st.status();
    st->bind(1, a.name)
        .bind(2, a.email)
        .bind(3, toString(a.role))
        .bind(4, a.team)
        .bind(5, std::int64_t{a.disabled ? 1 : 0})
        .bind(6, toUnixMillis(now));
    Status s = st->run();
    if (s.code() == Status::Code::Conflict)
        return Status::conflict(
            fmt::format("an account named '{}' or with the address '{}' exists", a.name, a.email));
    if (!s) return s;
    return other_->lastInsertId();
}

Result<std::vector<StaffAccount>> SqliteCentralStore::staffAccounts() {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(fmt::format("SELECT {} FROM staff_account a ORDER BY a.name", kAccountColumns));
    if (!st) return st.status();
    std::vector<StaffAccount> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back(accountAt(*st, 0));
    }
    return out;
}

Result<std::optional<StaffAccount>> SqliteCentralStore::staffAccountByEmail(const std::string& email) {
    std::lock_guard lock(otherMutex_);
    return oneAccount(*other_, "a.email = ?", email);
}

Result<std::optional<StaffAccount>> SqliteCentralStore::staffAccountByName(const std::string& name) {
    std::lock_guard lock(otherMutex_);
    return oneAccount(*other_, "a.name = ?", name);
}

Result<std::optional<StaffAccount>> SqliteCentralStore::staffAccountById(std::int64_t id) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(fmt::format("SELECT {} FROM staff_account a WHERE a.id = ?", kAccountColumns));
    if (!st) return st.status();
    st->bind(1, id);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<StaffAccount>();
    return std::optional<StaffAccount>(accountAt(*st, 0));
}

Status SqliteCentralStore::startStaffSetup(std::int64_t accountId, const std::string& tokenHash,
                                           const std::string& totpSecret, TimePoint expiresAt,
                                           TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto clear = other_->prepare(
        "UPDATE staff_account SET password_hash = '', totp_secret = '', totp_last_step = 0 WHERE id = ?");
    if (!clear) return clear.status();
    clear->bind(1, accountId);
    if (Status s = clear->run(); !s) return s;
    if (other_->changes() == 0) return Status::notFound(fmt::format("no account {}", accountId));
    if (Status s = endSessionsOf(*other_, accountId, now); !s) return s;
    auto drop = other_->prepare("DELETE FROM staff_setup_link WHERE account_id = ?");
    if (!drop) return drop.status();
    drop->bind(1, accountId);
    if (Status s = drop->run(); !s) return s;
    auto add = other_->prepare(
        "INSERT INTO staff_setup_link (account_id, token_hash, totp_secret, created_at_ms, expires_at_ms) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!add) return add.status();
    add->bind(1, accountId)
        .bind(2, tokenHash)
        .bind(3, totpSecret)
        .bind(4, toUnixMillis(now))
        .bind(5, toUnixMillis(expiresAt));
    if (Status s = add->run(); !s) return s;
    return tx->commit();
}

Result<std::optional<SetupLink>> SqliteCentralStore::setupLinkByHash(const std::string& tokenHash,
                                                                     TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(fmt::format(
        "SELECT l.totp_secret, l.expires_at_ms, {} FROM staff_setup_link l JOIN staff_account a ON a.id = "
        "l.account_id WHERE l.token_hash = ? AND l.used_at_ms IS NULL AND l.expires_at_ms > ? AND a.disabled "
        "= 0",
        kAccountColumns));
    if (!st) return st.status();
    st->bind(1, tokenHash).bind(2, toUnixMillis(now));
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<SetupLink>();
    SetupLink link;
    link.totpSecret = st->text(0);
    link.expiresAt = fromUnixMillis(st->integer(1));
    link.account = accountAt(*st, 2);
    return std::optional<SetupLink>(std::move(link));
}

Status SqliteCentralStore::completeStaffSetup(const std::string& tokenHash, const std::string& passwordHash,
                                              std::int64_t totpStep, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto use = other_->prepare(
        "UPDATE staff_setup_link SET used_at_ms = ? WHERE token_hash = ? AND used_at_ms IS NULL AND "
        "expires_at_ms > ?");
    if (!use) return use.status();
    use->bind(1, toUnixMillis(now)).bind(2, tokenHash).bind(3, toUnixMillis(now));
    if (Status s = use->run(); !s) return s;
    if (other_->changes() == 0) return Status::notFound("the set-up link is used or expired");
    auto set = other_->prepare(
        "UPDATE staff_account SET password_hash = ?, totp_last_step = ?, totp_secret = (SELECT l.totp_secret "
        "FROM staff_setup_link l WHERE l.token_hash = ?) WHERE id = (SELECT l.account_id FROM "
        "staff_setup_link l "
        "WHERE l.token_hash = ?)");
    if (!set) return set.status();
    set->bind(1, passwordHash).bind(2, totpStep).bind(3, tokenHash).bind(4, tokenHash);
    if (Status s = set->run(); !s) return s;
    return tx->commit();
}

Status SqliteCentralStore::setStaffAccountDisabled(std::int64_t accountId, bool disabled, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto st = other_->prepare("UPDATE staff_account SET disabled = ? WHERE id = ?");
    if (!st) return st.status();
    st->bind(1, std::int64_t{disabled ? 1 : 0}).bind(2, accountId);
    if (Status s = st->run(); !s) return s;
    if (other_->changes() == 0) return Status::notFound(fmt::format("no account {}", accountId));
    if (disabled)
        if (Status s = endSessionsOf(*other_, accountId, now); !s) return s;
    return tx->commit();
}

Result<bool> SqliteCentralStore::takeTotpStep(std::int64_t accountId, std::int64_t step) {
    std::lock_guard lock(otherMutex_);
    auto st =
        other_->prepare("UPDATE staff_account SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?");
    if (!st) return st.status();
    st->bind(1, step).bind(2, accountId).bind(3, step);
    if (Status s = st->run(); !s) return s;
    return other_->changes() == 1;
}

Status SqliteCentralStore::recordSignIn(const SignInAttempt& a) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "INSERT INTO staff_sign_in (at_ms, email, account_id, source, outcome) VALUES (?, ?, ?, ?, ?)");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(a.at)).bind(2, a.email);
    if (a.accountId)
        st->bind(3, *a.accountId);
    else
        st->bindNull(3);
    st->bind(4, a.source).bind(5, a.outcome);
    return st->run();
}

Result<std::vector<TimePoint>> SqliteCentralStore::failedSignInsByEmail(const std::string& email,
                                                                        TimePoint since) {
    std::lock_guard lock(otherMutex_);
    return times(*other_,
                 "SELECT at_ms FROM staff_sign_in WHERE email = ? AND outcome = 'failed' AND at_ms >= ? "
                 "ORDER BY at_ms",
                 email, since);
}

Result<std::vector<TimePoint>> SqliteCentralStore::failedSignInsBySource(const std::string& source,
                                                                         TimePoint since) {
    std::lock_guard lock(otherMutex_);
    return times(*other_,
                 "SELECT at_ms FROM staff_sign_in WHERE source = ? AND outcome = 'failed' AND at_ms >= ? "
                 "ORDER BY at_ms",
                 source, since);
}

Result<std::vector<SignInAttempt>> SqliteCentralStore::signInsOf(std::int64_t accountId, int limit) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "SELECT at_ms, email, source, outcome FROM staff_sign_in WHERE account_id = ? ORDER BY at_ms DESC, "
        "id DESC "
        "LIMIT ?");
    if (!st) return st.status();
    st->bind(1, accountId).bind(2, std::int64_t{limit});
    std::vector<SignInAttempt> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back({fromUnixMillis(st->integer(0)), st->text(1), accountId, st->text(2), st->text(3)});
    }
    return out;
}

Status SqliteCentralStore::addStaffSession(const std::string& idHash, std::int64_t accountId,
                                           const std::string& csrfToken, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "INSERT INTO staff_session (id_hash, account_id, csrf_token, created_at_ms, last_seen_at_ms) VALUES "
        "(?, ?, "
        "?, ?, ?)");
    if (!st) return st.status();
    st->bind(1, idHash)
        .bind(2, accountId)
        .bind(3, csrfToken)
        .bind(4, toUnixMillis(now))
        .bind(5, toUnixMillis(now));
    return st->run();
}

Result<std::optional<StoredStaffSession>> SqliteCentralStore::staffSessionByHash(const std::string& idHash) {
    std::lock_guard lock(otherMutex_);
    auto st =
        other_->prepare(fmt::format("SELECT x.csrf_token, x.created_at_ms, x.last_seen_at_ms, x.ended_at_ms, "
                                    "{} FROM staff_session x JOIN "
                                    "staff_account a ON a.id = x.account_id WHERE x.id_hash = ?",
                                    kAccountColumns));
    if (!st) return st.status();
    st->bind(1, idHash);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<StoredStaffSession>();
    StoredStaffSession s;
    s.csrfToken = st->text(0);
    s.createdAt = fromUnixMillis(st->integer(1));
    s.lastSeenAt = fromUnixMillis(st->integer(2));
    s.ended = !st->isNull(3);
    s.account = accountAt(*st, 4);
    static_assert(kAccountColumnCount == 11);
    return std::optional<StoredStaffSession>(std::move(s));
}

Status SqliteCentralStore::touchStaffSession(const std::string& idHash, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "UPDATE staff_session SET last_seen_at_ms = ? WHERE id_hash = ? AND ended_at_ms IS NULL");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, idHash);
    return st->run();
}

Status SqliteCentralStore::endStaffSession(const std::string& idHash, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto st =
        other_->prepare("UPDATE staff_session SET ended_at_ms = ? WHERE id_hash = ? AND ended_at_ms IS NULL");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, idHash);
    return st->run();
}

Result<int> SqliteCentralStore::endStaffSessions(std::int64_t accountId, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    if (Status s = endSessionsOf(*other_, accountId, now); !s) return s;
    return other_->changes();
}

}  // namespace wp
