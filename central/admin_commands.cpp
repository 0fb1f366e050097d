#include "central/admin_commands.h"

#include <fmt/format.h>

#include <chrono>

#include "central/agenda_file.h"
#include "central/agenda_json.h"
#include "central/kiosk_revocations.h"
#include "central/person_tokens.h"
#include "common/request_spec.h"
#include "common/services.h"
#include "common/wire.h"

namespace wp {

namespace {

int fail(CommandStreams io, const Status& s) {
    std::fprintf(io.err, "wijkpunt-central: %s\n", s.message().c_str());
    return s.code() == Status::Code::NotFound || s.code() == Status::Code::Conflict ||
                   s.code() == Status::Code::InvalidInput
               ? 2
               : 1;
}

int usage(CommandStreams io, const std::string& message) {
    std::fprintf(io.err, "wijkpunt-central: %s\n", message.c_str());
    return 2;
}

std::optional<TimePoint> expiryOf(const CentralConfig& config, std::optional<int> expiresDays,
                                  TimePoint now) {
    const int days = expiresDays.value_or(config.tokens.defaultExpiryDays);
    if (days <= 0) return std::nullopt;
    return now + std::chrono::hours(24) * days;
}

}  // namespace

int createTokenCommand(PersonStore& store, const CentralConfig& config, const Person& person,
                       std::optional<int> expiresDays, TimePoint now, CommandStreams io) {
    if (person.role == PersonRole::Team && !isTeam(person.team))
        return usage(io, "--team must be one of huurloket, wijkteam, gemeente, initiatief, wijkmanager");
    if (person.role == PersonRole::Admin && !person.team.empty()) return usage(io, "an admin has no --team");
    if (expiresDays && *expiresDays < 0) return usage(io, "--expires-days must be 0 (never) or more");
    std::string token = makePersonToken();
    if (Status s = store.addPerson(person, hashPersonToken(token), now, expiryOf(config, expiresDays, now));
        !s)
        return fail(io, s);
    std::fprintf(io.out, "%s\n", token.c_str());
    return 0;
}

int listTokensCommand(PersonStore& store, TimePoint now, CommandStreams io) {
    auto tokens = store.personTokens();
    if (!tokens) return fail(io, tokens.status());
    std::fprintf(io.out, "%-5s %-20s %-6s %-12s %-20s %-20s %s\n", "id", "name", "role", "team", "created",
                 "expires", "state");
    for (const PersonToken& t : tokens.value()) {
        std::string state = "active";
        if (t.revokedAt)
            state = "revoked " + formatRfc3339(*t.revokedAt);
        else if (t.expiresAt && *t.expiresAt <= now)
            state = "expired";
        std::fprintf(io.out, "%-5lld %-20s %-6s %-12s %-20s %-20s %s\n", static_cast<long long>(t.id),
                     t.person.name.c_str(), std::string(toString(t.person.role)).c_str(),
                     t.person.team.empty() ? "-" : t.person.team.c_str(), formatRfc3339(t.createdAt).c_str(),
                     t.expiresAt ? formatRfc3339(*t.expiresAt).c_str() : "never", state.c_str());
    }
    return 0;
}

int revokeTokenCommand(PersonStore& store, std::optional<std::int64_t> id, const std::string& name,
                       TimePoint now, CommandStreams io) {
    if (id.has_value() == !name.empty()) return usage(io, "give either --id or --name");
    if (id) {
        if (Status s = store.revokePersonToken(*id, now); !s) return fail(io, s);
        std::fprintf(io.out, "wijkpunt-central: token %lld revoked\n", static_cast<long long>(*id));
        return 0;
    }
    auto n = store.revokePersonTokens(name, now);
    if (!n) return fail(io, n.status());
    std::fprintf(io.out, "wijkpunt-central: %d token(s) of %s revoked\n", n.value(), name.c_str());
    return 0;
}

int rotateTokenCommand(PersonStore& store, const CentralConfig& config, const std::string& name,
                       int graceHours, std::optional<int> expiresDays, TimePoint now, CommandStreams io) {
    if (graceHours < 0) return usage(io, "--grace-hours must be 0 or more");
    if (expiresDays && *expiresDays < 0) return usage(io, "--expires-days must be 0 (never) or more");
    std::string token = makePersonToken();
    auto id = store.rotatePersonToken(name, hashPersonToken(token), now, expiryOf(config, expiresDays, now),
                                      now + std::chrono::hours(graceHours));
    if (!id) return fail(io, id.status());
    std::fprintf(io.out, "%s\n", token.c_str());
    return 0;
}

int revokeKioskCommand(RevocationStore& store, const std::string& subject, const std::string& serial,
                       TimePoint now, CommandStreams io) {
    const std::string normalSerial = normalizeSerial(serial);
    if (serial.find_first_not_of("0123456789abcdefABCDEF:") != std::string::npos)
        return usage(io, "--serial must be hex digits (colons between them are fine)");
    if (subject.empty() && normalSerial.empty()) return usage(io, "give --subject, --serial or both");
    if (Status s = store.revokeKiosk(subject, normalSerial, now); !s) return fail(io, s);
    std::fprintf(io.out, "wijkpunt-central: revoked%s%s%s%s\n", subject.empty() ? "" : " subject ",
                 subject.c_str(), normalSerial.empty() ? "" : " serial ", normalSerial.c_str());
    return 0;
}

int listKiosksCommand(RevocationStore& store, FleetStore& fleet, const CentralConfig& config,
                      CommandStreams io) {
    auto revocations = store.kioskRevocations();
    if (!revocations) return fail(io, revocations.status());
    KioskRevocations check(store, config.tls.revokedSubjects, config.tls.revokedSerials,
                           std::chrono::milliseconds(0));
    std::fprintf(io.out, "%-5s %-4s %-40s %s\n", "kiosk", "at", "subject", "state");
    for (const KioskIdentity& k : config.kiosks) {
        auto revoked = check.revoked(k.subject, "");
        if (!revoked) return fail(io, revoked.status());
        std::fprintf(io.out, "%-5s %-4s %-40s %s\n", k.kioskCode.c_str(), k.contactPoint.c_str(),
                     k.subject.c_str(), revoked.value() ? "revoked" : "enrolled");
    }
    auto enrolled = fleet.fleetKiosks();
    if (!enrolled) return fail(io, enrolled.status());
    for (const FleetKiosk& f : enrolled.value()) {
        if (!f.enrollment) continue;
        const EnrolledKiosk& e = *f.enrollment;
        auto revoked = check.revoked(e.subject, e.serial);
        if (!revoked) return fail(io, revoked.status());
        std::fprintf(io.out, "%-5s %-4s %-40s %s (serial %s, until %s)\n", e.kioskCode.c_str(),
                     e.contactPoint.c_str(), e.subject.c_str(), revoked.value() ? "revoked" : "enrolled",
                     e.serial.c_str(), formatRfc3339(e.notAfter).c_str());
    }
    std::fprintf(io.out, "\nrevoked certificates:\n");
    for (const std::string& s : config.tls.revokedSubjects)
        std::fprintf(io.out, "  subject %s (config [tls] revoked_subjects)\n", s.c_str());
    for (const std::string& s : config.tls.revokedSerials)
        std::fprintf(io.out, "  serial %s (config [tls] revoked_serials)\n", normalizeSerial(s).c_str());
    for (const KioskRevocation& r : revocations.value()) {
        std::string what;
        if (!r.subject.empty()) what += "subject " + r.subject;
        if (!r.serial.empty()) what += (what.empty() ? "serial " : ", serial ") + r.serial;
        std::fprintf(io.out, "  %s (store, %s)\n", what.c_str(), formatRfc3339(r.revokedAt).c_str());
    }
    return 0;
}

int importAgendasCommand(AppointmentStore& store, const std::filesystem::path& file, TimePoint now,
                         CommandStreams io) {
    auto agendas = loadAgendaFile(file);
    if (!agendas) return fail(io, agendas.status());
    for (const Agenda& a : agendas.value()) {
        AuditEntry audit{now,
                         "wijkpunt-central agenda import",
                         "put-agenda",
                         a.contactPoint + "/" + a.service,
                         file.filename().string(),
                         ""};
        if (Status s = store.putAgenda(a, audit); !s) return fail(io, s);
        std::fprintf(io.out, "wijkpunt-central: agenda %s/%s imported\n", a.contactPoint.c_str(),
                     a.service.c_str());
    }
    return 0;
}

int listAgendasCommand(AppointmentStore& store, CommandStreams io) {
    auto agendas = store.agendas();
    if (!agendas) return fail(io, agendas.status());
    for (const Agenda& a : agendas.value()) {
        std::fprintf(io.out, "%s/%s  %s, %s  team %s  %d min  %d parallel  %s\n", a.contactPoint.c_str(),
                     a.service.c_str(), a.place.c_str(), a.address.c_str(), a.team.c_str(), a.slotMinutes,
                     a.parallel, a.active ? "active" : "inactive");
        for (std::size_t d = 0; d < a.weekly.size(); ++d) {
            if (a.weekly[d].empty()) continue;
            std::string times;
            for (const AgendaWindow& w : a.weekly[d]) times += " " + formatAgendaWindow(w);
            std::fprintf(io.out, "    %-9s%s\n", kWeekdayKeys[d], times.c_str());
        }
        for (const AgendaClosure& c : a.closures)
            std::fprintf(io.out, "    closed   %s%s\n", c.day.c_str(),
                         c.wholeDay() ? "" : (" " + formatAgendaWindow({c.fromMinute, c.toMinute})).c_str());
    }
    return 0;
}

}  // namespace wp
