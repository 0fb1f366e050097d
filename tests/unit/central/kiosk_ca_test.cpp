// The kiosk CA: which CSRs it signs, and what the certificates it makes say (read back with OpenSSL).
#include "central/kiosk_ca.h"

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "common/wire.h"
#include "tests/support/test_csr.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using wp::testing::makeTestCsr;
using wp::testing::makeTestKey;
using wp::testing::TestKeyKind;

struct Parsed {
    std::string subject, serial;
    std::time_t notBefore = 0, notAfter = 0;
    bool verifiesWithCa = false;
    bool clientAuthOnly = false;
    bool digitalSignatureOnly = false;
    bool notCa = false;
};

Parsed parse(const std::string& pem, const std::filesystem::path& caFile) {
    Parsed p;
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (cert == nullptr) return p;
    BIO* out = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(out, X509_get_subject_name(cert), 0, XN_FLAG_RFC2253);
    char* data = nullptr;
    long len = BIO_get_mem_data(out, &data);
    p.subject.assign(data, static_cast<size_t>(len));
    BIO_free(out);
    BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
    char* hex = BN_bn2hex(bn);
    p.serial = hex;
    OPENSSL_free(hex);
    BN_free(bn);
    struct tm t {};
    ASN1_TIME_to_tm(X509_get0_notBefore(cert), &t);
    p.notBefore = timegm(&t);
    ASN1_TIME_to_tm(X509_get0_notAfter(cert), &t);
    p.notAfter = timegm(&t);
    FILE* f = std::fopen(caFile.c_str(), "r");
    X509* ca = PEM_read_X509(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    p.verifiesWithCa = X509_verify(cert, X509_get0_pubkey(ca)) == 1;
    X509_free(ca);
    p.clientAuthOnly = (X509_get_extension_flags(cert) & EXFLAG_XKUSAGE) &&
                       X509_get_extended_key_usage(cert) == XKU_SSL_CLIENT;
    p.digitalSignatureOnly = X509_get_key_usage(cert) == KU_DIGITAL_SIGNATURE;
    p.notCa = X509_check_ca(cert) == 0;
    X509_free(cert);
    return p;
}

class KioskCaTest : public ::testing::Test {
  protected:
    void SetUp() override {
        wp::testing::makeTestCa(dir_.path(), "ca");
        auto ca = KioskCa::load(dir_.path() / "ca.crt", dir_.path() / "ca.key");
        ASSERT_TRUE(ca) << ca.status().message();
        ca_ = std::move(ca).value();
    }
    wp::testing::TempDir dir_;
    std::unique_ptr<KioskCa> ca_;
    TimePoint now_ = *parseRfc3339("2026-12-07T09:00:00Z");
};

TEST_F(KioskCaTest, SignsAnEcP256RequestWithTheServersSubjectSerialAndValidity) {
    std::string csr = makeTestCsr(makeTestKey(TestKeyKind::EcP256), "CN=whatever-the-kiosk-says");
    ASSERT_TRUE(ca_->checkCsr(csr).isOk());
    std::string serial = randomCertificateSerial();
    EXPECT_EQ(serial.size(), 32u);
    auto pem = ca_->issue(csr, kioskSubject("SGN", "K3"), serial, now_ - 5min, now_ + 90 * 24h);
    ASSERT_TRUE(pem) << pem.status().message();
    Parsed p = parse(*pem, dir_.path() / "ca.crt");
    EXPECT_EQ(p.subject, "CN=kiosk-SGN-K3,O=Wijkpunt");
    EXPECT_EQ(p.serial, serial);
    EXPECT_EQ(p.notBefore, std::chrono::system_clock::to_time_t(now_ - 5min));
    EXPECT_EQ(p.notAfter, std::chrono::system_clock::to_time_t(now_ + 90 * 24h));
    EXPECT_TRUE(p.verifiesWithCa);
    EXPECT_TRUE(p.clientAuthOnly);
    EXPECT_TRUE(p.digitalSignatureOnly);
    EXPECT_TRUE(p.notCa);
    EXPECT_NE(ca_->certificatePem().find("BEGIN CERTIFICATE"), std::string::npos);
}

TEST_F(KioskCaTest, TakesRsa2048AndRefusesWeakKeysBadSignaturesAndNonsense) {
    EXPECT_TRUE(ca_->checkCsr(makeTestCsr(makeTestKey(TestKeyKind::Rsa2048))).isOk());
    EXPECT_EQ(ca_->checkCsr(makeTestCsr(makeTestKey(TestKeyKind::Rsa1024))).code(),
              Status::Code::InvalidInput);
    Status p384 = ca_->checkCsr(makeTestCsr(makeTestKey(TestKeyKind::EcP384)));
    EXPECT_EQ(p384.code(), Status::Code::InvalidInput);
    EXPECT_NE(p384.message().find("P-256"), std::string::npos) << p384.message();
    Status tampered = ca_->checkCsr(wp::testing::tamperedTestCsr(makeTestKey(TestKeyKind::EcP256)));
    EXPECT_EQ(tampered.code(), Status::Code::InvalidInput);
    EXPECT_NE(tampered.message().find("signature"), std::string::npos) << tampered.message();
    EXPECT_EQ(ca_->checkCsr("hello").code(), Status::Code::InvalidInput);
    EXPECT_EQ(ca_->checkCsr("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")
                  .code(),
              Status::Code::InvalidInput);
    auto issued = ca_->issue(makeTestCsr(makeTestKey(TestKeyKind::Rsa1024)), kioskSubject("SGN", "K3"),
                             randomCertificateSerial(), now_, now_ + 24h);
    EXPECT_FALSE(issued);
    EXPECT_FALSE(
        ca_->issue(makeTestCsr(makeTestKey(TestKeyKind::EcP256)), "CN=a\\,b", "0A", now_, now_ + 24h));
}

TEST_F(KioskCaTest, RefusesAKeyThatIsNotTheCertificates) {
    wp::testing::makeTestCa(dir_.path(), "other");
    auto mixed = KioskCa::load(dir_.path() / "ca.crt", dir_.path() / "other.key");
    ASSERT_FALSE(mixed);
    EXPECT_EQ(mixed.status().code(), Status::Code::InvalidInput);
    EXPECT_FALSE(KioskCa::load(dir_.path() / "none.crt", dir_.path() / "ca.key"));
}

}  // namespace
}  // namespace wp
