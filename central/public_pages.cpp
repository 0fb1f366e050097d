#include "central/public_pages.h"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include "common/reference_code.h"

namespace wp {

namespace {

const date::time_zone* amsterdam() {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    return zone;
}

// The local day ("2026-11-26") and a local date and time ("26-11-2026 10:42") in Europe/Amsterdam.
std::string localDayOf(TimePoint t) {
    return date::format("%Y-%m-%d",
                        date::make_zoned(amsterdam(), std::chrono::floor<std::chrono::minutes>(t)));
}
std::string localDateTime(TimePoint t) {
    return date::format("%d-%m-%Y %H:%M",
                        date::make_zoned(amsterdam(), std::chrono::floor<std::chrono::minutes>(t)));
}

// "YYYY-MM-DD" naming a real date.
bool isDay(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    date::year_month_day ymd{date::year(std::stoi(s.substr(0, 4))),
                             date::month(static_cast<unsigned>(std::stoi(s.substr(5, 2)))),
                             date::day(static_cast<unsigned>(std::stoi(s.substr(8, 2))))};
    return ymd.ok();
}

bool isLetters(const std::string& s) {
    return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) {
               return kCodeAlphabet.find(c) != std::string_view::npos;
           });
}

bool isTicket(const std::string& s) {
    return !s.empty() && s.size() <= 64 &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c == '-'; });
}

// Replaces {name} in an (already escaped) text by the escaped value.
std::string fill(std::string text, std::string_view name, const std::string& value) {
    std::string key = fmt::format("{{{}}}", name);
    std::string escaped = escapeHtml(value);
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + escaped.size()))
        text.replace(at, key.size(), escaped);
    return text;
}

// The coach's first name once RequestStatusView carries one (contracts.md #8), else nothing.
template <typename View>
std::string coachOf(const View& v) {
    if constexpr (requires { v.coach; })
        return v.coach;
    else
        return {};
}

