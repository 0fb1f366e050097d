// The resident's appointment e-mails and the back office's appointment pages against the real
// wijkpunt-central, with the local SMTP sink: a booking with an e-mail address gets a confirmation whose
// iCalendar invitation libical reads back with the booked start, end and place; the day before, a reminder;
// a cancelled booking gets a cancellation (METHOD:CANCEL) and never a reminder; the cancel link's page
// cancels once and then says the link no longer works. Staff edit an agenda and read a day's appointments,
// each read audited, a team member only their own team's.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <regex>
#include <thread>

#include "common/appointment.h"
#include "common/sqlite/sqlite_database.h"
#include "common/wire.h"
#include "tests/integration/backoffice/backoffice_browser.h"
#include "tests/integration/central_harness.h"
#include "tests/support/appointment_mail_reader.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* kPassword = "lange zin met een paraplu";

// Two agendas of SGN: the municipality's (team gemeente) and the neighbourhood team's.
constexpr const char* kAgendas = R"toml(
[[agenda]]
contact_point = "SGN"
service = "gemeente"
team = "gemeente"
place = "Wijkpunt Groenoord"
address = "Nieuwe Damlaan 90, Schiedam"
slot_minutes = 15
parallel = 1

[agenda.hours]
monday = ["09:00-12:00"]
tuesday = ["09:00-12:00"]
wednesday = ["09:00-12:00", "13:00-16:00"]
thursday = ["09:00-12:00"]
friday = ["09:00-12:00"]

[[agenda]]
contact_point = "SGN"
service = "wijkteam"
team = "wijkteam"
place = "Wijkpunt Groenoord"
address = "Nieuwe Damlaan 90, Schiedam"
slot_minutes = 20
parallel = 2

[agenda.hours]
wednesday = ["09:00-12:00"]
)toml";

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string rfc3339Local(const std::string& localDateTime) {
    return formatRfc3339(*parseLocalDateTime(localDateTime));
}

class AppointmentMailTest : public ::testing::Test {
  protected:
    void SetUp() override {
        CentralOptions o;
        o.extraToml = "[smtp]\nurl = \"smtp://127.0.0.1:" + std::to_string(smtp_.port()) +
                      "\"\nfrom = \"wijkpunt@example.org\"\nrequire_tls = false  # a plain local sink\n";
        server_ = std::make_unique<CentralServerProcess>(dir_.path() / "central", o);
        clock_ = std::make_unique<ScriptClock>(server_->clockFile());
        clock_->startAt(*parseLocalDateTime("2026-12-07 10:00"));  // a Monday
        ASSERT_TRUE(server_->start());
        const fs::path agendas = dir_.path() / "agendas.toml";
        {
            std::ofstream out(agendas);
            out << kAgendas;
        }
        auto [status, out] = runCentralCommand(server_->config(), {"agenda", "import", agendas.string()});
        ASSERT_EQ(status, 0) << out;
        kiosk_ = std::make_unique<ApiClient>(server_->url(), ApiClient::Identity{});
    }

    // Books start (local "2026-12-09 10:00") for a resident with an e-mail address; returns the code.
    std::string book(const std::string& start, const std::string& email, const std::string& language = "nl",
                     const std::string& service = "gemeente") {
        json body = {{"uuid", makeUuid(random_)},    {"contact_point", "SGN"}, {"service", service},
                     {"start", rfc3339Local(start)}, {"name", "Jan de Vries"}, {"phone", "010 123 4567"},
                     {"language", language},         {"booked_by", "kiosk"}};
        if (!email.empty()) body["email"] = email;
        HttpResult r = kiosk_->post("/v1/appointments", body.dump());
        EXPECT_EQ(r.status, 201) << r.body;
        return json::parse(r.body, nullptr, false).value("code", "");
    }

    // The messages the sink holds whose calendar names code (UID CODE@...).
    std::vector<std::string> mailsOf(const std::string& code) {
        std::vector<std::string> out;
        for (const std::string& m : smtp_.messages()) {
            auto calendar = mimePart(m, "text/calendar");
            if (calendar && has(*calendar, "UID:" + code + "@")) out.push_back(m);
        }
        return out;
    }

    std::unique_ptr<BackOfficeBrowser> signIn(const std::string& name, const std::string& role,
                                              const std::string& team = "") {
        auto b = std::make_unique<BackOfficeBrowser>(server_->publicPort());
        std::string email = name + "@example.org";
        std::vector<std::string> args = {"account", "create", "--name", name,
                                         "--email", email,    "--role", role};
        if (!team.empty()) args.insert(args.end(), {"--team", team});
        auto [status, out] = runCentralCommand(server_->config(), args);
        EXPECT_EQ(status, 0) << out;
        std::string secret = b->setUp(setupPathIn(out), kPassword, clock_->now());
        clock_->advance(30s);
        BrowserPage r = b->signIn(email, kPassword, totpAt(secret, clock_->now()));
        EXPECT_EQ(r.status, 303) << r.body;
        return b;
    }

