// SqliteHostAlertStore: host alerts (kiosk/core/host_alert_board.h) in the kiosk's SQLite database, tables
// help_request and printer_report (migration 5 in kiosk_schema.cpp).
//
// The walk-in role uses it as HostAlerts (residentAsksForHost: a press is committed before the call returns;
// a database error is logged to stderr and kept in lastError(), since the button must never fail for the
// resident); both printing roles (walk-in, and a host console with a printer) use it as HostAlertStore for
// printer reports; the host role reads and acknowledges.
// printer_report holds one row: the latest report replaces the previous.
//
// Thread-safe: one mutex around the connection. Several processes may share the file.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "common/sqlite/sqlite_database.h"
#include "kiosk/core/host_alert_board.h"
#include "kiosk/core/host_alerts.h"

namespace wp {

class SqliteHostAlertStore final : public HostAlertStore, public HostAlerts {
  public:
    // Opens (creating and upgrading) the kiosk database.
    static Result<std::unique_ptr<SqliteHostAlertStore>> open(const std::filesystem::path& file);

    // HostAlerts
    void residentAsksForHost(const std::string& screen, TimePoint when) override;

    // HostAlertStore
    Result<std::int64_t> addHelpRequest(const std::string& screen, TimePoint when) override;
    Result<std::vector<HelpRequest>> openHelpRequests() override;
    Status acknowledgeHelpRequest(std::int64_t id, const std::string& hostName, TimePoint when) override;
    Status reportPrinterStatus(const PrinterStatus& status, TimePoint when) override;
    Status reportPrintOutcome(PrintOutcome outcome, TimePoint when) override;
    Result<std::optional<PrinterReport>> printerReport() override;

    // The last error of residentAsksForHost (empty when the last press was stored).
    std::string lastError() const;
    SqliteDatabase& database() { return *db_; }

  private:
    explicit SqliteHostAlertStore(std::unique_ptr<SqliteDatabase> db) : db_(std::move(db)) {}
    std::unique_ptr<SqliteDatabase> db_;
    mutable std::mutex mutex_;
    std::string lastError_;
};

}  // namespace wp
