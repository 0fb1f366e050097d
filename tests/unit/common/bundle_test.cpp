#include "common/bundle.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

const std::filesystem::path kSource = WIJKPUNT_SOURCE_DIR;

// A small valid bundle: settings, two themes, content in two languages. Tests break one piece at a time.
struct MiniBundle {
    TempDir dir;
    std::string settings = R"([contact_point]
name = "Wijkpunt Test"
letters = "TST"

[kiosk]
code = "K2"

[session]
default_language = "nl"
idle_timeout_s = 60
idle_warning_s = 25
)";
    std::string theme = R"(name = "Test"
[fonts]
regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
body_size = 30
large_size = 40
title_size = 50
[colors]
background = "#FFFFFF"
text = "#000000"
text_muted = "#333333"
tile = "#003366"
tile_text = "#FFFFFF"
tile_pressed = "#002244"
button = "#FFFFFF"
button_text = "#003366"
button_pressed = "#DDDDDD"
bar = "#003366"
bar_text = "#FFFFFF"
focus = "#CC4400"
warning = "#FFFFCC"
warning_text = "#332200"
control_border = "#003366"
help = "#6B21A8"
help_text = "#FFFFFF"
)";
    std::string content = R"(languages = ["nl", "en"]
[[tile]]
id = "question"
label = "tile.question"
hint = "tile.question_hint"
screen = "coming-soon"
pictogram = "question"
)";
    std::string nl =
        "[language]\nname = \"Nederlands\"\n[tile]\nquestion = \"Vraag stellen\"\nquestion_hint = \"Over "
        "huur\"\n"
        "[service]\nhuur = \"Huurloket\"\nhuur_hint = \"Over uw huis\"\n";
    std::string en =
        "[language]\nname = \"English\"\n[tile]\nquestion = \"Ask a question\"\nquestion_hint = \"About "
        "rent\"\n"
        "[service]\nhuur = \"Tenant desk\"\nhuur_hint = \"About your home\"\n";
    std::string services = R"([[service]]
id = "huurloket"
prefix = "H"
name = "service.huur"
hint = "service.huur_hint"
default_service_minutes = 10
[service.walk_in]
monday = ["09:00-12:00"]
)";

    // One request type, without a kiosk flow.
    std::string request = R"(id = "note"
version = 1
[[field]]
name = "text"
kind = "text"
required = true
)";

    std::filesystem::path writeAll() {
        dir.write("content/requests/note.toml", request);
        dir.write("themes/gemeente.toml", theme);
        dir.write("themes/hoog-contrast.toml", theme);
        dir.write("content/content.toml", content);
        dir.write("content/texts/nl.toml", nl);
        dir.write("content/texts/en.toml", en);
        dir.write("content/services.toml", services);
        return dir.write("settings.toml", settings);
    }
};

TEST(BundleTest, ShippedDemoBundleLoads) {
    auto bundle = loadBundle(kSource / "provisioning/demo/settings.toml");
    ASSERT_TRUE(bundle) << bundle.status().message();
    EXPECT_EQ(bundle->settings.kioskCode, "K2");
    EXPECT_EQ(bundle->settings.contactPoint.letters, "SGN");
    EXPECT_EQ(bundle->content.languages, (std::vector<std::string>{"nl", "en", "tr", "pl", "uk"}));
    EXPECT_EQ(bundle->content.tiles.size(), 6u);
    EXPECT_TRUE(bundle->themes.contains("gemeente"));
    EXPECT_TRUE(bundle->themes.contains("hoog-contrast"));
}

// The i18n check: every key of every shipped language exists in every other one.
TEST(BundleTest, ShippedTextsHaveEveryKeyInEveryLanguage) {
    auto content = loadContent(kSource / "content");
    ASSERT_TRUE(content) << content.status().message();
    EXPECT_THAT(findMissingTranslations(content.value()), ::testing::IsEmpty());
    ASSERT_EQ(content->texts.size(), 5u);
    const auto& nl = content->texts.at("nl").texts;
    for (const auto& [code, lt] : content->texts) EXPECT_EQ(lt.texts.size(), nl.size()) << code;
}

