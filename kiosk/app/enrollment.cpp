#include "kiosk/app/enrollment.h"

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/log.h"
#include "drivers/net/curl_http_client.h"
#include "drivers/net/kiosk_identity.h"

namespace wp {

namespace {

constexpr std::chrono::seconds kRetryEvery{5};

Result<std::string> readToken(const std::filesystem::path& file) {
    if (file.empty())
        return Status::invalidInput(
            "the kiosk has no certificate yet and [central] enroll_token_file is not set");
    std::ifstream in(file);
    if (!in) return Status::notFound(fmt::format("cannot read the enrollment token file {}", file.string()));
    std::ostringstream s;
    s << in.rdbuf();
    std::string token = s.str();
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.front()))) token.erase(0, 1);
    if (token.empty())
        return Status::invalidInput(fmt::format("the enrollment token file {} is empty", file.string()));
    return token;
}

// The enrollment when both enrollment.toml and the certificate are there.
Result<std::optional<Enrollment>> enrolled(const Settings& settings) {
    auto e = readEnrollment(identityDir(settings));
    if (!e || !e->has_value()) return e;
    std::error_code ec;
    if (!std::filesystem::exists(settings.central.clientCertificate, ec)) return std::optional<Enrollment>();
    return e;
}

void apply(Settings& settings, const Enrollment& e) {
    settings.kioskCode = e.kioskCode;
    settings.contactPoint.letters = e.letters;
}

}  // namespace

Status prepareIdentity(Settings& settings, const std::string& role) {
    if (settings.central.enrollUrl.empty()) return Status::ok();
    auto e = enrolled(settings);
    if (!e) return e.status();
    if (e->has_value()) {
        apply(settings, **e);
        return Status::ok();
    }
    if (role != "walkin") {
        log::info("waiting for the walk-in role to enroll this kiosk");
        for (;;) {
            std::this_thread::sleep_for(std::chrono::seconds(1));
            e = enrolled(settings);
            if (!e) return e.status();
            if (e->has_value()) {
                apply(settings, **e);
                return Status::ok();
            }
        }
    }
    auto token = readToken(settings.central.enrollTokenFile);
    if (!token) return token.status();
    CurlHttpClientOptions http;
    http.baseUrl = settings.central.enrollUrl;
    http.caFile = settings.central.caFile;
    http.pinnedPublicKey = settings.central.pinnedPublicKey;
    CurlHttpClient client(http);
    const IdentityFiles files{settings.central.clientKey, settings.central.clientCertificate,
                              identityDir(settings)};
    std::string lastError;
    for (;;) {
        Enrollment got;
        auto error = enroll(client, files, token.value(), &got);
        if (!error) {
            apply(settings, got);
            log::info("enrolled as {}-{}; the token in {} is spent", got.letters, got.kioskCode,
                      settings.central.enrollTokenFile.string());
            return Status::ok();
        }
        if (error->tokenRefused)
            return Status::invalidInput(fmt::format("cannot enroll: {}", error->message));
        if (error->message != lastError) log::warning("cannot enroll yet, trying again: {}", error->message);
        lastError = error->message;
        std::this_thread::sleep_for(kRetryEvery);
    }
}

}  // namespace wp
