// SqliteCentralStore's appointments (AppointmentStore): the tables agenda, agenda_window, agenda_closure,
// booking, booking_event, booking_email and booking_cancel_token (migration 9 in central_schema.cpp), on the
// connection for everything but intake. Booking, changing and cancelling each run in one BEGIN IMMEDIATE
// transaction that counts the slot's seats before taking one; the unique index booking_seat backs the count.
#include <fmt/format.h>

#include <algorithm>

#include "central/store/sqlite_audit.h"
#include "central/store/sqlite_central_store.h"

namespace wp {

namespace {

constexpr std::string_view kBookingColumns =
    "b.id, b.code, b.uuid, b.kiosk, b.contact_point, b.service, b.start_ms, b.end_ms, b.state, b.name, "
    "b.phone, "
    "b.email, b.language, b.booked_by, b.created_at_ms, b.updated_at_ms, b.wiped_at_ms, "
    "COALESCE(a.place, ''), COALESCE(a.address, ''), COALESCE(a.team, '')";
constexpr std::string_view kBookingFrom =
    " FROM booking b LEFT JOIN agenda a ON a.contact_point = b.contact_point AND a.service = b.service";

Booking bookingFrom(const SqliteStatement& st) {
    Booking b;
    b.id = st.integer(0);
    b.code = st.text(1);
    b.uuid = st.text(2);
    b.kioskCode = st.text(3);
    b.contactPoint = st.text(4);
    b.service = st.text(5);
    b.start = fromUnixMillis(st.integer(6));
    b.end = fromUnixMillis(st.integer(7));
    b.state = bookingStateFromString(st.text(8)).value_or(BookingState::Booked);
    b.name = st.text(9);
    b.phone = st.text(10);
    b.email = st.text(11);
    b.language = st.text(12);
    b.bookedBy = bookedByFromString(st.text(13)).value_or(BookedBy::Kiosk);
    b.createdAt = fromUnixMillis(st.integer(14));
    b.updatedAt = fromUnixMillis(st.integer(15));
    b.personalDataWiped = !st.isNull(16);
    b.place = st.text(17);
    b.address = st.text(18);
    b.team = st.text(19);
    return b;
}

// The bookings a query with kBookingColumns returns.
Result<std::vector<Booking>> bookingsFrom(SqliteStatement& st) {
    std::vector<Booking> out;
    for (;;) {
        auto row = st.step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back(bookingFrom(st));
    }
    return out;
}

// One booking by a column of its own ("code", "uuid", "id").
template <typename Key>
Result<std::optional<Booking>> bookingBy(SqliteDatabase& c, std::string_view column, const Key& key) {
    auto st = c.prepare(fmt::format("SELECT {}{} WHERE b.{} = ?", kBookingColumns, kBookingFrom, column));
    if (!st) return st.status();
    st->bind(1, key);
    auto list = bookingsFrom(*st);
    if (!list) return list.status();
    if (list->empty()) return std::optional<Booking>();
    return std::optional<Booking>(std::move(list->front()));
}

// The agenda's seats, or nullopt when there is no active agenda.
Result<std::optional<int>> activeParallel(SqliteDatabase& c, const std::string& contactPoint,
                                          const std::string& service) {
    auto st = c.prepare("SELECT parallel FROM agenda WHERE contact_point = ? AND service = ? AND active = 1");
    if (!st) return st.status();
    st->bind(1, contactPoint).bind(2, service);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<int>();
    return std::optional<int>(static_cast<int>(st->integer(0)));
}

// The lowest free seat of a slot, or nullopt when all `parallel` are taken.
Result<std::optional<int>> freeSeat(SqliteDatabase& c, const std::string& contactPoint,
                                    const std::string& service, TimePoint start, int parallel) {
    auto st = c.prepare(
        "SELECT seat FROM booking WHERE contact_point = ? AND service = ? AND start_ms = ? AND seat IS NOT "
        "NULL "
        "ORDER BY seat");
    if (!st) return st.status();
    st->bind(1, contactPoint).bind(2, service).bind(3, toUnixMillis(start));
    std::vector<std::int64_t> taken;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        taken.push_back(st->integer(0));
    }
    if (static_cast<int>(taken.size()) >= parallel) return std::optional<int>();
    for (int seat = 0; seat < parallel; ++seat)
        if (std::find(taken.begin(), taken.end(), seat) == taken.end()) return std::optional<int>(seat);
    return std::optional<int>();
}

Status queueEmail(SqliteDatabase& c, std::int64_t bookingId, BookingEmailKind kind, TimePoint due) {
    auto st = c.prepare("INSERT INTO booking_email (booking_id, kind, due_at_ms) VALUES (?, ?, ?)");
    if (!st) return st.status();
    st->bind(1, bookingId).bind(2, toString(kind)).bind(3, toUnixMillis(due));
    return st->run();
}

Status dropUnsentEmails(SqliteDatabase& c, std::int64_t bookingId) {
    auto st = c.prepare("DELETE FROM booking_email WHERE booking_id = ? AND sent_at_ms IS NULL");
    if (!st) return st.status();
    st->bind(1, bookingId);
    return st->run();
}

Status writeAgendaRows(SqliteDatabase& c, const Agenda& a, TimePoint now) {
    for (const char* table : {"agenda", "agenda_window", "agenda_closure"}) {
        auto del = c.prepare(fmt::format("DELETE FROM {} WHERE contact_point = ? AND service = ?", table));
        if (!del) return del.status();
        del->bind(1, a.contactPoint).bind(2, a.service);
        if (Status s = del->run(); !s) return s;
    }
    auto st = c.prepare(
        "INSERT INTO agenda (contact_point, service, slot_minutes, parallel, place, address, team, active, "
        "updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!st) return st.status();
    st->bind(1, a.contactPoint).bind(2, a.service).bind(3, std::int64_t(a.slotMinutes));
    st->bind(4, std::int64_t(a.parallel)).bind(5, a.place).bind(6, a.address).bind(7, a.team);
    st->bind(8, std::int64_t(a.active ? 1 : 0)).bind(9, toUnixMillis(now));
    if (Status s = st->run(); !s) return s;
    for (std::size_t day = 0; day < a.weekly.size(); ++day)
        for (const AgendaWindow& w : a.weekly[day]) {
            auto ins = c.prepare(
                "INSERT INTO agenda_window (contact_point, service, weekday, from_minute, to_minute) "
                "VALUES (?, ?, ?, ?, ?)");
            if (!ins) return ins.status();
            ins->bind(1, a.contactPoint).bind(2, a.service).bind(3, std::int64_t(day));
            ins->bind(4, std::int64_t(w.fromMinute)).bind(5, std::int64_t(w.toMinute));
            if (Status s = ins->run(); !s) return s;
        }
    for (const AgendaClosure& cl : a.closures) {
        auto ins = c.prepare(
            "INSERT INTO agenda_closure (contact_point, service, day, from_minute, to_minute, reason) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        if (!ins) return ins.status();
        ins->bind(1, a.contactPoint).bind(2, a.service).bind(3, cl.day);
        ins->bind(4, std::int64_t(cl.fromMinute)).bind(5, std::int64_t(cl.toMinute)).bind(6, cl.reason);
        if (Status s = ins->run(); !s) return s;
    }
    return Status::ok();
}

// Every agenda (or the one of contactPoint and service, when given) with its hours and closures.
Result<std::vector<Agenda>> readAgendas(SqliteDatabase& c, const std::string* contactPoint,
                                        const std::string* service) {
    std::string where = contactPoint != nullptr ? " WHERE contact_point = ? AND service = ?" : "";
    std::vector<Agenda> out;
    {
        auto st = c.prepare(
            "SELECT contact_point, service, slot_minutes, parallel, place, address, team, active, "
            "updated_at_ms "
            "FROM agenda" +
            where + " ORDER BY contact_point, service");
        if (!st) return st.status();
        if (contactPoint != nullptr) st->bind(1, *contactPoint).bind(2, *service);
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            Agenda a;
            a.contactPoint = st->text(0);
            a.service = st->text(1);
            a.slotMinutes = static_cast<int>(st->integer(2));
            a.parallel = static_cast<int>(st->integer(3));
            a.place = st->text(4);
            a.address = st->text(5);
            a.team = st->text(6);
            a.active = st->integer(7) != 0;
            a.updatedAt = fromUnixMillis(st->integer(8));
            out.push_back(std::move(a));
        }
    }
    auto find = [&](const std::string& cp, const std::string& svc) -> Agenda* {
        for (Agenda& a : out)
            if (a.contactPoint == cp && a.service == svc) return &a;
        return nullptr;
    };
    {
        auto st =
            c.prepare("SELECT contact_point, service, weekday, from_minute, to_minute FROM agenda_window" +
                      where + " ORDER BY contact_point, service, weekday, from_minute");
        if (!st) return st.status();
        if (contactPoint != nullptr) st->bind(1, *contactPoint).bind(2, *service);
        for (;;) {
            auto row = st->step();
            if (!row) return row.status();
            if (!row.value()) break;
            Agenda* a = find(st->text(0), st->text(1));
            auto day = st->integer(2);
            if (a != nullptr && day >= 0 && day < 7)
                a->weekly[static_cast<std::size_t>(day)].push_back(
                    {static_cast<int>(st->integer(3)), static_cast<int>(st->integer(4))});
        }
    }
    auto st =
        c.prepare("SELECT contact_point, service, day, from_minute, to_minute, reason FROM agenda_closure" +
                  where + " ORDER BY contact_point, service, day, from_minute");
    if (!st) return st.status();
    if (contactPoint != nullptr) st->bind(1, *contactPoint).bind(2, *service);
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        if (Agenda* a = find(st->text(0), st->text(1)))
            a->closures.push_back({st->text(2), static_cast<int>(st->integer(3)),
                                   static_cast<int>(st->integer(4)), st->text(5)});
    }
    return out;
}

BookingOutcome failed(const Status& s) {
    return {BookingOutcome::Kind::Failed, {}, s.message()};
}

}  // namespace