// DESIGN.md's label contract: these exact words are what the scripts tap.
TEST(BundleTest, ShippedLabelsKeepTheContract) {
    auto content = loadContent(kSource / "content");
    ASSERT_TRUE(content) << content.status().message();
    const auto& nl = content->texts.at("nl").texts;
    const auto& en = content->texts.at("en").texts;
    const std::pair<const char*, std::pair<const char*, const char*>> labels[] = {
        {"tile.question", {"Vraag stellen", "Ask a question"}},
        {"tile.ticket", {"Wachtnummer", "Take a number"}},
        {"tile.appointment", {"Afspraak", "Appointment"}},
        {"tile.initiative", {"Initiatief", "Initiative"}},
        {"tile.participate", {"Meepraten", "Have your say"}},
        {"tile.home_help", {"Hulp aan huis", "Help at home"}},
        {"start.have_appointment", {"Ik heb een afspraak", "I have an appointment"}},
        {"start.request_status", {"Status van mijn vraag", "Status of my request"}},
        {"common.read_aloud", {"Voorlezen", "Read aloud"}},
        {"common.start_again", {"Begin opnieuw", "Start again"}},
        {"common.ask_host", {"Vraag het de gastvrouw of gastheer", "Ask the host"}},
        {"idle.still_here", {"Ik ben er nog", "I'm still here"}},
    };
    for (const auto& [key, words] : labels) {
        EXPECT_EQ(nl.at(key), words.first) << key;
        EXPECT_EQ(en.at(key), words.second) << key;
    }
    const std::pair<const char*, const char*> names[] = {
        {"nl", "Nederlands"}, {"en", "English"}, {"tr", "Türkçe"}, {"pl", "Polski"}, {"uk", "Українська"}};
    for (const auto& [code, name] : names) EXPECT_EQ(content->texts.at(code).texts.at("language.name"), name);
}

TEST(BundleTest, MiniBundleLoads) {
    MiniBundle b;
    auto bundle = loadBundle(b.writeAll());
    ASSERT_TRUE(bundle) << bundle.status().message();
    EXPECT_EQ(bundle->settings.session.idleWarningSeconds, 25);
    EXPECT_EQ(bundle->content.texts.at("en").texts.at("tile.question"), "Ask a question");
}

TEST(BundleTest, SyntaxErrorNamesFileLineAndColumn) {
    MiniBundle b;
    b.settings = "[contact_point]\nname = \"Wijkpunt Test\"\nletters = \"TST\n";  // unterminated string
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("settings.toml:3:"));
    EXPECT_THAT(bundle.status().message(), HasSubstr("syntax error"));
}

TEST(BundleTest, MissingKeyNamesTheTableAndWhatWasExpected) {
    MiniBundle b;
    b.settings = "[contact_point]\nname = \"Wijkpunt Test\"\nletters = \"TST\"\n\n[kiosk]\nplace = \"hal\"\n";
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("settings.toml:5:1: missing key 'code'"));
    EXPECT_THAT(bundle.status().message(), HasSubstr("two-character"));
}

TEST(BundleTest, AnEnrollingKioskNeedsNoCodeAndKeepsItsIdentityInTheDataFolder) {
    MiniBundle b;
    b.settings =
        "[contact_point]\nname = \"Wijkpunt Test\"\nletters = \"TST\"\n\n[kiosk]\ndata_dir = \"data\"\n"
        "[central]\napi_url = \"https://central:8443\"\nca_file = \"ca.pem\"\n"
        "enroll_url = \"https://central:8444/\"\nenroll_token_file = \"token\"\n"
        "[fleet]\nheartbeat_s = 15\n";
    auto bundle = loadBundle(b.writeAll());
    ASSERT_TRUE(bundle) << bundle.status().message();
    const Settings& s = bundle->settings;
    EXPECT_EQ(s.kioskCode, "");
    EXPECT_EQ(s.central.enrollUrl, "https://central:8444");
    EXPECT_EQ(s.central.enrollTokenFile, b.dir.path() / "token");
    EXPECT_EQ(identityDir(s), b.dir.path() / "data" / "identity");
    EXPECT_EQ(s.central.clientCertificate, b.dir.path() / "data" / "identity" / "kiosk.crt");
    EXPECT_EQ(s.central.clientKey, b.dir.path() / "data" / "identity" / "kiosk.key");
    EXPECT_EQ(s.fleet.heartbeatSeconds, 15);
    // Another data folder (--data-dir) moves a defaulted identity with it.
    Settings moved = s;
    moved.dataDir = "/srv/kiosk";
    defaultIdentityPaths(moved);
    EXPECT_EQ(moved.central.clientKey, std::filesystem::path("/srv/kiosk/identity/kiosk.key"));
}

TEST(BundleTest, EnrollmentNeedsTheKioskListenerAndPlainHttpIsRefused) {
    MiniBundle b;
    b.settings += "[central]\nenroll_url = \"http://central:8444\"\n[fleet]\nheartbeat_s = 0\n";
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("enroll_url must start with https://"));
    EXPECT_THAT(bundle.status().message(), HasSubstr("enroll_url needs api_url and ca_file"));
    EXPECT_THAT(bundle.status().message(), HasSubstr("heartbeat_s must be between 1 and 3600"));
}

