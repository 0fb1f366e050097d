// CentralServer::Impl: the server's parts and its handlers, shared by central_server.cpp (identities,
// routing, upkeep, the server's life), kiosk_api_handlers.cpp (what kiosks and residents call),
// appointment_api_handlers.cpp (appointments at the kiosk), agenda_api_handlers.cpp (agendas and bookings
// for staff) and staff_api_handlers.cpp (what admins and team members call). Private to central/.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "central/api_routes.h"
#include "central/appointment_mailer.h"
#include "central/appointment_slots.h"
#include "central/backoffice/back_office.h"
#include "central/central_server.h"
#include "central/enrolled_kiosks.h"
#include "central/fleet_view.h"
#include "central/http_exchange.h"
#include "central/http_server.h"
#include "central/intake_writer.h"
#include "central/kiosk_ca.h"
#include "central/kiosk_revocations.h"
#include "central/live_routing.h"
#include "central/lookup_guard.h"
#include "central/public_pages.h"
#include "central/rate_limiter.h"
#include "central/retention_sweeper.h"
#include "common/random_source.h"

namespace wp {

struct CentralServer::Impl {
    Impl(const CentralConfig& c, CentralStore& s, const Clock& k, NotificationSender& sender)
        : config(c),
          store(s),
          clock(k),
          routing(s, RequestRouter::fallbackTeamsOf(c.requests.specs)),
          lookups(k, c.lookup),
          revocations(s, c.tls.revokedSubjects, c.tls.revokedSerials,
                      std::chrono::milliseconds(c.revocation.cacheMs)),
          enrolled(s, c.kiosks),
          enrollsBySource(k, c.enrollment.perSourcePerMinute),
          queuePageViews(k, c.publicPages.queuePagesPerMinute),
          wrongCodesByKiosk(k, c.appointments.wrongCodesPerKiosk,
                            std::chrono::minutes(c.appointments.wrongCodesPerKioskMinutes)),
          wrongCodesBySource(k, c.appointments.wrongCodesPerSource,
                             std::chrono::minutes(c.appointments.wrongCodesPerSourceMinutes)),
          pages(c, s, s, k),
          writer(s, c.server.maxBatch),
          notifier(s, sender, k, TeamNotifier::Options{}),
          mailSender(c),
          mailer(c, s, mailSender, k, AppointmentMailer::Options{}),
          retention(c, s, s, s, k),
          backOffice(c, s, k, routing),
          failIntakes(c.testing.failFirstIntakes) {}

    const CentralConfig& config;
    CentralStore& store;
    const Clock& clock;
    LiveRouting routing;               // the store's routing; reloaded after an admin changes it
    LookupGuard lookups;               // status lookups, JSON and HTML together
    KioskRevocations revocations;      // the store's and the config's, on every kiosk request
    EnrolledKiosks enrolled;           // the kiosk of a certificate subject: the config's, then the store's
    RateLimiter enrollsBySource;       // POST /v1/enroll per source address
    std::unique_ptr<KioskCa> kioskCa;  // signs enrollments and renewals; null without [enrollment] ca_key
    RateLimiter queuePageViews;        // public queue pages
    RateLimiter wrongCodesByKiosk;     // wrong booking codes per kiosk code
    RateLimiter wrongCodesBySource;    // wrong booking codes per source address
    SystemRandom random;               // booking codes
    PublicPages pages;
    IntakeWriter writer;
    TeamNotifier notifier;
    CurlMailSender mailSender;  // the residents' appointment e-mails, over [smtp]
    AppointmentMailer mailer;
    RetentionSweeper retention;
    BackOffice backOffice;  // the pages under /backoffice/ on the public listener
    std::atomic<int> failIntakes;
    std::unique_ptr<HttpService> service;  // the routes for http
    std::unique_ptr<HttpServer> http;
    int port = 0;

    std::mutex sweepMutex;
    std::condition_variable sweepCv;
    bool stopping = false;
    std::thread sweeper;