    // The audit entries of a reference: action, actor, detail, source; oldest first.
    std::vector<std::vector<std::string>> audit(const std::string& reference) {
        std::vector<std::vector<std::string>> out;
        auto db = SqliteDatabase::open(server_->database());
        EXPECT_TRUE(db);
        if (!db) return out;
        auto st = db.value()->prepare(
            "SELECT action, actor, detail, source FROM audit_log WHERE reference = ? ORDER BY id");
        EXPECT_TRUE(st);
        if (!st) return out;
        st->bind(1, reference);
        for (auto row = st->step(); row && row.value(); row = st->step())
            out.push_back({st->text(0), st->text(1), st->text(2), st->text(3)});
        return out;
    }

    TempDir dir_;
    SmtpSink smtp_;
    SeededRandom random_{14};
    std::unique_ptr<CentralServerProcess> server_;
    std::unique_ptr<ScriptClock> clock_;
    std::unique_ptr<ApiClient> kiosk_;
};

TEST_F(AppointmentMailTest, ConfirmationCarriesAnInvitationThatParsesBackThenTheReminderComesTheDayBefore) {
    const std::string code = book("2026-12-09 10:00", "jan@example.org");
    ASSERT_FALSE(code.empty());
    ASSERT_TRUE(waitUntil([&] { return mailsOf(code).size() >= 1; }, 15s)) << server_->process()->err();
    const std::string confirmation = mailsOf(code)[0];
    EXPECT_TRUE(has(confirmation, "To: <jan@example.org>")) << confirmation;
    auto text = mimePart(confirmation, "text/plain");
    ASSERT_TRUE(text);
    EXPECT_TRUE(has(*text, "U hebt een afspraak gemaakt.")) << *text;
    EXPECT_TRUE(has(*text, "Wanneer: woensdag 9 december 2026, 10:00 - 10:15")) << *text;
    EXPECT_TRUE(has(*text, groupedBookingCode(code))) << *text;
    EXPECT_FALSE(has(*text, "Jan de Vries")) << "no name in the e-mail";
    EXPECT_FALSE(has(*text, "010 123")) << "no phone number in the e-mail";
    EXPECT_TRUE(
        std::regex_search(*text, std::regex("https://[^/\\s]+/afspraak/annuleren/[A-Za-z0-9_-]{43}\\r\\n")))
        << *text;
    // The server listens on public_port 0 without a public_url: the link names the port it bound.
    EXPECT_TRUE(
        has(*text, "https://127.0.0.1:" + std::to_string(server_->publicPort()) + "/afspraak/annuleren/"))
        << *text;
    auto invitation = parseInvitation(*mimePart(confirmation, "text/calendar"));
    ASSERT_TRUE(invitation);
    EXPECT_EQ(invitation->method, "REQUEST");
    EXPECT_EQ(invitation->uid, code + "@127.0.0.1");
    EXPECT_EQ(invitation->start, *parseLocalDateTime("2026-12-09 10:00"));
    EXPECT_EQ(invitation->end, *parseLocalDateTime("2026-12-09 10:15"));
    EXPECT_TRUE(invitation->startIsUtc);
    EXPECT_EQ(invitation->location, "Wijkpunt Groenoord, Nieuwe Damlaan 90, Schiedam");

    // Tuesday 17:00: not yet. Tuesday 18:00 (reminder_hour): the reminder.
    clock_->advance(std::chrono::duration_cast<std::chrono::milliseconds>(
        *parseLocalDateTime("2026-12-08 17:00") - clock_->now()));
    std::this_thread::sleep_for(600ms);
    EXPECT_EQ(mailsOf(code).size(), 1u) << "no reminder before 18:00 the day before";
    clock_->advance(61min);
    ASSERT_TRUE(waitUntil([&] { return mailsOf(code).size() >= 2; }, 15s)) << server_->process()->err();
    const std::string reminder = mailsOf(code)[1];
    EXPECT_TRUE(has(*mimePart(reminder, "text/plain"), "Dit is een herinnering aan uw afspraak."));
    auto again = parseInvitation(*mimePart(reminder, "text/calendar"));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->method, "REQUEST");
    EXPECT_EQ(again->uid, invitation->uid);
    EXPECT_EQ(again->start, invitation->start);
}

