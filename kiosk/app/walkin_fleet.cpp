#include "kiosk/app/walkin_fleet.h"

#include <sys/statvfs.h>

#include <algorithm>

#include "common/log.h"
#include "common/log_recent.h"
#include "drivers/net/kiosk_identity.h"
#include "kiosk/app/role.h"

namespace wp {

std::string printerStateForHeartbeat(const PrintSpooler* spooler) {
    if (spooler == nullptr) return "none";
    if (!spooler->hasStatus()) return "ready";  // not asked yet: nothing known against it
    const PrinterStatus s = spooler->lastStatus();
    if (s.paperOut()) return "paper-out";
    if (s.state == PrinterStatus::State::Unknown || s.has("offline")) return "offline";
    if (s.state == PrinterStatus::State::Stopped || !s.acceptingJobs) return "error";
    return "ready";
}

KioskHealthProbe::KioskHealthProbe(const Settings& settings, const Clock& clock, PrintSpooler* spooler,
                                   std::unique_ptr<SqliteOutboxStore> outbox, FleetStateStore& fleet)
    : settings_(settings), clock_(clock), spooler_(spooler), outbox_(std::move(outbox)), fleet_(fleet) {}

KioskHealth KioskHealthProbe::health() {
    KioskHealth h;
    h.version = WIJKPUNT_VERSION;
    h.uptimeSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_).count();
    h.printerState = printerStateForHeartbeat(spooler_);
    if (spooler_ != nullptr && spooler_->hasStatus()) h.printerReasons = spooler_->lastStatus().reasons;
    if (auto snap = outbox_->snapshot(1000)) {
        h.outboxWaiting = snap->waiting;
        h.outboxRejected = static_cast<int>(snap->rejected.size());
        if (snap->oldestWaiting)
            h.oldestWaitingSeconds = std::max<std::int64_t>(
                0, std::chrono::duration_cast<std::chrono::seconds>(clock_.now() - *snap->oldestWaiting)
                       .count());
    }
    struct statvfs fs {};
    if (::statvfs(settings_.dataDir.c_str(), &fs) == 0)
        h.diskFreeMb = static_cast<std::int64_t>(fs.f_bavail * fs.f_frsize / (1024 * 1024));
    h.lastError = log::lastError();
    auto state = fleet_.outOfService();
    h.inService = !state || !state->has_value();
    return h;
}

Result<std::unique_ptr<WalkinFleet>> startWalkinFleet(const Bundle& bundle, const Clock& clock,
                                                      const std::filesystem::path& dbFile,
                                                      PrintSpooler* spooler,
                                                      FleetCommandRunner::Actions actions) {
    auto fleet = std::make_unique<WalkinFleet>();
    auto store = SqliteFleetStore::open(dbFile);
    if (!store) return databaseError(dbFile, store.status());
    fleet->store = std::move(store).value();
    fleet->runner = std::make_unique<FleetCommandRunner>(fleet->mailbox, *fleet->store, std::move(actions));
    const Settings& settings = bundle.settings;
    if (settings.central.apiUrl.empty()) return fleet;

    auto senderStore = SqliteFleetStore::open(dbFile);
    if (!senderStore) return databaseError(dbFile, senderStore.status());
    fleet->senderStore = std::move(senderStore).value();
    auto outbox = SqliteOutboxStore::open(dbFile, bundle.requests);
    if (!outbox) return databaseError(dbFile, outbox.status());
    fleet->health = std::make_unique<KioskHealthProbe>(settings, clock, spooler, std::move(outbox).value(),
                                                       *fleet->senderStore);
    HeartbeatSender::Options options;
    options.http.baseUrl = settings.central.apiUrl;
    options.http.caFile = settings.central.caFile;
    options.http.clientCertificate = settings.central.clientCertificate;
    options.http.clientKey = settings.central.clientKey;
    options.http.pinnedPublicKey = settings.central.pinnedPublicKey;
    options.interval = std::chrono::seconds(settings.fleet.heartbeatSeconds);
    HeartbeatSender::RenewHook renew;
    if (!settings.central.clientCertificate.empty()) {
        renew = [&clock, cert = settings.central.clientCertificate, key = settings.central.clientKey](
                    HttpClient& http, bool serverAsked) -> Status {
            if (!serverAsked && !certificateEndsWithin(cert, clock.now(), kRenewBefore)) return Status::ok();
            if (Status s = renewCertificate(http, key, cert); !s) return s;
            log::info("fleet: the kiosk certificate was renewed");
            return Status::ok();
        };
    }
    fleet->sender = std::make_unique<HeartbeatSender>(*fleet->health, fleet->mailbox, *fleet->senderStore,
                                                      clock, options, std::move(renew));
    HeartbeatSender& sender = *fleet->sender;
    fleet->mailbox.onReady([&sender] { sender.wake(); });
    fleet->sender->start();
    return fleet;
}

}  // namespace wp
