// The kiosk's identity files (drivers/net/kiosk_identity.h): the key made on the kiosk and kept private,
// the request, enrollment with a token against a scripted server, and renewal.
#include "drivers/net/kiosk_identity.h"

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/unit/drivers/net/scripted_http.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using nlohmann::json;

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

unsigned modeOf(const std::filesystem::path& file) {
    struct stat st {};
    EXPECT_EQ(::stat(file.c_str(), &st), 0) << file;
    return st.st_mode & 0777;
}

// What the server would sign: a certificate for the request's key, valid `days`, self-signed by a key of
// its own (the test's stand-in for the kiosk CA).
std::string signRequest(const std::string& csrPem, int days) {
    BIO* in = BIO_new_mem_buf(csrPem.data(), static_cast<int>(csrPem.size()));
    X509_REQ* req = PEM_read_bio_X509_REQ(in, nullptr, nullptr, nullptr);
    BIO_free(in);
    EXPECT_NE(req, nullptr);
    EXPECT_EQ(X509_REQ_verify(req, X509_REQ_get0_pubkey(req)), 1);  // signed by the key it carries
    EVP_PKEY* ca = EVP_EC_gen("P-256");
    X509* cert = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 7);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), static_cast<long>(days) * 24 * 3600);
    X509_set_pubkey(cert, X509_REQ_get0_pubkey(req));
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("kiosk-SGN-K3"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, ca, EVP_sha256());
    BIO* out = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(out, cert);
    char* data = nullptr;
    long n = BIO_get_mem_data(out, &data);
    std::string pem(data, static_cast<size_t>(n));
    BIO_free(out);
    X509_free(cert);
    EVP_PKEY_free(ca);
    X509_REQ_free(req);
    return pem;
}

class KioskIdentityTest : public ::testing::Test {
  protected:
    IdentityFiles files() const {
        return {dir_.path() / "identity" / "kiosk.key", dir_.path() / "identity" / "kiosk.crt",
                dir_.path() / "identity"};
    }
    testing::TempDir dir_;
    testing::ScriptedHttp http_;
};

TEST_F(KioskIdentityTest, TheKeyIsAnEcP256KeyThatOnlyTheKioskMayRead) {
    const auto key = files().key;
    ASSERT_TRUE(ensureKey(key));
    EXPECT_EQ(modeOf(key), 0600u);
    const std::string pem = readAll(key);
    BIO* in = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    EVP_PKEY* k = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
    BIO_free(in);
    ASSERT_NE(k, nullptr);
    EXPECT_TRUE(EVP_PKEY_is_a(k, "EC"));
    char group[64] = {0};
    size_t len = 0;
    EXPECT_EQ(EVP_PKEY_get_group_name(k, group, sizeof group, &len), 1);
    EXPECT_STREQ(group, "prime256v1");
    EVP_PKEY_free(k);
    // A second call keeps it.
    ASSERT_TRUE(ensureKey(key));
    EXPECT_EQ(readAll(key), pem);
}

TEST_F(KioskIdentityTest, EnrollingSendsTheTokenAndARequestButNeverTheKey) {
    // The answer is made from the request the kiosk sends, so it is scripted after the first send.
    struct Signer final : HttpClient {
        HttpResult send(const HttpRequest& r) override {
            requests.push_back(r);
            json body = json::parse(r.body);
            json answer = {{"kiosk", "SGN-K3"},
                           {"contact_point", "SGN"},
                           {"kiosk_code", "K3"},
                           {"certificate", signRequest(body["csr"].get<std::string>(), 90)},
                           {"ca", "-----BEGIN CERTIFICATE-----\n"},
                           {"not_after", "2027-03-06T10:00:00Z"}};
            return {TransportError::None, "", 201, answer.dump()};
        }
        std::vector<HttpRequest> requests;
    } server;
    Enrollment got;
    auto error = enroll(server, files(), "tok-123", &got);
    ASSERT_FALSE(error) << error->message;
    EXPECT_EQ(got, (Enrollment{"K3", "SGN"}));
    ASSERT_EQ(server.requests.size(), 1u);
    EXPECT_EQ(server.requests[0].path, "/v1/enroll");
    json body = json::parse(server.requests[0].body);
    EXPECT_EQ(body["token"], "tok-123");
    EXPECT_TRUE(body["csr"].get<std::string>().starts_with("-----BEGIN CERTIFICATE REQUEST-----"));
    EXPECT_EQ(server.requests[0].body.find("PRIVATE KEY"), std::string::npos);
    EXPECT_EQ(modeOf(files().key), 0600u);

    auto read = readEnrollment(files().dir);
    ASSERT_TRUE(read);
    ASSERT_TRUE(read->has_value());
    EXPECT_EQ(**read, (Enrollment{"K3", "SGN"}));
    auto notAfter = certificateNotAfter(files().certificate);
    ASSERT_TRUE(notAfter) << notAfter.status().message();
    const auto now = std::chrono::system_clock::now();
    EXPECT_GT(*notAfter, now + std::chrono::hours(24 * 89));
    EXPECT_FALSE(certificateEndsWithin(files().certificate, now, std::chrono::hours(24 * 30)));
    EXPECT_TRUE(certificateEndsWithin(files().certificate, now, std::chrono::hours(24 * 91)));
}

