// The phone pages: language choice, escaping, the queue page's states and stale notice, the status page, and
// the config key that names the content folder (file:line:col when it is missing or broken).
#include "central/public_pages.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "central/store/sqlite_central_store.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;

const std::filesystem::path kContent = std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "content";

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string configText(const std::string& publicPages) {
    return R"toml(
[server]
database = "central.db"
[tls]
certificate = "server.crt"
key = "server.key"
client_ca = "ca.crt"
)toml" + publicPages;
}

TEST(PublicPagesTest, EscapesEveryHtmlCharacter) {
    EXPECT_EQ(escapeHtml(R"(<a href="x">Tom & 'Jerry'</a>)"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    EXPECT_EQ(escapeHtml("Balie 2"), "Balie 2");
}

TEST(PublicPagesTest, PicksTheLanguageFromTheParameterThenAcceptLanguageThenDutch) {
    auto content = loadContent(kContent);
    ASSERT_TRUE(content) << content.status().message();
    EXPECT_EQ(pickLanguage(*content, "uk", "en"), "uk");
    EXPECT_EQ(pickLanguage(*content, "xx", "tr-TR,tr;q=0.9,en;q=0.5"), "tr");
    EXPECT_EQ(pickLanguage(*content, "", "de-DE, en;q=0.3, pl;q=0.8"), "pl");
    EXPECT_EQ(pickLanguage(*content, "", "de-DE,fr;q=0.9"), "nl");
    EXPECT_EQ(pickLanguage(*content, "", ""), "nl");
    EXPECT_EQ(pickLanguage(*content, "", "EN-gb"), "en");
    EXPECT_EQ(pickLanguage(*content, "", "en;q=0,pl;q=junk"), "nl");
}

TEST(PublicPagesTest, ConfigLoadsTheContentFolder) {
    testing::TempDir dir;
    auto c = loadCentralConfig(dir.write(
        "central.toml", configText("[public_pages]\ncontent_dir = \"" + kContent.string() +
                                   "\"\ndefault_minutes_per_person = 12\nqueue_pages_per_minute = 60\n")));
    ASSERT_TRUE(c) << c.status().message();
    EXPECT_EQ(c->publicPages.defaultMinutesPerPerson, 12);
    EXPECT_EQ(c->publicPages.queuePagesPerMinute, 60);
    EXPECT_EQ(c->publicPages.content.texts.size(), 5u);
    EXPECT_FALSE(c->publicPages.services.empty());
    for (const auto& [code, lt] : c->publicPages.content.texts)
        for (const std::string& key : publicPageTextKeys())
            EXPECT_TRUE(lt.texts.contains(key)) << code << " " << key;
    // Without the key the server runs and the pages say they are not set up.
    auto without = loadCentralConfig(dir.write("plain.toml", configText("")));
    ASSERT_TRUE(without) << without.status().message();
    EXPECT_TRUE(without->publicPages.content.texts.empty());
}

TEST(PublicPagesTest, AMissingContentFolderIsNamedAtTheKey) {
    testing::TempDir dir;
    auto c = loadCentralConfig(
        dir.write("central.toml", configText("[public_pages]\ncontent_dir = \"no-such-folder\"\n")));
    ASSERT_FALSE(c);
    EXPECT_THAT(c.status().message(), HasSubstr("central.toml:9:15"));
    EXPECT_THAT(c.status().message(), HasSubstr("no-such-folder has no content.toml"));
}

TEST(PublicPagesTest, BrokenPageTextsNameTheirFileAndTheKey) {
    testing::TempDir dir;
    std::filesystem::copy(kContent, dir.path() / "content", std::filesystem::copy_options::recursive);
    std::string toml = configText("[public_pages]\ncontent_dir = \"content\"\n");
    {
        // A syntax error in one text file: that file's line and column, under the config key's position.
        std::ofstream(dir.path() / "content/texts/tr.toml", std::ios::app) << "\nbroken = \"no end\n";
        auto c = loadCentralConfig(dir.write("central.toml", toml));
        ASSERT_FALSE(c);
        EXPECT_THAT(c.status().message(), HasSubstr("central.toml:9:15"));
        EXPECT_THAT(c.status().message(), HasSubstr("tr.toml:"));
    }
    {
        // A page text missing in every language is named per language.
        std::filesystem::copy(kContent / "texts/tr.toml", dir.path() / "content/texts/tr.toml",
                              std::filesystem::copy_options::overwrite_existing);
        for (const char* lang : {"nl", "en", "tr", "pl", "uk"}) {
            auto file = dir.path() / "content/texts" / (std::string(lang) + ".toml");
            std::string text = readAll(file);
            auto at = text.rfind("\nwait = ");  // the one in [phone_queue]
            ASSERT_NE(at, std::string::npos) << lang;
            text.erase(at + 1, text.find('\n', at + 1) - at);
            std::ofstream(file, std::ios::trunc) << text;
        }
        auto c = loadCentralConfig(dir.write("central.toml", toml));
        ASSERT_FALSE(c);
        EXPECT_THAT(c.status().message(), HasSubstr("missing text 'phone_queue.wait'"));
        EXPECT_THAT(c.status().message(), HasSubstr("uk.toml"));
    }
}

class PublicPagesRenderTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto c = loadCentralConfig(dir_.write(
            "central.toml", configText("[public_pages]\ncontent_dir = \"" + kContent.string() + "\"\n")));
        ASSERT_TRUE(c) << c.status().message();
        config_ = std::move(c).value();
        auto s = SqliteCentralStore::open(dir_.path() / "central.db", wp::testing::shippedRequestSpecs());
        ASSERT_TRUE(s) << s.status().message();
        store_ = std::move(s).value();
        pages_ = std::make_unique<PublicPages>(config_, *store_, *store_, clock_);
    }
    void send(std::vector<QueueStatEvent> events, TimePoint at) {
        ASSERT_TRUE(store_->storeQueueEvents({"K2", std::move(events)}, "SGN", at));
    }
    TimePoint t0 = fromUnixMillis(1795683600000);  // 2026-11-26 10:00 local
    testing::TempDir dir_;
    testing::FakeClock clock_{fromUnixMillis(1795683600000)};
    CentralConfig config_;
    std::unique_ptr<SqliteCentralStore> store_;
    std::unique_ptr<PublicPages> pages_;
};