    // --- identities (central_server.cpp)
    // The kiosk behind a request (its client certificate, checked against the store's and the config's
    // revocations on every request), or the error sent and nullopt.
    std::optional<KioskIdentity> kioskOf(const HttpRequest& req, HttpResponse& res);
    // Whether kioskOf would find a kiosk, decided without reading the store or waiting on a lock (for an
    // I/O thread): nullopt when the revocation cache cannot answer now, false with the error sent.
    std::optional<bool> kioskAdmittedWithoutBlocking(const HttpRequest& req, HttpResponse& res);
    // The same with the kiosk found: nullopt when the cache cannot answer now; an empty kiosk with the error
    // sent.
    std::optional<std::optional<KioskIdentity>> kioskWithoutBlocking(const HttpRequest& req,
                                                                     HttpResponse& res);
    // The kiosk of cert once its revocation and its kiosk (config or store; nullopt: none) are known, or the
    // error sent and nullopt.
    std::optional<KioskIdentity> enrolledKiosk(const PeerCert& cert, bool revoked,
                                               const std::optional<KioskIdentity>& known,
                                               HttpResponse& res) const;
    // The person behind a personal bearer token (not revoked, not expired on the injected clock), or the
    // error sent and nullopt.
    std::optional<Person> personOf(const HttpRequest& req, HttpResponse& res);

    // --- what kiosks and residents call (kiosk_api_handlers.cpp)
    void health(const HttpRequest&, HttpResponse& res);
    void postRequest(const HttpRequest& req, HttpResponse& res);
    // postRequest on an I/O thread: false (nothing done) when the kiosk cannot be known without a store
    // read; else true, and done is called once the answer is in res (at once for a refusal, else from the
    // writer's thread once the request is durable).
    bool postRequestWithoutBlocking(const HttpRequest& req, HttpResponse& res, std::function<void()> done);
    // What the writer stores for a kiosk's request, or nullopt with the refusal in res.
    std::optional<IntakeItem> intakeItemOf(const KioskIdentity& kiosk, const HttpRequest& req,
                                           HttpResponse& res);
    // The answer to an intake once the writer has its outcome; wakes the notifier when the stored request
    // queued notifications.
    void answerIntake(const IntakeOutcome& out, const std::string& kioskCode, const std::string& reference,
                      const std::string& uuid, bool notifies, HttpResponse& res);
    void getRequestStatus(const HttpRequest& req, HttpResponse& res);
    void postQueueEvents(const HttpRequest& req, HttpResponse& res);
    // The public HTML pages (central/public_pages.h): the handlers only rate-limit and send.
    void sendPage(HttpResponse& res, const HtmlPage& page);
    // False (and the 429 or 503 page sent) when the page may not be served now.
    bool pageAllowed(const HttpRequest& req, HttpResponse& res, RateLimiter& limiter, PublicPages::Kind kind,
                     const std::string& lang);
    void queuePage(const HttpRequest& req, HttpResponse& res);
    void statusPage(const HttpRequest& req, HttpResponse& res);
    // False (and Retry-After set) when LookupGuard refuses a status lookup from this source now.
    bool lookupAdmitted(const HttpRequest& req, HttpResponse& res);

