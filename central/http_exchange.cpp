#include "central/http_exchange.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cctype>

namespace wp {

namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string percentDecode(std::string_view s, bool plusIsSpace) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (plusIsSpace && s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

namespace {

template <typename Map>
std::string firstValue(const Map& map, std::string_view key) {
    auto it = map.find(key);
    return it == map.end() ? std::string() : it->second;
}

}  // namespace

bool HeaderNameLess::operator()(std::string_view a, std::string_view b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                        [](char x, char y) { return lower(x) < lower(y); });
}

bool HttpRequest::has_header(std::string_view name) const {
    return headers.find(name) != headers.end();
}

std::string HttpRequest::get_header_value(std::string_view name) const {
    return firstValue(headers, name);
}

bool HttpRequest::has_param(const std::string& name) const {
    return params.find(name) != params.end();
}

std::string HttpRequest::get_param_value(const std::string& name) const {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

void HttpResponse::set_header(std::string_view name, std::string value) {
    auto [first, last] = headers.equal_range(name);
    headers.erase(first, last);
    headers.emplace(std::string(name), std::move(value));
}

void HttpResponse::set_content(std::string content, std::string_view contentType) {
    body = std::move(content);
    set_header("Content-Type", std::string(contentType));
}

bool HttpResponse::has_header(std::string_view name) const {
    return headers.find(name) != headers.end();
}

std::string HttpResponse::get_header_value(std::string_view name) const {
    return firstValue(headers, name);
}

void sendError(HttpResponse& res, int status, std::string_view code, std::string message, std::string field) {
    res.status = status;
    res.set_content(encodeError({status, std::string(code), std::move(message), std::move(field)}), kJson);
}

void sendError(HttpResponse& res, const ApiError& e) {
    res.status = e.httpStatus;
    res.set_content(encodeError(e), kJson);
}

std::multimap<std::string, std::string> parseQueryString(std::string_view query) {
    std::multimap<std::string, std::string> out;
    while (!query.empty()) {
        size_t amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        size_t eq = pair.find('=');
        std::string_view key = pair.substr(0, eq);
        std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        out.emplace(percentDecode(key, true), percentDecode(value, true));
    }
    return out;
}

PeerCert peerCertificate(const SSL* ssl) {
    PeerCert out;
    if (ssl == nullptr) return out;
    X509* cert = SSL_get1_peer_certificate(ssl);
    if (cert == nullptr) return out;
    if (SSL_get_verify_result(ssl) == X509_V_OK) {
        BIO* bio = BIO_new(BIO_s_mem());
        X509_NAME_print_ex(bio, X509_get_subject_name(cert), 0, XN_FLAG_RFC2253);
        char* data = nullptr;
        long len = BIO_get_mem_data(bio, &data);
        out.subject.assign(data, static_cast<size_t>(len));
        BIO_free(bio);
        if (BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr)) {
            if (char* hex = BN_bn2hex(bn)) {
                out.serial = hex;
                OPENSSL_free(hex);
            }
            BN_free(bn);
        }
    }
    X509_free(cert);
    return out;
}

}  // namespace wp
