#include "tests/integration/backoffice/backoffice_browser.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "central/backoffice/totp.h"
#include "tests/integration/central_harness.h"

namespace wp::testing {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string urlEncode(const std::string& s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::unique_ptr<httplib::SSLClient> client(int port) {
    auto cli = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
    cli->set_ca_cert_path(pkiFile("ca.crt").c_str());
    cli->enable_server_certificate_verification(true);
    cli->set_connection_timeout(10);
    cli->set_read_timeout(30);
    return cli;
}

BrowserPage pageOf(const httplib::Result& res) {
    BrowserPage page;
    if (!res) return page;
    page.status = res->status;
    page.body = res->body;
    for (const auto& [name, value] : res->headers) page.headers.emplace(lower(name), value);
    return page;
}

}  // namespace

std::string BrowserPage::header(const std::string& name) const {
    auto it = headers.find(lower(name));
    return it == headers.end() ? std::string() : it->second;
}

void BackOfficeBrowser::remember(const BrowserPage& page) {
    auto [first, last] = page.headers.equal_range("set-cookie");
    for (auto it = first; it != last; ++it) {
        const std::string& c = it->second;
        size_t eq = c.find('=');
        size_t end = c.find(';');
        std::string name = c.substr(0, eq);
        std::string value = c.substr(eq + 1, end == std::string::npos ? std::string::npos : end - eq - 1);
        if (c.find("Max-Age=0") != std::string::npos)
            cookies_.erase(name);
        else
            cookies_[name] = value;
    }
    std::smatch m;
    static const std::regex csrf(R"re(name="csrf" value="([^"]+)")re");
    if (std::regex_search(page.body, m, csrf)) csrf_ = m[1].str();
}

BrowserPage BackOfficeBrowser::get(const std::string& path) {
    httplib::Headers headers;
    std::string jar;
    for (const auto& [name, value] : cookies_) jar += (jar.empty() ? "" : "; ") + name + "=" + value;
    if (!jar.empty()) headers.emplace("Cookie", jar);
    BrowserPage page = pageOf(client(port_)->Get(path.c_str(), headers));
    remember(page);
    return page;
}

BrowserPage BackOfficeBrowser::post(const std::string& path,
                                    const std::multimap<std::string, std::string>& form,
                                    const std::string& origin) {
    httplib::Headers headers;
    std::string jar;
    for (const auto& [name, value] : cookies_) jar += (jar.empty() ? "" : "; ") + name + "=" + value;
    if (!jar.empty()) headers.emplace("Cookie", jar);
    if (!origin.empty()) headers.emplace("Origin", origin);
    std::string body;
    for (const auto& [name, value] : form)
        body += (body.empty() ? "" : "&") + urlEncode(name) + "=" + urlEncode(value);
    BrowserPage page =
        pageOf(client(port_)->Post(path.c_str(), headers, body, "application/x-www-form-urlencoded"));
    remember(page);
    return page;
}

std::string BackOfficeBrowser::setUp(const std::string& setupPath, const std::string& password,
                                     TimePoint now) {
    BrowserPage form = get(setupPath);
    EXPECT_EQ(form.status, 200) << form.body;
    std::smatch m;
    static const std::regex secretRe(R"re(id="totp-secret">([A-Z2-7 ]+)<)re");
    if (!std::regex_search(form.body, m, secretRe)) {
        ADD_FAILURE() << "no TOTP secret on the set-up page:\n" << form.body;
        return "";
    }
    std::string secret = m[1].str();
    secret.erase(std::remove(secret.begin(), secret.end(), ' '), secret.end());
    BrowserPage done = post(setupPath,
                            {{"csrf", csrf_},
                             {"password", password},
                             {"password_again", password},
                             {"code", totpAt(secret, now)}},
                            origin());
    EXPECT_EQ(done.status, 303) << done.body;
    EXPECT_EQ(done.header("Location"), "/backoffice/sign-in?klaar=1");
    return done.status == 303 ? secret : "";
}

BrowserPage BackOfficeBrowser::signIn(const std::string& email, const std::string& password,
                                      const std::string& code) {
    BrowserPage form = get("/backoffice/sign-in");
    EXPECT_EQ(form.status, 200);
    return post("/backoffice/sign-in",
                {{"csrf", csrf_}, {"email", email}, {"password", password}, {"code", code}}, origin());
}

std::string setupPathIn(const std::string& out) {
    size_t at = out.find("/backoffice/setup/");
    if (at == std::string::npos) return "";
    const std::string prefix = "/backoffice/setup/";
    size_t end = out.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
                                       at + prefix.size());
    return out.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::string totpAt(const std::string& secret, TimePoint now) {
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    auto code = totpCode(secret, seconds);
    return code ? code.value() : "";
}

}  // namespace wp::testing
