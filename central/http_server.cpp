#include "central/http_server.h"

#include <fmt/format.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "central/http_request_parser.h"
#include "central/security_headers.h"
#include "central/tls_policy.h"
#include "common/log.h"

namespace wp {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

// Open connections per source address and in total; a Slot holds one.
class ConnectionCounts {
  public:
    ConnectionCounts(int perSource, int total) : perSource_(perSource), total_(total) {}

    class Slot {
      public:
        Slot(ConnectionCounts& counts, std::string source) : counts_(counts), source_(std::move(source)) {}
        ~Slot() { counts_.release(source_); }
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;

      private:
        ConnectionCounts& counts_;
        std::string source_;
    };

    // A slot for a new connection from source, or nullptr when a limit is reached.
    std::unique_ptr<Slot> open(const std::string& source) {
        std::lock_guard lock(mutex_);
        int& fromSource = bySource_[source];
        if (open_ >= total_ || fromSource >= perSource_) {
            if (fromSource == 0) bySource_.erase(source);
            return nullptr;
        }
        ++fromSource;
        ++open_;
        return std::make_unique<Slot>(*this, source);
    }

  private:
    void release(const std::string& source) {
        std::lock_guard lock(mutex_);
        --open_;
        if (auto it = bySource_.find(source); it != bySource_.end() && --it->second <= 0) bySource_.erase(it);
    }

    std::mutex mutex_;
    std::map<std::string, int> bySource_;
    int open_ = 0;
    const int perSource_;
    const int total_;
};

struct Shared {
    const HttpServerOptions& options;
    HttpService& service;
    net::thread_pool& workers;
    ConnectionCounts& counts;
};

// One TLS connection: handshake, then requests one after another until close.
class Connection : public std::enable_shared_from_this<Connection> {
  public:
    Connection(tcp::socket&& socket, ssl::context& tls, Shared shared, Listener listener,
               std::unique_ptr<ConnectionCounts::Slot> slot, tcp::endpoint peer)
        : stream_(std::move(socket), tls),
          shared_(shared),
          listener_(listener),
          slot_(std::move(slot)),
          peer_(std::move(peer)),
          buffer_(shared.options.maxHeaderBytes + 64 * 1024) {}

