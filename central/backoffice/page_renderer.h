// The back office's HTML: its templates (central/backoffice/templates, Mustache via Debian's
// libkainjow-mustache-dev, embedded at build time) rendered with a view that is nlohmann::json, and the
// headers every back office answer carries.
//
// {{x}} escapes HTML (& < > " '); {{{x}}} is only for markup our own code made (a QR code, a chart built
// from numbers and escaped labels). JSON maps onto Mustache data as: object -> object, array -> list,
// string -> string, number -> its decimal text, true/false -> a section shown or not, null -> false.
//
// A page is a template rendered into the layout (layout.mustache): skip link, header with the
// municipality's name, the navigation for the role, the signed-in name, the sign-out forms, the main
// landmark with the page, the footer. The view's "title" is the page's <title>; its "section" marks the
// navigation item of the page (aria-current). Every view also gets "csrf" (the session's CSRF token) unless
// it sets one, so any form of the page can carry {{csrf}}. Thread-safe: templates are parsed per render.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "central/backoffice/staff_session.h"
#include "central/http_exchange.h"
#include "common/status.h"

namespace wp {

// text (Mustache) rendered with view; InvalidInput when the template does not parse.
Result<std::string> renderMustache(std::string_view text, const nlohmann::json& view);

// The Content-Security-Policy of every back office page: scripts and styles from the server's own static
// files only (no inline script, no style attribute), images from it or data: URLs, forms posted to it only,
// no framing, no <base>.
std::string_view backOfficeContentSecurityPolicy();

// Sets the back office's Content-Security-Policy and Cache-Control: no-store (the server's HTTP core adds
// HSTS, nosniff and Referrer-Policy to every HTML answer).
void addBackOfficeHeaders(HttpResponse& res);

class PageRenderer {
  public:
    // municipality: the name at the top of every page.
    explicit PageRenderer(std::string municipality);

    // The page: templateName (without .mustache) rendered with view inside the layout for session; status
    // 200, text/html, the back office's headers. A missing or broken template is a programmer mistake: a
    // 500 page, logged.
    void renderPage(HttpResponse& res, std::string_view templateName, const nlohmann::json& view,
                    const StaffSession& session) const;
    // A page without a session (sign-in, set-up, errors before sign-in): the layout without navigation or
    // account, with the given status.
    void renderPlainPage(HttpResponse& res, int status, std::string_view templateName,
                         const nlohmann::json& view) const;

    const std::string& municipality() const { return municipality_; }

    // The path of a static file with its content's version, for a long cache:
    // "/backoffice/static/NAME?v=HASH".
    static std::string staticPath(std::string_view name);

  private:
    void render(HttpResponse& res, int status, std::string_view templateName, const nlohmann::json& view,
                const StaffSession* session) const;
    std::string municipality_;
};

}  // namespace wp