TEST(BundleTest, WrongTypeNamesLineColumnAndBothTypes) {
    MiniBundle b;
    b.settings += "[screen]\nwidth_px = \"wide\"\n";
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(),
                HasSubstr("settings.toml:13:12: 'width_px' must be pixels, found a string"));
}

TEST(BundleTest, EveryErrorOfAFileIsReported) {
    MiniBundle b;
    b.settings = "[contact_point]\nname = 12\nletters = \"TO0\"\n[kiosk]\ncode = \"KO\"\n";
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    const std::string& m = bundle.status().message();
    EXPECT_THAT(m, HasSubstr("settings.toml:2:8: 'name' must be"));
    EXPECT_THAT(m, HasSubstr("settings.toml:3:11: letters 'TO0'"));
    EXPECT_THAT(m, HasSubstr("settings.toml:5:8: kiosk code 'KO'"));
}

TEST(BundleTest, IdleWarningShorterThan20SecondsIsRefused) {
    MiniBundle b;
    b.settings =
        std::string(b.settings).replace(b.settings.find("idle_warning_s = 25"), 19, "idle_warning_s = 10");
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("idle_warning_s must be at least 20"));
}

TEST(BundleTest, InitiativeContactDaysDefaultsToFiveAndIsChecked) {
    MiniBundle b;
    auto plain = loadBundle(b.writeAll());
    ASSERT_TRUE(plain) << plain.status().message();
    EXPECT_EQ(plain->settings.central.initiativeContactDays, 5);

    b.settings += "\n[central]\ninitiative_contact_days = 3\n";
    auto three = loadBundle(b.writeAll());
    ASSERT_TRUE(three) << three.status().message();
    EXPECT_EQ(three->settings.central.initiativeContactDays, 3);

    b.settings.replace(b.settings.find("= 3"), 3, "= 0");
    auto zero = loadBundle(b.writeAll());
    ASSERT_FALSE(zero);
    EXPECT_THAT(zero.status().message(), HasSubstr("initiative_contact_days must be between 1 and 60"));

    auto demo = loadBundle(kSource / "provisioning/demo/settings.toml");
    ASSERT_TRUE(demo) << demo.status().message();
    EXPECT_EQ(demo->settings.central.initiativeContactDays, 5);
}

TEST(BundleTest, ABrokenSmsTableIsRefusedWithTheBundle) {
    MiniBundle b;
    b.settings += "\n[sms]\nnear_ahead = 99\n";
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("settings.toml:"));
    EXPECT_THAT(bundle.status().message(), HasSubstr("near_ahead"));
}

TEST(BundleTest, BadColourNamesTheKey) {
    MiniBundle b;
    b.theme = std::string(b.theme).replace(b.theme.find("\"#000000\""), 9, "\"black\"");
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("gemeente.toml:"));
    EXPECT_THAT(bundle.status().message(), HasSubstr("'text' = \"black\" is not a colour"));
}

// A theme without [sizes] gets the defaults; [sizes] sets what it names; a misspelt size is an error.
TEST(BundleTest, ThemeSizesHaveDefaultsAndUnknownOnesAreRefused) {
    MiniBundle b;
    auto withSizes = [](std::string theme, const std::string& sizes) {
        return theme.replace(theme.find("[fonts]"), 0, "[sizes]\n" + sizes);
    };
    b.theme = withSizes(b.theme, "button_height = 90\nconsole_row_height = 44.5\n");
    auto bundle = loadBundle(b.writeAll());
    ASSERT_TRUE(bundle) << bundle.status().message();
    const Theme::Sizes& z = bundle->themes.at("gemeente").sizes;
    EXPECT_EQ(z.buttonHeight, 90.f);
    EXPECT_EQ(z.consoleRowHeight, 44.5f);
    EXPECT_EQ(z.buttonWidth, Theme::Sizes{}.buttonWidth);

    MiniBundle misspelt;
    misspelt.theme = withSizes(misspelt.theme, "buton_height = 90\n");
    auto refused = loadBundle(misspelt.writeAll());
    ASSERT_FALSE(refused);
    EXPECT_THAT(refused.status().message(), HasSubstr("gemeente.toml:3:16: unknown size 'buton_height'"));

    MiniBundle negative;
    negative.theme = withSizes(negative.theme, "key_height = -4\n");
    auto refusedToo = loadBundle(negative.writeAll());
    ASSERT_FALSE(refusedToo);
    EXPECT_THAT(refusedToo.status().message(), HasSubstr("'key_height' must be between 0 and 4000 pixels"));
}

