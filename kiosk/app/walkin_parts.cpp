#include "kiosk/app/walkin_parts.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>

#include "common/checkin_settings.h"
#include "drivers/net/curl_http_client.h"
#include "kiosk/app/role.h"
#include "kiosk/ui/pictograms.h"
#include "kiosk/ui/screen.h"

namespace wp {

namespace {

// Every screen a tile opens and every pictogram it names must exist; a bundle naming an unknown one is
// refused before start-up.
Status checkScreens(const Bundle& bundle) {
    auto ids = ui::screenIds();
    for (const StartTile& tile : bundle.content.tiles) {
        if (std::find(ids.begin(), ids.end(), tile.screen) == ids.end())
            return Status::invalidInput(
                fmt::format("{}/content.toml: tile '{}' opens screen '{}', which does not exist",
                            bundle.settings.contentDir.string(), tile.id, tile.screen));
        if (!ui::hasPictogram(tile.pictogram))
            return Status::invalidInput(fmt::format(
                "{}/content.toml: tile '{}' names pictogram '{}', which does not exist (there are: {})",
                bundle.settings.contentDir.string(), tile.id, tile.pictogram,
                fmt::join(ui::pictogramNames(), ", ")));
    }
    return Status::ok();
}

// Store-and-forward to the central server (DESIGN.md: the walk-in path), the queue events (no personal
// data) for its statistics and the phone queue page, "Status van mijn vraag" and appointments: each on
// connections of its own, so the screen never waits for them.
Status startCentralLinks(WalkinParts& p, const std::filesystem::path& dbFile,
                         const std::function<void()>& wake) {
    const auto& central = p.bundle.settings.central;
    OutboxSender::Options options;
    options.http.baseUrl = central.apiUrl;
    options.http.caFile = central.caFile;
    options.http.clientCertificate = central.clientCertificate;
    options.http.clientKey = central.clientKey;
    options.http.pinnedPublicKey = central.pinnedPublicKey;
    p.sender = std::make_unique<OutboxSender>(*p.outbox, p.clock, p.random, options);
    p.sender->start();

    auto events = SqliteQueueStore::open(dbFile, p.bundle.services);
    if (!events) return databaseError(dbFile, events.status());
    p.queueStatEvents = std::move(events).value();
    auto cursor = SqliteQueueForwardStore::open(dbFile);
    if (!cursor) return databaseError(dbFile, cursor.status());
    p.queueForward = std::move(cursor).value();
    SqliteQueueForwardStore& forward = *p.queueForward;
    QueueStatSender::Cursor access;
    access.lastSeq = [&forward]() -> Result<std::int64_t> {
        auto c = forward.cursor();
        if (!c) return c.status();
        return c->lastSeq;
    };
    access.lastSentAt = [&forward]() -> std::optional<TimePoint> {
        auto c = forward.cursor();
        return c ? c->lastSentAt : std::nullopt;
    };
    access.confirm = [&forward](std::int64_t seq, TimePoint at) { return forward.confirm(seq, at); };
    QueueStatSender::Options stats;
    stats.http = options.http;
    stats.kioskCode = p.bundle.settings.kioskCode;
    p.queueStats = std::make_unique<QueueStatSender>(*p.queueStatEvents, std::move(access), p.clock, stats);
    p.queueStats->start();

    p.statusLookup = std::make_unique<StatusLookup>(std::make_unique<CurlHttpClient>(options.http), wake);
    p.appointmentClient = std::make_unique<AppointmentClient>(std::make_unique<CurlHttpClient>(options.http),
                                                              p.clock, p.random, wake);
    return Status::ok();
}

// The resident request flows (reference codes, the outbox, receipts) and the printed answers of the question
// tree, both on the ticket printer's spooler.
Status openRequestFlow(WalkinParts& p, const std::filesystem::path& dbFile) {
    auto references = SqliteReferenceStore::open(dbFile);
    if (!references) return databaseError(dbFile, references.status());
    p.references = std::move(references).value();
    if (PrintSpooler* spooler = p.printer->spooler()) {
        p.receipts = std::make_unique<SpoolerReceipts>(*spooler, PrintSpooler::JobKind::Receipt);
        p.answerReceipts = std::make_unique<SpoolerReceipts>(*spooler, PrintSpooler::JobKind::Answer);
    }
    p.requestFlow = makeRequestFlow(p.bundle, p.clock, p.random, *p.outbox, *p.references, p.receipts.get());
    p.answerPrinter =
        std::make_unique<AnswerPrinter>(p.bundle.settings.contactPoint.name, p.clock, p.answerReceipts.get());
    if (p.appointmentClient) {
        if (PrintSpooler* spooler = p.printer->spooler())
            p.appointmentSlips =
                std::make_unique<SpoolerReceipts>(*spooler, PrintSpooler::JobKind::Appointment);
        p.appointmentBooking = std::make_unique<AppointmentBooking>(
            *p.appointmentClient, p.bundle.settings.contactPoint.letters, p.appointmentSlips.get());
    }
    return Status::ok();
}

// Opt-in text messages through the Kannel gateway of the [sms] settings: the resident's opt-in, and the
// notifier on its own thread. This role is the one process that sends them (kiosk/core/sms_notifier.h).
Status startSms(WalkinParts& p, const std::filesystem::path& dbFile, const SmsSettings& settings) {
    auto sms = std::make_unique<WalkinSms>(p.bundle);
    auto store = SqliteSmsStore::open(dbFile);
    if (!store) return databaseError(dbFile, store.status());
    sms->store = std::move(store).value();
    sms->optIn = std::make_unique<SmsOptIn>(*sms->store, *p.ticketFlow, p.clock);
    auto notifierStore = SqliteSmsStore::open(dbFile);
    if (!notifierStore) return databaseError(dbFile, notifierStore.status());
    sms->notifierStore = std::move(notifierStore).value();
    auto tickets = SqliteQueueStore::open(dbFile, p.bundle.services);
    if (!tickets) return databaseError(dbFile, tickets.status());
    sms->tickets = std::move(tickets).value();
    sms->sender = std::make_unique<KannelSmsSender>(settings);
    SmsRules rules;
    rules.nearAhead = settings.nearAhead;
    sms->notifier = std::make_unique<SmsNotifier>(*sms->tickets, *sms->notifierStore, *sms->sender,
                                                  sms->texts, p.clock, sms->random, rules);
    sms->thread = std::make_unique<SmsNotifierThread>(*sms->notifier);
    sms->thread->start();
    p.sms = std::move(sms);
    return Status::ok();
}

// Check-in for appointments on the walk-in role's queue; with a central server, codes not kept here are
// asked there, and today's bookings are synced and the arrivals and no-shows forwarded on a thread.
Status startCheckin(WalkinParts& p, const std::filesystem::path& dbFile, const std::function<void()>& wake) {
    auto loaded = loadCheckinSettings(p.bundle.settings.path);
    if (!loaded) return loaded.status();
    CheckinRules rules;
    rules.early = std::chrono::minutes(loaded->earlyMinutes);
    rules.late = std::chrono::minutes(loaded->lateMinutes);
    rules.wrongCodeLimit = loaded->wrongCodes;
    rules.wrongCodeWindow = std::chrono::minutes(loaded->wrongCodesMinutes);
    auto store = SqliteAppointmentStore::open(dbFile);
    if (!store) return databaseError(dbFile, store.status());
    p.appointments = std::move(store).value();
    const auto& central = p.bundle.settings.central;
    CurlHttpClientOptions http;
    http.baseUrl = central.apiUrl;
    http.caFile = central.caFile;
    http.clientCertificate = central.clientCertificate;
    http.clientKey = central.clientKey;
    http.pinnedPublicKey = central.pinnedPublicKey;
    const bool linked = !central.apiUrl.empty();
    CheckinParts parts{*p.appointments, *p.queueStore, *p.queue,
                       p.clock,         p.random,      p.bundle.settings.contactPoint.letters};
    p.checkin = std::make_unique<AppointmentCheckin>(
        parts, rules, linked ? std::make_unique<CurlHttpClient>(http) : nullptr, wake);
    if (!linked) return Status::ok();
    auto synced = SqliteAppointmentStore::open(dbFile);
    if (!synced) return databaseError(dbFile, synced.status());
    p.syncedAppointments = std::move(synced).value();
    AppointmentSync::Options options;
    options.rules = rules;
    options.refresh = std::chrono::minutes(loaded->refreshMinutes);
    p.appointmentSync = std::make_unique<AppointmentSync>(*p.syncedAppointments, p.clock,
                                                          std::make_unique<CurlHttpClient>(http), options);
    p.appointmentSync->start();
    return Status::ok();
}

}  // namespace

std::unique_ptr<RequestFlow> makeRequestFlow(const Bundle& bundle, const Clock& clock, RandomSource& random,
                                             OutboxStore& outbox, ReferenceCodeStore& references,
                                             ReceiptQueue* receipts) {
    const Settings& s = bundle.settings;
    RequestFlowSettings flowSettings;
    flowSettings.contactPointName = s.contactPoint.name;
    flowSettings.letters = s.contactPoint.letters;
    flowSettings.kioskCode = s.kioskCode;
    flowSettings.publicUrl = s.central.publicUrl;
    flowSettings.coachWorkingDays = s.central.initiativeContactDays;
    auto topics = [&bundle](std::string_view id) -> std::optional<FlowTopic> {
        const QuestionTopic* t = bundle.questions.topic(id);
        if (t == nullptr) return std::nullopt;
        return FlowTopic{t->id, t->labelKey, t->requestCategory};
    };
    return std::make_unique<RequestFlow>(flowSettings, bundle.requests, clock, random, outbox, references,
                                         receipts, topics);
}

Result<std::unique_ptr<WalkinParts>> makeWalkinParts(const Bundle& bundle, const Clock& clock,
                                                     const std::filesystem::path& speechLog,
                                                     std::function<void()> wake,
                                                     std::unique_ptr<Printer> printer) {
    if (Status s = checkScreens(bundle); !s) return s;
    auto parts = std::make_unique<WalkinParts>(bundle, clock, speechLog);
    WalkinParts& p = *parts;
    const auto dbFile = kioskDatabase(bundle.settings);

    auto alerts = SqliteHostAlertStore::open(dbFile);
    if (!alerts) return databaseError(dbFile, alerts.status());
    p.alerts = std::move(alerts).value();
    auto store = SqliteQueueStore::open(dbFile, bundle.services);
    if (!store) return databaseError(dbFile, store.status());
    p.queueStore = std::move(store).value();
    auto host = SqliteHostQueueStore::open(dbFile, bundle.services);
    if (!host) return databaseError(dbFile, host.status());
    p.hostQueue = std::move(host).value();
    p.queue = std::make_unique<ServiceQueue>(bundle.services, *p.queueStore, *p.hostQueue, clock);

    if (!printer) printer = settingsPrinter(bundle.settings);
    p.printer = std::make_unique<ContactPointPrinter>(std::move(printer), *p.alerts, clock, wake);
    p.ticketFlow =
        std::make_unique<TicketFlow>(*p.queue, *p.queueStore, p.printer->spooler(), bundle.settings, clock);
    // Print outcomes and the printer's state go to the database, where the host console reads them.
    ContactPointPrinter& contactPointPrinter = *p.printer;
    p.ticketFlow->onPrintOutcome(
        [&contactPointPrinter](PrintOutcome o) { contactPointPrinter.reportOutcome(o); });

    // Requests queue in the outbox also while no central server is configured.
    auto outbox = SqliteOutboxStore::open(dbFile, p.bundle.requests);
    if (!outbox) return databaseError(dbFile, outbox.status());
    p.outbox = std::move(outbox).value();
    if (!bundle.settings.central.apiUrl.empty())
        if (Status s = startCentralLinks(p, dbFile, wake); !s) return s;
    if (Status s = openRequestFlow(p, dbFile); !s) return s;
    auto sms = loadSmsSettings(bundle.settings.path);
    if (!sms) return sms.status();
    if (sms->enabled())
        if (Status s = startSms(p, dbFile, sms.value()); !s) return s;

    if (Status s = startCheckin(p, dbFile, wake); !s) return s;

    // The session and everything that holds the resident's personal data on its list.
    p.session = std::make_unique<ResidentSession>(bundle, clock, p.speaker, *p.alerts);
    p.session->attachTicketFlow(p.ticketFlow.get());
    p.session->attachStatusLookup(p.statusLookup.get());
    p.session->attachRequestFlow(p.requestFlow.get());
    p.session->attachAnswerPrinter(p.answerPrinter.get());
    p.session->attachAppointmentBooking(p.appointmentBooking.get());
    if (p.sms) p.session->attachSmsOptIn(p.sms->optIn.get());
    p.session->attachAppointmentCheckin(p.checkin.get());
    if (PrintSpooler* spooler = p.printer->spooler()) p.spoolerHolder = p.session->registerHolder(*spooler);
    p.shell = std::make_unique<ui::ResidentShell>(*p.session);
    return parts;
}

}  // namespace wp
