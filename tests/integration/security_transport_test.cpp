// What the central server's transport refuses, against the real server on loopback: bodies and heads larger
// than the limits, callers without a certificate before their body is read, slow and idle connections,
// too many connections from one address, weak TLS 1.2 suites; and the security headers of its pages.
// Clients are raw OpenSSL connections, so a test can send what no well-behaved client would.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/central_harness.h"

namespace wp::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// A TCP connection to 127.0.0.1:port from a chosen loopback source address, with TLS on request.
class RawClient {
  public:
    struct Tls {
        std::string cert;     // PKI name of the client certificate; "" for none
        std::string ciphers;  // TLS 1.2 cipher list; "" for OpenSSL's default
        bool tls12Only = false;
    };

    RawClient(int port, const std::string& source = "127.0.0.1") {
        std::signal(SIGPIPE, SIG_IGN);  // a write to a connection the server closed fails instead
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in from{};
        from.sin_family = AF_INET;
        ::inet_pton(AF_INET, source.c_str(), &from.sin_addr);
        int one = 1;
        ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from);
        timeval tv{10, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        to.sin_port = htons(static_cast<uint16_t>(port));
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0;
    }
    ~RawClient() {
        if (ssl_ != nullptr) SSL_free(ssl_);
        if (ctx_ != nullptr) SSL_CTX_free(ctx_);
        if (fd_ >= 0) ::close(fd_);
    }
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    bool connected() const { return connected_; }

    // The TLS handshake; false when it failed.
    bool handshake(const Tls& tls) {
        ctx_ = SSL_CTX_new(TLS_client_method());
        SSL_CTX_load_verify_locations(ctx_, pkiFile("ca.crt").c_str(), nullptr);
        SSL_CTX_set_verify(ctx_, SSL_VERIFY_PEER, nullptr);
        if (tls.tls12Only) SSL_CTX_set_max_proto_version(ctx_, TLS1_2_VERSION);
        if (!tls.ciphers.empty() && SSL_CTX_set_cipher_list(ctx_, tls.ciphers.c_str()) != 1) return false;
        if (!tls.cert.empty()) {
            SSL_CTX_use_certificate_chain_file(ctx_, pkiFile(tls.cert + ".crt").c_str());
            SSL_CTX_use_PrivateKey_file(ctx_, pkiFile(tls.cert + ".key").c_str(), SSL_FILETYPE_PEM);
        }
        ssl_ = SSL_new(ctx_);
        SSL_set_fd(ssl_, fd_);
        bool ok = connected_ && SSL_connect(ssl_) == 1;
        ERR_clear_error();
        return ok;
    }

    // Sends all of data (over TLS after a handshake); false when the connection failed.
    bool send(std::string_view data) {
        while (!data.empty()) {
            int n = ssl_ != nullptr
                        ? SSL_write(ssl_, data.data(), static_cast<int>(std::min<size_t>(data.size(), 16384)))
                        : static_cast<int>(::send(fd_, data.data(), data.size(), MSG_NOSIGNAL));
            if (n <= 0) {
                ERR_clear_error();
                return false;
            }
            data.remove_prefix(static_cast<size_t>(n));
        }
        return true;
    }

    // What arrives until the peer closes, an error, or timeout.
    std::string receive(std::chrono::milliseconds timeout = 10s) {
        std::string got;
        auto deadline = Clock::now() + timeout;
        char buf[16384];
        while (Clock::now() < deadline) {
            if (ssl_ == nullptr || SSL_pending(ssl_) == 0) {
                pollfd p{fd_, POLLIN, 0};
                auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
                if (::poll(&p, 1, static_cast<int>(std::max<long long>(1, left.count()))) <= 0) break;
            }
            int n = ssl_ != nullptr ? SSL_read(ssl_, buf, sizeof buf)
                                    : static_cast<int>(::recv(fd_, buf, sizeof buf, 0));
            if (n <= 0) {
                ERR_clear_error();
                break;
            }
            got.append(buf, static_cast<size_t>(n));
        }
        return got;
    }

    // Whether the server closes the connection within timeout (what it sends before is read and dropped).
    bool closedByServer(std::chrono::milliseconds timeout) {
        auto deadline = Clock::now() + timeout;
        char buf[4096];
        for (;;) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            pollfd p{fd_, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
            ssize_t n = ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
            if (n == 0) return true;
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return true;
        }
    }