TEST(BundleTest, MissingFontFileIsAnError) {
    MiniBundle b;
    b.theme = std::string(b.theme).replace(b.theme.find("DejaVuSans.ttf"), 14, "NoSuchFont.ttf");
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("gemeente.toml:3:11: font file"));
}

TEST(BundleTest, MissingTranslationNamesTheLanguageFileAndKey) {
    MiniBundle b;
    b.en = "[language]\nname = \"English\"\n[tile]\nquestion = \"Ask a question\"\n";
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("en.toml: missing text 'tile.question_hint'"));
}

TEST(BundleTest, TextThatIsNotAStringIsAnError) {
    MiniBundle b;
    b.nl += "[start]\ntitle = 5\n";
    b.en += "[start]\ntitle = \"Hello\"\n";
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(),
                HasSubstr("nl.toml:10:9: text 'start.title' must be a string, found an integer"));
}

TEST(BundleTest, ALanguagesTextsContinueInItsFolderAndAKeyGivenTwiceIsAnError) {
    MiniBundle b;
    const auto settings = b.writeAll();
    b.dir.write("content/texts/nl/more.toml", "[more]\nline = \"Nog een zin\"\n");
    b.dir.write("content/texts/en/more.toml", "[more]\nline = \"One more line\"\n");
    auto bundle = loadBundle(settings);
    ASSERT_TRUE(bundle) << bundle.status().message();
    EXPECT_EQ(bundle->content.texts.at("en").texts.at("more.line"), "One more line");
    b.dir.write("content/texts/nl/again.toml", "[more]\nline = \"Dubbel\"\n");  // read before more.toml
    bundle = loadBundle(settings);
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(),
                HasSubstr("nl/more.toml:2:8: text 'more.line' is given twice for this language"));
}

TEST(BundleTest, MissingLanguageFileIsNamed) {
    MiniBundle b;
    b.content = std::string(b.content).replace(b.content.find("\"en\"]"), 5, "\"en\", \"tr\"]");
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("texts/tr.toml: file not found"));
}

TEST(BundleTest, DuplicateTileIsRefused) {
    MiniBundle b;
    b.content +=
        "[[tile]]\nid = \"question\"\nlabel = \"tile.question\"\nhint = \"tile.question_hint\"\nscreen = "
        "\"x\"\npictogram = \"question\"\n";
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("content.toml:8:1: tile id 'question' appears twice"));
}

TEST(BundleTest, ATileWithoutAPictogramIsRefusedWhereItIs) {
    MiniBundle b;
    b.content = std::string(b.content).replace(b.content.find("pictogram = \"question\"\n"), 22, "");
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("content.toml:2:1: missing key 'pictogram'"));
}

TEST(BundleTest, TheMainActionColoursDefaultToTheTileColours) {
    MiniBundle b;
    auto bundle = loadBundle(b.writeAll());
    ASSERT_TRUE(bundle) << bundle.status().message();
    const Theme& t = bundle->themes.begin()->second;
    EXPECT_EQ(t.colors.main, t.colors.tile);
    EXPECT_EQ(t.colors.mainText, t.colors.tileText);
    b.theme += "main = \"#FFFF00\"\nmain_text = \"#000000\"\nmain_pressed = \"#CCCC00\"\n";
    bundle = loadBundle(b.writeAll());
    ASSERT_TRUE(bundle) << bundle.status().message();
    EXPECT_EQ(bundle->themes.begin()->second.colors.main, (Rgba{1, 1, 0, 1}));
}

TEST(BundleTest, UnknownThemeIsNamed) {
    MiniBundle b;
    b.settings += "[theme]\ndefault = \"paars\"\n";
    auto bundle = loadBundle(b.writeAll());
    ASSERT_FALSE(bundle);
    EXPECT_THAT(bundle.status().message(), HasSubstr("theme 'paars' not found"));
}

TEST(BundleTest, MissingSettingsFileIsNotFound) {
    auto bundle = loadBundle("/nonexistent/settings.toml");
    ASSERT_FALSE(bundle);
    EXPECT_EQ(bundle.status().code(), Status::Code::NotFound);
}

TEST(ContrastTest, KnownRatios) {
    EXPECT_NEAR(contrastRatio({0, 0, 0}, {1, 1, 1}), 21.0, 1e-9);
    EXPECT_NEAR(contrastRatio({1, 1, 1}, {1, 1, 1}), 1.0, 1e-9);
    // #767676 on white is the classic 4.54:1.
    Rgba grey{0x76 / 255.f, 0x76 / 255.f, 0x76 / 255.f};
    EXPECT_NEAR(contrastRatio(grey, {1, 1, 1}), 4.54, 0.01);
}

}  // namespace
}  // namespace wp
