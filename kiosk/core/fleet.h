// Fleet care at the kiosk: the health its heartbeat carries to the central server, the commands an admin
// sends back in the heartbeat's answer, and where the kiosk keeps what those commands leave behind.
//
// Words: a command's `kind` is one of kFleetKinds; a result tells the server the command is done (ok or
// not); an upload (a screenshot or the log) is the result of those two kinds. Nothing here touches the
// network or a database: the heartbeat sender (drivers/net) and the kiosk store implement the interfaces.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace wp {

// What one heartbeat tells the central server (POST /v1/kiosk/heartbeat).
struct KioskHealth {
    std::string version;        // the kiosk software's version
    std::string bundleVersion;  // empty while bundles are local folders
    std::int64_t uptimeSeconds = 0;
    std::string printerState = "none";        // ready | paper-out | offline | error | none (no printer)
    std::vector<std::string> printerReasons;  // CUPS printer-state-reasons
    int outboxWaiting = 0, outboxRejected = 0;
    std::int64_t oldestWaitingSeconds = 0;
    std::int64_t diskFreeMb = 0;  // of the data folder
    std::string lastError;        // the last error line logged
    bool inService = true;
};

// Gathers the health when a heartbeat goes. Called on the heartbeat thread: implementations are thread-safe.
class HealthSource {
  public:
    virtual ~HealthSource() = default;
    virtual KioskHealth health() = 0;
};

inline constexpr const char* kCommandRestart = "restart";
inline constexpr const char* kCommandOutOfService = "out-of-service";
inline constexpr const char* kCommandInService = "in-service";
inline constexpr const char* kCommandScreenshot = "screenshot";
inline constexpr const char* kCommandLogs = "logs";

struct FleetCommand {
    std::int64_t id = 0;
    std::string kind;     // kCommand*; another kind fails with a result saying so
    std::string message;  // out-of-service: shown to residents
    bool operator==(const FleetCommand&) const = default;
};

struct FleetCommandResult {
    std::int64_t id = 0;
    bool ok = true;
    std::string detail;  // why it failed; no personal data
    bool operator==(const FleetCommandResult&) const = default;
};

// A command's upload: PUT /v1/kiosk/commands/{id}/screenshot (image/png) or .../log (text/plain).
struct FleetUpload {
    std::int64_t id = 0;
    bool screenshot = false;  // else the log
    std::string body;
};

// What the kiosk keeps about fleet care in its database, shared by its roles: whether it is out of service
// (and the admin's message), and each command it ran with its result until the server has that result.
// A command whose id is recorded is never run again, also after a restart. Thread-safe implementations.
class FleetStateStore {
  public:
    virtual ~FleetStateStore() = default;
    // The admin's message while the kiosk is out of service; nullopt while it is in service.
    virtual Result<std::optional<std::string>> outOfService() = 0;
    virtual Status setOutOfService(const std::optional<std::string>& message) = 0;
    // Whether a result of command id is recorded (reported or not).
    virtual Result<bool> commandDone(std::int64_t id) = 0;
    // Records a result; reported: the server already has it (an upload was answered).
    virtual Status saveResult(const FleetCommandResult& result, bool reported) = 0;
    virtual Result<std::vector<FleetCommandResult>> unreportedResults() = 0;
    virtual Status markReported(const std::vector<std::int64_t>& ids) = 0;
};

}  // namespace wp