TEST_F(PublicPagesRenderTest, AWaitingTicketShowsPeopleBeforeItAndTheWait) {
    send({{1, "issued", "huurloket", "2026-11-26", 13, "", t0, "H-013"},
          {2, "issued", "huurloket", "2026-11-26", 14, "", t0 + 1min, "H-014"}},
         t0 + 1min);
    clock_.advance(1min);
    // No counter open yet: the wait is not known, as on the kiosk's ticket.
    EXPECT_THAT(pages_->queuePage("SGN", "2026-11-26", "H-014", "nl").html,
                HasSubstr("Wachttijd: nog niet bekend. Er is nu geen balie open"));
    send({{3, "counter-opened", "huurloket", "2026-11-26", 0, "Balie 1", t0 + 1min, ""}}, t0 + 2min);
    clock_.advance(1min);
    HtmlPage p = pages_->queuePage("SGN", "2026-11-26", "H-014", "nl");
    EXPECT_EQ(p.status, 200);
    EXPECT_THAT(p.html, HasSubstr("<html lang=\"nl\">"));
    // It refreshes through its script file in a polite live region, never with a timed meta refresh, and
    // a plain link reloads it without the script.
    EXPECT_THAT(p.html, HasSubstr("<script src=\"/backoffice/static/phone_queue.js\" defer></script>"));
    EXPECT_THAT(p.html, HasSubstr("<div id=\"queue-live\" aria-live=\"polite\">"));
    EXPECT_THAT(p.html, HasSubstr("<a id=\"queue-refresh\" href=\"/queue/SGN/2026-11-26/H-014?lang=nl\">"
                                  "Vernieuwen</a>"));
    EXPECT_THAT(p.html, HasSubstr("<button type=\"button\" id=\"queue-auto\" hidden data-on=\"Automatisch "
                                  "vernieuwen aanzetten\" data-off=\"Automatisch vernieuwen uitzetten\">"
                                  "Automatisch vernieuwen uitzetten</button>"));
    EXPECT_THAT(p.html, Not(HasSubstr("http-equiv")));
    EXPECT_TRUE(p.scriptFiles);
    EXPECT_THAT(p.html, HasSubstr("<meta name=\"viewport\""));
    EXPECT_THAT(p.html, HasSubstr("Huurloket"));
    EXPECT_THAT(p.html, HasSubstr("H-014"));
    EXPECT_THAT(p.html, HasSubstr("Voor u in de rij: 1"));
    EXPECT_THAT(p.html, HasSubstr("Wachttijd: ongeveer 15 minuten"));  // services.toml: 15 min per person
    EXPECT_THAT(p.html, HasSubstr("Bijgewerkt om 10:02"));
    EXPECT_THAT(p.html, Not(HasSubstr("geen nieuws")));
    EXPECT_THAT(p.html, Not(HasSubstr("<script>")));  // no inline script
    EXPECT_THAT(p.html, Not(HasSubstr("data-called")));
    EXPECT_THAT(pages_->queuePage("SGN", "2026-11-26", "H-014", "en").html,
                HasSubstr("People before you: 1"));
}

