// PublicPages: the two small HTML pages a resident's phone opens from a QR code: the phone queue
// page and "Status van mijn vraag". No personal data, readable on a phone, in the municipality's name and
// colours when the config names a theme ([public_pages] theme). They work without JavaScript and carry no
// inline script.
//
//   /queue/{letters}/{day}/{ticket}  the ticket's place in line and estimated wait, from the queue events the
//                                    contact point's kiosks forwarded (central/ticket_position.h); it says
//                                    plainly when the data is stale. Once the ticket is called its title says
//                                    so ("Aan de beurt: H-014 naar Balie 2"). A "Vernieuwen" link reloads it.
//                                    Its script file (kQueueScriptPath) reads the page again every 30 s and
//                                    puts the new numbers in the region #queue-live (aria-live="polite"),
//                                    shows a button that turns that off (and on), and makes a phone that can
//                                    vibrate do so once when the ticket is called.
//   /status/{reference}              the request's status and public note (the data of GET
//   /v1/requests/{ref}).
//
// Texts come from the bundle's content ([phone_queue], [phone_status] in content/texts/<lang>.toml), loaded
// by the config ([public_pages] content_dir). Language: ?lang= when the content has it, else the best of
// Accept-Language, else Dutch. Every value put into the HTML is escaped. Every time is read from the injected
// clock. Rate limiting stays with the server (central_server.cpp), which asks busyPage() for the 429 page.
// Thread-safe: the pages hold only const data; the stores and clock are thread-safe.
#pragma once

#include <optional>
#include <string>

#include "central/central_config.h"
#include "central/store/central_store.h"
#include "central/ticket_position.h"
#include "common/clock.h"

namespace wp {

struct HtmlPage {
    int status = 200;
    std::string html;
    bool scriptFiles = false;  // loads the server's script files (contentSecurityPolicy(html, true))
};

// The queue page's script: a static file of the back office's (central/backoffice/static/phone_queue.js).
inline constexpr const char* kQueueScriptPath = "/backoffice/static/phone_queue.js";

// "&", "<", ">", '"' and "'" as HTML entities.
std::string escapeHtml(std::string_view text);

// The page language: param when the content has it, else the best Accept-Language the content has
// ("tr-TR,tr;q=0.9,en;q=0.5" -> "tr"), else "nl" (else the content's first language).
std::string pickLanguage(const Content& content, const std::string& param, const std::string& acceptLanguage);

class PublicPages {
  public:
    // requests: a request's status by reference code; queueStats: a contact point's queue events of the day.
    PublicPages(const CentralConfig& config, RequestStore& requests, QueueStatStore& queueStats,
                const Clock& clock);

    // False when the config names no content folder: every page is a plain 503.
    bool ready() const;
    std::string language(const std::string& param, const std::string& acceptLanguage) const;

    HtmlPage queuePage(const std::string& letters, const std::string& day, const std::string& ticket,
                       const std::string& language);
    // reference as it came in the URL (normalised and checked here: 400 before any database lookup).
    HtmlPage statusPage(const std::string& reference, const std::string& language);

    enum class Kind { Queue, Status };
    // The 429 page of either kind.
    HtmlPage busyPage(Kind kind, const std::string& language) const;

  private:
    std::string text(const std::string& language, const std::string& key) const;
    HtmlPage messagePage(int status, const std::string& language, const std::string& titleKey,
                         const std::string& bodyKey) const;
    // queueScript: the page loads the queue page's script file.
    std::string document(const std::string& language, const std::string& title, const std::string& body,
                         bool queueScript) const;

    const CentralConfig& config_;
    RequestStore& requests_;
    QueueStatStore& queueStats_;
    const Clock& clock_;
    PositionOptions options_;
};

}  // namespace wp