// Plain, large and high-contrast; no colour carries meaning on its own (each box has words).
constexpr const char* kStyle = R"css(
body{margin:0;background:#fff;color:#1a1a1a;font:1.25rem/1.5 "DejaVu Sans",Arial,sans-serif}
main{max-width:36rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.6rem;margin:0 0 1rem}
.service{font-size:1.35rem;font-weight:bold;margin:0}
.label{margin:1rem 0 0}
.ticket{font-size:4.5rem;font-weight:bold;letter-spacing:.05em;margin:0 0 1rem;line-height:1.1}
.big{font-size:1.6rem;font-weight:bold;margin:.5rem 0}
.box{border:3px solid #1a1a1a;border-radius:.5rem;padding:1rem;margin:1rem 0}
.turn{background:#e6f4ea;border-color:#0b6b2b;font-size:1.6rem;font-weight:bold}
.stale{background:#fff4ce;border-color:#8a5a00}
.note{background:#f2f2f2}
.small{font-size:1rem;color:#404040}
nav{margin-top:2rem;font-size:1rem}
nav a{display:inline-block;padding:.5rem .6rem;margin:0 .2rem .4rem 0;color:#0b4f8a}
nav a[aria-current]{font-weight:bold;color:#1a1a1a;text-decoration:none}
.refresh{font-size:1rem;margin:1.5rem 0 0}
.refresh a{display:inline-block;padding:.5rem .6rem .5rem 0;margin-right:.6rem;color:#0b4f8a}
.refresh button{font:inherit;color:inherit;background:transparent;border:2px solid currentColor;
border-radius:.4rem;padding:.45rem .8rem;margin:.25rem 0;cursor:pointer}
)css";

// "#RRGGBB" of a theme colour.
std::string cssColor(const Rgba& c) {
    auto byte = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.f, 1.f) * 255.f)); };
    return fmt::format("#{:02X}{:02X}{:02X}", byte(c.r), byte(c.g), byte(c.b));
}

// The theme's colours over the plain style: the page, the name bar at the top, the box that says it is your
// turn, the stale notice and the links. Each pair is one the theme tests for contrast.
std::string themedStyle(const Theme& t) {
    const auto& c = t.colors;
    return fmt::format(
        "body{{background:{0};color:{1}}}\n"
        ".brand{{background:{2};color:{3};font-size:1.35rem;font-weight:bold;margin:0;padding:.9rem "
        "1.25rem}}\n"
        ".turn{{background:{4};color:{5};border-color:{4}}}\n"
        ".stale{{background:{6};color:{7};border-color:{7}}}\n"
        ".box{{border-color:{8}}}\n"
        "nav a,.refresh a{{color:{9}}}\nnav a[aria-current]{{color:{1}}}\n",
        cssColor(c.background), cssColor(c.text), cssColor(c.bar), cssColor(c.barText), cssColor(c.tile),
        cssColor(c.tileText), cssColor(c.warning), cssColor(c.warningText), cssColor(c.controlBorder),
        cssColor(c.buttonText));
}

}  // namespace

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string pickLanguage(const Content& content, const std::string& param,
                         const std::string& acceptLanguage) {
    auto offered = [&](const std::string& code) { return content.texts.contains(code); };
    if (offered(param)) return param;
    // Accept-Language: "tr-TR,tr;q=0.9,en;q=0.5": the highest q the content has; the first of equals.
    std::string best;
    double bestQ = 0;
    std::istringstream items(acceptLanguage);
    for (std::string item; std::getline(items, item, ',');) {
        std::string tag = item.substr(0, item.find(';'));
        tag.erase(std::remove_if(tag.begin(), tag.end(), [](unsigned char c) { return std::isspace(c); }),
                  tag.end());
        tag = tag.substr(0, tag.find('-'));
        std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::tolower(c); });
        double q = 1;
        if (auto at = item.find(";q="); at != std::string::npos) {
            try {
                q = std::stod(item.substr(at + 3));
            } catch (...) {
                q = 0;
            }
        }
        if (q > bestQ && offered(tag)) {
            best = tag;
            bestQ = q;
        }
    }
    if (!best.empty()) return best;
    if (offered("nl") || content.languages.empty()) return "nl";
    return content.languages.front();
}

PublicPages::PublicPages(const CentralConfig& config, RequestStore& requests, QueueStatStore& queueStats,
                         const Clock& clock)
    : config_(config), requests_(requests), queueStats_(queueStats), clock_(clock) {
    options_.defaultPerPerson = std::chrono::minutes(config.publicPages.defaultMinutesPerPerson);
    for (const Service& s : config.publicPages.services) {
        options_.defaultByService[s.id] = std::chrono::minutes(s.defaultServiceMinutes);
        options_.prefixByService[s.id] = s.prefix;
    }
}

bool PublicPages::ready() const {
    return !config_.publicPages.content.texts.empty();
}

std::string PublicPages::language(const std::string& param, const std::string& acceptLanguage) const {
    return pickLanguage(config_.publicPages.content, param, acceptLanguage);
}

std::string PublicPages::text(const std::string& language, const std::string& key) const {
    const auto& texts = config_.publicPages.content.texts;
    for (const std::string& code : {language, std::string("nl")}) {
        auto lt = texts.find(code);
        if (lt == texts.end()) continue;
        if (auto it = lt->second.texts.find(key); it != lt->second.texts.end()) return escapeHtml(it->second);
    }
    return escapeHtml(key);  // the config loader checked every key: only a programmer's typo lands here
}

std::string PublicPages::document(const std::string& language, const std::string& title,
                                  const std::string& body, bool queueScript) const {
    std::string links;
    for (const std::string& code : config_.publicPages.content.languages) {
        bool current = code == language;
        links += fmt::format(R"(<a href="?lang={0}" hreflang="{0}" lang="{0}"{1}>{2}</a>)", escapeHtml(code),
                             current ? R"( aria-current="true")" : "", text(code, "language.name"));
    }
    // The municipality's name and colours from the theme, when the config names one.
    const auto& theme = config_.publicPages.theme;
    const std::string style = theme ? kStyle + themedStyle(*theme) : std::string(kStyle);
    const std::string brand =
        theme && !theme->municipality.empty()
            ? fmt::format("<header>\n<p class=\"brand\">{}</p>\n</header>\n", escapeHtml(theme->municipality))
            : std::string();
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n<title>{}</title>\n<style>{}</style>\n{}</head>\n"
        "<body>\n{}<main>\n{}<nav>{}</nav>\n</main>\n</body>\n</html>\n",
        escapeHtml(language), title, style,
        queueScript ? fmt::format("<script src=\"{}\" defer></script>\n", kQueueScriptPath) : "", brand, body,
        links);
}

