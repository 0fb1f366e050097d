#include "tests/integration/central_harness.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/support/openapi_contract.h"

extern char** environ;

namespace wp::testing {

// --- files, PKI, polling

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const fs::path& testPki() {
    static const fs::path dir = [] {
        if (const char* env = std::getenv("WIJKPUNT_TEST_PKI");
            env != nullptr && fs::exists(fs::path(env) / "ca.crt"))
            return fs::path(env);
        static TempDir own;  // lives as long as the process
        fs::path d = own.path() / "pki";
        std::string cmd = std::string(WIJKPUNT_SOURCE_DIR) + "/tests/support/make-test-pki.sh " + d.string();
        if (std::system(cmd.c_str()) != 0) ADD_FAILURE() << "make-test-pki.sh failed";
        return d;
    }();
    return dir;
}

bool waitUntil(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (pred()) return true;
        if (std::chrono::steady_clock::now() > deadline) return pred();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

fs::path centralBinary() {
    return WIJKPUNT_CENTRAL_BINARY;
}
fs::path outboxToolBinary() {
    return WIJKPUNT_OUTBOX_TOOL_BINARY;
}

// --- child processes

ChildProcess::ChildProcess(std::vector<std::string> argv, std::map<std::string, std::string> env,
                           fs::path logPrefix)
    : log_(std::move(logPrefix)) {
    std::vector<std::string> envStrings;
    for (char** e = environ; *e != nullptr; ++e) {
        std::string kv(*e);
        std::string key = kv.substr(0, kv.find('='));
        if (key == "WIJKPUNT_CRASH_AT" || env.count(key)) continue;
        envStrings.push_back(kv);
    }
    for (const auto& [k, v] : env)
        if (!v.empty()) envStrings.push_back(k + "=" + v);
    std::vector<char*> envp, args;
    for (auto& s : envStrings) envp.push_back(s.data());
    envp.push_back(nullptr);
    for (auto& s : argv) args.push_back(s.data());
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    std::string out = log_.string() + ".out", err = log_.string() + ".err";
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    int rc = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        ADD_FAILURE() << "cannot start " << argv[0] << ": " << std::strerror(rc);
        pid_ = -1;
    }
}

ChildProcess::~ChildProcess() {
    if (running()) kill9();
}

bool ChildProcess::running() {
    if (pid_ <= 0 || status_ != -1) return false;
    int st = 0;
    pid_t r = waitpid(pid_, &st, WNOHANG);
    if (r == pid_) {
        status_ = st;
        return false;
    }
    return r == 0;
}

void ChildProcess::kill9() {
    if (!running()) return;
    ::kill(pid_, SIGKILL);
    wait(std::chrono::seconds(10));
}

void ChildProcess::terminate() {
    if (!running()) return;
    ::kill(pid_, SIGTERM);
    if (wait(std::chrono::seconds(15)) == -1) kill9();
}

int ChildProcess::wait(std::chrono::milliseconds timeout) {
    waitUntil([&] { return !running(); }, timeout);
    return status_;
}

// --- the central server

CentralServerProcess::CentralServerProcess(const fs::path& dir, CentralOptions options)
    : dir_(dir), options_(std::move(options)) {
    fs::create_directories(dir_);
    port_ = options_.port;
    publicPort_ = options_.publicPort;
}

CentralServerProcess::~CentralServerProcess() {
    if (process_) process_->kill9();
}

namespace {
std::string quotedList(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "\"" : ", \"") + i + "\"";
    return out;
}
}  // namespace

