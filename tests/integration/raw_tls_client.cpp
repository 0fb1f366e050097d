#include "tests/integration/raw_tls_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

#include "tests/integration/central_harness.h"

namespace wp::testing {

RawTlsConnection::RawTlsConnection(int port, const std::string& sourceAddress, const std::string& cert) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    timeval timeout{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, sourceAddress.c_str(), &local.sin_addr);
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    remote.sin_port = htons(static_cast<uint16_t>(port));
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd_, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
        ::close(fd_);
        fd_ = -1;
        return;
    }
    ++connections_;
    ctx_ = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(ctx_, SSL_VERIFY_NONE, nullptr);
    if (!cert.empty()) {
        SSL_CTX_use_certificate_chain_file(ctx_, pkiFile(cert + ".crt").c_str());
        SSL_CTX_use_PrivateKey_file(ctx_, pkiFile(cert + ".key").c_str(), SSL_FILETYPE_PEM);
    }
    ssl_ = SSL_new(ctx_);
    SSL_set_fd(ssl_, fd_);
    SSL_set_tlsext_host_name(ssl_, "localhost");
    if (SSL_connect(ssl_) != 1) {
        SSL_free(ssl_);
        ssl_ = nullptr;
    }
}

RawTlsConnection::~RawTlsConnection() {
    if (ssl_ != nullptr) {
        SSL_shutdown(ssl_);
        SSL_free(ssl_);
    }
    if (ctx_ != nullptr) SSL_CTX_free(ctx_);
    if (fd_ >= 0) ::close(fd_);
}

bool RawTlsConnection::readMore(std::string& buffer) {
    char chunk[16384];
    int n = SSL_read(ssl_, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<size_t>(n));
    return true;
}

RawTlsConnection::Response RawTlsConnection::request(const std::string& method, const std::string& path,
                                                     const std::string& body) {
    Response out;
    if (ssl_ == nullptr) return out;
    std::string text = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n";
    if (!body.empty() || method == "POST")
        text += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    text += "\r\n" + body;
    if (SSL_write(ssl_, text.data(), static_cast<int>(text.size())) <= 0) return out;

    std::string buffer = std::move(pending_);
    pending_.clear();
    size_t headEnd;
    while ((headEnd = buffer.find("\r\n\r\n")) == std::string::npos)
        if (buffer.size() > (1 << 20) || !readMore(buffer)) return out;
    const std::string head = buffer.substr(0, headEnd);
    buffer.erase(0, headEnd + 4);
    size_t lineEnd = head.find("\r\n");
    const std::string statusLine = head.substr(0, lineEnd);
    if (statusLine.size() < 12) return out;
    for (size_t pos = lineEnd; pos != std::string::npos && pos < head.size();) {
        size_t next = head.find("\r\n", pos + 2);
        std::string line =
            head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
        if (size_t colon = line.find(':'); colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return std::tolower(c); });
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            out.headers[name] = value;
        }
        pos = next;
    }
    if (out.header("transfer-encoding") == "chunked") {
        for (;;) {
            size_t sizeEnd;
            while ((sizeEnd = buffer.find("\r\n")) == std::string::npos)
                if (!readMore(buffer)) return out;
            const size_t size = std::stoul(buffer.substr(0, sizeEnd), nullptr, 16);
            while (buffer.size() < sizeEnd + 2 + size + 2)
                if (!readMore(buffer)) return out;
            out.body += buffer.substr(sizeEnd + 2, size);
            buffer.erase(0, sizeEnd + 2 + size + 2);
            if (size == 0) break;
        }
    } else {
        const size_t length =
            out.header("content-length").empty() ? 0 : std::stoul(out.header("content-length"));
        while (buffer.size() < length)
            if (!readMore(buffer)) return out;
        out.body = buffer.substr(0, length);
        buffer.erase(0, length);
    }
    pending_ = std::move(buffer);
    out.status = std::stoi(statusLine.substr(9, 3));
    return out;
}

}  // namespace wp::testing
