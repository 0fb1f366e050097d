// The bundle: everything a kiosk runs on that people edit — settings, themes, texts and content.
//
// A bundle is a local folder. The loaders live in common/ so that the central server can validate a bundle
// with the kiosk's own code. Every loader returns either the whole, checked model or a Status whose message
// lists each problem as "file:line:col: what was expected". A kiosk that cannot load its bundle refuses
// to start with that message (it never half-loads one).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/contact_point.h"
#include "common/hosts.h"
#include "common/question_tree.h"
#include "common/request_spec.h"
#include "common/services.h"
#include "common/status.h"

namespace wp {

// A colour with 0..1 channels, straight (not premultiplied) alpha.
struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
    bool operator==(const Rgba&) const = default;
};

// WCAG 2.1 relative luminance and contrast ratio (1..21) of two opaque colours.
double relativeLuminance(const Rgba& c);
double contrastRatio(const Rgba& a, const Rgba& b);

// A theme: colours, fonts, sizes and shapes, mapped by name onto the UI (themes/*.toml).
struct Theme {
    std::string id;    // file name without .toml
    std::string name;  // shown to admins
    // municipality: the municipality's name as residents read it at the top of the phone pages; may be empty
    std::string municipality;
    struct Colors {
        Rgba background, text, textMuted;        // the page
        Rgba tile, tileText, tilePressed;        // the big service tiles
        Rgba button, buttonText, buttonPressed;  // ordinary buttons
        Rgba bar, barText;                       // the top and bottom bars
        Rgba focus;                              // keypad focus ring
        Rgba warning, warningText;               // idle warning and alerts
        Rgba controlBorder;                      // outline of every control
        Rgba help, helpText;                     // a resident's call for help (host console)
        // The screen's one main action ("Verder", "Verstuur", the "Wachtnummer" tile); optional in a theme
        // file, where it defaults to the tile colours.
        Rgba main, mainText, mainPressed;
    } colors;
    // Font files (absolute, or relative to the theme file) and pixel sizes on the configured panel.
    std::string fontRegular, fontBold;
    float bodySize = 34, largeSize = 46, titleSize = 64;
    float ticketSize = 200;  // the queue number on the ticket screen: digits, capitals and '-' only
    float cornerRadius = 16;
    float spacing = 24;
    // Sizes of controls and of the parts of a screen, in pixels on the configured panel ([sizes]; every key
    // may be left out, and the defaults are the walk-in screen's). A size that follows from the font sizes or
    // the spacing is not here: the code derives it where it is used.
    struct Sizes {
        // Every screen: how a control and a panel are drawn.
        float borderWidth = 3;      // border_width: the outline of every control and text field
        float focusWidth = 6;       // focus_width: the keypad focus ring, this far around the control
        float controlPadding = 12;  // control_padding: between a button's edge and its label
        float selectionBar = 8;     // selection_bar: the bar under a chosen option's label
        float tilePadding = 24;     // tile_padding: between a tile's edge and its label and hint
        float tileGap = 16;         // tile_gap: between a tile's label and its hint
        float panelPadding = 16;    // panel_padding: between a text field's or a panel's edge and its text
        float markerWidth = 10;     // marker_width: the bar beside a warning (not by colour alone)
        float lineGap = 8;          // line_gap: between lines that belong together
        // The walk-in screen.
        float buttonHeight = 130;     // button_height: an ordinary button ("Terug", "Verder", the bottom bar)
        float buttonWidth = 600;      // button_width: the widest a button alone on its row is drawn
        float lowButtonHeight = 120;  // low_button_height: buttons in a row that leaves the content room
        float largeButtonHeight = 150;  // large_button_height: "Ik ben er nog"; the most a listed topic takes
        float routeHeight = 140;        // route_height: a way on under an answer ("Nu met iemand praten")
        float compactRowHeight = 80;    // compact_row_height: paging the summary's answers
        float tileHeight = 300;         // tile_height: the tallest a start-screen tile is drawn
        float serviceTileHeight = 440;  // service_tile_height: the tallest a service tile is drawn
        float languageRowHeight = 110;  // language_row_height: the language switch
        float qrSize = 260;             // qr_size: the ticket's QR code
        float dialogHeight = 712;       // dialog_height: the idle warning over the screen
        float keyHeight = 96;           // key_height: a key of the on-screen keyboard
        float padKeyWidth = 240;        // pad_key_width: the widest a key of a numeric pad is drawn
        float pictogramSize = 96;       // pictogram_size: a start tile's pictogram, at most
        float markSize = 56;            // mark_size: the round or square mark of a choice
        float changeWidth = 240;        // change_width: "Wijzig" at the end of a summary row
        // The host console.
        float consoleBarHeight = 90;       // console_bar_height: the top bar, and the sign-in's buttons
        float consoleColumnWidth = 520;    // console_column_width: the alerts and adding a ticket by hand
        float consoleFiguresHeight = 190;  // console_figures_height: today's figures under the lists
        float consoleButtonHeight =
            64;                       // console_button_height: what can be done to the ticket at the counter
        float consoleRowHeight = 60;  // console_row_height: a row of a waiting list, and buttons beside one
        float consoleLabelPadding = 20;  // console_label_padding: each side of a button as wide as its label
        float consoleGap = 6;       // console_gap: between the console's buttons, side by side or stacked
        float consolePinKey = 100;  // console_pin_key: a key of the PIN pad
    } sizes;
};