HtmlPage PublicPages::messagePage(int status, const std::string& language, const std::string& titleKey,
                                  const std::string& bodyKey) const {
    std::string title = text(language, titleKey);
    std::string body = fmt::format("<h1>{}</h1>\n<p>{}</p>\n", title, text(language, bodyKey));
    return {status, document(language, title, body, false), false};
}

HtmlPage PublicPages::busyPage(Kind kind, const std::string& language) const {
    return kind == Kind::Queue ? messagePage(429, language, "phone_queue.title", "phone_queue.busy")
                               : messagePage(429, language, "phone_status.title", "phone_status.busy");
}

HtmlPage PublicPages::queuePage(const std::string& letters, const std::string& day, const std::string& ticket,
                                const std::string& language) {
    const std::string& lang = language;
    if (!isLetters(letters) || !isDay(day) || !isTicket(ticket))
        return messagePage(404, lang, "phone_queue.not_found_title", "phone_queue.not_found");
    auto events = queueStats_.queueEventsOf(letters, day);
    auto heard = queueStats_.lastHeardFrom(letters);
    if (!events || !heard) return messagePage(503, lang, "phone_queue.title", "phone_queue.unavailable");
    TimePoint now = clock_.now();
    auto pos = ticketPosition(events.value(), ticket, day, localDayOf(now), now, heard.value(), options_);
    if (!pos) return messagePage(404, lang, "phone_queue.not_found_title", "phone_queue.not_found");

    std::string serviceName = escapeHtml(pos->service);
    for (const Service& s : config_.publicPages.services)
        if (s.id == pos->service) serviceName = text(lang, s.nameKey);

    std::string body = fmt::format(
        "<h1>{}</h1>\n<p class=\"service\">{}</p>\n<p class=\"label\">{}</p>\n"
        "<p class=\"ticket\">{}</p>\n",
        text(lang, "phone_queue.title"), serviceName, text(lang, "phone_queue.your_number"),
        escapeHtml(pos->ticket));
    // What changes while the resident waits is in the live region, which the script refreshes; a called
    // ticket names itself there, so the script makes the phone vibrate once per ticket.
    bool called = pos->phase == TicketPhase::Called;
    body += fmt::format("<div id=\"queue-live\" aria-live=\"polite\"{}>\n",
                        called ? fmt::format(" data-called=\"{}\"", escapeHtml(pos->ticket)) : "");
    if (pos->stale) {
        std::string line = pos->lastHeard ? fill(text(lang, "phone_queue.stale"), "time",
                                                 formatLocalHourMinute(*pos->lastHeard))
                                          : text(lang, "phone_queue.stale_never");
        body += fmt::format("<p class=\"box stale\" role=\"status\">{}</p>\n", line);
    }
    switch (pos->phase) {
        case TicketPhase::Waiting:
            if (pos->peopleBefore == 0) {
                body += fmt::format("<p class=\"big\">{}</p>\n", text(lang, "phone_queue.next"));
            } else {
                body += fmt::format("<p class=\"big\">{}</p>\n",
                                    fill(text(lang, "phone_queue.people_before"), "count",
                                         std::to_string(pos->peopleBefore)));
                body += fmt::format("<p>{}</p>\n", pos->estimatedWait
                                                       ? fill(text(lang, "phone_queue.wait"), "minutes",
                                                              std::to_string(pos->estimatedWait->count()))
                                                       : text(lang, "phone_queue.wait_unknown"));
            }
            break;
        case TicketPhase::Called:
            body += fmt::format("<p class=\"box turn\" role=\"alert\">{}</p>\n",
                                fill(text(lang, "phone_queue.called"), "counter", pos->counter));
            break;
        case TicketPhase::Serving:
            body += fmt::format("<p class=\"box turn\">{}</p>\n",
                                fill(text(lang, "phone_queue.serving"), "counter", pos->counter));
            break;
        case TicketPhase::Parked:
            body += fmt::format("<p class=\"box\">{}</p>\n", text(lang, "phone_queue.parked"));
            break;
        case TicketPhase::Done:
            body += fmt::format("<p class=\"box\">{}</p>\n", text(lang, "phone_queue.done"));
            break;
        case TicketPhase::Gone:
            body += fmt::format("<p class=\"box\">{}</p>\n", text(lang, "phone_queue.gone"));
            break;
    }
    body += fmt::format("<p class=\"small\">{}</p>\n</div>\n",
                        fill(text(lang, "phone_queue.updated"), "time", formatLocalHourMinute(now)));
    // A link that reloads the page works without the script; the script shows the button that stops (and
    // restarts) its refreshing, with the two labels from the data attributes.
    body += fmt::format(
        "<p class=\"refresh\"><a id=\"queue-refresh\" href=\"/queue/{}/{}/{}?lang={}\">{}</a>\n"
        "<button type=\"button\" id=\"queue-auto\" hidden data-on=\"{}\" data-off=\"{}\">{}</button></p>\n",
        letters, day, escapeHtml(ticket), escapeHtml(lang), text(lang, "phone_queue.refresh"),
        text(lang, "phone_queue.auto_refresh_on"), text(lang, "phone_queue.auto_refresh_off"),
        text(lang, "phone_queue.auto_refresh_off"));
    // Called: the title says so (a phone shows it on the tab and the lock screen's notice).
    std::string title = called
                            ? fill(fill(text(lang, "phone_queue.called_title"), "ticket", pos->ticket),
                                   "counter", pos->counter)
                            : fmt::format("{} {}", escapeHtml(pos->ticket), text(lang, "phone_queue.title"));
    return {200, document(lang, title, body, true), true};
}