    void start() {
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->handshake(); });
    }

  private:
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }
    const HttpServerOptions& options() const { return shared_.options; }

    void handshake() {
        lowest().expires_after(options().handshakeTimeout);
        stream_.async_handshake(ssl::stream_base::server, [self = shared_from_this()](beast::error_code ec) {
            if (ec) return self->close();
            self->readHead();
        });
    }

    void readHead() {
        parser_.emplace();
        bodyLimit_ = std::max(options().maxBodyBytes, options().largestBodyBytes);
        limitRequestParser(*parser_, {options().maxHeaderBytes, bodyLimit_});
        lowest().expires_after(served_ == 0 ? options().headTimeout : options().keepAliveTimeout);
        http::async_read_header(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHead(ec); });
    }

    void onHead(beast::error_code ec) {
        if (ec == http::error::header_limit)
            return refuse(431, error_code::kHeadersTooLarge,
                          fmt::format("the request head is larger than {} bytes", options().maxHeaderBytes));
        if (ec == http::error::body_limit) return refuseTooLarge();
        if (ec == beast::error::timeout || ec == http::error::end_of_stream || ec == net::error::eof ||
            ec == net::error::connection_reset || ec == net::error::operation_aborted ||
            ec == ssl::error::stream_truncated)
            return close();
        if (ec) return refuse(400, error_code::kBadRequest, "the request could not be read");

        request_ = requestHead(*parser_);
        request_.remote_addr = peer_.address().to_string();
        request_.remote_port = peer_.port();
        request_.ssl = stream_.native_handle();
        response_ = HttpResponse{};
        std::optional<HttpService::Route> route = shared_.service.route(listener_, request_, response_);
        if (!route) return answer();
        route_ = route->id;
        bodyLimit_ = route->maxBodyBytes != 0 ? route->maxBodyBytes : options().maxBodyBytes;
        if (auto length = parser_->content_length(); length && *length > bodyLimit_) return refuseTooLarge();
        parser_->body_limit(static_cast<std::uint64_t>(bodyLimit_));
        if (!route->admitBeforeBody) return readBody();
        if (std::optional<bool> admitted = shared_.service.admitWithoutBlocking(route_, request_, response_))
            return *admitted ? readBody() : answer();
        onWorker([self = shared_from_this()]() -> std::function<void()> {
            if (!self->shared_.service.admit(self->route_, self->request_, self->response_))
                return [self] { self->answer(); };
            return [self] { self->readBody(); };
        });
    }

    void readBody() {
        if (parser_->is_done()) return onBody({});
        // curl and others wait for this before they send a body.
        if (beast::iequals(request_.get_header_value("Expect"), "100-continue")) {
            auto interim = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
            lowest().expires_after(options().bodyTimeout);
            return http::async_write(stream_, *interim,
                                     [self = shared_from_this(), interim](beast::error_code ec, std::size_t) {
                                         if (ec) return self->close();
                                         self->readBodyAfterContinue();
                                     });
        }
        readBodyAfterContinue();
    }

    void readBodyAfterContinue() {
        lowest().expires_after(options().bodyTimeout);
        http::async_read(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onBody(ec); });
    }

    void onBody(beast::error_code ec) {
        if (ec == http::error::body_limit) return refuseTooLarge();
        if (ec) return close();
        request_.body = std::move(parser_->get().body());
        try {
            if (shared_.service.handleWithoutBlocking(
                    route_, request_, response_, [self = shared_from_this()] {
                        net::post(self->stream_.get_executor(), [self] { self->answer(); });
                    }))
                return;
        } catch (const std::exception& e) {
            log::error("the handler of {} {} failed: {}", request_.method, request_.path, e.what());
            return refuse(500, error_code::kInternal, "internal error");
        }
        onWorker([self = shared_from_this()]() -> std::function<void()> {
            self->shared_.service.handle(self->route_, self->request_, self->response_);
            return [self] { self->answer(); };
        });
    }

    // Runs work on the worker pool, then what it returns on this connection's strand. A handler that
    // throws gets 500.
    template <typename Work>
    void onWorker(Work work) {
        net::post(shared_.workers, [self = shared_from_this(), work = std::move(work)]() mutable {
            std::function<void()> then;
            try {
                then = work();
            } catch (const std::exception& e) {
                log::error("the handler of {} {} failed: {}", self->request_.method, self->request_.path,
                           e.what());
                self->response_ = HttpResponse{};
                sendError(self->response_, 500, error_code::kInternal, "internal error");
                then = [self] { self->answer(); };
            }
            net::post(self->stream_.get_executor(), std::move(then));
        });
    }

    void refuseTooLarge() {
        refuse(413, error_code::kBodyTooLarge, fmt::format("the body is larger than {} bytes", bodyLimit_));
    }

    void refuse(int status, std::string_view code, std::string message) {
        response_ = HttpResponse{};
        sendError(response_, status, code, std::move(message));
        answer();
    }

    // Writes response_; the connection stays open only when the whole request was read (a refusal before
    // an announced body closes it), both sides keep it alive and it has not served its maximum.
    void answer() {
        ++served_;
        bool keepAlive = parser_ && parser_->is_done() && parser_->get().keep_alive() &&
                         served_ < options().keepAliveMaxRequests;
        addSecurityHeaders(response_);
        auto msg = std::make_shared<http::response<http::string_body>>();
        msg->version(11);
        msg->result(static_cast<unsigned>(response_.status));
        for (const auto& [name, value] : response_.headers) msg->insert(name, value);
        msg->body() = std::move(response_.body);
        msg->keep_alive(keepAlive);
        msg->prepare_payload();
        lowest().expires_after(options().bodyTimeout);
        http::async_write(stream_, *msg,
                          [self = shared_from_this(), msg, keepAlive](beast::error_code ec, std::size_t) {
                              if (ec) return self->close();
                              if (keepAlive) return self->readHead();
                              self->shutdown();
                          });
    }

    // Ends TLS politely (close_notify), bounded in time, then closes.
    void shutdown() {
        lowest().expires_after(std::chrono::seconds(1));
        stream_.async_shutdown([self = shared_from_this()](beast::error_code) { self->close(); });
    }

    void close() {
        beast::error_code ignored;
        lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
        lowest().close();
    }

    beast::ssl_stream<beast::tcp_stream> stream_;
    Shared shared_;
    Listener listener_;
    std::unique_ptr<ConnectionCounts::Slot> slot_;
    tcp::endpoint peer_;
    beast::flat_buffer buffer_;
    std::optional<HttpRequestParser> parser_;
    HttpRequest request_;
    HttpResponse response_;
    int route_ = 0;
    int served_ = 0;
    std::size_t bodyLimit_ = 0;  // of the request being read: its route's once routed
};

}  // namespace

