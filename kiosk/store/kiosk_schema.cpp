#include "kiosk/store/kiosk_schema.h"

#include <array>

namespace wp {

namespace {

// Times are milliseconds since 1970 (UTC); days are local days "YYYY-MM-DD" in Europe/Amsterdam.
constexpr std::array<Migration, 3> kMigrations = {{
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
    {3, "outbox: requests on their way to the central server (issue 4)", R"sql(
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
}};

}  // namespace

std::span<const Migration> kioskMigrations() { return kMigrations; }

}  // namespace wp