HtmlPage PublicPages::statusPage(const std::string& typed, const std::string& language) {
    const std::string& lang = language;
    std::string reference = normalizeReferenceCode(typed);
    // The check character first: a wrong code never reaches the database.
    if (!verifyReferenceCode(reference))
        return messagePage(400, lang, "phone_status.invalid_title", "phone_status.invalid");
    auto view = requests_.statusOf(reference);
    if (!view) return messagePage(503, lang, "phone_status.title", "phone_status.unavailable");
    if (!view->has_value())
        return messagePage(404, lang, "phone_status.not_found_title", "phone_status.not_found");
    const RequestStatusView& v = **view;

    const char* statusKey = "phone_status.received";
    switch (v.status) {
        case RequestStatus::Received:
            statusKey = "phone_status.received";
            break;
        case RequestStatus::InProgress:
            statusKey = "phone_status.in_progress";
            break;
        case RequestStatus::Answered:
            statusKey = "phone_status.answered";
            break;
        case RequestStatus::Closed:
            statusKey = "phone_status.closed";
            break;
    }
    std::string title = text(lang, "phone_status.title");
    std::string body = fmt::format(
        "<h1>{}</h1>\n<p class=\"label\">{}</p>\n<p class=\"big\">{}</p>\n"
        "<p class=\"box\">{}</p>\n",
        title, text(lang, "phone_status.your_code"), escapeHtml(v.reference), text(lang, statusKey));
    if (std::string coach = coachOf(v); !coach.empty())
        body += fmt::format("<p>{}</p>\n", fill(text(lang, "phone_status.coach"), "coach", coach));
    if (!v.publicNote.empty()) {
        // The team's note keeps its line breaks; every character is escaped.
        std::string note = escapeHtml(v.publicNote);
        for (size_t at = note.find('\n'); at != std::string::npos; at = note.find('\n', at + 4))
            note.replace(at, 1, "<br>");
        body +=
            fmt::format("<h2>{}</h2>\n<p class=\"box note\">{}</p>\n", text(lang, "phone_status.note"), note);
    }
    body += fmt::format("<p class=\"small\">{}</p>\n",
                        fill(text(lang, "phone_status.updated"), "time", localDateTime(v.updatedAt)));
    return {200, document(lang, title, body, false), false};
}

}  // namespace wp
