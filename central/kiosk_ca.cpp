#include "central/kiosk_ca.h"

#include <fmt/format.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <sstream>
#include <vector>

namespace wp {

namespace {

struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Free {
    void operator()(X509* x) const { X509_free(x); }
};
struct ReqFree {
    void operator()(X509_REQ* r) const { X509_REQ_free(r); }
};
struct KeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct BnFree {
    void operator()(BIGNUM* b) const { BN_free(b); }
};
struct ExtFree {
    void operator()(X509_EXTENSION* e) const { X509_EXTENSION_free(e); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using ReqPtr = std::unique_ptr<X509_REQ, ReqFree>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;

BioPtr memoryOf(std::string_view text) {
    return BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

Result<std::string> readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::notFound(fmt::format("cannot read {}", file.string()));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The request of pem when it is one PEM certificate request whose signature verifies and whose key is EC
// P-256 or RSA >= 2048; else the reason.
Result<ReqPtr> checkedRequest(std::string_view pem) {
    if (pem.find("-----BEGIN CERTIFICATE REQUEST-----") == std::string_view::npos)
        return Status::invalidInput("'csr' must be a PEM certificate request");
    BioPtr bio = memoryOf(pem);
    ReqPtr req(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
    if (!req) return Status::invalidInput("'csr' is no readable certificate request");
    EVP_PKEY* key = X509_REQ_get0_pubkey(req.get());
    if (key == nullptr) return Status::invalidInput("the certificate request has no usable key");
    if (X509_REQ_verify(req.get(), key) != 1)
        return Status::invalidInput("the certificate request's signature does not verify");
    switch (EVP_PKEY_get_base_id(key)) {
        case EVP_PKEY_EC: {
            char group[64] = {0};
            size_t len = 0;
            if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &len) != 1 ||
                std::string_view(group) != "prime256v1")
                return Status::invalidInput("an EC key must be on the curve P-256");
            return req;
        }
        case EVP_PKEY_RSA:
            if (EVP_PKEY_get_bits(key) < 2048)
                return Status::invalidInput("an RSA key must have 2048 bits or more");
            return req;
        default:
            return Status::invalidInput("the key must be EC P-256 or RSA of 2048 bits or more");
    }
}

// "CN=kiosk-SGN-K3,O=Wijkpunt" as a name (entries least specific first, as X.509 keeps them).
Result<std::unique_ptr<X509_NAME, decltype(&X509_NAME_free)>> nameOf(const std::string& subject) {
    std::unique_ptr<X509_NAME, decltype(&X509_NAME_free)> name(X509_NAME_new(), &X509_NAME_free);
    if (subject.find_first_of("\\+\"<>;#") != std::string::npos)
        return Status::invalidInput(fmt::format("subject '{}' needs escapes, which are not taken", subject));
    std::vector<std::pair<std::string, std::string>> parts;
    std::size_t start = 0;
    while (start <= subject.size()) {
        std::size_t end = subject.find(',', start);
        if (end == std::string::npos) end = subject.size();
        std::string part = subject.substr(start, end - start);
        std::size_t eq = part.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == part.size())
            return Status::invalidInput(fmt::format("subject '{}' is not TYPE=value pairs", subject));
        parts.emplace_back(part.substr(0, eq), part.substr(eq + 1));
        start = end + 1;
    }
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        const auto* value = reinterpret_cast<const unsigned char*>(it->second.c_str());
        if (X509_NAME_add_entry_by_txt(name.get(), it->first.c_str(), MBSTRING_UTF8, value, -1, -1, 0) != 1)
            return Status::invalidInput(
                fmt::format("subject '{}' has an unknown type {}", subject, it->first));
    }
    return name;
}

bool addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, ExtFree> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

}  // namespace

struct KioskCa::Keys {
    X509Ptr certificate;
    KeyPtr key;
};

std::string kioskSubject(std::string_view contactPoint, std::string_view kioskCode) {
    return fmt::format("CN=kiosk-{}-{},O=Wijkpunt", contactPoint, kioskCode);
}

std::string randomCertificateSerial() {
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1) std::abort();  // no randomness: nothing safe to do
    bytes[0] = static_cast<unsigned char>((bytes[0] & 0x7F) | 0x40);
    std::string hex;
    for (unsigned char b : bytes) hex += fmt::format("{:02X}", b);
    return hex;
}