// --- agendas

Status SqliteCentralStore::putAgenda(const Agenda& agenda, const AuditEntry& audit) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    if (Status s = writeAgendaRows(*other_, agenda, audit.at); !s) return s;
    if (Status s = insertAudit(*other_, audit); !s) return s;
    return tx->commit();
}

Result<std::vector<Agenda>> SqliteCentralStore::agendas() {
    std::lock_guard lock(otherMutex_);
    return readAgendas(*other_, nullptr, nullptr);
}

Result<std::optional<Agenda>> SqliteCentralStore::agendaOf(const std::string& contactPoint,
                                                           const std::string& service) {
    std::lock_guard lock(otherMutex_);
    auto list = readAgendas(*other_, &contactPoint, &service);
    if (!list) return list.status();
    if (list->empty()) return std::optional<Agenda>();
    return std::optional<Agenda>(std::move(list->front()));
}

// --- booking

Result<std::vector<SeatCount>> SqliteCentralStore::takenSeats(const std::string& contactPoint,
                                                              const std::string& service, TimePoint from,
                                                              TimePoint to) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "SELECT start_ms, COUNT(*) FROM booking WHERE contact_point = ? AND service = ? AND start_ms >= ? "
        "AND start_ms < ? AND seat IS NOT NULL GROUP BY start_ms ORDER BY start_ms");
    if (!st) return st.status();
    st->bind(1, contactPoint).bind(2, service).bind(3, toUnixMillis(from)).bind(4, toUnixMillis(to));
    std::vector<SeatCount> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        out.push_back({fromUnixMillis(st->integer(0)), static_cast<int>(st->integer(1))});
    }
    return out;
}

