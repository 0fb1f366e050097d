#include "central/security_headers.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <vector>

namespace wp {

namespace {

// 'sha256-...' of every element's text, in the order they appear.
std::vector<std::string> inlineHashes(std::string_view html, std::string_view element) {
    std::vector<std::string> out;
    const std::string open = "<" + std::string(element);
    const std::string close = "</" + std::string(element) + ">";
    size_t at = 0;
    while ((at = html.find(open, at)) != std::string_view::npos) {
        size_t after = at + open.size();
        if (after >= html.size() || (html[after] != '>' && html[after] != ' ')) {
            at = after;
            continue;
        }
        size_t start = html.find('>', after);
        if (start == std::string_view::npos) break;
        ++start;
        size_t end = html.find(close, start);
        if (end == std::string_view::npos) break;
        unsigned char digest[SHA256_DIGEST_LENGTH];
        SHA256(reinterpret_cast<const unsigned char*>(html.data() + start), end - start, digest);
        unsigned char b64[4 * ((SHA256_DIGEST_LENGTH + 2) / 3) + 1];
        EVP_EncodeBlock(b64, digest, SHA256_DIGEST_LENGTH);
        out.push_back("'sha256-" + std::string(reinterpret_cast<char*>(b64)) + "'");
        at = end + close.size();
    }
    return out;
}

std::string sources(const std::vector<std::string>& hashes) {
    if (hashes.empty()) return "'none'";
    std::string out;
    for (const std::string& h : hashes) out += (out.empty() ? "" : " ") + h;
    return out;
}

}  // namespace

std::string contentSecurityPolicy(std::string_view html, bool scriptFiles) {
    const std::string scripts =
        scriptFiles ? "'self'; connect-src 'self'" : sources(inlineHashes(html, "script"));
    return "default-src 'none'; style-src " + sources(inlineHashes(html, "style")) + "; script-src " +
           scripts + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

void addSecurityHeaders(HttpResponse& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    if (res.get_header_value("Content-Type").rfind("text/html", 0) != 0) return;
    if (!res.has_header("Content-Security-Policy"))
        res.set_header("Content-Security-Policy", contentSecurityPolicy(res.body));
    res.set_header("Strict-Transport-Security", "max-age=31536000");
    if (!res.has_header("Referrer-Policy")) res.set_header("Referrer-Policy", "no-referrer");
}

}  // namespace wp
