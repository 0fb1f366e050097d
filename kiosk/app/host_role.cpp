// The host role: the host console. Reads the shared kiosk database every second (the walk-in role and
// other consoles write to it); acts through HostDesk. Tickets added by hand print on the contact point's
// ticket printer (settings [printer], as the walk-in role), through this process's own ContactPointPrinter,
// which also reports the printer's state and print outcomes for every console's alerts. A resident's call for
// help chimes (drivers/sound) when it comes in and each time it is pressed again. The shortcut keys go to
// the console (HostShell::shortcut).
#include <fmt/format.h>

#include "common/sms_settings.h"
#include "drivers/net/curl_http_client.h"
#include "drivers/sound/sdl_chime.h"
#include "kiosk/app/contact_point_printer.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/role.h"
#include "kiosk/core/appointment_board.h"
#include "kiosk/core/appointment_booking.h"
#include "kiosk/core/appointment_client.h"
#include "kiosk/core/host_alert_board.h"
#include "kiosk/core/host_desk.h"
#include "kiosk/core/texts.h"
#include "kiosk/store/outbox_store.h"
#include "kiosk/store/sqlite_appointment_store.h"
#include "kiosk/store/sqlite_fleet_store.h"
#include "kiosk/store/sqlite_host_alert_store.h"
#include "kiosk/store/sqlite_host_queue_store.h"
#include "kiosk/store/sqlite_pin_lock_store.h"
#include "kiosk/store/sqlite_queue_store.h"
#include "kiosk/store/sqlite_sms_store.h"
#include "kiosk/ui/host_shell.h"

namespace wp {

namespace {

class HostRole final : public Role {
  public:
    HostRole(RoleContext& c) : bundle_(c.bundle), clock_(c.clock), texts_(bundle_.content) {}

    Status setUp(const std::function<void()>& wake) {
        const auto dbFile = kioskDatabase(bundle_.settings);
        auto fail = [&](const Status& s) { return databaseError(dbFile, s); };
        auto tickets = SqliteQueueStore::open(dbFile, bundle_.services);
        if (!tickets) return fail(tickets.status());
        tickets_ = std::move(tickets).value();
        auto changes = SqliteHostQueueStore::open(dbFile, bundle_.services);
        if (!changes) return fail(changes.status());
        changes_ = std::move(changes).value();
        auto pinLocks = SqlitePinLockStore::open(dbFile);
        if (!pinLocks) return fail(pinLocks.status());
        pinLocks_ = std::move(pinLocks).value();
        auto alerts = SqliteHostAlertStore::open(dbFile);
        if (!alerts) return fail(alerts.status());
        alertStore_ = std::move(alerts).value();
        auto outbox = SqliteOutboxStore::open(dbFile, bundle_.requests);
        if (!outbox) return fail(outbox.status());
        outbox_ = std::move(outbox).value();
        HostDeskOptions options;
        options.counter = bundle_.settings.host.counter;
        options.lockAfterIdle = std::chrono::minutes(bundle_.settings.host.lockAfterMinutes);
        desk_ = std::make_unique<HostDesk>(bundle_.services, bundle_.hosts,
                                           HostDeskStores{*tickets_, *changes_, *pinLocks_}, clock_, options);
        // The same printer as the walk-in role's; a ticket added by hand prints in the console's language.
        printer_ = std::make_unique<ContactPointPrinter>(bundle_.settings, *alertStore_, clock_, wake);
        if (PrintSpooler* spooler = printer_->spooler()) {
            desk_->attachPrinter(spooler, &bundle_.settings, &texts_,
                                 bundle_.settings.session.defaultLanguage);
            desk_->onPrintOutcome([this](PrintOutcome o) { printer_->reportOutcome(o); });
        }
        board_ = std::make_unique<HostAlertBoard>(*alertStore_, outbox_.get(), clock_);
        // The walk-in role keeps whether an admin put the kiosk out of service; the console says so.
        auto fleet = SqliteFleetStore::open(dbFile);
        if (!fleet) return fail(fleet.status());
        fleet_ = std::move(fleet).value();
        board_->attachFleet(fleet_.get());
        auto smsSettings = loadSmsSettings(bundle_.settings.path);
        if (!smsSettings) return smsSettings.status();
        if (smsSettings->enabled()) {  // the walk-in role sends; the console shows its trouble
            auto sms = SqliteSmsStore::open(dbFile);
            if (!sms) return fail(sms.status());
            sms_ = std::move(sms).value();
            board_->attachSms(sms_.get());
        }
        auto appointments = SqliteAppointmentStore::open(dbFile);
        if (!appointments) return fail(appointments.status());
        appointmentStore_ = std::move(appointments).value();
        appointments_ = std::make_unique<AppointmentBoard>(*appointmentStore_, clock_);
        shell_ = std::make_unique<ui::HostShell>(bundle_, texts_, *desk_, *board_, clock_);
        // Appointments the host makes for a resident, at the central server; slips on the console's printer.
        if (const auto& central = bundle_.settings.central; !central.apiUrl.empty()) {
            CurlHttpClientOptions http;
            http.baseUrl = central.apiUrl;
            http.caFile = central.caFile;
            http.clientCertificate = central.clientCertificate;
            http.clientKey = central.clientKey;
            http.pinnedPublicKey = central.pinnedPublicKey;
            appointmentClient_ = std::make_unique<AppointmentClient>(std::make_unique<CurlHttpClient>(http),
                                                                     clock_, random_, wake);
            if (PrintSpooler* spooler = printer_->spooler())
                slips_ = std::make_unique<SpoolerReceipts>(*spooler, PrintSpooler::JobKind::Appointment);
            booking_ = std::make_unique<AppointmentBooking>(
                *appointmentClient_, bundle_.settings.contactPoint.letters, slips_.get());
            shell_->attachBooking(booking_.get());
        }
        shell_->attachAppointments(appointments_.get());
        shell_->refresh();
        return Status::ok();
    }