BookingOutcome SqliteCentralStore::book(const NewBooking& nb) {
    using Kind = BookingOutcome::Kind;
    const BookingRequest& r = nb.request;
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return failed(tx.status());

    auto known = bookingBy(*other_, "uuid", r.uuid);
    if (!known) return failed(known.status());
    if (known->has_value()) {
        if ((*known)->kioskCode != nb.kioskCode)
            return {Kind::UuidConflict, {}, "the uuid belongs to a booking made by another kiosk"};
        return {Kind::Repeat, std::move(**known), ""};
    }
    auto parallel = activeParallel(*other_, r.contactPoint, r.service);
    if (!parallel) return failed(parallel.status());
    if (!parallel->has_value())
        return {Kind::NoAgenda, {}, "no active agenda for this contact point and service"};
    auto codeTaken = bookingBy(*other_, "code", nb.code);
    if (!codeTaken) return failed(codeTaken.status());
    if (codeTaken->has_value()) return {Kind::CodeTaken, {}, "the booking code is in use"};
    auto seat = freeSeat(*other_, r.contactPoint, r.service, r.start, **parallel);
    if (!seat) return failed(seat.status());
    if (!seat->has_value()) return {Kind::SlotTaken, {}, "every seat of the slot is taken"};

    auto st = other_->prepare(
        "INSERT INTO booking (code, uuid, kiosk, contact_point, service, start_ms, end_ms, seat, state, "
        "name, "
        "phone, email, language, booked_by, created_at_ms, updated_at_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?, ?, ?)");
    if (!st) return failed(st.status());
    st->bind(1, nb.code).bind(2, r.uuid).bind(3, nb.kioskCode).bind(4, r.contactPoint).bind(5, r.service);
    st->bind(6, toUnixMillis(r.start)).bind(7, toUnixMillis(nb.end)).bind(8, std::int64_t(**seat));
    st->bind(9, r.name)
        .bind(10, r.phone)
        .bind(11, r.email)
        .bind(12, r.language)
        .bind(13, toString(r.bookedBy));
    st->bind(14, toUnixMillis(nb.now)).bind(15, toUnixMillis(nb.now));
    if (Status s = st->run(); !s) {
        // The seat index refused it: another writer took the seat first.
        if (s.code() == Status::Code::Conflict)
            return {Kind::SlotTaken, {}, "every seat of the slot is taken"};
        return failed(s);
    }
    std::int64_t id = other_->lastInsertId();
    if (!r.email.empty()) {
        if (Status s = queueEmail(*other_, id, BookingEmailKind::Confirmation, nb.now); !s) return failed(s);
        if (nb.reminderDueAt)
            if (Status s = queueEmail(*other_, id, BookingEmailKind::Reminder, *nb.reminderDueAt); !s)
                return failed(s);
    }
    auto stored = bookingBy(*other_, "id", id);
    if (!stored) return failed(stored.status());
    if (Status s = tx->commit(); !s) return failed(s);
    return {Kind::Booked, std::move(**stored), ""};
}