struct Settings {
    std::string path;  // the file it came from
    struct ContactPoint {
        std::string name;     // "Wijkpunt Groenoord"
        std::string letters;  // reference-code letters, "SGN"
    } contactPoint;
    // Two characters, unique within the contact point: "K2". Optional when the kiosk enrolls (enroll_url):
    // then the kiosk code and letters of DATA_DIR/identity/enrollment.toml win (applyEnrollment).
    std::string kioskCode;
    struct Screen {
        int widthPx = 1080, heightPx = 1920;
        double mmPerPx = 0.2745;  // reference panel: 23.8" 1080x1920
        bool acceleratedRenderer = false;
    };
    Screen screen;                                    // [screen]: the walk-in touch screen
    Screen hostScreen{1920, 1080, 0.2745, false};     // [host_screen]: the host's monitor, with a mouse
    Screen displayScreen{1920, 1080, 0.4935, false};  // [display_screen]: the TV; reference 43" 1920x1080
    struct Session {
        std::string defaultLanguage = "nl";
        int idleTimeoutSeconds = 90;
        int idleWarningSeconds = 30;  // at least 20 (ACCESSIBILITY.md #11)
    } session;
    struct Printer {
        std::string way = "none";  // "pdf", "escpos" or "none" (number on screen only)
        std::string queue;         // CUPS queue name
        std::string server;        // CUPS server or socket; empty: the system's default
    } printer;
    struct Central {
        std::string publicUrl;  // "https://wijkpunt.schiedam.nl": base of the pages a ticket's QR opens
        // The HTTPS API that takes requests (store-and-forward); empty: this kiosk sends nothing yet.
        std::string apiUrl;
        std::filesystem::path caFile;                        // the CA the server's certificate must chain to
        std::filesystem::path clientCertificate, clientKey;  // this kiosk's identity (mutual TLS)
        std::string pinnedPublicKey;                         // optional "sha256//..." pin of the server's key
        // enroll_url: the central server's public listener, where a kiosk without a certificate enrolls with
        // the one-time token in enroll_token_file. With it, client_certificate and client_key default to
        // DATA_DIR/identity/kiosk.crt and kiosk.key (identityDefaulted says they were defaulted).
        std::string enrollUrl;
        std::filesystem::path enrollTokenFile;
        bool identityDefaulted = false;
        // initiative_contact_days: the receipt of an initiative says a coach contacts the resident within
        // this many working days (the central server's [initiative] contact_within_working_days). 1..60.
        int initiativeContactDays = 5;
    } central;
    struct Fleet {
        int heartbeatSeconds = 60;  // [fleet] heartbeat_s; the interval the server answers with wins
    } fleet;
    struct Host {
        std::string counter = "Balie 1";  // the counter of this host console, as the display calls it
        int lockAfterMinutes = 5;         // the console locks itself after this long without use; 0 = never
    } host;
    std::filesystem::path dataDir;  // the kiosk's database and state; resolved against the settings file
    std::string theme = "gemeente";
    std::string highContrastTheme = "hoog-contrast";
    std::string hostTheme;                        // the host console's theme; empty: the default theme
    std::filesystem::path contentDir, themesDir;  // resolved against the settings file
};

