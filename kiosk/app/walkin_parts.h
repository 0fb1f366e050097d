// WalkinParts: everything the walk-in role is made of, owned in one place — the kiosk database's stores,
// the queue, the contact point's printer, the ticket and request flows, the printed answers, the senders to
// the central server, the status lookup, the opt-in text messages, the resident session and the shell that
// draws it.
//
// The members are declared in dependency order: each uses only those above it, so destruction (the reverse)
// needs no hand-written sequence. The shell and the print spooler's registration end before the session;
// the session (which points at the flows and the lookup, and holds their registrations) goes before them;
// every worker thread (the senders, the lookup, the print spooler) stops before the stores and the printer
// it uses. makeWalkinParts builds them the way the app runs them; tests build them with the same function.
// UI thread only.
#pragma once

#include <functional>
#include <memory>

#include "common/bundle.h"
#include "common/clock.h"
#include "common/random_source.h"
#include "common/status.h"
#include "drivers/net/kannel_sms_sender.h"
#include "drivers/net/outbox_sender.h"
#include "drivers/net/queue_stat_sender.h"
#include "drivers/net/sms_notifier_thread.h"
#include "drivers/speech/recording_speaker.h"
#include "kiosk/app/contact_point_printer.h"
#include "kiosk/app/walkin_fleet.h"
#include "kiosk/core/answer_printer.h"
#include "kiosk/core/appointment_booking.h"
#include "kiosk/core/appointment_checkin.h"
#include "kiosk/core/appointment_client.h"
#include "kiosk/core/appointment_sync.h"
#include "kiosk/core/personal_data.h"
#include "kiosk/core/printer.h"
#include "kiosk/core/queue.h"
#include "kiosk/core/request_flow.h"
#include "kiosk/core/resident_session.h"
#include "kiosk/core/sms_opt_in.h"
#include "kiosk/core/status_lookup.h"
#include "kiosk/core/ticket_flow.h"
#include "kiosk/store/outbox_store.h"
#include "kiosk/store/queue_forward_store.h"
#include "kiosk/store/sqlite_appointment_store.h"
#include "kiosk/store/sqlite_host_alert_store.h"
#include "kiosk/store/sqlite_host_queue_store.h"
#include "kiosk/store/sqlite_queue_store.h"
#include "kiosk/store/sqlite_reference_store.h"
#include "kiosk/store/sqlite_sms_store.h"
#include "kiosk/ui/resident_shell.h"

namespace wp {

// Opt-in text messages (with [sms] settings only: common/sms_settings.h). The resident's opt-in stores
// numbers through `store` on the UI thread; the notifier runs on its own thread with connections of its own
// (notifierStore, tickets) and its own texts, random source and gateway client. Declared in dependency order:
// the thread stops first.
struct WalkinSms {
    WalkinSms(const Bundle& bundle) : texts(bundle.content) {}
    std::unique_ptr<SqliteSmsStore> store;
    std::unique_ptr<SmsOptIn> optIn;
    std::unique_ptr<SqliteSmsStore> notifierStore;
    std::unique_ptr<SqliteQueueStore> tickets;
    Texts texts;
    SystemRandom random;
    std::unique_ptr<KannelSmsSender> sender;
    std::unique_ptr<SmsNotifier> notifier;
    std::unique_ptr<SmsNotifierThread> thread;
};

struct WalkinParts {
    WalkinParts(const Bundle& bundle, const Clock& clock, const std::filesystem::path& speechLog)
        : bundle(bundle), clock(clock), speaker(speechLog) {}
    WalkinParts(const WalkinParts&) = delete;
    WalkinParts& operator=(const WalkinParts&) = delete;

    const Bundle& bundle;
    const Clock& clock;
    SystemRandom random;
    RecordingSpeaker speaker;
    std::unique_ptr<SqliteHostAlertStore> alerts;  // "ask the host" presses and the printer, for the host
    std::unique_ptr<SqliteQueueStore> queueStore;
    std::unique_ptr<SqliteHostQueueStore> hostQueue;  // pauses and serving counters, as the hosts set them
    std::unique_ptr<ServiceQueue> queue;
    std::unique_ptr<ContactPointPrinter> printer;
    std::unique_ptr<TicketFlow> ticketFlow;
    std::unique_ptr<SqliteOutboxStore> outbox;
    // With a central server only: the outbox's sender, the queue-statistics sender on connections of its
    // own (its own store connections too), and "Status van mijn vraag".
    std::unique_ptr<OutboxSender> sender;
    std::unique_ptr<SqliteQueueStore> queueStatEvents;
    std::unique_ptr<SqliteQueueForwardStore> queueForward;
    std::unique_ptr<QueueStatSender> queueStats;
    std::unique_ptr<StatusLookup> statusLookup;
    std::unique_ptr<AppointmentClient> appointmentClient;  // appointments at the central server
    std::unique_ptr<SqliteReferenceStore> references;
    std::unique_ptr<SpoolerReceipts> receipts;        // null without a printer
    std::unique_ptr<SpoolerReceipts> answerReceipts;  // null without a printer
    std::unique_ptr<RequestFlow> requestFlow;
    std::unique_ptr<AnswerPrinter> answerPrinter;
    std::unique_ptr<SpoolerReceipts> appointmentSlips;       // null without a printer
    std::unique_ptr<AppointmentBooking> appointmentBooking;  // null without a central server
    std::unique_ptr<WalkinSms> sms;                          // null without [sms] settings
    // "Ik heb een afspraak": check-in on the UI thread's connection; with a central server also the sync of
    // today's bookings and the arrival and no-show events, on a thread and connection of its own.
    std::unique_ptr<SqliteAppointmentStore> appointments;
    std::unique_ptr<AppointmentCheckin> checkin;
    std::unique_ptr<SqliteAppointmentStore> syncedAppointments;
    std::unique_ptr<AppointmentSync> appointmentSync;
    std::unique_ptr<ResidentSession> session;
    PersonalDataRegistration spoolerHolder;  // receipts waiting for the printer, on the session's list
    std::unique_ptr<ui::ResidentShell> shell;
    // Fleet care: the heartbeat and the admin's commands (walkin_fleet.h); made by the role, which knows
    // how to take a screenshot and restart. Last: its heartbeat thread stops first.
    std::unique_ptr<WalkinFleet> fleet;
};

// Builds the walk-in role's parts from the bundle and opens the kiosk database (DATA_DIR/kiosk.sqlite).
// wake: called from worker threads when a result is ready. printer: the contact point's printer; null
// takes the one the settings name (settingsPrinter), if any. Fails when the bundle names a screen that does
// not exist or the database cannot be opened.
Result<std::unique_ptr<WalkinParts>> makeWalkinParts(const Bundle& bundle, const Clock& clock,
                                                     const std::filesystem::path& speechLog,
                                                     std::function<void()> wake,
                                                     std::unique_ptr<Printer> printer = nullptr);

// The request flows' engine with this bundle's settings and question tree, on the given outbox and reference
// store; receipts may be null (no printer). makeWalkinParts makes its flow with it, and so does a test that
// needs another; this is the one place a RequestFlow is made.
std::unique_ptr<RequestFlow> makeRequestFlow(const Bundle& bundle, const Clock& clock, RandomSource& random,
                                             OutboxStore& outbox, ReferenceCodeStore& references,
                                             ReceiptQueue* receipts);

}  // namespace wp