Result<std::optional<Booking>> SqliteCentralStore::bookingByCode(const std::string& code) {
    std::lock_guard lock(otherMutex_);
    return bookingBy(*other_, "code", code);
}

Result<std::optional<Booking>> SqliteCentralStore::bookingByUuid(const std::string& uuid) {
    std::lock_guard lock(otherMutex_);
    return bookingBy(*other_, "uuid", uuid);
}

Result<Booking> SqliteCentralStore::cancelBooking(const std::string& code, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto found = bookingBy(*other_, "code", code);
    if (!found) return found.status();
    if (!found->has_value() || (*found)->state == BookingState::Cancelled)
        return Status::notFound("no such booking");
    Booking b = std::move(**found);
    auto st = other_->prepare(
        "UPDATE booking SET state = 'cancelled', seat = NULL, updated_at_ms = ? WHERE id = ?");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, b.id);
    if (Status s = st->run(); !s) return s;
    if (Status s = dropUnsentEmails(*other_, b.id); !s) return s;
    if (!b.email.empty())
        if (Status s = queueEmail(*other_, b.id, BookingEmailKind::Cancelled, now); !s) return s;
    if (Status s = tx->commit(); !s) return s;
    b.state = BookingState::Cancelled;
    b.updatedAt = now;
    return b;
}