// UI texts of one language: dotted keys ("start.title") to UTF-8 strings.
struct LanguageTexts {
    std::string code;  // "nl"
    std::string file;
    std::map<std::string, std::string> texts;
};

// A tile on the start screen, in display order.
struct StartTile {
    std::string id;         // "question"
    std::string labelKey;   // text key of its label
    std::string hintKey;    // text key of the short line under it
    std::string screen;     // the screen it opens
    std::string pictogram;  // the pictogram drawn with its word (kiosk/ui/pictograms.h)
};

struct Content {
    std::vector<std::string> languages;  // display order; the first is the content's own default
    std::vector<StartTile> tiles;
    std::map<std::string, LanguageTexts> texts;  // by language code
};

struct Bundle {
    Settings settings;
    Content content;
    std::vector<Service> services;        // content/services.toml
    std::vector<HostAccount> hosts;       // content/hosts.toml; empty when there is none
    QuestionTree questions;               // content/questions.toml: "Vraag stellen"
    std::map<std::string, Theme> themes;  // by id
    RequestSpecs requests;                // content/requests/*.toml: the request types and their flows
    std::optional<ContactPointDetails> contactPoint;  // content/contact_point.toml; none without that file
};

// The alphabet of kiosk codes and reference codes: no 0/O/1/I/L (DESIGN.md: reference code).
inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

// Whether s is `length` characters of kCodeAlphabet.
bool isCode(std::string_view s, size_t length);
// value as a path: itself when absolute, else relative to the folder of file.
std::filesystem::path resolveAgainst(const std::filesystem::path& file, const std::string& value);

// The settings file alone (common/settings_file.cpp).
Result<Settings> loadSettings(const std::filesystem::path& file);
// Where an enrolling kiosk keeps its key, certificate and enrollment.toml: DATA_DIR/identity.
std::filesystem::path identityDir(const Settings& settings);
// Points client_certificate and client_key at identityDir when they were defaulted (after data_dir changed).
void defaultIdentityPaths(Settings& settings);
Result<Theme> loadTheme(const std::filesystem::path& file);
Result<LanguageTexts> loadLanguageTexts(const std::filesystem::path& file, const std::string& code);
// Adds the texts of file (more texts of texts' language) to texts; a key it gives again is an error.
Status addLanguageTexts(const std::filesystem::path& file, LanguageTexts& texts);
// Reads content.toml and, per language, texts/<code>.toml and then every texts/<code>/*.toml by name.
Result<Content> loadContent(const std::filesystem::path& contentDir);
// Loads settings, then the content and themes they point at, and checks that they fit together.
Result<Bundle> loadBundle(const std::filesystem::path& settingsFile);

// What a bundle's request specs need from the rest of it: every text key in every language, and each
// flow's desk among the services. One "file:line:col: ..." line per problem; empty when they fit.
std::vector<std::string> checkRequestSpecsAgainst(const RequestSpecs& specs, const Content& content,
                                                  const std::vector<Service>& services);

// Keys present in one language but missing in another: "tr.toml: missing 'start.title' (present in nl)".
std::vector<std::string> findMissingTranslations(const Content& content);

}  // namespace wp