TEST_F(AppointmentMailTest, ACancelledBookingGetsACancellationAndNeverAReminder) {
    const std::string code = book("2026-12-09 10:30", "piet@example.org", "en");
    ASSERT_TRUE(waitUntil([&] { return mailsOf(code).size() >= 1; }, 15s)) << server_->process()->err();
    EXPECT_TRUE(has(*mimePart(mailsOf(code)[0], "text/plain"), "You have made an appointment."));
    HttpResult cancelled = kiosk_->post("/v1/appointments/" + code + "/cancel", "{}");
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    ASSERT_TRUE(waitUntil([&] { return mailsOf(code).size() >= 2; }, 15s)) << server_->process()->err();
    const std::string cancellation = mailsOf(code)[1];
    EXPECT_TRUE(has(*mimePart(cancellation, "text/plain"), "Your appointment has been cancelled."));
    EXPECT_FALSE(has(*mimePart(cancellation, "text/plain"), "/afspraak/annuleren/"));
    std::string headers;
    auto calendar = mimePart(cancellation, "text/calendar", &headers);
    ASSERT_TRUE(calendar);
    EXPECT_TRUE(has(headers, "method=CANCEL")) << headers;
    auto invitation = parseInvitation(*calendar);
    ASSERT_TRUE(invitation);
    EXPECT_EQ(invitation->method, "CANCEL");
    EXPECT_EQ(invitation->status, "CANCELLED");
    EXPECT_EQ(invitation->uid, code + "@127.0.0.1");

    // The day before, past the reminder hour and on: nothing more for the cancelled booking.
    clock_->advance(std::chrono::duration_cast<std::chrono::milliseconds>(
        *parseLocalDateTime("2026-12-08 20:00") - clock_->now()));
    const std::string other = book("2026-12-09 11:00", "other@example.org");
    ASSERT_TRUE(waitUntil([&] { return mailsOf(other).size() >= 2; }, 15s))
        << "a booking after the reminder hour gets its reminder at once\n"
        << server_->process()->err();
    EXPECT_EQ(mailsOf(code).size(), 2u) << "no reminder to a cancelled booking";
}

TEST_F(AppointmentMailTest, TheCancelLinkCancelsOnceAndThenNoLongerWorks) {
    const std::string code = book("2026-12-09 13:00", "jan@example.org");
    ASSERT_TRUE(waitUntil([&] { return mailsOf(code).size() >= 1; }, 15s)) << server_->process()->err();
    auto text = mimePart(mailsOf(code)[0], "text/plain");
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(*text, m, std::regex("https://[^/\\s]+(/afspraak/annuleren/[A-Za-z0-9_-]+)")))
        << *text;
    const std::string link = m[1];

    BackOfficeBrowser phone(server_->publicPort());
    BrowserPage page = phone.get(link);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(has(page.body, "Afspraak afzeggen"));
    EXPECT_TRUE(has(page.body, "woensdag 9 december 2026, 13:00 - 13:15"));
    EXPECT_TRUE(has(page.body, "Wijkpunt Groenoord"));
    EXPECT_TRUE(has(page.body, "Gemeente"));
    EXPECT_FALSE(has(page.body, "Jan de Vries"));
    EXPECT_FALSE(has(page.body, "010 123"));
    EXPECT_FALSE(has(page.body, "jan@example.org"));
    EXPECT_TRUE(has(page.header("Content-Security-Policy"), "default-src 'none'"));
    EXPECT_FALSE(has(page.header("Content-Security-Policy"), "script-src"));
    EXPECT_EQ(page.header("Cache-Control"), "no-store");

    // A form without the double-submit token is refused; with it the booking is cancelled.
    EXPECT_EQ(phone.post(link, {{"csrf", "wrong"}}).status, 403);
    BrowserPage done = phone.post(link, {{"csrf", phone.csrf()}}, phone.origin());
    ASSERT_EQ(done.status, 303) << done.body;
    BrowserPage shown = phone.get(done.header("Location"));
    EXPECT_EQ(shown.status, 200);
    EXPECT_TRUE(has(shown.body, "Uw afspraak is afgezegd"));
    EXPECT_EQ(kiosk_->get("/v1/appointments/" + code).status, 404) << "the booking is cancelled";
    ASSERT_TRUE(waitUntil([&] { return mailsOf(code).size() >= 2; }, 15s)) << "the cancellation e-mail";

    // The link a second time, and a made-up one: the same plain page.
    BrowserPage used = phone.get(link);
    EXPECT_EQ(used.status, 404);
    EXPECT_TRUE(has(used.body, "Deze link werkt niet meer"));
    EXPECT_FALSE(has(used.body, "Afspraak afzeggen</button>"));
    BrowserPage again = phone.post(link, {{"csrf", phone.csrf()}}, phone.origin());
    EXPECT_EQ(again.status, 404);
    BrowserPage unknown = phone.get("/afspraak/annuleren/" + std::string(43, 'A'));
    EXPECT_EQ(unknown.status, 404);
    EXPECT_TRUE(has(unknown.body, "Deze link werkt niet meer"));
}

