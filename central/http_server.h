// HttpServer: the central server's HTTPS core, event-driven (Boost.Beast on Boost.Asio with OpenSSL).
//
// Two listeners: the kiosk listener requires a client certificate from the configured CA at the handshake
// (a client without one never gets to send a request); the public listener (phones, the back office) asks
// for none. A few I/O threads run every connection; they never wait on a handler. A route that can be
// served without blocking is served on the I/O thread (the intake hands its request to the group-commit
// writer there and is told when it is durable); other handlers run on a worker pool and may block (SQLite).
// Either way the answer is written on the connection's strand.
//
// What a request may cost is bounded before it is read: connections per source address and in total (a
// connection over a limit is closed at once), a TLS handshake deadline, a deadline for the request head
// (from the end of the handshake; after a response, the next head must be complete within the keep-alive
// timeout), header bytes (431), body bytes whether sent with Content-Length or chunked (413; each route may
// take more or less than the server's limit: a Content-Length over the route's is refused before admission),
// and a body
// and write deadline. The request head is read first: the service routes it and, where the route asks,
// checks the caller's identity before a byte of the body is read (on the I/O thread when that cannot
// block, else on the worker pool); a refusal there is answered and the connection closed with the body
// unread. So a kiosk request whose identity check needs no store read costs one hand-off to the thread that
// serves it and one back.
//
// Every answer carries X-Content-Type-Options: nosniff; an HTML answer also gets the headers of
// central/security_headers.h. Thread-safe: stop() from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "central/http_exchange.h"
#include "common/status.h"

namespace wp {

enum class Listener { Kiosk, Public };

// What the server serves. route(), admitWithoutBlocking() and handleWithoutBlocking() run on an I/O thread
// and must not block; admit() and handle() run on the worker pool.
class HttpService {
  public:
    struct Route {
        int id = 0;
        bool admitBeforeBody = false;  // call admit() with the head before reading the body
        std::size_t maxBodyBytes = 0;  // the largest body the route takes; 0: HttpServerOptions::maxBodyBytes
    };
    virtual ~HttpService() = default;
    // The route serving the head on this listener, with head.matches filled; nullopt with the refusal in res.
    virtual std::optional<Route> route(Listener listener, HttpRequest& head, HttpResponse& res) const = 0;
    // Whether the caller may send this route a body; false with the refusal in res.
    virtual bool admit(int route, const HttpRequest& head, HttpResponse& res) = 0;
    // admit()'s answer when it can be given without blocking (no store read, no wait for a lock); nullopt
    // asks admit() on the worker pool instead.
    virtual std::optional<bool> admitWithoutBlocking(int /*route*/, const HttpRequest& /*head*/,
                                                     HttpResponse& /*res*/) {
        return std::nullopt;
    }
    // Serves the request on the I/O thread when the route can be served without blocking (it may hand work
    // to a thread of its own and finish there): true when it took the request, and then calls done exactly
    // once, from any thread, after res is complete; false sends the request to handle() on the worker pool.
    // One that throws has not taken the request (the server answers 500).
    virtual bool handleWithoutBlocking(int /*route*/, const HttpRequest& /*req*/, HttpResponse& /*res*/,
                                       std::function<void()> /*done*/) {
        return false;
    }
    virtual void handle(int route, const HttpRequest& req, HttpResponse& res) = 0;
};

struct HttpServerOptions {
    std::string address = "127.0.0.1";
    int kioskPort = 0;   // 0: any free port
    int publicPort = 0;  // 0: any free port
    int ioThreads = 2;
    int workerThreads = 16;
    std::size_t maxHeaderBytes = 16 * 1024;
    std::size_t maxBodyBytes = 64 * 1024;  // of every route that sets no limit of its own
    std::size_t largestBodyBytes = 0;      // the largest limit of any route; 0: maxBodyBytes
    std::chrono::milliseconds handshakeTimeout{10000};
    std::chrono::milliseconds headTimeout{10000};
    std::chrono::milliseconds bodyTimeout{10000};  // reading the body, and writing an answer
    std::chrono::milliseconds keepAliveTimeout{5000};
    int keepAliveMaxRequests = 10000;
    int maxConnectionsPerSource = 16;
    int maxConnections = 512;
};

struct HttpTlsFiles {
    std::filesystem::path certificate, key;  // the server's certificate chain and key (PEM)
    std::filesystem::path clientCa;          // the CA of kiosk certificates (PEM)
};

class HttpServer {
  public:
    // Fails on unusable TLS files.
    static Result<std::unique_ptr<HttpServer>> create(HttpServerOptions options, const HttpTlsFiles& tls,
                                                      HttpService& service);
    ~HttpServer();

    // Binds both listeners.
    Status bind();
    int kioskPort() const;
    int publicPort() const;
    // Serves until stop(); call after bind(). Returns once every connection and handler has finished.
    Status run();
    // Thread-safe; run() returns soon after.
    void stop();

    struct Impl;

  private:
    explicit HttpServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace wp