BookingOutcome SqliteCentralStore::changeBooking(const std::string& code, TimePoint newStart,
                                                 TimePoint newEnd, TimePoint now,
                                                 std::optional<TimePoint> reminderDueAt) {
    using Kind = BookingOutcome::Kind;
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return failed(tx.status());
    auto found = bookingBy(*other_, "code", code);
    if (!found) return failed(found.status());
    if (!found->has_value() || (*found)->state == BookingState::Cancelled)
        return {Kind::NotFound, {}, "no such booking"};
    Booking b = std::move(**found);
    if (b.start == newStart) return {Kind::Changed, std::move(b), ""};
    auto parallel = activeParallel(*other_, b.contactPoint, b.service);
    if (!parallel) return failed(parallel.status());
    if (!parallel->has_value())
        return {Kind::NoAgenda, {}, "no active agenda for this contact point and service"};
    auto seat = freeSeat(*other_, b.contactPoint, b.service, newStart, **parallel);
    if (!seat) return failed(seat.status());
    if (!seat->has_value()) return {Kind::SlotTaken, {}, "every seat of the slot is taken"};
    // One UPDATE takes the new seat and leaves the old one: both happen in this transaction or neither.
    auto st = other_->prepare(
        "UPDATE booking SET start_ms = ?, end_ms = ?, seat = ?, state = 'booked', updated_at_ms = ? WHERE id "
        "= ?");
    if (!st) return failed(st.status());
    st->bind(1, toUnixMillis(newStart)).bind(2, toUnixMillis(newEnd)).bind(3, std::int64_t(**seat));
    st->bind(4, toUnixMillis(now)).bind(5, b.id);
    if (Status s = st->run(); !s) {
        if (s.code() == Status::Code::Conflict)
            return {Kind::SlotTaken, {}, "every seat of the slot is taken"};
        return failed(s);
    }
    if (!b.email.empty()) {
        if (Status s = dropUnsentEmails(*other_, b.id); !s) return failed(s);
        if (Status s = queueEmail(*other_, b.id, BookingEmailKind::Confirmation, now); !s) return failed(s);
        if (reminderDueAt)
            if (Status s = queueEmail(*other_, b.id, BookingEmailKind::Reminder, *reminderDueAt); !s)
                return failed(s);
    }
    auto stored = bookingBy(*other_, "id", b.id);
    if (!stored) return failed(stored.status());
    if (Status s = tx->commit(); !s) return failed(s);
    return {Kind::Changed, std::move(**stored), ""};
}

Result<std::vector<Booking>> SqliteCentralStore::bookingsOf(const std::string& contactPoint, TimePoint from,
                                                            TimePoint to) {
    std::lock_guard lock(otherMutex_);
    auto st =
        other_->prepare(fmt::format("SELECT {}{} WHERE b.contact_point = ? AND b.start_ms >= ? AND "
                                    "b.start_ms < ? AND b.state <> 'cancelled' "
                                    "ORDER BY b.start_ms, b.code",
                                    kBookingColumns, kBookingFrom));
    if (!st) return st.status();
    st->bind(1, contactPoint).bind(2, toUnixMillis(from)).bind(3, toUnixMillis(to));
    return bookingsFrom(*st);
}

