#include "drivers/net/kiosk_identity.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/bundle.h"
#include "common/toml_reader.h"

namespace wp {

namespace fs = std::filesystem;
using nlohmann::json;
using toml_reader::TomlReader;

namespace {

struct BioEnd {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct KeyEnd {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct ReqEnd {
    void operator()(X509_REQ* r) const { X509_REQ_free(r); }
};
struct CertEnd {
    void operator()(X509* c) const { X509_free(c); }
};

std::string bioText(BIO* bio) {
    char* data = nullptr;
    long n = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<size_t>(n));
}

Result<std::string> readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::notFound(fmt::format("{}: cannot read it", file.string()));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The server's error code from {"error":{"code":...}}, or empty.
std::string errorCode(const std::string& body) {
    json j = json::parse(body, nullptr, false);
    if (!j.is_object()) return "";
    auto e = j.find("error");
    if (e == j.end() || !e->is_object()) return "";
    auto c = e->find("code");
    return c != e->end() && c->is_string() ? c->get<std::string>() : "";
}

std::string jsonString(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

Status writeFileAtomically(const fs::path& file, std::string_view contents, unsigned mode) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const fs::path tmp = file.string() + ".new";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0)
        return Status::ioError(fmt::format("{}: cannot create it: {}", tmp.string(), std::strerror(errno)));
    ::fchmod(fd, static_cast<mode_t>(mode));  // an older file of that name may have had another mode
    size_t done = 0;
    while (done < contents.size()) {
        ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            return Status::ioError(
                fmt::format("{}: cannot write it: {}", tmp.string(), std::strerror(errno)));
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        return Status::ioError(fmt::format("{}: cannot sync it: {}", tmp.string(), std::strerror(errno)));
    if (::rename(tmp.c_str(), file.c_str()) != 0)
        return Status::ioError(fmt::format("{}: cannot rename it: {}", file.string(), std::strerror(errno)));
    // The rename itself is durable once the folder is synced.
    if (int dir = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return Status::ok();
}

Result<std::optional<Enrollment>> readEnrollment(const fs::path& dir) {
    const fs::path file = dir / "enrollment.toml";
    std::error_code ec;
    if (!fs::exists(file, ec)) return std::optional<Enrollment>();
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    Enrollment e;
    e.kioskCode = r.requireString(r.root(), "kiosk_code", "the kiosk code the server gave");
    e.letters = r.requireString(r.root(), "contact_point", "the contact point's reference-code letters");
    if (!r.ok()) return r.status();
    if (!isCode(e.kioskCode, 2) || !isCode(e.letters, 3))
        return Status::invalidInput(fmt::format("{}: kiosk_code '{}' or contact_point '{}' is not a code",
                                                file.string(), e.kioskCode, e.letters));
    return std::optional<Enrollment>(e);
}

Status writeEnrollment(const fs::path& dir, const Enrollment& e) {
    if (!isCode(e.kioskCode, 2) || !isCode(e.letters, 3))
        return Status::invalidInput(
            fmt::format("kiosk code '{}' or letters '{}' is not a code", e.kioskCode, e.letters));
    return writeFileAtomically(
        dir / "enrollment.toml",
        fmt::format("# Written by the kiosk when it enrolled; these win over the settings.\n"
                    "kiosk_code = \"{}\"\ncontact_point = \"{}\"\n",
                    e.kioskCode, e.letters),
        0644);
}

Status ensureKey(const fs::path& keyFile) {
    std::error_code ec;
    if (fs::exists(keyFile, ec)) return Status::ok();
    std::unique_ptr<EVP_PKEY, KeyEnd> key(EVP_EC_gen("P-256"));
    if (!key) return Status::internal("cannot make an EC P-256 key");
    std::unique_ptr<BIO, BioEnd> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return Status::internal("cannot write the key as PEM");
    return writeFileAtomically(keyFile, bioText(bio.get()), 0600);
}

Result<std::string> makeCsr(const fs::path& keyFile) {
    auto pem = readFile(keyFile);
    if (!pem) return pem.status();
    std::unique_ptr<BIO, BioEnd> in(BIO_new_mem_buf(pem->data(), static_cast<int>(pem->size())));
    std::unique_ptr<EVP_PKEY, KeyEnd> key(PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr));
    if (!key) return Status::invalidInput(fmt::format("{}: not a PEM private key", keyFile.string()));
    std::unique_ptr<X509_REQ, ReqEnd> req(X509_REQ_new());
    X509_NAME* name = X509_REQ_get_subject_name(req.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("kiosk"), -1,
                               -1, 0);
    if (X509_REQ_set_version(req.get(), 0) != 1 || X509_REQ_set_pubkey(req.get(), key.get()) != 1 ||
        X509_REQ_sign(req.get(), key.get(), EVP_sha256()) <= 0)
        return Status::internal("cannot sign the certificate request");
    std::unique_ptr<BIO, BioEnd> out(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509_REQ(out.get(), req.get()) != 1)
        return Status::internal("cannot write the request");
    return bioText(out.get());
}

Result<TimePoint> certificateNotAfter(const fs::path& certFile) {
    auto pem = readFile(certFile);
    if (!pem) return pem.status();
    std::unique_ptr<BIO, BioEnd> in(BIO_new_mem_buf(pem->data(), static_cast<int>(pem->size())));
    std::unique_ptr<X509, CertEnd> cert(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
    if (!cert) return Status::invalidInput(fmt::format("{}: not a PEM certificate", certFile.string()));
    std::tm tm{};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(cert.get()), &tm) != 1)
        return Status::invalidInput(fmt::format("{}: unreadable notAfter", certFile.string()));
    return TimePoint(std::chrono::seconds(timegm(&tm)));
}

bool certificateEndsWithin(const fs::path& certFile, TimePoint now, Millis before) {
    auto notAfter = certificateNotAfter(certFile);
    return !notAfter || *notAfter - now < before;
}

std::optional<EnrollError> enroll(HttpClient& publicListener, const IdentityFiles& files,
                                  const std::string& token, Enrollment* enrolled) {
    if (Status s = ensureKey(files.key); !s) return EnrollError{false, s.message()};
    auto csr = makeCsr(files.key);
    if (!csr) return EnrollError{false, csr.status().message()};
    HttpRequest req;
    req.path = "/v1/enroll";
    req.body = json{{"token", token}, {"csr", csr.value()}}.dump();
    HttpResult r = publicListener.send(req);
    if (!r.answered())
        return EnrollError{false, fmt::format("{}: {}", toString(r.transport), r.transportMessage)};
    if (r.status == 403) {
        std::string code = errorCode(r.body);
        return EnrollError{true,
                           fmt::format("the server refused the token ({})", code.empty() ? "403" : code)};
    }
    if (r.status != 201)
        return EnrollError{false, fmt::format("HTTP {}: {}", r.status, r.body.substr(0, 300))};
    json j = json::parse(r.body, nullptr, false);
    if (!j.is_object()) return EnrollError{false, "the enrollment answer is not a JSON object"};
    Enrollment e{jsonString(j, "kiosk_code"), jsonString(j, "contact_point")};
    const std::string certificate = jsonString(j, "certificate");
    if (certificate.find("BEGIN CERTIFICATE") == std::string::npos)
        return EnrollError{false, "the enrollment answer has no certificate"};
    if (Status s = writeFileAtomically(files.certificate, certificate, 0644); !s)
        return EnrollError{false, s.message()};
    if (Status s = writeEnrollment(files.dir, e); !s) return EnrollError{false, s.message()};
    if (enrolled) *enrolled = e;
    return std::nullopt;
}

Status renewCertificate(HttpClient& kioskListener, const fs::path& keyFile, const fs::path& certFile) {
    auto csr = makeCsr(keyFile);
    if (!csr) return csr.status();
    HttpRequest req;
    req.path = "/v1/kiosk/certificate";
    req.body = json{{"csr", csr.value()}}.dump();
    HttpResult r = kioskListener.send(req);
    if (!r.answered())
        return Status::unavailable(fmt::format("{}: {}", toString(r.transport), r.transportMessage));
    if (r.status != 200)
        return Status::unavailable(fmt::format("HTTP {}: {}", r.status, r.body.substr(0, 300)));
    json j = json::parse(r.body, nullptr, false);
    const std::string certificate = j.is_object() ? jsonString(j, "certificate") : "";
    if (certificate.find("BEGIN CERTIFICATE") == std::string::npos)
        return Status::invalidInput("the renewal answer has no certificate");
    return writeFileAtomically(certFile, certificate, 0644);
}

}  // namespace wp
