#include "kiosk/store/kiosk_schema.h"

#include <array>

namespace wp {

namespace {

// Times are milliseconds since 1970 (UTC); days are local days "YYYY-MM-DD" in Europe/Amsterdam.
constexpr std::array<Migration, 10> kMigrations = {{
    {1, "queue: tickets, their per-day counters and events", R"sql(
        -- The last number handed out per service per local day. Bumped in the same transaction that
        -- inserts the ticket, so a number is never handed out twice; a crash before COMMIT loses nothing.
        CREATE TABLE ticket_counter (
            service_id  TEXT    NOT NULL,
            day         TEXT    NOT NULL,
            last_number INTEGER NOT NULL CHECK (last_number > 0),
            PRIMARY KEY (service_id, day)
        ) WITHOUT ROWID;

        CREATE TABLE ticket (
            id           INTEGER PRIMARY KEY,
            service_id   TEXT    NOT NULL,
            day          TEXT    NOT NULL,
            number       INTEGER NOT NULL CHECK (number > 0),
            display      TEXT    NOT NULL,
            issued_at_ms INTEGER NOT NULL,
            state        TEXT    NOT NULL DEFAULT 'waiting'
                         CHECK (state IN ('waiting', 'called', 'serving', 'done', 'no-show', 'cancelled')),
            counter      TEXT,
            UNIQUE (service_id, day, number)  -- the last line of defence against a repeated number
        );

        -- Every queue change, without personal data. AUTOINCREMENT: a seq is never reused, also after
        -- old events are deleted, so readers can follow the table by seq.
        CREATE TABLE queue_event (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            kind       TEXT    NOT NULL,
            service_id TEXT    NOT NULL,
            day        TEXT    NOT NULL,
            number     INTEGER NOT NULL DEFAULT 0,
            counter    TEXT,
            at_ms      INTEGER NOT NULL
        );
    )sql"},
    {2, "queue: counters, pauses, and indexes for the per-day lists", R"sql(
        -- Which counter serves which service, on the day it was opened.
        CREATE TABLE counter_service (
            counter      TEXT    NOT NULL,
            service_id   TEXT    NOT NULL,
            day          TEXT    NOT NULL,
            opened_at_ms INTEGER NOT NULL,
            PRIMARY KEY (counter, service_id)
        ) WITHOUT ROWID;

        -- A service the host paused; the pause holds for its day only.
        CREATE TABLE service_pause (
            service_id   TEXT    PRIMARY KEY,
            day          TEXT    NOT NULL,
            paused_at_ms INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE INDEX ticket_by_state ON ticket (service_id, day, state, number);
        CREATE INDEX queue_event_by_service_day ON queue_event (service_id, day, seq);
    )sql"},
    {3, "outbox: requests on their way to the central server", R"sql(
        -- One row per request a resident handed in. body is the JSON as sent (the same bytes on every
        -- attempt); after delivery, and after a rejected row's keep time, it is replaced by the request
        -- without personal fields. Rows are never deleted: the reference codes issued stay known.
        CREATE TABLE outbox (
            id                 INTEGER PRIMARY KEY,
            uuid               TEXT    NOT NULL UNIQUE,
            reference          TEXT    NOT NULL UNIQUE,
            type               TEXT    NOT NULL,
            body               TEXT    NOT NULL,
            state              TEXT    NOT NULL DEFAULT 'waiting'
                               CHECK (state IN ('waiting', 'delivered', 'rejected')),
            attempts           INTEGER NOT NULL DEFAULT 0,
            created_at_ms      INTEGER NOT NULL,
            next_attempt_at_ms INTEGER NOT NULL,
            last_error         TEXT    NOT NULL DEFAULT '',
            last_error_at_ms   INTEGER,
            http_status        INTEGER NOT NULL DEFAULT 0,
            error_code         TEXT    NOT NULL DEFAULT '',
            error_message      TEXT    NOT NULL DEFAULT '',
            error_field        TEXT    NOT NULL DEFAULT '',
            delivered_at_ms    INTEGER,
            rejected_at_ms     INTEGER,
            wiped_at_ms        INTEGER
        );
        CREATE INDEX outbox_due ON outbox (state, next_attempt_at_ms);
    )sql"},
    {4, "host console: ticket origin, parking, transfers, outcomes, revisions; PIN lockouts", R"sql(
        -- The ticket table again, with the 'parked' state and the host console's columns. SQLite cannot change
        -- a CHECK constraint in place: copy, drop, rename, and recreate the index that went with the table.
        CREATE TABLE ticket_v4 (
            id                 INTEGER PRIMARY KEY,
            service_id         TEXT    NOT NULL,
            day                TEXT    NOT NULL,
            number             INTEGER NOT NULL CHECK (number > 0),
            display            TEXT    NOT NULL,
            issued_at_ms       INTEGER NOT NULL,  -- also the place in line: kept on a transfer
            state              TEXT    NOT NULL DEFAULT 'waiting'
                               CHECK (state IN ('waiting', 'called', 'serving', 'done', 'no-show', 'cancelled',
                                                'parked')),
            counter            TEXT,
            origin             TEXT    NOT NULL DEFAULT 'walk-in'
                               CHECK (origin IN ('walk-in', 'appointment', 'host')),
            outcome            TEXT    NOT NULL DEFAULT ''
                               CHECK (outcome IN ('', 'helped', 'referred', 'follow-up')),
            transferred_from   TEXT    NOT NULL DEFAULT '',
            first_called_at_ms INTEGER,
            last_called_at_ms  INTEGER,
            service_ms         INTEGER NOT NULL DEFAULT 0,
            revision           INTEGER NOT NULL DEFAULT 0,
            UNIQUE (service_id, day, number)  -- the last line of defence against a repeated number
        );
        INSERT INTO ticket_v4 (id, service_id, day, number, display, issued_at_ms, state, counter)
            SELECT id, service_id, day, number, display, issued_at_ms, state, counter FROM ticket;
        DROP TABLE ticket;
        ALTER TABLE ticket_v4 RENAME TO ticket;
        CREATE INDEX ticket_by_state ON ticket (service_id, day, state, number);
        CREATE INDEX ticket_line ON ticket (service_id, day, state, issued_at_ms, number);
        CREATE INDEX ticket_by_day ON ticket (day, service_id, number);

        -- The (service, day, number) a transferred ticket had before, so that its earlier events still lead to
        -- the ticket (and its display, "H-014"). Numbers never repeat within a (service, day).
        CREATE TABLE ticket_former_number (
            service_id TEXT    NOT NULL,
            day        TEXT    NOT NULL,
            number     INTEGER NOT NULL,
            ticket_id  INTEGER NOT NULL,
            PRIMARY KEY (service_id, day, number)
        ) WITHOUT ROWID;

        -- Wrong PINs per host console (counter), so a restart does not reset a lockout.
        CREATE TABLE console_pin (
            console          TEXT    PRIMARY KEY,
            failures         INTEGER NOT NULL DEFAULT 0,
            locked_until_ms  INTEGER
        ) WITHOUT ROWID;
    )sql"},
    {5, "host alerts: residents asking for the host, the walk-in role's printer", R"sql(
        -- One row per screen on which a resident asked for the host, until a host acknowledges it; later presses
        -- on the same screen fold into the open row.
        CREATE TABLE help_request (
            id                 INTEGER PRIMARY KEY,
            screen             TEXT    NOT NULL,
            first_at_ms        INTEGER NOT NULL,
            last_at_ms         INTEGER NOT NULL,
            presses            INTEGER NOT NULL DEFAULT 1,
            acknowledged_at_ms INTEGER,
            acknowledged_by    TEXT    NOT NULL DEFAULT ''
        );
        CREATE INDEX help_request_open ON help_request (acknowledged_at_ms, screen);

        -- The walk-in role's latest printer report: one row (id = 1).
        CREATE TABLE printer_report (
            id                INTEGER PRIMARY KEY CHECK (id = 1),
            state             TEXT    NOT NULL DEFAULT 'unknown',
            reasons           TEXT    NOT NULL DEFAULT '',  -- comma-separated IPP reasons
            accepting_jobs    INTEGER NOT NULL DEFAULT 0,
            message           TEXT    NOT NULL DEFAULT '',
            status_at_ms      INTEGER,
            last_failure      TEXT    NOT NULL DEFAULT '',  -- a PrintOutcome name, '' when none
            last_failure_at_ms INTEGER,
            last_success_at_ms INTEGER
        );
    )sql"},
    {6, "queue statistics: how far the queue events have been forwarded to the central server",
     R"sql(
        -- One row (id = 1): the seq of the last queue_event the central server has confirmed, and when.
        CREATE TABLE queue_forward (
            id              INTEGER PRIMARY KEY CHECK (id = 1),
            last_seq        INTEGER NOT NULL DEFAULT 0,
            last_sent_at_ms INTEGER
        );
        INSERT INTO queue_forward (id, last_seq) VALUES (1, 0);
    )sql"},
    {7, "reference codes: every code this kiosk ever issued, so none is handed out twice", R"sql(
        -- No personal data: the code and when it was drawn. A repeat draws again (DESIGN.md: reference code).
        CREATE TABLE issued_reference (
            code         TEXT    PRIMARY KEY,
            issued_at_ms INTEGER NOT NULL
        ) WITHOUT ROWID;
    )sql"},
    {8, "opt-in text messages: the mobile number of a ticket and the messages made for it", R"sql(
        -- Personal data that never leaves the kiosk: deleted (secure_delete) when the ticket is done or
        -- its day is over.
        CREATE TABLE sms_subscription (
            ticket_id     INTEGER PRIMARY KEY,
            number        TEXT    NOT NULL,  -- normalised: "+316" and eight digits
            language      TEXT    NOT NULL,
            created_at_ms INTEGER NOT NULL
        );
        -- At most one message per ticket and kind. Unsent while sent_at_ms is NULL.
        CREATE TABLE sms_message (
            id                  INTEGER PRIMARY KEY,
            ticket_id           INTEGER NOT NULL,
            kind                TEXT    NOT NULL CHECK (kind IN ('near', 'called')),
            text                TEXT    NOT NULL,
            created_at_ms       INTEGER NOT NULL,
            next_attempt_at_ms  INTEGER NOT NULL,
            attempts            INTEGER NOT NULL DEFAULT 0,  -- failed ones
            first_failure_at_ms INTEGER,                     -- since when it fails (NULL: it never did)
            last_error          TEXT    NOT NULL DEFAULT '',
            sent_at_ms          INTEGER,
            UNIQUE (ticket_id, kind)
        );
    )sql"},
    {9, "appointments: today's bookings for check-in, arrivals and no-shows for the central server", R"sql(
        -- An appointment ticket from a check-in carries its booked start: "next" calls it from then on, ahead
        -- of the walk-ins (kiosk/core/queue.h callsBefore). NULL for every other ticket.
        ALTER TABLE ticket ADD COLUMN booked_start_ms INTEGER;

        -- This contact point's bookings as the central server listed them (GET /v1/appointments/today), so
        -- check-in works offline. name is personal data: rows are deleted (secure_delete) once their day
        -- is over. state is the kiosk's view: the server's, unless a check-in or no-show here is newer.
        CREATE TABLE appointment (
            code             TEXT    PRIMARY KEY,  -- the booking code, "K7QM2XD9"
            day              TEXT    NOT NULL,
            service_id       TEXT    NOT NULL,
            start_ms         INTEGER NOT NULL,
            end_ms           INTEGER NOT NULL,
            name             TEXT    NOT NULL DEFAULT '',
            state            TEXT    NOT NULL DEFAULT 'booked'
                             CHECK (state IN ('booked', 'arrived', 'no-show')),
            arrived_at_ms    INTEGER,
            no_show_at_ms    INTEGER,
            ticket_id        INTEGER,           -- the appointment ticket of the check-in
            auto_no_show     INTEGER NOT NULL DEFAULT 1,  -- 0 once a host undid a no-show
            synced_at_ms     INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX appointment_by_day ON appointment (day, start_ms);

        -- Arrivals and no-shows on their way to the central server (POST /v1/appointments/events), by their
        -- uuid (the server takes each once). No personal data. Sent rows are deleted with their day.
        CREATE TABLE appointment_event (
            uuid        TEXT    PRIMARY KEY,
            code        TEXT    NOT NULL,
            kind        TEXT    NOT NULL CHECK (kind IN ('arrived', 'no-show')),
            day         TEXT    NOT NULL,
            at_ms       INTEGER NOT NULL,
            sent_at_ms  INTEGER
        ) WITHOUT ROWID;

        -- When a code typed at this kiosk was not a booking: counted, so guessing is no faster offline.
        CREATE TABLE appointment_wrong_code (
            id    INTEGER PRIMARY KEY,
            at_ms INTEGER NOT NULL
        );
    )sql"},
    {10, "fleet care: whether the kiosk is out of service, and the results of the admin's commands", R"sql(
        -- At most one row (id 1): present while the kiosk is out of service, with the admin's message.
        CREATE TABLE fleet_service (
            id      INTEGER PRIMARY KEY CHECK (id = 1),
            message TEXT    NOT NULL
        );
        -- One row per command the kiosk ran; reported once the central server has the result.
        CREATE TABLE fleet_command (
            id       INTEGER PRIMARY KEY,
            ok       INTEGER NOT NULL CHECK (ok IN (0, 1)),
            detail   TEXT    NOT NULL DEFAULT '',
            reported INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1))
        );
    )sql"},
}};

}  // namespace

std::span<const Migration> kioskMigrations() {
    return kMigrations;
}

}  // namespace wp