Result<std::vector<Booking>> SqliteCentralStore::staffBookingsOf(const std::string& contactPoint,
                                                                 TimePoint from, TimePoint to,
                                                                 const AuditEntry& audit) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    auto st =
        other_->prepare(fmt::format("SELECT {}{} WHERE b.contact_point = ? AND b.start_ms >= ? AND "
                                    "b.start_ms < ? ORDER BY b.start_ms, b.code",
                                    kBookingColumns, kBookingFrom));
    if (!st) return st.status();
    st->bind(1, contactPoint).bind(2, toUnixMillis(from)).bind(3, toUnixMillis(to));
    auto list = bookingsFrom(*st);
    if (!list) return list.status();
    if (Status s = insertAudit(*other_, audit); !s) return s;
    if (Status s = tx->commit(); !s) return s;
    return list;
}

// --- what the kiosks saw

Result<int> SqliteCentralStore::recordAppointmentEvents(const std::vector<AppointmentEvent>& events,
                                                        const std::string& contactPoint,
                                                        const std::string& kioskCode, TimePoint receivedAt) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    int accepted = 0;
    for (const AppointmentEvent& e : events) {
        auto found = bookingBy(*other_, "code", e.code);
        if (!found) return found.status();
        if (!found->has_value() || (*found)->contactPoint != contactPoint) continue;
        const Booking& b = **found;
        auto ins = other_->prepare(
            "INSERT INTO booking_event (uuid, booking_id, kind, at_ms, kiosk, received_at_ms) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
        if (!ins) return ins.status();
        ins->bind(1, e.uuid).bind(2, b.id).bind(3, toString(e.kind)).bind(4, toUnixMillis(e.at));
        ins->bind(5, kioskCode).bind(6, toUnixMillis(receivedAt));
        if (Status s = ins->run(); !s) return s;
        if (other_->changes() == 0) continue;
        ++accepted;
        const char* sql = e.kind == AppointmentEventKind::Arrived
                              ? "UPDATE booking SET state = 'arrived', updated_at_ms = ? WHERE id = ? "
                                "AND state IN ('booked', 'no-show')"
                              : "UPDATE booking SET state = 'no-show', updated_at_ms = ? WHERE id = ? "
                                "AND state = 'booked'";
        auto up = other_->prepare(sql);
        if (!up) return up.status();
        up->bind(1, toUnixMillis(receivedAt)).bind(2, b.id);
        if (Status s = up->run(); !s) return s;
    }
    if (Status s = tx->commit(); !s) return s;
    return accepted;
}

Result<std::vector<StoredAppointmentEvent>> SqliteCentralStore::appointmentEventsOf(const std::string& code) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "SELECT e.uuid, e.kind, e.at_ms, e.kiosk, e.received_at_ms FROM booking_event e "
        "JOIN booking b ON b.id = e.booking_id WHERE b.code = ? ORDER BY e.at_ms, e.uuid");
    if (!st) return st.status();
    st->bind(1, code);
    std::vector<StoredAppointmentEvent> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        StoredAppointmentEvent e;
        e.event.uuid = st->text(0);
        e.event.code = code;
        e.event.kind = appointmentEventKindFromString(st->text(1)).value_or(AppointmentEventKind::Arrived);
        e.event.at = fromUnixMillis(st->integer(2));
        e.kioskCode = st->text(3);
        e.receivedAt = fromUnixMillis(st->integer(4));
        out.push_back(std::move(e));
    }
    return out;
}

// --- e-mails about bookings

