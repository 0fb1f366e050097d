// The security headers of the central server's answers.
#pragma once

#include <string>
#include <string_view>

#include "central/http_exchange.h"

namespace wp {

// The Content-Security-Policy of an HTML page: nothing may load ('none') except the page's own inline
// <style> and <script> elements, each allowed by its SHA-256; no framing, no <base>, no form targets.
// scriptFiles: scripts come from this server's files instead ('self', and no inline one), and may read
// from it (connect-src 'self').
std::string contentSecurityPolicy(std::string_view html, bool scriptFiles = false);

// Adds X-Content-Type-Options: nosniff to every answer and, to an HTML one (Content-Type text/html),
// Strict-Transport-Security, Referrer-Policy: no-referrer and the Content-Security-Policy of its inline
// elements, unless the handler set a policy of its own (the back office sets both its
// Content-Security-Policy, page_renderer.h, and Referrer-Policy: same-origin, so that browsers send the
// Origin its forms are checked by).
void addSecurityHeaders(HttpResponse& res);

}  // namespace wp