  private:
    int fd_ = -1;
    bool connected_ = false;
    SSL_CTX* ctx_ = nullptr;
    SSL* ssl_ = nullptr;
};

// The status code of an HTTP/1.1 answer, 0 when there is none.
int statusOf(const std::string& answer) {
    if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12) return 0;
    return std::stoi(answer.substr(9, 3));
}

// A header's value in an answer ("" when absent); names compare without regard to case.
std::string headerOf(const std::string& answer, std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    std::string head = answer.substr(0, answer.find("\r\n\r\n"));
    std::transform(head.begin(), head.end(), head.begin(), ::tolower);
    size_t at = head.find("\r\n" + name + ":");
    if (at == std::string::npos) return "";
    size_t start = at + 2 + name.size() + 1;
    size_t end = answer.find("\r\n", start);
    std::string value = answer.substr(start, end - start);
    value.erase(0, value.find_first_not_of(' '));
    return value;
}

// GET path on the public listener from 127.0.0.1: the whole answer.
std::string publicGet(int port, const std::string& path, std::chrono::milliseconds timeout = 10s) {
    RawClient c(port);
    if (!c.handshake({})) return "";
    c.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    return c.receive(timeout);
}

// The server's peak resident memory (VmHWM), in KiB.
long peakMemoryKiB(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

class SecurityTransportTest : public ::testing::Test {
  protected:
    void startServer(CentralOptions o = {}) {
        server_ = std::make_unique<CentralServerProcess>(dir_.path() / "central", std::move(o));
        ASSERT_TRUE(server_->start());
    }
    TempDir dir_;
    std::unique_ptr<CentralServerProcess> server_;
};

TEST_F(SecurityTransportTest, TheKioskListenerRefusesAClientWithoutCertificateAtTheHandshake) {
    startServer();
    RawClient anonymous(server_->port());
    // With TLS 1.3 the client may finish its side first; the server's alert then ends the connection
    // before any answer.
    if (anonymous.handshake({})) {
        anonymous.send("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        EXPECT_EQ(statusOf(anonymous.receive(5s)), 0) << "a client without certificate was answered";
    }
    RawClient kiosk(server_->port());
    ASSERT_TRUE(kiosk.handshake({.cert = "kiosk"}));
    kiosk.send("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(statusOf(kiosk.receive()), 200);
}

// Sends a chunked POST of up to total bytes; the answer's status, or 0 when the connection just closed.
int sendChunkedBody(int port, const std::string& source, const std::string& cert, size_t total) {
    RawClient c(port, source);
    if (!c.handshake({.cert = cert})) return 0;
    if (!c.send("POST /v1/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                "Transfer-Encoding: chunked\r\n\r\n"))
        return 0;
    const std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
    for (size_t sent = 0; sent < total; sent += 0x10000)
        if (!c.send(chunk)) break;
    c.send("0\r\n\r\n");
    return statusOf(c.receive(5s));
}

TEST_F(SecurityTransportTest, BigChunkedBodiesAreRefusedEarlyAndMemoryStaysBounded) {
    startServer();
    ASSERT_EQ(statusOf(publicGet(server_->publicPort(), "/v1/health")), 200);
    const long before = peakMemoryKiB(server_->process()->pid());
    ASSERT_GT(before, 0);
    // 32 clients, 64 MiB each: without a certificate on both listeners, and as enrolled kiosk K2.
    constexpr size_t kBody = 64u << 20;
    std::vector<int> statuses(32, -1);
    std::vector<std::thread> clients;
    for (int i = 0; i < 32; ++i) {
        clients.emplace_back([&, i] {
            std::string source = "127.0.1." + std::to_string(1 + i % 8);
            switch (i % 3) {
                case 0:
                    statuses[i] = sendChunkedBody(server_->publicPort(), source, "", kBody);
                    break;
                case 1:
                    statuses[i] = sendChunkedBody(server_->port(), source, "", kBody);
                    break;
                default:
                    statuses[i] = sendChunkedBody(server_->port(), source, "kiosk", kBody);
                    break;
            }
        });
    }
    for (std::thread& t : clients) t.join();
    for (int i = 0; i < 32; ++i)
        EXPECT_TRUE(statuses[i] == 0 || statuses[i] == 401 || statuses[i] == 413)
            << "client " << i << " got " << statuses[i];
    const long after = peakMemoryKiB(server_->process()->pid());
    std::cout << "server peak memory (VmHWM) before " << before << " KiB, after 32 x 64 MiB chunked bodies "
              << after << " KiB\n";
    EXPECT_LT(after - before, 64 * 1024) << "peak memory grew from " << before << " to " << after << " KiB";
    EXPECT_EQ(statusOf(publicGet(server_->publicPort(), "/v1/health")), 200);
}

TEST_F(SecurityTransportTest, ACallerIsCheckedBeforeItsBodyIsRead) {
    startServer();
    // A revoked kiosk announces a body and sends none: the refusal does not wait for it.
    RawClient revoked(server_->port());
    ASSERT_TRUE(revoked.handshake({.cert = "revoked"}));
    revoked.send(
        "POST /v1/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 10000\r\n\r\n");
    std::string answer = revoked.receive(3s);
    EXPECT_EQ(statusOf(answer), 403) << answer;
    // On the public listener a kiosk route is refused the same way.
    RawClient anonymous(server_->publicPort());
    ASSERT_TRUE(anonymous.handshake({}));
    anonymous.send(
        "POST /v1/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 10000\r\n\r\n");
    answer = anonymous.receive(3s);
    EXPECT_EQ(statusOf(answer), 401) << answer;
    EXPECT_NE(answer.find("\"unauthorized\""), std::string::npos) << answer;
}

TEST_F(SecurityTransportTest, OversizedHeadersAreRefused) {
    startServer();
    RawClient c(server_->publicPort());
    ASSERT_TRUE(c.handshake({}));
    std::string head = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; head.size() < (1u << 20); ++i)
        head += "X-Pad-" + std::to_string(i) + ": " + std::string(100, 'p') + "\r\n";
    c.send(head + "\r\n");
    int status = statusOf(c.receive(5s));
    EXPECT_TRUE(status == 0 || status == 431) << "1 MiB of header lines got " << status;
}

TEST_F(SecurityTransportTest, SlowAndIdleConnectionsDoNotStopTheServer) {
    CentralOptions o;
    o.maxConnectionsPerSource = 16;
    o.serverToml = "head_timeout_seconds = 3\nhandshake_timeout_seconds = 3\n";
    startServer(o);
    // 200 connections from 20 addresses: plain TCP that never starts TLS, TLS-complete idle ones on the
    // public listener, and slowloris heads that trickle a byte a second.
    std::vector<std::unique_ptr<RawClient>> tcpOnly, idle, slow;
    for (int i = 0; i < 200; ++i) {
        std::string source = "127.0.2." + std::to_string(1 + i % 20);
        auto c = std::make_unique<RawClient>(server_->publicPort(), source);
        ASSERT_TRUE(c->connected());
        if (i % 3 == 0) {
            tcpOnly.push_back(std::move(c));
            continue;
        }
        ASSERT_TRUE(c->handshake({})) << "connection " << i;
        if (i % 3 == 1) {
            idle.push_back(std::move(c));
        } else {
            c->send("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            slow.push_back(std::move(c));
        }
    }
    auto started = Clock::now();
    std::vector<std::chrono::milliseconds> latencies;
    while (Clock::now() - started < 2s) {
        for (auto& c : slow) c->send("X");
        auto t0 = Clock::now();
        int status = statusOf(publicGet(server_->publicPort(), "/v1/health", 5s));
        latencies.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0));
        EXPECT_EQ(status, 200) << "while 200 slow connections are held";
        std::this_thread::sleep_for(200ms);
    }
    std::sort(latencies.begin(), latencies.end());
    EXPECT_LT(latencies.back(), 1000ms) << "slowest /v1/health " << latencies.back().count() << " ms";
    std::cout << "/v1/health with 200 slow connections held: median "
              << latencies[latencies.size() / 2].count() << " ms, slowest " << latencies.back().count()
              << " ms\n";
    // The head deadline (3 s here) closes every one of them.
    int open = 0;
    for (auto* group : {&tcpOnly, &idle, &slow})
        for (auto& c : *group)
            if (!c->closedByServer(std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::max(started + 6s - Clock::now(), Clock::duration(10ms)))))
                ++open;
    EXPECT_EQ(open, 0) << open << " slow connections were still open after the head deadline";
}

TEST_F(SecurityTransportTest, ConnectionsPerSourceAddressAreLimited) {
    CentralOptions o;
    o.maxConnectionsPerSource = 16;
    startServer(o);
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < 16; ++i) {
        held.push_back(std::make_unique<RawClient>(server_->publicPort(), "127.0.3.1"));
        ASSERT_TRUE(held.back()->handshake({})) << "connection " << i;
    }
    RawClient over(server_->publicPort(), "127.0.3.1");
    EXPECT_FALSE(over.handshake({})) << "a 17th connection from one address was served";
    // Another address is served, and the first one again once a connection of it closes.
    EXPECT_EQ(statusOf(publicGet(server_->publicPort(), "/v1/health")), 200);
    held.pop_back();
    std::this_thread::sleep_for(200ms);
    RawClient again(server_->publicPort(), "127.0.3.1");
    EXPECT_TRUE(again.handshake({}));
}

TEST_F(SecurityTransportTest, Tls12OffersOnlyEcdheWithAead) {
    CentralOptions o;
    o.certificate = "server-rsa";
    startServer(o);
    auto handshakes = [&](const std::string& ciphers) {
        RawClient c(server_->publicPort());
        return c.handshake({.ciphers = ciphers, .tls12Only = true});
    };
    EXPECT_FALSE(handshakes("AES128-GCM-SHA256:AES256-GCM-SHA384")) << "static RSA key exchange";
    EXPECT_FALSE(handshakes("AES128-SHA:AES256-SHA:AES128-SHA256")) << "static RSA with CBC";
    EXPECT_FALSE(handshakes("ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA:ECDHE-RSA-AES128-SHA256")) << "CBC";
    EXPECT_FALSE(handshakes("DHE-RSA-AES128-GCM-SHA256")) << "finite-field DHE";
    EXPECT_TRUE(handshakes("ECDHE-RSA-AES128-GCM-SHA256"));
    EXPECT_TRUE(handshakes("ECDHE-RSA-CHACHA20-POLY1305"));
}

// The base64 SHA-256 of the text of the page's first element (CSP's hash source form).
std::string hashOfFirst(const std::string& html, const std::string& element) {
    size_t start = html.find("<" + element + ">");
    size_t end = html.find("</" + element + ">");
    if (start == std::string::npos || end == std::string::npos) return "";
    start += element.size() + 2;
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(html.data() + start), end - start, digest);
    unsigned char b64[64];
    EVP_EncodeBlock(b64, digest, SHA256_DIGEST_LENGTH);
    return reinterpret_cast<char*>(b64);
}