    const Settings::Screen& screen() const override { return bundle_.settings.hostScreen; }
    std::vector<std::string> themeIds() const override { return {bundle_.settings.hostTheme}; }
    void drawFrame(ui::Ui& ui, float width, float height) override { shell_->drawFrame(ui, width, height); }
    bool update() override {
        bool changed = desk_->collectPrintResults();
        printer_->update();  // paper out or offline shows in the alerts, read back by refresh()
        changed |= shell_->refresh();
        if (board_->takeNewCallForHelp()) chime_.play();
        return changed;
    }
    bool shortcut(std::string_view key) override { return shell_->shortcut(key); }
    std::string timedStateKey() const override { return formatLocalHourMinute(clock_.now()); }
    void noteActivity() override { desk_->noteActivity(); }
    std::vector<std::string> spoken() const override { return {}; }

  private:
    // In dependency order: each member uses only those above it, so the shell goes first, the desk before
    // the printer it prints on, and the print worker stops before the stores.
    Bundle& bundle_;
    const Clock& clock_;
    Texts texts_;
    SdlChime chime_;
    std::unique_ptr<SqliteQueueStore> tickets_;
    std::unique_ptr<SqliteHostQueueStore> changes_;
    std::unique_ptr<SqlitePinLockStore> pinLocks_;
    std::unique_ptr<SqliteHostAlertStore> alertStore_;
    std::unique_ptr<SqliteOutboxStore> outbox_;
    std::unique_ptr<SqliteSmsStore> sms_;  // with [sms] settings only: the gateway's trouble for the alerts
    std::unique_ptr<SqliteFleetStore> fleet_;  // out of service, as the walk-in role keeps it
    std::unique_ptr<ContactPointPrinter> printer_;
    std::unique_ptr<HostDesk> desk_;
    std::unique_ptr<HostAlertBoard> board_;
    SystemRandom random_;
    std::unique_ptr<AppointmentClient> appointmentClient_;  // null without a central server
    std::unique_ptr<SpoolerReceipts> slips_;
    std::unique_ptr<AppointmentBooking> booking_;
    std::unique_ptr<SqliteAppointmentStore>
        appointmentStore_;  // today's appointments, synced by the walk-in role
    std::unique_ptr<AppointmentBoard> appointments_;
    std::unique_ptr<ui::HostShell> shell_;
};

}  // namespace

Result<std::unique_ptr<Role>> makeHostRole(RoleContext& context) {
    auto role = std::make_unique<HostRole>(context);
    if (Status s = role->setUp(context.wake); !s) return s;
    return std::unique_ptr<Role>(std::move(role));
}

}  // namespace wp
