// The walk-in role: the resident's touch screen with its queue, printer and resident session.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "common/random_source.h"
#include "drivers/net/curl_http_client.h"
#include "drivers/net/outbox_sender.h"
#include "drivers/net/queue_stat_sender.h"
#include "drivers/speech/recording_speaker.h"
#include "kiosk/app/contact_point_printer.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/role.h"
#include "kiosk/core/print_spooler.h"
#include "kiosk/core/queue.h"
#include "kiosk/core/request_flow.h"
#include "kiosk/core/resident_session.h"
#include "kiosk/core/status_lookup.h"
#include "kiosk/core/ticket_flow.h"
#include "kiosk/store/outbox_store.h"
#include "kiosk/store/queue_forward_store.h"
#include "kiosk/store/sqlite_host_alert_store.h"
#include "kiosk/store/sqlite_host_queue_store.h"
#include "kiosk/store/sqlite_queue_store.h"
#include "kiosk/store/sqlite_reference_store.h"
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
        if (requestFlow_) session_.removeWipeListener(flowWipe_);
        session_.attachRequestFlow(nullptr);
        requestFlow_.reset();
        sender_.reset();      // its threads stop before the outbox store goes
        queueStats_.reset();  // its thread stops before its stores go
        session_.attachStatusLookup(nullptr);
        statusLookup_.reset();  // joins its worker
        session_.attachTicketFlow(nullptr);
        ticketFlow_.reset();
        printer_.reset();  // joins the print worker
    }

    Status setUp(const std::function<void()>& wake) {
        if (Status s = checkScreens(bundle_); !s) return s;
        const auto dbFile = kioskDatabase(bundle_.settings);
        auto store = SqliteQueueStore::open(dbFile, bundle_.services);
        if (!store) return databaseError(dbFile, store.status());
        store_ = std::move(store).value();
        // Pauses and serving counters, as the hosts set them.
        auto host = SqliteHostQueueStore::open(dbFile, bundle_.services);
        if (!host) return databaseError(dbFile, host.status());
        hostQueue_ = std::move(host).value();
        queue_ = std::make_unique<ServiceQueue>(bundle_.services, *store_, *hostQueue_, clock_);
        printer_ = std::make_unique<ContactPointPrinter>(bundle_.settings, *alerts_, clock_, wake);
        ticketFlow_ =
            std::make_unique<TicketFlow>(*queue_, *store_, printer_->spooler(), bundle_.settings, clock_);
        // Print outcomes and the printer's state go to the database, where the host console reads them.
        ticketFlow_->onPrintOutcome([this](PrintOutcome o) { printer_->reportOutcome(o); });
        session_.attachTicketFlow(ticketFlow_.get());

        // Requests queue in the outbox also while no central server is configured.
        auto outbox = SqliteOutboxStore::open(dbFile);
        if (!outbox) return databaseError(dbFile, outbox.status());
        outbox_ = std::move(outbox).value();
        // Store-and-forward to the central server, when this kiosk has one (DESIGN.md: the walk-in path).
        if (const auto& central = bundle_.settings.central; !central.apiUrl.empty()) {
            OutboxSender::Options options;
            options.http.baseUrl = central.apiUrl;
            options.http.caFile = central.caFile;
            options.http.clientCertificate = central.clientCertificate;
            options.http.clientKey = central.clientKey;
            options.http.pinnedPublicKey = central.pinnedPublicKey;
            sender_ = std::make_unique<OutboxSender>(*outbox_, clock_, random_, options);
            sender_->start();
            if (Status s = startQueueStats(dbFile, options.http); !s) return s;
            // "Status van mijn vraag": lookups by reference code on their own worker and connection.
            statusLookup_ =
                std::make_unique<StatusLookup>(std::make_unique<CurlHttpClient>(options.http), wake);
            session_.attachStatusLookup(statusLookup_.get());
        }
        if (Status s = setUpRequestFlows(dbFile); !s) return s;
        return Status::ok();
    }

    // Queue events (no personal data) to the central server, for its statistics and the phone queue page,
    // on connections of their own so the screen never waits for them.
    Status startQueueStats(const std::filesystem::path& dbFile, const CurlHttpClientOptions& http) {
        auto events = SqliteQueueStore::open(dbFile, bundle_.services);
        if (!events) return databaseError(dbFile, events.status());
        queueStatEvents_ = std::move(events).value();
        auto cursor = SqliteQueueForwardStore::open(dbFile);
        if (!cursor) return databaseError(dbFile, cursor.status());
        queueForward_ = std::move(cursor).value();
        QueueStatSender::Cursor access;
        access.lastSeq = [this]() -> Result<std::int64_t> {
            auto c = queueForward_->cursor();
            if (!c) return c.status();
            return c->lastSeq;
        };
        access.lastSentAt = [this]() -> std::optional<TimePoint> {
            auto c = queueForward_->cursor();
            return c ? c->lastSentAt : std::nullopt;
        };
        access.confirm = [this](std::int64_t seq, TimePoint at) { return queueForward_->confirm(seq, at); };
        QueueStatSender::Options options;
        options.http = http;
        options.kioskCode = bundle_.settings.kioskCode;
        queueStats_ =
            std::make_unique<QueueStatSender>(*queueStatEvents_, std::move(access), clock_, options);
        queueStats_->start();
        return Status::ok();
    }

    // The resident request flows: reference codes, the outbox and receipts on the ticket spooler.
    Status setUpRequestFlows(const std::filesystem::path& dbFile) {
        auto references = SqliteReferenceStore::open(dbFile);
        if (!references) return databaseError(dbFile, references.status());
        references_ = std::move(references).value();
        if (PrintSpooler* spooler = printer_->spooler())
            receipts_ = std::make_unique<SpoolerReceipts>(*spooler);
        const Settings& s = bundle_.settings;
        RequestFlowSettings flowSettings;
        flowSettings.contactPointName = s.contactPoint.name;
        flowSettings.letters = s.contactPoint.letters;
        flowSettings.kioskCode = s.kioskCode;
        flowSettings.publicUrl = s.central.publicUrl;
        flowSettings.coachWorkingDays = s.central.initiativeContactDays;
        auto topics = [this](std::string_view id) -> std::optional<FlowTopic> {
            const QuestionTopic* t = bundle_.questions.topic(id);
            if (t == nullptr) return std::nullopt;
            return FlowTopic{t->id, t->labelKey, t->requestCategory};
        };
        requestFlow_ = std::make_unique<RequestFlow>(flowSettings, clock_, random_, *outbox_, *references_,
                                                     receipts_.get(), topics);
        session_.attachRequestFlow(requestFlow_.get());
        flowWipe_ = session_.addWipeListener([this] { requestFlow_->wipe(); });
        return Status::ok();
    }

    const Settings::Screen& screen() const override { return bundle_.settings.screen; }
    std::vector<std::string> themeIds() const override {
        return {bundle_.settings.theme, bundle_.settings.highContrastTheme};
    }

    void drawFrame(ui::Ui& ui, float width, float height) override {
        shell_.drawFrame(ui, session_, width, height);
    }

    bool update() override {
        bool changed = session_.tick();
        changed |= ticketFlow_->collectPrintResults();
        changed |= ticketFlow_->refreshTicket();  // a host's call shows on the ticket screen too
        if (requestFlow_) {
            changed |= requestFlow_->collectPrintResults();
            // What was typed lives only while the request screen is up: leaving it another way forgets it.
            if (requestFlow_->active() && session_.screen().id != "request") {
                requestFlow_->wipe();
                changed = true;
            }
        }
        // The printer's state for the start screen (read by the ticket flow) and the host.
        printer_->update();
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
    std::unique_ptr<SqliteHostQueueStore> hostQueue_;
    std::unique_ptr<ServiceQueue> queue_;
    std::unique_ptr<ContactPointPrinter> printer_;
    std::unique_ptr<TicketFlow> ticketFlow_;
    SystemRandom random_;
    std::unique_ptr<SqliteOutboxStore> outbox_;
    std::unique_ptr<OutboxSender> sender_;
    std::unique_ptr<SqliteQueueStore> queueStatEvents_;  // the queue-statistics sender's own connection
    std::unique_ptr<SqliteQueueForwardStore> queueForward_;
    std::unique_ptr<QueueStatSender> queueStats_;
    std::unique_ptr<StatusLookup> statusLookup_;
    std::unique_ptr<SqliteReferenceStore> references_;
    std::unique_ptr<SpoolerReceipts> receipts_;
    std::unique_ptr<RequestFlow> requestFlow_;
    ResidentSession::WipeListenerId flowWipe_ = 0;
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