KioskCa::KioskCa(std::unique_ptr<Keys> keys, std::string certificatePem)
    : keys_(std::move(keys)), certificatePem_(std::move(certificatePem)) {}

KioskCa::~KioskCa() = default;

Result<std::unique_ptr<KioskCa>> KioskCa::load(const std::filesystem::path& certificate,
                                               const std::filesystem::path& key) {
    auto certText = readFile(certificate);
    if (!certText) return certText.status();
    auto keyText = readFile(key);
    if (!keyText) return keyText.status();
    auto keys = std::make_unique<Keys>();
    BioPtr certBio = memoryOf(certText.value());
    keys->certificate.reset(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
    if (!keys->certificate)
        return Status::invalidInput(fmt::format("{} holds no PEM certificate", certificate.string()));
    BioPtr keyBio = memoryOf(keyText.value());
    keys->key.reset(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    if (!keys->key) return Status::invalidInput(fmt::format("{} holds no PEM private key", key.string()));
    if (X509_check_private_key(keys->certificate.get(), keys->key.get()) != 1)
        return Status::invalidInput(
            fmt::format("{} is not the key of the CA certificate {}", key.string(), certificate.string()));
    // The CA's own certificate, first of the file, as PEM.
    BioPtr out(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(out.get(), keys->certificate.get());
    char* data = nullptr;
    long len = BIO_get_mem_data(out.get(), &data);
    return std::unique_ptr<KioskCa>(
        new KioskCa(std::move(keys), std::string(data, static_cast<size_t>(len))));
}

Status KioskCa::checkCsr(std::string_view csrPem) const {
    auto req = checkedRequest(csrPem);
    return req ? Status::ok() : req.status();
}

Result<std::string> KioskCa::issue(std::string_view csrPem, const std::string& subject,
                                   const std::string& serialHex, TimePoint notBefore,
                                   TimePoint notAfter) const {
    auto req = checkedRequest(csrPem);
    if (!req) return req.status();
    auto name = nameOf(subject);
    if (!name) return name.status();
    BIGNUM* rawSerial = nullptr;
    if (BN_hex2bn(&rawSerial, serialHex.c_str()) == 0)
        return Status::invalidInput(fmt::format("serial '{}' is not hex", serialHex));
    std::unique_ptr<BIGNUM, BnFree> serial(rawSerial);

    X509Ptr cert(X509_new());
    X509* issuer = keys_->certificate.get();
    bool ok = X509_set_version(cert.get(), 2) == 1 &&
              BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) != nullptr &&
              X509_set_subject_name(cert.get(), name.value().get()) == 1 &&
              X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer)) == 1;
    if (!ok) return Status::internal("the certificate could not be made");
    time_t before = std::chrono::system_clock::to_time_t(notBefore);
    time_t after = std::chrono::system_clock::to_time_t(notAfter);
    ok = X509_time_adj_ex(X509_getm_notBefore(cert.get()), 0, 0, &before) != nullptr &&
         X509_time_adj_ex(X509_getm_notAfter(cert.get()), 0, 0, &after) != nullptr &&
         X509_set_pubkey(cert.get(), X509_REQ_get0_pubkey(req.value().get())) == 1 &&
         addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:FALSE") &&
         addExtension(cert.get(), issuer, NID_key_usage, "critical,digitalSignature") &&
         addExtension(cert.get(), issuer, NID_ext_key_usage, "clientAuth") &&
         addExtension(cert.get(), issuer, NID_subject_key_identifier, "hash") &&
         addExtension(cert.get(), issuer, NID_authority_key_identifier, "keyid:always") &&
         X509_sign(cert.get(), keys_->key.get(), EVP_sha256()) > 0;
    if (!ok) return Status::internal("the certificate could not be signed");
    BioPtr out(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(out.get(), cert.get()) != 1)
        return Status::internal("the certificate could not be written");
    char* data = nullptr;
    long len = BIO_get_mem_data(out.get(), &data);
    return std::string(data, static_cast<size_t>(len));
}

}  // namespace wp
