#include "tests/support/test_csr.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <memory>
#include <stdexcept>

namespace wp::testing {

namespace {

std::string pemOf(BIO* bio) {
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    std::string out(data, static_cast<size_t>(len));
    BIO_free(bio);
    return out;
}

EVP_PKEY* readKey(const std::string& pem) {
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (key == nullptr) throw std::runtime_error("unreadable test key");
    return key;
}

X509_REQ* requestFor(EVP_PKEY* key, const std::string& cn) {
    X509_REQ* req = X509_REQ_new();
    X509_NAME* name = X509_REQ_get_subject_name(req);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.c_str()),
                               -1, -1, 0);
    X509_REQ_set_pubkey(req, key);
    if (X509_REQ_sign(req, key, EVP_sha256()) <= 0) throw std::runtime_error("cannot sign the test CSR");
    return req;
}

}  // namespace

std::string makeTestKey(TestKeyKind kind) {
    EVP_PKEY* key = nullptr;
    switch (kind) {
        case TestKeyKind::EcP256:
            key = EVP_EC_gen("P-256");
            break;
        case TestKeyKind::EcP384:
            key = EVP_EC_gen("P-384");
            break;
        case TestKeyKind::Rsa1024:
            key = EVP_RSA_gen(1024);
            break;
        case TestKeyKind::Rsa2048:
            key = EVP_RSA_gen(2048);
            break;
    }
    if (key == nullptr) throw std::runtime_error("cannot make a test key");
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    EVP_PKEY_free(key);
    return pemOf(bio);
}

std::string makeTestCsr(const std::string& keyPem, const std::string& cn) {
    EVP_PKEY* key = readKey(keyPem);
    X509_REQ* req = requestFor(key, cn);
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509_REQ(bio, req);
    X509_REQ_free(req);
    EVP_PKEY_free(key);
    return pemOf(bio);
}

std::string tamperedTestCsr(const std::string& keyPem) {
    EVP_PKEY* key = readKey(keyPem);
    X509_REQ* req = requestFor(key, "kiosk");
    const ASN1_BIT_STRING* sig = nullptr;
    X509_REQ_get0_signature(req, &sig, nullptr);
    // The signature's bytes are the request's own: flip one in place.
    const_cast<unsigned char*>(ASN1_STRING_get0_data(sig))[10] ^= 0x01;
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509_REQ(bio, req);
    X509_REQ_free(req);
    EVP_PKEY_free(key);
    return pemOf(bio);
}

void makeTestCa(const std::filesystem::path& dir, const std::string& name) {
    std::string keyPem = makeTestKey(TestKeyKind::EcP256);
    EVP_PKEY* key = readKey(keyPem);
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_NAME* subject = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("Wijkpunt Unit Test CA"), -1, -1, 0);
    X509_set_issuer_name(cert, subject);
    X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3650L * 24 * 3600);
    X509_set_pubkey(cert, key);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_basic_constraints, "critical,CA:TRUE");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_key_identifier, "hash");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    X509_sign(cert, key, EVP_sha256());
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    std::ofstream(dir / (name + ".crt")) << pemOf(bio);
    std::ofstream(dir / (name + ".key")) << keyPem;
    std::filesystem::permissions(dir / (name + ".key"),
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace);
    X509_free(cert);
    EVP_PKEY_free(key);
}

}  // namespace wp::testing
