#include "kiosk/store/sqlite_host_alert_store.h"

#include <fmt/format.h>

#include "common/log.h"
#include "kiosk/store/kiosk_schema.h"

namespace wp {

namespace {

std::int64_t toMillis(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

TimePoint fromMillis(std::int64_t ms) {
    return TimePoint(std::chrono::milliseconds(ms));
}

std::optional<TimePoint> optionalMillis(const SqliteStatement& s, int column) {
    if (s.isNull(column)) return std::nullopt;
    return fromMillis(s.integer(column));
}

std::optional<PrintOutcome> printOutcomeFromString(std::string_view s) {
    for (PrintOutcome o : {PrintOutcome::Ok, PrintOutcome::RetryLater, PrintOutcome::PaperOut,
                           PrintOutcome::Offline, PrintOutcome::Rejected})
        if (s == toString(o)) return o;
    return std::nullopt;
}

PrinterStatus::State printerStateFromString(std::string_view s) {
    for (auto st :
         {PrinterStatus::State::Idle, PrinterStatus::State::Printing, PrinterStatus::State::Stopped})
        if (s == toString(st)) return st;
    return PrinterStatus::State::Unknown;
}

std::string joinReasons(const std::vector<std::string>& reasons) {
    std::string out;
    for (const std::string& r : reasons) out += (out.empty() ? "" : ",") + r;
    return out;
}

std::vector<std::string> splitReasons(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

Result<std::unique_ptr<SqliteHostAlertStore>> SqliteHostAlertStore::open(const std::filesystem::path& file) {
    auto db = SqliteDatabase::open(file);
    if (!db) return db.status();
    if (Status s = db.value()->migrate(kioskMigrations()); !s) return s;
    return std::unique_ptr<SqliteHostAlertStore>(new SqliteHostAlertStore(std::move(db).value()));
}

void SqliteHostAlertStore::residentAsksForHost(const std::string& screen, TimePoint when) {
    auto id = addHelpRequest(screen, when);
    std::lock_guard lock(mutex_);
    if (id) {
        lastError_.clear();
        return;
    }
    lastError_ = id.status().message();
    log::error("could not record a request for the host on screen '{}': {}", screen, lastError_);
}

std::string SqliteHostAlertStore::lastError() const {
    std::lock_guard lock(mutex_);
    return lastError_;
}

Result<std::int64_t> SqliteHostAlertStore::addHelpRequest(const std::string& screen, TimePoint when) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto open = db_->prepare(
        "UPDATE help_request SET presses = presses + 1, last_at_ms = MAX(last_at_ms, ?1) "
        "WHERE screen = ?2 AND acknowledged_at_ms IS NULL RETURNING id");
    if (!open) return open.status();
    open->bind(1, toMillis(when)).bind(2, screen);
    auto row = open->step();
    if (!row) return row.status();
    std::int64_t id = 0;
    if (row.value()) {
        id = open->integer(0);
        if (Status s = open->run(); !s) return s;
    } else {
        auto insert = db_->prepare(
            "INSERT INTO help_request (screen, first_at_ms, last_at_ms) VALUES (?1, ?2, ?2) RETURNING id");
        if (!insert) return insert.status();
        insert->bind(1, screen).bind(2, toMillis(when));
        auto r = insert->step();
        if (!r) return r.status();
        id = insert->integer(0);
        if (Status s = insert->run(); !s) return s;
    }
    if (Status s = tx->commit(); !s) return s;
    return id;
}

Result<std::vector<HelpRequest>> SqliteHostAlertStore::openHelpRequests() {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "SELECT id, screen, first_at_ms, last_at_ms, presses FROM help_request WHERE acknowledged_at_ms IS "
        "NULL "
        "ORDER BY first_at_ms, id");
    if (!stmt) return stmt.status();
    std::vector<HelpRequest> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.status();
        if (!row.value()) break;
        HelpRequest r;
        r.id = stmt->integer(0);
        r.screen = stmt->text(1);
        r.firstAt = fromMillis(stmt->integer(2));
        r.lastAt = fromMillis(stmt->integer(3));
        r.presses = static_cast<int>(stmt->integer(4));
        out.push_back(std::move(r));
    }
    return out;
}

Status SqliteHostAlertStore::acknowledgeHelpRequest(std::int64_t id, const std::string& hostName,
                                                    TimePoint when) {
    std::lock_guard lock(mutex_);
    auto tx = SqliteTransaction::begin(*db_);
    if (!tx) return tx.status();
    auto select = db_->prepare(
        "SELECT acknowledged_by FROM help_request WHERE id = ? AND acknowledged_at_ms IS NOT NULL");
    if (!select) return select.status();
    select->bind(1, id);
    auto done = select->step();
    if (!done) return done.status();
    if (done.value())
        return Status::conflict(fmt::format("{} already answered this request", select->text(0)));
    auto update = db_->prepare(
        "UPDATE help_request SET acknowledged_at_ms = ?, acknowledged_by = ? WHERE id = ? AND "
        "acknowledged_at_ms "
        "IS NULL RETURNING id");
    if (!update) return update.status();
    update->bind(1, toMillis(when)).bind(2, hostName).bind(3, id);
    auto row = update->step();
    if (!row) return row.status();
    if (!row.value()) return Status::notFound(fmt::format("no request for the host with id {}", id));
    if (Status s = update->run(); !s) return s;
    return tx->commit();
}

Status SqliteHostAlertStore::reportPrinterStatus(const PrinterStatus& status, TimePoint when) {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "INSERT INTO printer_report (id, state, reasons, accepting_jobs, message, status_at_ms) "
        "VALUES (1, ?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET state = ?1, reasons = ?2, "
        "accepting_jobs = ?3, message = ?4, status_at_ms = ?5");
    if (!stmt) return stmt.status();
    stmt->bind(1, toString(status.state))
        .bind(2, joinReasons(status.reasons))
        .bind(3, std::int64_t{status.acceptingJobs ? 1 : 0})
        .bind(4, status.message)
        .bind(5, toMillis(when));
    return stmt->run();
}

