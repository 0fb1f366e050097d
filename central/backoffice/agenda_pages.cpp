// BackOffice's appointment pages: the agendas a person may see (and for admins, a form that makes a new
// one), one agenda's hours, settings and days
// without appointments (changed by its team's members and admins, each change audited), and a contact
// point's appointments of a day (each view of the names audited). Views and form rules: agenda_view.h.
#include <fmt/format.h>

#include "central/backoffice/agenda_view.h"
#include "central/backoffice/back_office.h"
#include "common/appointment.h"
#include "common/log.h"

namespace wp {

namespace {

AuditEntry auditOf(const StaffSession& session, TimePoint at, std::string action, std::string reference,
                   std::string detail) {
    return {
        at, session.name, std::move(action), std::move(reference), std::move(detail), session.sourceAddress};
}

std::string agendaReference(const Agenda& a) {
    return fmt::format("{}/{}", a.contactPoint, a.service);
}

std::string closureDetail(const AgendaClosure& c) {
    return c.wholeDay() ? fmt::format("{} hele dag", c.day)
                        : fmt::format("{} {}-{}", c.day, minuteText(c.fromMinute), minuteText(c.toMinute));
}

}  // namespace

void BackOffice::agendasPage(const HttpRequest&, HttpResponse& res, const StaffSession& session) {
    showAgendas(res, session, nlohmann::json::object(), {});
}

void BackOffice::showAgendas(HttpResponse& res, const StaffSession& session, const nlohmann::json& typed,
                             const std::map<std::string, std::string>& errors) {
    auto agendas = store_.agendas();
    if (!agendas) return storeUnavailable(res, session, agendas.status());
    nlohmann::json view = agendasView(agendas.value(), session, localDay(clock_.now()));
    if (session.role == StaffRole::Admin) {
        auto teams = agendaTeams();
        if (!teams) return storeUnavailable(res, session, teams.status());
        view["newAgenda"] = newAgendaView(agendaServices(), teams.value(), typed, errors);
    }
    renderPage(res, "agendas", view, session);
    if (!errors.empty() && res.status == 200) res.status = 422;
}

std::vector<std::string> BackOffice::agendaServices() const {
    std::vector<std::string> ids;
    for (const Service& s : config_.publicPages.services) ids.push_back(s.id);
    if (ids.empty()) ids = {"huurloket", "wijkteam", "gemeente", "initiatief"};
    return ids;
}

Result<std::vector<std::string>> BackOffice::agendaTeams() {
    auto table = store_.routingTable();
    if (!table) return table.status();
    std::vector<std::string> names;
    for (const auto& [name, targets] : table.value().teams) names.push_back(name);
    return names;
}

void BackOffice::createAgenda(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto teams = agendaTeams();
    if (!teams) return storeUnavailable(res, session, teams.status());
    AgendaFormResult form = readNewAgendaForm(parseQueryString(req.body), agendaServices(), teams.value());
    if (form.errors.empty()) {
        auto existing = store_.agendaOf(form.agenda.contactPoint, form.agenda.service);
        if (!existing) return storeUnavailable(res, session, existing.status());
        if (existing.value())
            form.errors["service"] = fmt::format(
                "{} heeft al een agenda voor deze dienst. Wijzig die agenda.", form.agenda.contactPoint);
    }
    if (!form.errors.empty()) return showAgendas(res, session, form.typed, form.errors);
    const Agenda& a = form.agenda;
    const AuditEntry audit = auditOf(
        session, clock_.now(), "create-agenda", agendaReference(a),
        fmt::format("team {}; plek {}, {}; boeken uit tot er tijden zijn", a.team, a.place, a.address));
    if (Status s = store_.putAgenda(a, audit); !s) return storeUnavailable(res, session, s);
    log::info("back office: {} made agenda {}", session.name, agendaReference(a));
    redirect(res, agendaPath(a.contactPoint, a.service) + "?nieuw=1");
}

std::optional<Agenda> BackOffice::agendaOfPath(const HttpRequest& req, HttpResponse& res,
                                               const StaffSession& session) {
    const std::string contactPoint = req.matches.size() > 1 ? req.matches[1].str() : "";
    const std::string service = req.matches.size() > 2 ? req.matches[2].str() : "";
    if (!isContactPointLetters(contactPoint) || !isServiceId(service)) {
        notFound(res);
        return std::nullopt;
    }
    auto agenda = store_.agendaOf(contactPoint, service);
    if (!agenda) {
        storeUnavailable(res, session, agenda.status());
        return std::nullopt;
    }
    // An agenda of another team is not there for a team account: the same 404 as an unknown one.
    if (!agenda.value() || !maySeeAgenda(session, **agenda)) {
        notFound(res);
        return std::nullopt;
    }
    return **agenda;
}

void BackOffice::showAgenda(HttpResponse& res, const StaffSession& session, const Agenda& agenda,
                            const std::string& notice, const nlohmann::json& typed,
                            const std::map<std::string, std::string>& errors) {
    nlohmann::json view =
        agendaView(agenda, mayEditAgenda(session, agenda), localDay(clock_.now()), typed, errors);
    if (!notice.empty()) view["notice"] = notice;
    renderPage(res, "agenda", view, session);
    if (!errors.empty() && res.status == 200) res.status = 422;
}

void BackOffice::agendaPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto agenda = agendaOfPath(req, res, session);
    if (!agenda) return;
    std::string notice;
    if (req.get_param_value("opgeslagen") == "1") notice = "De agenda is opgeslagen.";
    if (req.get_param_value("nieuw") == "1")
        notice =
            "De agenda is gemaakt. Vul de tijden in en zet boeken aan. Dan kunnen bewoners een afspraak "
            "maken.";
    if (req.get_param_value("toegevoegd") == "1") notice = "De dag zonder afspraken is toegevoegd.";
    if (req.get_param_value("weggehaald") == "1") notice = "De dag zonder afspraken is weggehaald.";
    showAgenda(res, session, *agenda, notice, nlohmann::json::object(), {});
}