TEST_F(PublicPagesRenderTest, ACalledTicketSaysWhereToGoWithTheCounterEscaped) {
    send({{1, "issued", "huurloket", "2026-11-26", 14, "", t0, "H-014"},
          {2, "called", "huurloket", "2026-11-26", 14, "Balie <2> & co", t0 + 1min, "H-014"}},
         t0 + 1min);
    HtmlPage p = pages_->queuePage("SGN", "2026-11-26", "H-014", "nl");
    EXPECT_THAT(p.html, HasSubstr("U bent aan de beurt: ga naar Balie &lt;2&gt; &amp; co"));
    EXPECT_THAT(p.html, Not(HasSubstr("<2>")));
}

TEST_F(PublicPagesRenderTest, ACalledTicketChangesTheTitleAndNamesItselfForTheVibration) {
    send({{1, "issued", "huurloket", "2026-11-26", 14, "", t0, "H-014"},
          {2, "issued", "huurloket", "2026-11-26", 15, "", t0, "H-015"},
          {3, "called", "huurloket", "2026-11-26", 14, "Balie <2>", t0 + 1min, "H-014"}},
         t0 + 1min);
    HtmlPage called = pages_->queuePage("SGN", "2026-11-26", "H-014", "nl");
    EXPECT_THAT(called.html, HasSubstr("<title>Aan de beurt: H-014 naar Balie &lt;2&gt;</title>"));
    // The live region names the called ticket: the script vibrates once per ticket.
    EXPECT_THAT(called.html, HasSubstr("<div id=\"queue-live\" aria-live=\"polite\" data-called=\"H-014\">"));
    EXPECT_THAT(called.html, Not(HasSubstr("<script>")));
    EXPECT_THAT(pages_->queuePage("SGN", "2026-11-26", "H-014", "en").html,
                HasSubstr("<title>Your turn: H-014 to Balie &lt;2&gt;</title>"));
    // The one after it: next, with its own title and no called ticket.
    HtmlPage next = pages_->queuePage("SGN", "2026-11-26", "H-015", "nl");
    EXPECT_THAT(next.html, HasSubstr("U bent de volgende."));
    EXPECT_THAT(next.html, HasSubstr("<title>H-015 Uw plek in de rij</title>"));
    EXPECT_THAT(next.html, Not(HasSubstr("data-called")));
}

TEST(PublicPagesTest, TheThemeGivesTheMunicipalitysNameAndColours) {
    testing::TempDir dir;
    const auto themes = std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "themes";
    auto c = loadCentralConfig(dir.write(
        "central.toml", configText("[public_pages]\ncontent_dir = \"" + kContent.string() + "\"\ntheme = \"" +
                                   (themes / "gemeente.toml").string() + "\"\n")));
    ASSERT_TRUE(c) << c.status().message();
    ASSERT_TRUE(c->publicPages.theme);
    EXPECT_EQ(c->publicPages.theme->municipality, "Gemeente Schiedam");
    auto store = SqliteCentralStore::open(dir.path() / "central.db", wp::testing::shippedRequestSpecs());
    ASSERT_TRUE(store) << store.status().message();
    testing::FakeClock clock(fromUnixMillis(1795683600000));
    PublicPages pages(*c, **store, **store, clock);
    HtmlPage p = pages.queuePage("SGN", "2026-11-26", "H-099", "nl");  // every page, also "not found"
    EXPECT_THAT(p.html, HasSubstr("<header>\n<p class=\"brand\">Gemeente Schiedam</p>\n</header>"));
    EXPECT_THAT(p.html, HasSubstr(".brand{background:#0B3A66;color:#FFFFFF"));
    EXPECT_THAT(p.html, HasSubstr("body{background:#F4F6F8;color:#1B1F24}"));

    auto broken = loadCentralConfig(
        dir.write("broken.toml", configText("[public_pages]\ntheme = \"no-such-theme.toml\"\n")));
    ASSERT_FALSE(broken);
    EXPECT_THAT(broken.status().message(), HasSubstr("the theme of the public pages does not load"));
}