Status SqliteHostAlertStore::reportPrintOutcome(PrintOutcome outcome, TimePoint when) {
    std::lock_guard lock(mutex_);
    auto stmt =
        outcome == PrintOutcome::Ok
            ? db_->prepare(
                  "INSERT INTO printer_report (id, last_success_at_ms) VALUES (1, ?1) "
                  "ON CONFLICT (id) DO UPDATE SET last_success_at_ms = ?1")
            : db_->prepare(
                  "INSERT INTO printer_report (id, last_failure, last_failure_at_ms) VALUES (1, ?2, ?1) "
                  "ON CONFLICT (id) DO UPDATE SET last_failure = ?2, last_failure_at_ms = ?1");
    if (!stmt) return stmt.status();
    stmt->bind(1, toMillis(when));
    if (outcome != PrintOutcome::Ok) stmt->bind(2, std::string_view(toString(outcome)));
    return stmt->run();
}

Result<std::optional<PrinterReport>> SqliteHostAlertStore::printerReport() {
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(
        "SELECT state, reasons, accepting_jobs, message, status_at_ms, last_failure, last_failure_at_ms, "
        "last_success_at_ms FROM printer_report WHERE id = 1");
    if (!stmt) return stmt.status();
    auto row = stmt->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<PrinterReport>();
    PrinterReport r;
    r.status.state = printerStateFromString(stmt->text(0));
    r.status.reasons = splitReasons(stmt->text(1));
    r.status.acceptingJobs = stmt->integer(2) != 0;
    r.status.message = stmt->text(3);
    auto statusAt = optionalMillis(stmt.value(), 4);
    r.statusAt = statusAt.value_or(TimePoint{});
    r.lastFailure = printOutcomeFromString(stmt->text(5));
    r.lastFailureAt = optionalMillis(stmt.value(), 6);
    r.lastSuccessAt = optionalMillis(stmt.value(), 7);
    if (!r.lastFailureAt) r.lastFailure.reset();
    // Only print outcomes reported so far, no status yet: say nothing about the printer's state.
    if (!statusAt) {
        r.status.state = PrinterStatus::State::Idle;
        r.status.acceptingJobs = true;
    }
    return std::optional<PrinterReport>(std::move(r));
}

}  // namespace wp
