// The walk-in role: the resident's touch screen with its queue, printer and resident session.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "common/random_source.h"
#include "drivers/net/outbox_sender.h"
#include "drivers/printer/cups_printer.h"
#include "drivers/speech/recording_speaker.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/role.h"
#include "kiosk/core/print_spooler.h"
#include "kiosk/core/queue.h"
#include "kiosk/core/resident_session.h"
#include "kiosk/core/ticket_flow.h"
#include "kiosk/store/outbox_store.h"
#include "kiosk/store/sqlite_host_alert_store.h"
#include "kiosk/store/sqlite_queue_store.h"
#include "kiosk/ui/resident_shell.h"
#include "kiosk/ui/screen.h"

namespace wp {

namespace {

// Every screen a tile opens must exist; a bundle naming an unknown one is refused before start-up.
Status checkScreens(const Bundle& bundle) {
    auto ids = ui::screenIds();
    for (const StartTile& tile : bundle.content.tiles)
        if (std::find(ids.begin(), ids.end(), tile.screen) == ids.end())
            return Status::invalidInput(
                fmt::format("{}/content.toml: tile '{}' opens screen '{}', which does not exist",
                            bundle.settings.contentDir.string(), tile.id, tile.screen));
    return Status::ok();
}

class WalkinRole final : public Role {
public:
    WalkinRole(RoleContext& c, std::unique_ptr<SqliteHostAlertStore> alerts)
        : bundle_(c.bundle),
          clock_(c.clock),
          speaker_(c.options.speechLog),
          alerts_(std::move(alerts)),
          session_(bundle_, clock_, speaker_, *alerts_) {}

    ~WalkinRole() override {
        sender_.reset();  // its threads stop before the outbox store goes
        session_.attachTicketFlow(nullptr);
        ticketFlow_.reset();
        spooler_.reset();  // joins the print worker before the printer goes
    }

    Status setUp(const std::function<void()>& wake) {
        if (Status s = checkScreens(bundle_); !s) return s;
        const auto dbFile = kioskDatabase(bundle_.settings);
        auto store = SqliteQueueStore::open(dbFile, bundle_.services);
        if (!store) return databaseError(dbFile, store.status());
        store_ = std::move(store).value();
        queue_ = std::make_unique<ServiceQueue>(bundle_.services, *store_, clock_);
        const auto& p = bundle_.settings.printer;
        if (auto way = parsePrintWay(p.way)) {
            CupsPrinterSettings cups;
            cups.way = *way;
            cups.queue = p.queue;
            cups.server = p.server;
            printer_ = std::make_unique<CupsPrinter>(cups);
            spooler_ = std::make_unique<PrintSpooler>(*printer_, wake);
        }
        ticketFlow_ = std::make_unique<TicketFlow>(*queue_, *store_, spooler_.get(), bundle_.settings, clock_);
        // Print outcomes and the printer's state go to the database, where the host console reads them.
        ticketFlow_->onPrintOutcome([this](PrintOutcome o) { (void)alerts_->reportPrintOutcome(o, clock_.now()); });
        session_.attachTicketFlow(ticketFlow_.get());

        // Store-and-forward to the central server, when this kiosk has one (DESIGN.md: the walk-in path).
        if (const auto& central = bundle_.settings.central; !central.apiUrl.empty()) {
            auto outbox = SqliteOutboxStore::open(dbFile);
            if (!outbox) return databaseError(dbFile, outbox.status());
            outbox_ = std::move(outbox).value();
            OutboxSender::Options options;
            options.http.baseUrl = central.apiUrl;
            options.http.caFile = central.caFile;
            options.http.clientCertificate = central.clientCertificate;
            options.http.clientKey = central.clientKey;
            options.http.pinnedPublicKey = central.pinnedPublicKey;
            sender_ = std::make_unique<OutboxSender>(*outbox_, clock_, random_, options);
            sender_->start();
        }
        return Status::ok();
    }

    const Settings::Screen& screen() const override { return bundle_.settings.screen; }
    std::vector<std::string> themeIds() const override {
        return {bundle_.settings.theme, bundle_.settings.highContrastTheme};
    }

    void drawFrame(ui::Ui& ui, float width, float height) override { shell_.drawFrame(ui, session_, width, height); }

    bool update() override {
        bool changed = session_.tick();
        changed |= ticketFlow_->collectPrintResults();
        changed |= ticketFlow_->refreshTicket();  // a host's call shows on the ticket screen too
        if (TimePoint now = clock_.now(); now >= nextPrinterCheck_) {
            // The printer's state for the start screen and the host, every half minute of the injected clock.
            ticketFlow_->requestPrinterStatus();
            nextPrinterCheck_ = now + std::chrono::seconds(30);
        }
        if (spooler_ && spooler_->hasStatus()) {
            PrinterStatus status = spooler_->lastStatus();
            if (!reported_ || status.state != reported_->state || status.reasons != reported_->reasons ||
                status.acceptingJobs != reported_->acceptingJobs) {
                if (alerts_->reportPrinterStatus(status, clock_.now())) reported_ = status;
            }
        }
        return changed;
    }

    std::string timedStateKey() const override {
        std::string key = formatLocalHourMinute(session_.now());
        if (ticketFlow_ && ticketFlow_->printerTrouble()) key += "/printer-trouble";
        if (session_.idlePhase() == IdleTimer::Phase::Warning)
            key += fmt::format("/w{}", session_.idleSecondsLeft());
        return key;
    }

    void noteActivity() override { session_.noteActivity(); }
    void back() override { session_.back(); }

    std::vector<std::string> spoken() const override { return speaker_.texts(); }

private:
    Bundle& bundle_;
    const Clock& clock_;
    RecordingSpeaker speaker_;
    std::unique_ptr<SqliteHostAlertStore> alerts_;  // "ask the host" presses and the printer, for the host
    ResidentSession session_;
    ui::ResidentShell shell_;
    std::unique_ptr<SqliteQueueStore> store_;
    std::unique_ptr<ServiceQueue> queue_;
    std::unique_ptr<Printer> printer_;
    std::unique_ptr<PrintSpooler> spooler_;
    std::unique_ptr<TicketFlow> ticketFlow_;
    TimePoint nextPrinterCheck_{};
    std::optional<PrinterStatus> reported_;  // the printer state last written for the host console
    SystemRandom random_;
    std::unique_ptr<SqliteOutboxStore> outbox_;
    std::unique_ptr<OutboxSender> sender_;
};

}  // namespace

Result<std::unique_ptr<Role>> makeWalkinRole(RoleContext& context) {
    const auto dbFile = kioskDatabase(context.bundle.settings);
    auto alerts = SqliteHostAlertStore::open(dbFile);
    if (!alerts) return databaseError(dbFile, alerts.status());
    auto role = std::make_unique<WalkinRole>(context, std::move(alerts).value());
    if (Status s = role->setUp(context.wake); !s) return s;
    return std::unique_ptr<Role>(std::move(role));
}

}  // namespace wp