void CentralServerProcess::writeConfig() {
    const fs::path& pki = testPki();
    std::ofstream out(config(), std::ios::trunc);
    out << "[server]\naddress = \"127.0.0.1\"\nport = " << port_ << "\nport_file = \"port\"\nthreads = 24\n"
        << "public_port = " << publicPort_ << "\npublic_port_file = \"public-port\"\n"
        << "max_connections_per_source = " << options_.maxConnectionsPerSource << "\n"
        << "max_body_bytes = " << options_.maxBodyBytes << "\ndatabase = \"central.db\"\n"
        << options_.serverToml << "[tls]\ncertificate = \""
        << (pki / (options_.certificate + ".crt")).string() << "\"\n"
        << "key = \"" << (pki / (options_.certificate + ".key")).string() << "\"\n"
        << "client_ca = \"" << (pki / "ca.crt").string() << "\"\n"
        << "revoked_subjects = [" << quotedList(options_.revokedSubjects) << "]\n"
        << "revoked_serials = [" << quotedList(options_.revokedSerials) << "]\n"
        << "[[kiosk]]\nsubject = \"CN=kiosk-K2,O=Wijkpunt\"\ncode = \"K2\"\ncontact_point = \"SGN\"\n"
        << "[[kiosk]]\nsubject = \"CN=kiosk-K3,O=Wijkpunt\"\ncode = \"K3\"\ncontact_point = \"SGN\"\n"
        << "[[kiosk]]\nsubject = \"CN=kiosk-K4,O=Wijkpunt\"\ncode = \"K4\"\ncontact_point = \"SGN\"\n"
        << "[lookup]\nper_minute = " << options_.lookupPerMinute << "\n"
        << options_.lookupToml << "\n"
        << "[routing]\ndefault_team = \"gemeente\"\n"
        << "[[routing.rule]]\ntype = \"*\"\ncategory = \"huur\"\nteam = \"huurloket\"\n"
        << "[[routing.rule]]\ntype = \"initiative\"\nteam = \"initiatief\"\n"
        << "[[routing.rule]]\ntype = \"home-visit\"\nteam = \"wijkteam\"\n"
        << "[[routing.rule]]\ntype = \"volunteer\"\nteam = \"wijkmanager\"\n"
        << "[[routing.rule]]\ntype = \"event-registration\"\nteam = \"wijkmanager\"\n"
        << "[[routing.rule]]\ntype = \"*\"\ncategory = \"\"\nteam = \"gemeente\"\n"
        << "[testing]\nclock_file = \"clock\"\nfail_first_intakes = " << options_.failFirstIntakes << "\n"
        << options_.extraToml << "\n";
}

bool CentralServerProcess::start() {
    if (process_ && process_->running()) process_->kill9();
    writeConfig();
    std::ofstream(webhookSecretFile(), std::ios::trunc) << kTestWebhookSecret << '\n';
    fs::permissions(webhookSecretFile(), fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::replace);
    fs::remove(dir_ / "port");
    fs::remove(dir_ / "public-port");
    ++starts_;
    process_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{centralBinary().string(), "--config", config().string()},
        std::map<std::string, std::string>{{"WIJKPUNT_CRASH_AT", options_.crashAt}},
        dir_ / ("server-" + std::to_string(starts_)));
    bool up = waitUntil(
        [&] {
            if (!process_->running()) return true;
            std::string text = readFile(dir_ / "port");
            return !text.empty() && text.back() == '\n';
        },
        std::chrono::seconds(15));
    if (!up || !process_->running()) {
        ADD_FAILURE() << "wijkpunt-central did not start:\n" << process_->err();
        return false;
    }
    port_ = std::stoi(readFile(dir_ / "port"));
    publicPort_ = std::stoi(readFile(dir_ / "public-port"));
    return true;
}

void CentralServerProcess::kill9() {
    if (process_) process_->kill9();
}

void CentralServerProcess::stop() {
    if (process_) process_->terminate();
}

