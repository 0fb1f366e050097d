// A browser for the back office's C++ page tests: cpp-httplib over TLS (the test CA trusted, no client
// certificate) with a cookie jar, no redirects followed, and the steps a person takes: set up an account
// through its set-up page and sign in with password and TOTP code.
#pragma once

#include <map>
#include <string>

#include "common/clock.h"

namespace wp::testing {

struct BrowserPage {
    int status = 0;
    std::string body;
    std::multimap<std::string, std::string> headers;  // names in lower case
    std::string header(const std::string& name) const;
};

class BackOfficeBrowser {
  public:
    explicit BackOfficeBrowser(int port) : port_(port) {}

    BrowserPage get(const std::string& path);
    // form: fields in order, URL-encoded here. origin: sent as the Origin header unless empty.
    BrowserPage post(const std::string& path, const std::multimap<std::string, std::string>& form,
                     const std::string& origin = "");

    std::map<std::string, std::string>& cookies() { return cookies_; }
    // The hidden csrf field of the last page fetched; "" when it had none.
    const std::string& csrf() const { return csrf_; }
    std::string origin() const { return "https://127.0.0.1:" + std::to_string(port_); }

    // Opens the set-up link's path, chooses password and confirms the TOTP code of now; returns the secret
    // (base32) or "" when it failed (the failure is a gtest failure).
    std::string setUp(const std::string& setupPath, const std::string& password, TimePoint now);
    // Signs in; returns the POST's answer (303 to /backoffice/ when it worked).
    BrowserPage signIn(const std::string& email, const std::string& password, const std::string& code);

  private:
    void remember(const BrowserPage& page);
    int port_;
    std::map<std::string, std::string> cookies_;
    std::string csrf_;
};

// The path of the first set-up link in text (what `account create` or `account reset-2fa` printed, or a
// page): "/backoffice/setup/TOKEN".
std::string setupPathIn(const std::string& commandOutput);
// The TOTP code of secret at now (6 digits).
std::string totpAt(const std::string& secret, TimePoint now);

}  // namespace wp::testing
