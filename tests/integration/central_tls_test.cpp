// What the central server's TLS refuses, with the real server and the kiosk's real HTTP client.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/integration/central_harness.h"
#include "tests/support/shipped_request_specs.h"
#include "tests/unit/central/central_test_requests.h"

namespace wp::testing {
namespace {

class CentralTlsTest : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_TRUE(server_.start()); }
    HttpResult postAs(ApiClient::Identity id) {
        SeededRandom random(static_cast<std::uint64_t>(++n_));
        return ApiClient(server_.url(), id)
            .post("/v1/requests", encodeRequest(makeTestRequest(random), wp::testing::shippedRequestSpecs()));
    }
    int connectRaw() {
        int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(static_cast<uint16_t>(server_.port()));
        EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
        return fd;
    }
    TempDir dir_;
    CentralServerProcess server_{dir_.path() / "central", {}};
    int n_ = 0;
};

TEST_F(CentralTlsTest, TheEnrolledKioskIsServed) {
    HttpResult r = postAs({});
    EXPECT_TRUE(r.answered()) << r.transportMessage;
    EXPECT_EQ(r.status, 201);
}

TEST_F(CentralTlsTest, PlainHttpGetsNoAnswer) {
    int fd = connectRaw();
    std::string request = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    ASSERT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
    std::string got;
    char buf[1024];
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 5000) <= 0) break;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        got.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    EXPECT_EQ(got.find("HTTP/"), std::string::npos) << "plain HTTP was answered: " << got;
}

TEST_F(CentralTlsTest, Tls11IsRefused) {
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_security_level(ctx, 0);  // allow the old protocol on our side, to offer it
    SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_1_VERSION);
    SSL* ssl = SSL_new(ctx);
    int fd = connectRaw();
    SSL_set_fd(ssl, fd);
    EXPECT_NE(SSL_connect(ssl), 1) << "a TLS 1.1 handshake succeeded";
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    ::close(fd);
}

TEST_F(CentralTlsTest, AServerCertificateFromAnotherCaIsRefusedByTheKiosk) {
    HttpResult r = postAs({.ca = "wrong-ca"});
    EXPECT_EQ(r.transport, TransportError::Tls) << r.transportMessage;
}

TEST(CentralTlsRogueServerTest, AServerWithAWrongCaCertificateIsRefused) {
    TempDir dir;
    CentralServerProcess rogue(dir.path() / "central", {.certificate = "rogue-server"});
    ASSERT_TRUE(rogue.start());
    SeededRandom random(1);
    HttpResult r =
        ApiClient(rogue.url(), {})
            .post("/v1/requests", encodeRequest(makeTestRequest(random), wp::testing::shippedRequestSpecs()));
    EXPECT_EQ(r.transport, TransportError::Tls) << r.transportMessage;
}

TEST_F(CentralTlsTest, AKioskCertificateFromAnotherCaIsRefused) {
    HttpResult r = postAs({.cert = "rogue-kiosk"});
    EXPECT_FALSE(r.answered()) << r.status << " " << r.body;
    // TLS 1.3 reports the refused certificate on the first read (DESIGN.md pitfalls).
    EXPECT_TRUE(r.transport == TransportError::Tls || r.transport == TransportError::Interrupted)
        << r.transportMessage;
}

TEST_F(CentralTlsTest, AnExpiredKioskCertificateIsRefused) {
    HttpResult r = postAs({.cert = "expired"});
    EXPECT_FALSE(r.answered()) << r.status << " " << r.body;
}

TEST_F(CentralTlsTest, PublicKeyPinning) {
    std::string pin = readFile(pkiFile("server.pin"));
    pin.erase(pin.find_last_not_of("\n") + 1);
    EXPECT_EQ(postAs({.pin = pin}).status, 201);
    std::string other = readFile(pkiFile("other.pin"));
    other.erase(other.find_last_not_of("\n") + 1);
    HttpResult r = postAs({.pin = other});
    EXPECT_EQ(r.transport, TransportError::Tls) << r.transportMessage;
}

TEST_F(CentralTlsTest, NoClientCertificateWhereOneIsRequired) {
    // The kiosk listener refuses a client without a certificate at the handshake.
    // (With TLS 1.3 the client sees the refusal as a failed first read.)
    HttpResult refused = postAs({.cert = ""});
    EXPECT_FALSE(refused.answered()) << "answered " << refused.status;
    // The public listener answers a kiosk route with 401.
    SeededRandom random(99);
    HttpResult r = ApiClient(server_.publicUrl(), {.cert = ""})
                       .post("/v1/requests", encodeRequest(makeTestRequest(random), shippedRequestSpecs()));
    ASSERT_TRUE(r.answered()) << r.transportMessage;
    EXPECT_EQ(r.status, 401);
    // Public routes need none.
    EXPECT_EQ(ApiClient(server_.publicUrl(), {.cert = ""}).get("/v1/health").status, 200);
}

TEST_F(CentralTlsTest, RevokedAndUnknownCertificatesAreRefusedOnEveryRequest) {
    EXPECT_EQ(postAs({.cert = "revoked"}).status, 403);
    EXPECT_EQ(postAs({.cert = "unknown"}).status, 403);
}

TEST(CentralTlsRevocationTest, ASerialRevokedInTheConfigIsRefused) {
    TempDir dir;
    std::string serial = readFile(pkiFile("revoked.serial"));
    serial.erase(serial.find_last_not_of("\n") + 1);
    SeededRandom random(3);
    Request r = makeTestRequest(random);
    r.kioskCode = "K4";
    r.reference = makeReferenceCode("SGN", "K4", random);

    CentralServerProcess open(dir.path() / "open", {.revokedSubjects = {}});
    ASSERT_TRUE(open.start());
    EXPECT_EQ(ApiClient(open.url(), {.cert = "revoked"})
                  .post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()))
                  .status,
              201)
        << "not revoked in this config";

    CentralServerProcess bySerial(dir.path() / "serial", {.revokedSubjects = {}, .revokedSerials = {serial}});
    ASSERT_TRUE(bySerial.start());
    HttpResult refused = ApiClient(bySerial.url(), {.cert = "revoked"})
                             .post("/v1/requests", encodeRequest(r, wp::testing::shippedRequestSpecs()));
    EXPECT_EQ(refused.status, 403) << refused.body;
}

}  // namespace
}  // namespace wp::testing