std::pair<int, std::string> runCentralCommand(const fs::path& config, const std::vector<std::string>& args) {
    static int n = 0;
    std::vector<std::string> argv = {centralBinary().string(), "--config", config.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    ChildProcess p(argv, {}, config.parent_path() / ("command-" + std::to_string(++n)));
    int status = p.wait(std::chrono::seconds(30));
    return {status, p.out() + p.err()};
}

// --- the API client

ApiClient::ApiClient(const std::string& baseUrl, Identity id) {
    CurlHttpClientOptions o;
    o.baseUrl = baseUrl;
    o.caFile = pkiFile(id.ca + ".crt");
    o.pinnedPublicKey = id.pin;
    if (!id.cert.empty()) {
        o.clientCertificate = pkiFile(id.cert + ".crt");
        o.clientKey = pkiFile(id.cert + ".key");
    }
    http_ = std::make_unique<CurlHttpClient>(o);
}

HttpResult ApiClient::checked(const std::string& method, const std::string& path, HttpResult r) {
    if (r.answered() && sourceContract().templateOf(path).empty()) {
        // A route the contract does not have: the answer must still be the API's error body.
        EXPECT_GE(r.status, 400);
        EXPECT_EQ(OpenApiContract::validate(sourceContract().resolvedSchema("Error"),
                                            nlohmann::json::parse(r.body, nullptr, false)),
                  "")
            << r.body;
    } else if (r.answered()) {
        std::string problem = sourceContract().validateResponse(method, path, r.status, r.body);
        EXPECT_EQ(problem, "") << "response breaks central/openapi.yaml";
    }
    return r;
}

HttpResult ApiClient::get(const std::string& path, const std::string& bearer) {
    HttpRequest req;
    req.method = "GET";
    req.path = path;
    if (!bearer.empty()) req.headers.push_back({"Authorization", "Bearer " + bearer});
    return checked("GET", path, http_->send(req));
}

HttpResult ApiClient::post(const std::string& path, const std::string& body, const std::string& bearer) {
    HttpRequest req;
    req.path = path;
    req.body = body;
    if (!bearer.empty()) req.headers.push_back({"Authorization", "Bearer " + bearer});
    return checked("POST", path, http_->send(req));
}

HttpResult ApiClient::put(const std::string& path, const std::string& body, const std::string& bearer) {
    HttpRequest req;
    req.method = "PUT";
    req.path = path;
    req.body = body;
    if (!bearer.empty()) req.headers.push_back({"Authorization", "Bearer " + bearer});
    return checked("PUT", path, http_->send(req));
}

HttpResult ApiClient::send(const HttpRequest& request, const std::string& bearer) {
    HttpRequest req = request;
    if (!bearer.empty()) req.headers.push_back({"Authorization", "Bearer " + bearer});
    return checked(req.method, req.path, http_->send(req));
}

// --- sockets

namespace {

int listenLoopback(int& port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 64) != 0) {
        ::close(fd);
        return -1;
    }
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    return fd;
}

int connectLoopback(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Accepts with a 50 ms poll so a stop flag is seen.
int acceptOrStop(int listenFd, const std::atomic<bool>& stopping) {
    while (!stopping) {
        pollfd p{listenFd, POLLIN, 0};
        if (::poll(&p, 1, 50) > 0) return ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    }
    return -1;
}

bool sendAll(int fd, const char* data, size_t n) {
    while (n > 0) {
        ssize_t w = ::send(fd, data, n, MSG_NOSIGNAL);
        if (w <= 0) return false;
        data += w;
        n -= static_cast<size_t>(w);
    }
    return true;
}

}  // namespace

// --- SMTP sink

SmtpSink::SmtpSink() {
    listenFd_ = listenLoopback(port_);
    thread_ = std::thread([this] { serve(); });
}

SmtpSink::~SmtpSink() {
    stopping_ = true;
    thread_.join();
    ::close(listenFd_);
}

std::vector<std::string> SmtpSink::messages() {
    std::lock_guard lock(mutex_);
    return messages_;
}

void SmtpSink::serve() {
    while (!stopping_) {
        int fd = acceptOrStop(listenFd_, stopping_);
        if (fd < 0) continue;
        session(fd);
        ::close(fd);
    }
}

void SmtpSink::session(int fd) {
    auto reply = [&](const std::string& s) { return sendAll(fd, s.data(), s.size()); };
    reply("220 wijkpunt-test-sink ESMTP\r\n");
    std::string buffer, data;
    bool inData = false;
    char chunk[4096];
    while (!stopping_) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return;
        buffer.append(chunk, static_cast<size_t>(n));
        for (;;) {
            if (inData) {
                auto end = buffer.find("\r\n.\r\n");
                if (end == std::string::npos) break;
                data += buffer.substr(0, end + 2);
                buffer.erase(0, end + 5);
                inData = false;
                {
                    std::lock_guard lock(mutex_);
                    messages_.push_back(data);
                }
                data.clear();
                reply("250 queued\r\n");
                continue;
            }
            auto eol = buffer.find("\r\n");
            if (eol == std::string::npos) break;
            std::string line = buffer.substr(0, eol);
            buffer.erase(0, eol + 2);
            std::string verb = line.substr(0, 4);
            for (auto& c : verb) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (verb == "DATA") {
                inData = true;
                reply("354 go ahead\r\n");
            } else if (verb == "QUIT") {
                reply("221 bye\r\n");
                return;
            } else {
                reply("250 ok\r\n");
            }
        }
    }
}