TEST_F(AppointmentMailTest, StaffChangeTheirAgendaAndReadTheDayWhichIsAudited) {
    const std::string code = book("2026-12-09 09:00", "");
    auto anna = signIn("Anna", "team", "gemeente");
    BrowserPage list = anna->get("/backoffice/afspraken");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_TRUE(has(list.body, "/backoffice/afspraken/agenda/SGN/gemeente"));
    EXPECT_FALSE(has(list.body, "/backoffice/afspraken/agenda/SGN/wijkteam")) << "another team's agenda";
    EXPECT_EQ(anna->get("/backoffice/afspraken/agenda/SGN/wijkteam").status, 404);

    BrowserPage edit = anna->get("/backoffice/afspraken/agenda/SGN/gemeente");
    ASSERT_EQ(edit.status, 200) << edit.body;
    EXPECT_FALSE(has(edit.body, "}}")) << "no template text on the page";
    std::multimap<std::string, std::string> form = {{"csrf", anna->csrf()},
                                                    {"place", "Wijkpunt Groenoord"},
                                                    {"address", "Nieuwe Damlaan 90, Schiedam"},
                                                    {"slot_minutes", "15"},
                                                    {"parallel", "1"},
                                                    {"active", "1"},
                                                    {"hours_0", "09:00-12:00"},
                                                    {"hours_1", "09:00-12:00"},
                                                    {"hours_2", "09:00-12:00, 13:00-17:00"},
                                                    {"hours_3", "9:00-12:00"},
                                                    {"hours_4", "09:00-12:00"},
                                                    {"hours_5", ""},
                                                    {"hours_6", ""}};
    auto bad = form;
    bad.find("hours_2")->second = "13:00-12:00";
    BrowserPage refused = anna->post("/backoffice/afspraken/agenda/SGN/gemeente", bad, anna->origin());
    EXPECT_EQ(refused.status, 422);
    EXPECT_TRUE(has(refused.body, "id=\"hours_2-error\""));
    BrowserPage saved = anna->post("/backoffice/afspraken/agenda/SGN/gemeente", form, anna->origin());
    EXPECT_EQ(saved.status, 303) << saved.body;
    HttpResult slots = kiosk_->get("/v1/appointments/slots?contact_point=SGN&service=gemeente");
    ASSERT_EQ(slots.status, 200);
    EXPECT_TRUE(has(slots.body, "\"start\":\"2026-12-09T15:45:00Z\""))
        << "the new hours are offered: " << slots.body;

    BrowserPage closure = anna->post("/backoffice/afspraken/agenda/SGN/gemeente/uitzondering",
                                     {{"csrf", anna->csrf()},
                                      {"closure_day", "2026-12-10"},
                                      {"closure_from", ""},
                                      {"closure_to", ""},
                                      {"closure_reason", "Teamdag"}},
                                     anna->origin());
    EXPECT_EQ(closure.status, 303) << closure.body;
    slots = kiosk_->get("/v1/appointments/slots?contact_point=SGN&service=gemeente");
    EXPECT_FALSE(has(slots.body, "2026-12-10T")) << "the closed day is not offered";
    auto changes = audit("SGN/gemeente");
    std::erase_if(changes, [](const auto& e) { return e[0] == "put-agenda"; });  // the import's
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0][0], "change-agenda");
    EXPECT_EQ(changes[0][1], "Anna");
    EXPECT_TRUE(has(changes[1][2], "Teamdag"));

    BrowserPage day = anna->get("/backoffice/afspraken/dag/SGN?dag=2026-12-09");
    ASSERT_EQ(day.status, 200) << day.body;
    EXPECT_TRUE(has(day.body, "Jan de Vries"));
    EXPECT_TRUE(has(day.body, groupedBookingCode(code)));
    EXPECT_TRUE(has(day.body, "Geboekt"));
    auto reads = audit("SGN 2026-12-09");
    ASSERT_EQ(reads.size(), 1u);
    EXPECT_EQ(reads[0][0], "read-personal-data");
    EXPECT_EQ(reads[0][1], "Anna");
    EXPECT_EQ(reads[0][3], "127.0.0.1");

    auto wim = signIn("Wim", "team", "huurloket");
    EXPECT_EQ(wim->get("/backoffice/afspraken/dag/SGN?dag=2026-12-09").status, 404)
        << "a team without an agenda at SGN sees no names there";
    auto carla = signIn("Carla", "coordinator");
    BrowserPage readOnly = carla->get("/backoffice/afspraken/agenda/SGN/gemeente");
    EXPECT_EQ(readOnly.status, 200);
    EXPECT_FALSE(has(readOnly.body, "id=\"save-agenda\""));
    form.find("csrf")->second = carla->csrf();
    EXPECT_EQ(carla->post("/backoffice/afspraken/agenda/SGN/gemeente", form, carla->origin()).status, 403)
        << "a coordinator reads agendas without changing them";
}

}  // namespace
}  // namespace wp::testing