TEST_F(KioskIdentityTest, ARefusedTokenIsToldApartFromAnUnreachableServer) {
    http_.answer(403, R"({"error":{"code":"enroll-token-spent","message":"spent","field":"token"}})");
    auto refused = enroll(http_, files(), "tok", nullptr);
    ASSERT_TRUE(refused);
    EXPECT_TRUE(refused->tokenRefused);
    EXPECT_NE(refused->message.find("enroll-token-spent"), std::string::npos);
    EXPECT_FALSE(readEnrollment(files().dir)->has_value());
    EXPECT_FALSE(std::filesystem::exists(files().certificate));

    http_.down();
    auto down = enroll(http_, files(), "tok", nullptr);
    ASSERT_TRUE(down);
    EXPECT_FALSE(down->tokenRefused);
    http_.answer(503, R"({"error":{"code":"enrollment-off"}})");
    auto off = enroll(http_, files(), "tok", nullptr);
    ASSERT_TRUE(off);
    EXPECT_FALSE(off->tokenRefused);
    EXPECT_FALSE(readEnrollment(files().dir)->has_value());
}

TEST_F(KioskIdentityTest, RenewalKeepsTheKeyAndReplacesTheCertificate) {
    ASSERT_TRUE(ensureKey(files().key));
    const std::string key = readAll(files().key);
    ASSERT_TRUE(
        writeFileAtomically(files().certificate, signRequest(makeCsr(files().key).value(), 10), 0644));
    EXPECT_TRUE(certificateEndsWithin(files().certificate, std::chrono::system_clock::now(),
                                      std::chrono::hours(24 * 30)));
    struct Renewer final : HttpClient {
        HttpResult send(const HttpRequest& r) override {
            path = r.path;
            json body = json::parse(r.body);
            return {TransportError::None, "", 200,
                    json{{"certificate", signRequest(body["csr"].get<std::string>(), 90)}, {"not_after", "x"}}
                        .dump()};
        }
        std::string path;
    } server;
    ASSERT_TRUE(renewCertificate(server, files().key, files().certificate));
    EXPECT_EQ(server.path, "/v1/kiosk/certificate");
    EXPECT_EQ(readAll(files().key), key);
    EXPECT_FALSE(certificateEndsWithin(files().certificate, std::chrono::system_clock::now(),
                                       std::chrono::hours(24 * 30)));
    EXPECT_FALSE(std::filesystem::exists(files().certificate.string() + ".new"));

    http_.answer(403, R"({"error":{"code":"kiosk-revoked"}})");
    const std::string before = readAll(files().certificate);
    EXPECT_FALSE(renewCertificate(http_, files().key, files().certificate));
    EXPECT_EQ(readAll(files().certificate), before);
}

TEST_F(KioskIdentityTest, EnrollmentTomlHoldsOnlyCodes) {
    EXPECT_FALSE(writeEnrollment(files().dir, {"K0", "SGN"}));  // 0 is not in the alphabet
    EXPECT_FALSE(writeEnrollment(files().dir, {"K3", "SG"}));
    ASSERT_TRUE(writeEnrollment(files().dir, {"K3", "SGN"}));
    EXPECT_EQ(readEnrollment(files().dir).value(), (Enrollment{"K3", "SGN"}));
    std::ofstream(files().dir / "enrollment.toml") << "kiosk_code = \"K3\"\n";
    EXPECT_FALSE(readEnrollment(files().dir));
}

}  // namespace
}  // namespace wp