// --- webhook sink

struct WebhookSink::Impl {
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    std::mutex mutex;
    std::vector<WebhookSink::Delivery> deliveries;
};

WebhookSink::WebhookSink(int failFirst) : impl_(std::make_unique<Impl>()) {
    impl_->server =
        std::make_unique<httplib::SSLServer>(pkiFile("server.crt").c_str(), pkiFile("server.key").c_str());
    std::atomic<int>* attempts = &attempts_;
    Impl* impl = impl_.get();
    impl_->server->Post(
        "/hook", [impl, attempts, failFirst](const httplib::Request& req, httplib::Response& res) {
            int n = ++*attempts;
            if (n <= failFirst) {
                res.status = 500;
                return;
            }
            std::lock_guard lock(impl->mutex);
            impl->deliveries.push_back({req.body, req.get_header_value("X-Wijkpunt-Timestamp"),
                                        req.get_header_value("X-Wijkpunt-Signature")});
            res.status = 204;
        });
    port_ = impl_->server->bind_to_any_port("127.0.0.1");
    impl_->thread = std::thread([impl] { impl->server->listen_after_bind(); });
}

WebhookSink::~WebhookSink() {
    impl_->server->stop();
    impl_->thread.join();
}

std::vector<std::string> WebhookSink::bodies() {
    std::lock_guard lock(impl_->mutex);
    std::vector<std::string> out;
    for (const Delivery& d : impl_->deliveries) out.push_back(d.body);
    return out;
}

std::vector<WebhookSink::Delivery> WebhookSink::deliveries() {
    std::lock_guard lock(impl_->mutex);
    return impl_->deliveries;
}

// --- cutting proxy

CuttingProxy::CuttingProxy(int upstreamPort, int cutConnections, long cutAfterClientBytes)
    : upstream_(upstreamPort), cutConnections_(cutConnections), cutAfter_(cutAfterClientBytes) {
    listenFd_ = listenLoopback(port_);
    thread_ = std::thread([this] { serve(); });
}

CuttingProxy::~CuttingProxy() {
    stopping_ = true;
    thread_.join();
    for (auto& t : threads_) t.join();
    ::close(listenFd_);
}

std::vector<long> CuttingProxy::clientBytes() {
    std::lock_guard lock(mutex_);
    return clientBytes_;
}

void CuttingProxy::serve() {
    while (!stopping_) {
        int fd = acceptOrStop(listenFd_, stopping_);
        if (fd < 0) continue;
        int index = connections_++;
        threads_.emplace_back([this, fd, index] { pump(fd, index); });
    }
}

void CuttingProxy::pump(int client, int index) {
    int server = connectLoopback(upstream_);
    long fromClient = 0;
    bool cut = index < cutConnections_;
    char buf[16384];
    while (server >= 0 && !stopping_) {
        pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
        if (::poll(p, 2, 50) <= 0) continue;
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = ::recv(client, buf, sizeof buf, 0);
            if (n <= 0) break;
            long forward = n;
            if (cut && fromClient + n >= cutAfter_) forward = cutAfter_ - fromClient;
            if (forward > 0 && !sendAll(server, buf, static_cast<size_t>(forward))) break;
            fromClient += forward;
            if (cut && fromClient >= cutAfter_) {
                ++cuts_;
                break;
            }
        }
        if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = ::recv(server, buf, sizeof buf, 0);
            if (n <= 0 || !sendAll(client, buf, static_cast<size_t>(n))) break;
        }
    }
    // A hard cut: RST rather than FIN, as when a Wi-Fi link drops mid-request.
    linger hard{1, 0};
    setsockopt(client, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(client);
    if (server >= 0) ::close(server);
    std::lock_guard lock(mutex_);
    clientBytes_.push_back(fromClient);
}

}  // namespace wp::testing