    // --- appointments at the kiosk (appointment_api_handlers.cpp)
    void getAppointmentOffers(const HttpRequest& req, HttpResponse& res);
    void getAppointmentSlots(const HttpRequest& req, HttpResponse& res);
    void postAppointment(const HttpRequest& req, HttpResponse& res);
    void getAppointment(const HttpRequest& req, HttpResponse& res);
    void cancelAppointment(const HttpRequest& req, HttpResponse& res);
    void changeAppointment(const HttpRequest& req, HttpResponse& res);
    void getAppointmentsToday(const HttpRequest& req, HttpResponse& res);
    void postAppointmentEvents(const HttpRequest& req, HttpResponse& res);
    // Now, the lead time and the horizon of [appointments].
    SlotHorizon slotHorizon() const;
    // When the reminder of an appointment at start is due (reminderDueAt with [appointments] reminder_hour:
    // that hour the day before, at once when that has passed, nullopt on the appointment's day).
    std::optional<TimePoint> reminderDue(TimePoint start) const;
    // The active agenda, or the 422 (field service) or 503 sent and nullopt.
    std::optional<Agenda> bookableAgenda(const std::string& contactPoint, const std::string& service,
                                         HttpResponse& res);
    // False (429 with Retry-After sent) when the kiosk or the source address has used up its wrong codes.
    bool codeLookupAdmitted(const KioskIdentity& kiosk, const HttpRequest& req, HttpResponse& res);
    // Counts a wrong code against the kiosk and the source address, and sends the one 404 of every wrong
    // code.
    void wrongCode(const KioskIdentity& kiosk, const HttpRequest& req, HttpResponse& res);
    // The live (not cancelled) booking of the path's {code}, or the 429, 404 or 503 sent and nullopt.
    std::optional<Booking> liveBookingOf(const KioskIdentity& kiosk, const HttpRequest& req,
                                         HttpResponse& res);

    // --- agendas for staff (agenda_api_handlers.cpp)
    void listAgendas(const HttpRequest& req, HttpResponse& res);
    void putAgenda(const HttpRequest& req, HttpResponse& res);
    void getAgendaBookings(const HttpRequest& req, HttpResponse& res);

    // --- what admins and team members call (staff_api_handlers.cpp)
    void listRequests(const HttpRequest& req, HttpResponse& res);
    void getRequestDetail(const HttpRequest& req, HttpResponse& res);
    void setRequestStatus(const HttpRequest& req, HttpResponse& res);
    void getAuditLog(const HttpRequest& req, HttpResponse& res);

    // --- the fleet's kiosk side (fleet_kiosk_handlers.cpp): enrollment with a token, then over mutual TLS
    void enroll(const HttpRequest& req, HttpResponse& res);
    void renewCertificate(const HttpRequest& req, HttpResponse& res);
    void postHeartbeat(const HttpRequest& req, HttpResponse& res);
    // A screenshot (image/png) or the log lines (text/plain) for command {id}.
    void putCommandUpload(const HttpRequest& req, HttpResponse& res, bool screenshot);
    // The validity of a certificate issued now: from an hour before now to [enrollment] certificate_days.
    std::pair<TimePoint, TimePoint> certificateValidity() const;

    // --- the fleet's staff side (fleet_staff_handlers.cpp): admins; coordinators may list the kiosks
    void createEnrollToken(const HttpRequest& req, HttpResponse& res);
    void listFleetKiosks(const HttpRequest& req, HttpResponse& res);
    void revokeFleetKiosk(const HttpRequest& req, HttpResponse& res);
    void postKioskCommand(const HttpRequest& req, HttpResponse& res);
    void getKioskCommand(const HttpRequest& req, HttpResponse& res);
    void getCommandUpload(const HttpRequest& req, HttpResponse& res);
    // The caller when they are an admin (or, with coordinators, a coordinator), or the error sent and
    // nullopt.
    std::optional<Person> fleetAdminOf(const HttpRequest& req, HttpResponse& res, bool coordinators);
    // Every kiosk with its trouble now; an error when the store cannot be read.
    Result<std::vector<FleetEntry>> fleetNow();

    // --- routing and upkeep
    // Runs the route's handler, then logs a 401, 403 or 429 it answered (logRefusal).
    void dispatch(RouteId id, const HttpRequest& req, HttpResponse& res);
    void route(RouteId id, const HttpRequest& req, HttpResponse& res);
    // Logs res when it is a 401, 403 or 429: the route's template (never the path, which may hold a
    // reference code), the error code and message, and who asked (the kiosk, else the source address).
    // Never a body or a token. Also for refusals before the body (central_server.cpp's routes).
    void logRefusal(RouteId id, const HttpRequest& req, const HttpResponse& res) const;
    // Background upkeep: the WAL checkpoint every second (real time), the retention sweep every
    // checkIntervalMs.
    void runSweeper();
};

}  // namespace wp