TEST_F(SecurityTransportTest, PagesCarryTheSecurityHeadersAndJsonItsOwn) {
    CentralOptions o;
    o.extraToml = "[public_pages]\ncontent_dir = \"" + std::string(WIJKPUNT_SOURCE_DIR) + "/content\"\n";
    startServer(o);
    std::string page = publicGet(server_->publicPort(), "/status/AAA-AA-AAAAAA-A?lang=nl");
    ASSERT_NE(statusOf(page), 0);
    ASSERT_EQ(headerOf(page, "Content-Type").rfind("text/html", 0), 0u) << page.substr(0, 400);
    std::string csp = headerOf(page, "Content-Security-Policy");
    EXPECT_EQ(csp.rfind("default-src 'none';", 0), 0u) << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("script-src 'none'"), std::string::npos) << "this page has no script: " << csp;
    std::string html = page.substr(page.find("\r\n\r\n") + 4);
    std::string style = hashOfFirst(html, "style");
    ASSERT_FALSE(style.empty());
    EXPECT_NE(csp.find("style-src 'sha256-" + style + "'"), std::string::npos) << csp;
    EXPECT_EQ(headerOf(page, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(headerOf(page, "Referrer-Policy"), "no-referrer");
    EXPECT_EQ(headerOf(page, "Strict-Transport-Security").rfind("max-age=", 0), 0u);

    std::string json = publicGet(server_->publicPort(), "/v1/health");
    ASSERT_EQ(statusOf(json), 200);
    EXPECT_EQ(headerOf(json, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(headerOf(json, "Content-Security-Policy"), "");
    EXPECT_EQ(headerOf(json, "Strict-Transport-Security"), "");
}

}  // namespace
}  // namespace wp::testing
