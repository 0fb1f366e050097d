// The integration tests' real parts (DESIGN.md: Testing): a test PKI made with openssl at test time, the
// real wijkpunt-central on 127.0.0.1 port 0 as a child process, the real kiosk sender (wp-outbox-tool),
// an SMTP sink, an HTTPS webhook sink and a TCP proxy that cuts connections. Loopback only; every child is
// killed and every temp folder removed when its object goes, also when a test fails.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "drivers/net/curl_http_client.h"
#include "tests/unit/temp_dir.h"

namespace wp::testing {

namespace fs = std::filesystem;

// The test PKI (tests/support/make-test-pki.sh): from WIJKPUNT_TEST_PKI when ctest's fixture made it,
// else made once for this process in a temp folder.
const fs::path& testPki();
inline fs::path pkiFile(const std::string& name) {
    return testPki() / name;
}
std::string readFile(const fs::path& file);

// Polls pred every 10 ms until it holds or timeout passes; returns its last value.
bool waitUntil(const std::function<bool()>& pred, std::chrono::milliseconds timeout);

// A child process with extra environment, stdout and stderr to files.
class ChildProcess {
  public:
    ChildProcess(std::vector<std::string> argv, std::map<std::string, std::string> env, fs::path logPrefix);
    ~ChildProcess();  // SIGKILL if still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running();
    void kill9();
    void terminate();
    // Waits for the exit; returns the wait status, or -1 at the timeout.
    int wait(std::chrono::milliseconds timeout);
    std::string out() const { return readFile(log_.string() + ".out"); }
    std::string err() const { return readFile(log_.string() + ".err"); }

  private:
    pid_t pid_ = -1;
    int status_ = -1;
    fs::path log_;
};

// The webhook signing secret every test server is given (CentralServerProcess::webhookSecretFile).
inline constexpr std::string_view kTestWebhookSecret = "test-webhook-secret-0123456789";

struct CentralOptions {
    int port = 0;        // the kiosk listener
    int publicPort = 0;  // the public listener
    // The tests open many connections from 127.0.0.1; the server's default is 16.
    int maxConnectionsPerSource = 256;
    std::string serverToml;  // more [server] keys
    int failFirstIntakes = 0;
    int lookupPerMinute = 30;
    size_t maxBodyBytes = 16384;
    std::string crashAt;                 // WIJKPUNT_CRASH_AT for the server
    std::string extraToml;               // appended to the config
    std::string lookupToml;              // more keys of [lookup]
    std::string certificate = "server";  // name in the PKI
    std::vector<std::string> revokedSubjects = {"CN=kiosk-K4,O=Wijkpunt"};
    std::vector<std::string> revokedSerials;
};

// wijkpunt-central with its own folder: config, database, port file, logs.
class CentralServerProcess {
  public:
    // clockFile: shared ScriptClock file (tests move time with ScriptClock(clockFile).advance()).
    CentralServerProcess(const fs::path& dir, CentralOptions options);
    ~CentralServerProcess();

    // Starts and waits for the port file. False (with the server's stderr in the failure) when it did not.
    bool start();
    void kill9();
    void stop();  // SIGTERM and wait
    int port() const { return port_; }
    int publicPort() const { return publicPort_; }
    // The kiosk listener (a client certificate is required at the handshake).
    std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
    // The public listener: phones, the back office.
    std::string publicUrl() const { return "https://127.0.0.1:" + std::to_string(publicPort_); }
    const fs::path& dir() const { return dir_; }
    fs::path database() const { return dir_ / "central.db"; }
    fs::path config() const { return dir_ / "central.toml"; }
    fs::path clockFile() const { return dir_ / "clock"; }
    // Holds kTestWebhookSecret once started: a config with a webhook names it in [webhook] secret_file.
    fs::path webhookSecretFile() const { return dir_ / "webhook.secret"; }
    ChildProcess* process() { return process_.get(); }
    CentralOptions& options() { return options_; }

  private:
    void writeConfig();
    fs::path dir_;
    CentralOptions options_;
    int port_ = 0;
    int publicPort_ = 0;
    int starts_ = 0;
    std::unique_ptr<ChildProcess> process_;
};

// Runs `wijkpunt-central --config FILE ARGS...` to the end; returns (exit status, stdout).
std::pair<int, std::string> runCentralCommand(const fs::path& config, const std::vector<std::string>& args);

// A kiosk (or person) talking to the server with the real CurlHttpClient; every answered response is
// validated against central/openapi.yaml, and a mismatch fails the test.
class ApiClient {
  public:
    struct Identity {
        std::string cert = "kiosk";  // PKI name; "" for none
        std::string ca = "ca";
        std::string pin;
    };
    ApiClient(const std::string& baseUrl, Identity id);
    HttpResult get(const std::string& path, const std::string& bearer = "");
    HttpResult post(const std::string& path, const std::string& body, const std::string& bearer = "");
    HttpResult put(const std::string& path, const std::string& body, const std::string& bearer = "");
    // Any request (another method or content type), checked the same way.
    HttpResult send(const HttpRequest& request, const std::string& bearer = "");

  private:
    HttpResult checked(const std::string& method, const std::string& path, HttpResult r);
    std::unique_ptr<CurlHttpClient> http_;
};

// A tiny SMTP server on 127.0.0.1 that keeps every message it is given.
class SmtpSink {
  public:
    SmtpSink();
    ~SmtpSink();
    int port() const { return port_; }
    std::vector<std::string> messages();

  private:
    void serve();
    void session(int fd);
    int listenFd_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::vector<std::string> messages_;
    std::thread thread_;
};

// An HTTPS server on 127.0.0.1 (the test PKI's server certificate) taking webhook POSTs at /hook.
class WebhookSink {
  public:
    explicit WebhookSink(int failFirst);
    ~WebhookSink();
    int port() const { return port_; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(port_) + "/hook"; }
    std::vector<std::string> bodies();
    // What arrived with each body: its X-Wijkpunt-Timestamp and X-Wijkpunt-Signature headers.
    struct Delivery {
        std::string body, timestamp, signature;
    };
    std::vector<Delivery> deliveries();
    int attempts() const { return attempts_; }

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
    int port_ = 0;
    std::atomic<int> attempts_{0};
};

// A TCP proxy 127.0.0.1:port() -> 127.0.0.1:upstream. For the first `cutConnections` connections it
// forwards only `cutAfterClientBytes` bytes from the client and then closes both sides.
class CuttingProxy {
  public:
    CuttingProxy(int upstreamPort, int cutConnections, long cutAfterClientBytes);
    ~CuttingProxy();
    int port() const { return port_; }
    int connections() const { return connections_; }
    int cuts() const { return cuts_; }
    // Client-to-server bytes of each finished connection, in order.
    std::vector<long> clientBytes();

  private:
    void serve();
    void pump(int client, int index);
    int upstream_;
    int cutConnections_;
    long cutAfter_;
    int listenFd_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<int> connections_{0}, cuts_{0};
    std::mutex mutex_;
    std::vector<long> clientBytes_;
    std::vector<std::thread> threads_;
    std::thread thread_;
};

// Paths of the built programs (set by CMake).
fs::path centralBinary();
fs::path outboxToolBinary();

}  // namespace wp::testing
