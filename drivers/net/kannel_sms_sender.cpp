#include "drivers/net/kannel_sms_sender.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>

#include "drivers/net/curl_easy.h"

namespace wp {

namespace {

std::string escaped(CURL* curl, const std::string& s) {
    char* e = curl_easy_escape(curl, s.c_str(), static_cast<int>(s.size()));
    std::string out = e ? e : "";
    curl_free(e);
    return out;
}

}  // namespace

KannelSmsSender::KannelSmsSender(SmsSettings settings, long timeoutMs)
    : settings_(std::move(settings)), timeoutMs_(timeoutMs) {
    initCurlOnce();
    curl_ = curl_easy_init();
}

KannelSmsSender::~KannelSmsSender() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

SmsSendResult KannelSmsSender::send(const std::string& number, const std::string& text) {
    CURL* curl = static_cast<CURL*>(curl_);
    if (curl == nullptr) return {false, "cannot start libcurl"};
    const bool ascii =
        std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::string url = fmt::format("{}{}username={}&password={}&from={}&to={}", settings_.url,
                                  settings_.url.find('?') == std::string::npos ? "?" : "&",
                                  escaped(curl, settings_.username), escaped(curl, settings_.password),
                                  escaped(curl, settings_.sender), escaped(curl, number));
    url += fmt::format("&charset=UTF-8{}&text={}", ascii ? "" : "&coding=2", escaped(curl, text));

    curl_easy_reset(curl);
    std::string body;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeoutMs_, 5000L));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeoutMs_);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendToString);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    const CURLcode rc = curl_easy_perform(curl);
    std::fill(url.begin(), url.end(), '\0');  // it held the number and the password
    if (rc != CURLE_OK)
        return {false, fmt::format("{}: {}", curl_easy_strerror(rc), errorBuffer[0] ? errorBuffer : "")};
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300) return {true, {}};
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.pop_back();
    return {false, fmt::format("HTTP {}: {}", status, body.substr(0, 200))};
}

}  // namespace wp