TEST_F(PublicPagesRenderTest, StaleDataIsSaidPlainly) {
    send({{1, "issued", "huurloket", "2026-11-26", 14, "", t0, "H-014"}}, t0 - 18min);  // heard at 09:42
    HtmlPage p = pages_->queuePage("SGN", "2026-11-26", "H-014", "nl");
    EXPECT_EQ(p.status, 200);
    EXPECT_THAT(
        p.html,
        HasSubstr("Wij hebben sinds 09:42 geen nieuws van het wijkpunt. De wachttijd kan anders zijn."));
    // A heartbeat makes it fresh again.
    ASSERT_TRUE(store_->storeQueueEvents({"K2", {}}, "SGN", t0 - 1min));
    EXPECT_THAT(pages_->queuePage("SGN", "2026-11-26", "H-014", "nl").html, Not(HasSubstr("geen nieuws")));
}

TEST_F(PublicPagesRenderTest, UnknownOrMalformedTicketsGetAPlainNotFoundPage) {
    send({{1, "issued", "huurloket", "2026-11-26", 14, "", t0, "H-014"}}, t0);
    for (auto [letters, day, ticket] : {std::tuple{"SGN", "2026-11-26", "H-015"},
                                        {"SGN", "2026-11-25", "H-014"},
                                        {"XYZ", "2026-11-26", "H-014"},
                                        {"SGN", "2026-13-45", "H-014"},
                                        {"sgn", "2026-11-26", "H-014"},
                                        {"SGN", "2026-11-26", "<b>"}}) {
        HtmlPage p = pages_->queuePage(letters, day, ticket, "nl");
        EXPECT_EQ(p.status, 404) << letters << " " << day << " " << ticket;
        EXPECT_THAT(p.html, HasSubstr("Nummer niet gevonden"));
        EXPECT_THAT(p.html, Not(HasSubstr("queue-live")));
        EXPECT_THAT(p.html, Not(HasSubstr("phone_queue.js")));
        EXPECT_FALSE(p.scriptFiles);
    }
}

TEST_F(PublicPagesRenderTest, TheStatusPageShowsStatusAndNoteInTheLanguage) {
    SeededRandom random(3);
    Request r = testing::makeTestRequest(random);
    auto out = store_->storeBatch({{r, "SGN", "huurloket", false, {}, t0}});
    ASSERT_EQ(out[0].kind, IntakeOutcome::Kind::Stored);
    ASSERT_TRUE(
        store_->updateStatus(r.reference, std::nullopt,
                             {RequestStatus::InProgress, "We bellen u <dinsdag>.\nTot dan!", std::nullopt},
                             "Anna", "192.0.2.10", t0 + 1h));
    HtmlPage p = pages_->statusPage(r.reference, "nl");
    EXPECT_EQ(p.status, 200);
    EXPECT_THAT(p.html, HasSubstr(r.reference));
    EXPECT_THAT(p.html, HasSubstr("Wij zijn met uw vraag bezig."));
    EXPECT_THAT(p.html, HasSubstr("We bellen u &lt;dinsdag&gt;.<br>Tot dan!"));
    EXPECT_THAT(p.html, HasSubstr("Laatst bijgewerkt: 26-11-2026 11:00"));
    EXPECT_THAT(p.html, Not(HasSubstr("010 123 4567")));  // no personal data
    EXPECT_THAT(p.html, Not(HasSubstr("Jan de Vries")));
    EXPECT_THAT(pages_->statusPage(r.reference, "tr").html, HasSubstr("Sorunuz üzerinde çalışıyoruz."));
    // Lower case and spaces are forgiven, as in the JSON lookup.
    std::string typed = r.reference;
    std::transform(typed.begin(), typed.end(), typed.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    EXPECT_EQ(pages_->statusPage(typed, "nl").status, 200);
}

TEST_F(PublicPagesRenderTest, InvalidAndUnknownCodesGetPlainPages) {
    SeededRandom random(9);
    std::string wrong = makeReferenceCode("SGN", "K2", random);
    wrong.back() = wrong.back() == 'A' ? 'B' : 'A';  // another check character
    HtmlPage invalid = pages_->statusPage(wrong, "nl");
    EXPECT_EQ(invalid.status, 400);
    EXPECT_THAT(invalid.html, HasSubstr("Deze code klopt niet"));
    EXPECT_EQ(pages_->statusPage("<script>", "nl").status, 400);
    HtmlPage unknown = pages_->statusPage(makeReferenceCode("SGN", "K2", random), "en");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_THAT(unknown.html, HasSubstr("Code not found"));
    EXPECT_EQ(pages_->busyPage(PublicPages::Kind::Status, "pl").status, 429);
}

}  // namespace
}  // namespace wp