struct HttpServer::Impl {
    Impl(HttpServerOptions o, HttpService& s)
        : options(std::move(o)),
          service(s),
          counts(options.maxConnectionsPerSource, options.maxConnections),
          workers(static_cast<std::size_t>(options.workerThreads)),
          kioskTls(ssl::context::tls_server),
          publicTls(ssl::context::tls_server),
          ioc(options.ioThreads),
          kioskAcceptor(net::make_strand(ioc)),
          publicAcceptor(net::make_strand(ioc)) {}

    Status listen(tcp::acceptor& acceptor, int port, int& bound) {
        beast::error_code ec;
        auto address = net::ip::make_address(options.address, ec);
        if (ec) return Status::invalidInput(fmt::format("'{}' is not an IP address", options.address));
        tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
        acceptor.open(endpoint.protocol(), ec);
        if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
        if (!ec) acceptor.bind(endpoint, ec);
        if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
        if (ec)
            return Status::unavailable(
                fmt::format("cannot listen on {}:{}: {}", options.address, port, ec.message()));
        bound = acceptor.local_endpoint().port();
        return Status::ok();
    }

    void accept(tcp::acceptor& acceptor, ssl::context& tls, Listener listener) {
        acceptor.async_accept(net::make_strand(ioc), [this, &acceptor, &tls, listener](beast::error_code ec,
                                                                                       tcp::socket socket) {
            if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
            if (!ec) {
                beast::error_code peerError;
                tcp::endpoint peer = socket.remote_endpoint(peerError);
                std::unique_ptr<ConnectionCounts::Slot> slot;
                if (!peerError) slot = counts.open(peer.address().to_string());
                if (slot) {
                    socket.set_option(tcp::no_delay(true), peerError);
                    std::make_shared<Connection>(std::move(socket), tls,
                                                 Shared{options, service, workers, counts}, listener,
                                                 std::move(slot), peer)
                        ->start();
                } else {
                    socket.close(peerError);
                }
            }
            accept(acceptor, tls, listener);
        });
    }

    HttpServerOptions options;
    HttpService& service;
    // Declared before the I/O context: connections still queued in it give their slots back when it goes.
    ConnectionCounts counts;
    net::thread_pool workers;
    ssl::context kioskTls;
    ssl::context publicTls;
    net::io_context ioc;
    tcp::acceptor kioskAcceptor;
    tcp::acceptor publicAcceptor;
    int kioskPort = 0;
    int publicPort = 0;
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() {
    stop();
    impl_->workers.join();
}

Result<std::unique_ptr<HttpServer>> HttpServer::create(HttpServerOptions options, const HttpTlsFiles& tls,
                                                       HttpService& service) {
    auto impl = std::make_unique<Impl>(std::move(options), service);
    if (Status s = applyTlsPolicy(impl->kioskTls.native_handle(), tls.certificate, tls.key, tls.clientCa,
                                  ClientCertificate::Required);
        !s)
        return s;
    if (Status s = applyTlsPolicy(impl->publicTls.native_handle(), tls.certificate, tls.key, tls.clientCa,
                                  ClientCertificate::None);
        !s)
        return s;
    return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

Status HttpServer::bind() {
    if (Status s = impl_->listen(impl_->kioskAcceptor, impl_->options.kioskPort, impl_->kioskPort); !s)
        return s;
    return impl_->listen(impl_->publicAcceptor, impl_->options.publicPort, impl_->publicPort);
}

int HttpServer::kioskPort() const {
    return impl_->kioskPort;
}

int HttpServer::publicPort() const {
    return impl_->publicPort;
}

Status HttpServer::run() {
    impl_->accept(impl_->kioskAcceptor, impl_->kioskTls, Listener::Kiosk);
    impl_->accept(impl_->publicAcceptor, impl_->publicTls, Listener::Public);
    std::vector<std::thread> threads;
    for (int i = 1; i < impl_->options.ioThreads; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
    impl_->ioc.run();
    for (std::thread& t : threads) t.join();
    impl_->workers.join();
    return Status::ok();
}

void HttpServer::stop() {
    impl_->ioc.stop();
}

}  // namespace wp