void BackOffice::saveAgenda(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto agenda = agendaOfPath(req, res, session);
    if (!agenda) return;
    if (!mayEditAgenda(session, *agenda))
        return forbidden(res, &session, "Deze agenda kunt u bekijken, maar niet wijzigen.");
    AgendaFormResult form = readAgendaForm(parseQueryString(req.body), *agenda);
    if (!form.errors.empty()) return showAgenda(res, session, *agenda, "", form.typed, form.errors);
    std::string detail =
        fmt::format("plek {}; {} minuten; {} tegelijk; {}", form.agenda.place, form.agenda.slotMinutes,
                    form.agenda.parallel, form.agenda.active ? "boeken aan" : "boeken uit");
    static constexpr std::string_view kDays[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    for (size_t d = 0; d < 7; ++d)
        if (!form.agenda.weekly[d].empty())
            detail += fmt::format("; {} {}", kDays[d], windowsText(form.agenda.weekly[d]));
    const AuditEntry audit =
        auditOf(session, clock_.now(), "change-agenda", agendaReference(*agenda), detail);
    if (Status s = store_.putAgenda(form.agenda, audit); !s) return storeUnavailable(res, session, s);
    log::info("back office: {} changed agenda {}", session.name, agendaReference(*agenda));
    redirect(res, agendaPath(agenda->contactPoint, agenda->service) + "?opgeslagen=1");
}

void BackOffice::addClosure(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto agenda = agendaOfPath(req, res, session);
    if (!agenda) return;
    if (!mayEditAgenda(session, *agenda))
        return forbidden(res, &session, "Deze agenda kunt u bekijken, maar niet wijzigen.");
    ClosureFormResult form = readClosureForm(parseQueryString(req.body), localDay(clock_.now()));
    if (form.errors.empty())
        for (const AgendaClosure& c : agenda->closures)
            if (c.day == form.closure.day && c.fromMinute < form.closure.toMinute &&
                form.closure.fromMinute < c.toMinute)
                form.errors["closure_day"] =
                    fmt::format("Op deze dag staat al: {}. Haal die eerst weg.", closureLabel(c));
    if (!form.errors.empty()) return showAgenda(res, session, *agenda, "", form.typed, form.errors);
    Agenda changed = *agenda;
    changed.closures.push_back(form.closure);
    std::sort(changed.closures.begin(), changed.closures.end(),
              [](const AgendaClosure& a, const AgendaClosure& b) {
                  return std::tie(a.day, a.fromMinute) < std::tie(b.day, b.fromMinute);
              });
    const AuditEntry audit = auditOf(session, clock_.now(), "change-agenda", agendaReference(*agenda),
                                     fmt::format("dag zonder afspraken toegevoegd: {}; reden: {}",
                                                 closureDetail(form.closure), form.closure.reason));
    if (Status s = store_.putAgenda(changed, audit); !s) return storeUnavailable(res, session, s);
    redirect(res, agendaPath(agenda->contactPoint, agenda->service) + "?toegevoegd=1");
}

void BackOffice::removeClosure(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto agenda = agendaOfPath(req, res, session);
    if (!agenda) return;
    if (!mayEditAgenda(session, *agenda))
        return forbidden(res, &session, "Deze agenda kunt u bekijken, maar niet wijzigen.");
    const auto form = parseQueryString(req.body);
    auto value = [&](const std::string& name) {
        auto it = form.find(name);
        return it == form.end() ? std::string() : it->second;
    };
    Agenda changed = *agenda;
    std::optional<AgendaClosure> removed;
    for (auto it = changed.closures.begin(); it != changed.closures.end(); ++it) {
        if (it->day == value("day") && std::to_string(it->fromMinute) == value("from") &&
            std::to_string(it->toMinute) == value("to")) {
            removed = *it;
            changed.closures.erase(it);
            break;
        }
    }
    // Already gone (a second click, or a colleague was first): the page as it is now.
    if (!removed) return redirect(res, agendaPath(agenda->contactPoint, agenda->service));
    const AuditEntry audit =
        auditOf(session, clock_.now(), "change-agenda", agendaReference(*agenda),
                fmt::format("dag zonder afspraken weggehaald: {}", closureDetail(*removed)));
    if (Status s = store_.putAgenda(changed, audit); !s) return storeUnavailable(res, session, s);
    redirect(res, agendaPath(agenda->contactPoint, agenda->service) + "?weggehaald=1");
}

void BackOffice::appointmentDay(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    const std::string contactPoint = req.matches.size() > 1 ? req.matches[1].str() : "";
    if (!isContactPointLetters(contactPoint)) return notFound(res);
    auto agendas = store_.agendas();
    if (!agendas) return storeUnavailable(res, session, agendas.status());
    std::vector<std::string> services;
    bool known = false;
    for (const Agenda& a : agendas.value()) {
        if (a.contactPoint != contactPoint) continue;
        known = true;
        if (maySeeAgenda(session, a)) services.push_back(a.service);
    }
    if (!known || services.empty()) return notFound(res);
    const std::string today = localDay(clock_.now());
    std::string day = req.get_param_value("dag");
    std::string error;
    if (day.empty()) {
        day = today;
    } else if (!isLocalDay(day)) {
        error = "Die datum kennen we niet. U ziet nu de afspraken van vandaag.";
        day = today;
    }
    const auto [from, to] = localDayBounds(day);
    std::string shown;
    for (const std::string& s : services) shown += (shown.empty() ? "" : ", ") + s;
    const AuditEntry audit =
        auditOf(session, clock_.now(), "read-personal-data", fmt::format("{} {}", contactPoint, day),
                fmt::format("afspraken van de dag bekeken ({})", shown));
    auto bookings = store_.staffBookingsOf(contactPoint, from, to, audit);
    if (!bookings) return storeUnavailable(res, session, bookings.status());
    nlohmann::json view = appointmentDayView(contactPoint, day, bookings.value(), services);
    if (!error.empty()) view["error"] = error;
    renderPage(res, "appointments_day", view, session);
}

}  // namespace wp