Result<std::vector<BookingEmailJob>> SqliteCentralStore::dueBookingEmails(TimePoint now, int limit) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "SELECT id, booking_id, kind, due_at_ms, attempts FROM booking_email WHERE sent_at_ms IS NULL "
        "AND failed = 0 AND due_at_ms <= ? ORDER BY due_at_ms, id LIMIT ?");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, std::int64_t(std::clamp(limit, 1, 1000)));
    std::vector<std::pair<BookingEmailJob, std::int64_t>> jobs;
    for (;;) {
        auto row = st->step();
        if (!row) return row.status();
        if (!row.value()) break;
        BookingEmailJob j;
        j.id = st->integer(0);
        j.kind = bookingEmailKindFromString(st->text(2)).value_or(BookingEmailKind::Confirmation);
        j.dueAt = fromUnixMillis(st->integer(3));
        j.attempts = static_cast<int>(st->integer(4));
        jobs.emplace_back(std::move(j), st->integer(1));
    }
    std::vector<BookingEmailJob> out;
    for (auto& [job, bookingId] : jobs) {
        auto b = bookingBy(*other_, "id", bookingId);
        if (!b) return b.status();
        if (!b->has_value()) continue;
        job.booking = std::move(**b);
        out.push_back(std::move(job));
    }
    return out;
}

Status SqliteCentralStore::bookingEmailSent(std::int64_t id, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare("UPDATE booking_email SET sent_at_ms = ? WHERE id = ?");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, id);
    return st->run();
}

Status SqliteCentralStore::bookingEmailFailed(std::int64_t id, const std::string& error, TimePoint retryAt,
                                              bool gaveUp) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare(
        "UPDATE booking_email SET attempts = attempts + 1, last_error = ?, due_at_ms = ?, failed = ? WHERE "
        "id = ?");
    if (!st) return st.status();
    st->bind(1, error).bind(2, toUnixMillis(retryAt)).bind(3, std::int64_t(gaveUp ? 1 : 0)).bind(4, id);
    return st->run();
}

Status SqliteCentralStore::addCancelToken(std::int64_t bookingId, const std::string& tokenHash,
                                          TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto b = bookingBy(*other_, "id", bookingId);
    if (!b) return b.status();
    if (!b->has_value()) return Status::notFound("no such booking");
    auto st = other_->prepare(
        "INSERT INTO booking_cancel_token (token_hash, booking_id, created_at_ms) VALUES (?, ?, ?)");
    if (!st) return st.status();
    st->bind(1, tokenHash).bind(2, bookingId).bind(3, toUnixMillis(now));
    return st->run();
}

Result<std::optional<Booking>> SqliteCentralStore::bookingByCancelTokenHash(const std::string& tokenHash) {
    std::lock_guard lock(otherMutex_);
    auto st = other_->prepare("SELECT booking_id FROM booking_cancel_token WHERE token_hash = ?");
    if (!st) return st.status();
    st->bind(1, tokenHash);
    auto row = st->step();
    if (!row) return row.status();
    if (!row.value()) return std::optional<Booking>();
    return bookingBy(*other_, "id", st->integer(0));
}

// --- retention

Result<int> SqliteCentralStore::wipeBookingPersonalData(TimePoint cutoff, TimePoint now) {
    std::lock_guard lock(otherMutex_);
    auto tx = SqliteTransaction::begin(*other_);
    if (!tx) return tx.status();
    const std::string which = "SELECT id FROM booking WHERE wiped_at_ms IS NULL AND start_ms < ?";
    for (const char* table : {"booking_email", "booking_cancel_token"}) {
        auto st =
            other_->prepare(fmt::format("DELETE FROM {} WHERE booking_id IN ({})", table, which) +
                            (std::string_view(table) == "booking_email" ? " AND sent_at_ms IS NULL" : ""));
        if (!st) return st.status();
        st->bind(1, toUnixMillis(cutoff));
        if (Status s = st->run(); !s) return s;
    }
    auto st = other_->prepare(
        "UPDATE booking SET name = '', phone = '', email = '', wiped_at_ms = ? WHERE wiped_at_ms IS NULL "
        "AND start_ms < ?");
    if (!st) return st.status();
    st->bind(1, toUnixMillis(now)).bind(2, toUnixMillis(cutoff));
    if (Status s = st->run(); !s) return s;
    int wiped = other_->changes();
    if (Status s = tx->commit(); !s) return s;
    return wiped;
}

}  // namespace wp
