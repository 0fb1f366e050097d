// wp-fleet-load: the fleet bench's own kiosks (tests/bench/fleet-bench.sh). Each simulated kiosk makes its
// own EC P-256 key and CSR with OpenSSL, enrolls with a one-time token over HTTPS as a kiosk does, and then
// sends heartbeats over mutual TLS with its own certificate. Every kiosk talks from its own loopback address
// (127.0.x.y), as real kiosks come from their own addresses, so per-address limits apply per kiosk.
//
//   wp-fleet-load enroll --public-url URL --ca CA --admin-token-file F --count N --contact-points A,B,...
//                        [--out DIR] [--first-address K]
//       Makes N enroll tokens (staff API, not timed), then enrolls N kiosks one after the other, spread
//       over the contact points (961 codes each); keys and certificates go to DIR/NNNNN.pem. Prints one JSON
//       line: enrolled, seconds (the enrollments alone: key, CSR, POST /v1/enroll), p50/p99 ms per kiosk.
//   wp-fleet-load heartbeat --url URL --ca CA --identities DIR --window S [--pid PID] [--first-address K]
//       Sends one heartbeat for every kiosk of DIR, started evenly over S seconds (one kiosk every S/N s),
//       each on a new TLS connection with the kiosk's certificate (a kiosk that speaks once a minute finds
//       its last connection closed). Prints one JSON line: sent, ok, failed, p50/p99/max ms (connect,
//       handshake and answer), the handshake-free part's p50/p99, and with --pid the server's CPU (percent
//       of one core over the window, from /proc/PID/stat) and RSS (peak sampled every 200 ms, and VmHWM).
#include <curl/curl.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

size_t append(char* data, size_t size, size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

std::string fileText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The loopback address of kiosk i: 127.0.x.y from 127.0.1.1 on, skipping .0 and .255.
std::string sourceAddress(int i) {
    return "host!127." + std::to_string(i / 254 / 250) + "." + std::to_string(1 + (i / 254) % 250) + "." +
           std::to_string(1 + i % 254);
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    auto k = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(k, v.size() - 1)];
}

// A fresh EC P-256 key and a CSR for it: (key PEM, CSR PEM).
std::pair<std::string, std::string> keyAndCsr() {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509_REQ* req = X509_REQ_new();
    X509_REQ_set_version(req, 0);
    X509_NAME* name = X509_REQ_get_subject_name(req);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("bench"), -1,
                               -1, 0);
    X509_REQ_set_pubkey(req, key);
    X509_REQ_sign(req, key, EVP_sha256());
    auto pem = [](auto write) {
        BIO* bio = BIO_new(BIO_s_mem());
        write(bio);
        char* data = nullptr;
        long n = BIO_get_mem_data(bio, &data);
        std::string out(data, static_cast<size_t>(n));
        BIO_free(bio);
        return out;
    };
    std::string keyPem =
        pem([&](BIO* b) { PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr); });
    std::string csrPem = pem([&](BIO* b) { PEM_write_bio_X509_REQ(b, req); });
    X509_REQ_free(req);
    EVP_PKEY_free(key);
    return {keyPem, csrPem};
}

struct Answer {
    long status = 0;
    std::string body;
    CURLcode rc = CURLE_OK;
};

Answer post(CURL* curl, const std::string& url, const std::string& ca, const std::string& body,
            const std::string& bearer, const std::string& source) {
    Answer a;
    curl_easy_reset(curl);
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    if (!bearer.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + bearer).c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &a.body);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    if (!source.empty()) curl_easy_setopt(curl, CURLOPT_INTERFACE, source.c_str());
    a.rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &a.status);
    curl_slist_free_all(headers);
    return a;
}

int enroll(const std::string& publicUrl, const std::string& ca, const std::string& tokenFile, int count,
           const std::vector<std::string>& contactPoints, const fs::path& out, int firstAddress) {
    std::string admin = fileText(tokenFile);
    while (!admin.empty() && std::isspace(static_cast<unsigned char>(admin.back()))) admin.pop_back();
    if (!out.empty()) fs::create_directories(out);
    CURL* curl = curl_easy_init();
    std::vector<std::string> tokens;
    for (int i = 0; i < count; ++i) {
        json body = {{"contact_point", contactPoints[static_cast<size_t>(i) % contactPoints.size()]},
                     {"hours", 2}};
        Answer a = post(curl, publicUrl + "/v1/fleet/enroll-tokens", ca, body.dump(), admin, "");
        if (a.status != 201) {
            std::fprintf(stderr, "wp-fleet-load: enroll-tokens answered %ld (%s): %s\n", a.status,
                         curl_easy_strerror(a.rc), a.body.c_str());
            return 1;
        }
        tokens.push_back(json::parse(a.body).at("token").get<std::string>());
    }
    std::vector<double> ms;
    const auto start = SteadyClock::now();
    for (int i = 0; i < count; ++i) {
        const auto t0 = SteadyClock::now();
        auto [key, csr] = keyAndCsr();
        json body = {{"token", tokens[static_cast<size_t>(i)]}, {"csr", csr}};
        // Each enrollment on a new connection from the kiosk's own address.
        curl_easy_cleanup(curl);
        curl = curl_easy_init();
        Answer a = post(curl, publicUrl + "/v1/enroll", ca, body.dump(), "", sourceAddress(firstAddress + i));
        if (a.status != 201) {
            std::fprintf(stderr, "wp-fleet-load: enroll %d answered %ld (%s): %s\n", i, a.status,
                         curl_easy_strerror(a.rc), a.body.c_str());
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count());
        if (!out.empty()) {
            json answer = json::parse(a.body);
            char name[32];
            std::snprintf(name, sizeof name, "%05d.pem", firstAddress + i);
            std::ofstream(out / name) << key << answer.at("certificate").get<std::string>();
        }
    }
    const double seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    curl_easy_cleanup(curl);
    std::printf("%s\n", json{{"enrolled", count},
                             {"seconds", seconds},
                             {"p50_ms", percentile(ms, 0.5)},
                             {"p99_ms", percentile(ms, 0.99)}}
                            .dump()
                            .c_str());
    return 0;
}

// utime + stime of a process in clock ticks; -1 when it cannot be read.
long long cpuTicks(int pid) {
    std::string stat = fileText("/proc/" + std::to_string(pid) + "/stat");
    auto close = stat.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream in(stat.substr(close + 2));
    std::string field;
    long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && in >> field; ++i) {
        if (i == 14) utime = std::stoll(field);
        if (i == 15) stime = std::stoll(field);
    }
    return utime + stime;
}

// A "VmRSS:"-style line of /proc/PID/status in kB; 0 when absent.
long statusKb(int pid, const std::string& key) {
    std::istringstream in(fileText("/proc/" + std::to_string(pid) + "/status"));
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key, 0) == 0) return std::stol(line.substr(key.size()));
    return 0;
}

struct Kiosk {
    std::string pem;  // key and certificate
    std::string source;
    std::string body;
    SteadyClock::time_point started;
};

int heartbeat(const std::string& url, const std::string& ca, const fs::path& dir, double window, int pid,
              int firstAddress) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".pem") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "wp-fleet-load: no identities in %s\n", dir.c_str());
        return 1;
    }
    std::vector<Kiosk> kiosks(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        kiosks[i].pem = fileText(files[i]);
        kiosks[i].source = sourceAddress(firstAddress + std::stoi(files[i].stem().string()));
    }
    const json body = {{"version", "1.4.0"},
                       {"bundle_version", "bench"},
                       {"uptime_s", 3600},
                       {"printer", {{"state", "ready"}, {"reasons", json::array()}}},
                       {"outbox", {{"waiting", 0}, {"rejected", 0}, {"oldest_waiting_s", 0}}},
                       {"disk_free_mb", 5120},
                       {"last_error", ""},
                       {"in_service", true},
                       {"results", json::array()}};
    const std::string text = body.dump();
    const std::string endpoint = url + "/v1/kiosk/heartbeat";

    CURLM* multi = curl_multi_init();
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    std::vector<double> totalMs, afterHandshakeMs;
    int ok = 0, failed = 0, running = 0;
    long peakRssKb = 0;
    const long long cpuBefore = pid > 0 ? cpuTicks(pid) : 0;
    const auto start = SteadyClock::now();
    auto nextSample = start;
    const double step = window / static_cast<double>(kiosks.size());
    size_t next = 0;
    while (next < kiosks.size() || running > 0) {
        const auto now = SteadyClock::now();
        const double elapsed = std::chrono::duration<double>(now - start).count();
        while (next < kiosks.size() && static_cast<double>(next) * step <= elapsed) {
            Kiosk& k = kiosks[next];
            CURL* e = curl_easy_init();
            curl_blob cert{k.pem.data(), k.pem.size(), CURL_BLOB_NOCOPY};
            curl_easy_setopt(e, CURLOPT_URL, endpoint.c_str());
            curl_easy_setopt(e, CURLOPT_CAINFO, ca.c_str());
            curl_easy_setopt(e, CURLOPT_SSLCERT_BLOB, &cert);
            curl_easy_setopt(e, CURLOPT_SSLKEY_BLOB, &cert);
            curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
            curl_easy_setopt(e, CURLOPT_POSTFIELDS, text.c_str());
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, static_cast<long>(text.size()));
            curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, append);
            curl_easy_setopt(e, CURLOPT_WRITEDATA, &k.body);
            curl_easy_setopt(e, CURLOPT_INTERFACE, k.source.c_str());
            curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
            curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
            curl_easy_setopt(e, CURLOPT_TIMEOUT, 30L);
            curl_easy_setopt(e, CURLOPT_PRIVATE, &k);
            curl_multi_add_handle(multi, e);
            ++next;
            ++running;
        }
        if (pid > 0 && now >= nextSample) {
            peakRssKb = std::max(peakRssKb, statusKb(pid, "VmRSS:"));
            nextSample = now + std::chrono::milliseconds(200);
        }
        int still = 0;
        curl_multi_perform(multi, &still);
        int left = 0;
        while (CURLMsg* m = curl_multi_info_read(multi, &left)) {
            if (m->msg != CURLMSG_DONE) continue;
            CURL* e = m->easy_handle;
            long status = 0;
            curl_off_t total = 0, handshake = 0;
            curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
            curl_easy_getinfo(e, CURLINFO_TOTAL_TIME_T, &total);
            curl_easy_getinfo(e, CURLINFO_APPCONNECT_TIME_T, &handshake);
            if (m->data.result == CURLE_OK && status == 200) {
                ++ok;
                totalMs.push_back(static_cast<double>(total) / 1000.0);
                afterHandshakeMs.push_back(static_cast<double>(total - handshake) / 1000.0);
            } else {
                if (failed++ < 5)
                    std::fprintf(stderr, "wp-fleet-load: heartbeat failed: %s, status %ld\n",
                                 curl_easy_strerror(m->data.result), status);
            }
            curl_multi_remove_handle(multi, e);
            curl_easy_cleanup(e);
            --running;
        }
        const double wait = next < kiosks.size() ? static_cast<double>(next) * step - elapsed : 0.05;
        curl_multi_poll(multi, nullptr, 0, std::clamp(static_cast<int>(wait * 1000), 0, 50), nullptr);
    }
    const double seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    json out = {{"sent", kiosks.size()},
                {"ok", ok},
                {"failed", failed},
                {"window_s", window},
                {"seconds", seconds},
                {"p50_ms", percentile(totalMs, 0.5)},
                {"p99_ms", percentile(totalMs, 0.99)},
                {"max_ms", percentile(totalMs, 1.0)},
                {"after_handshake_p50_ms", percentile(afterHandshakeMs, 0.5)},
                {"after_handshake_p99_ms", percentile(afterHandshakeMs, 0.99)}};
    if (pid > 0) {
        const long long ticks = cpuTicks(pid) - cpuBefore;
        out["server_cpu_percent"] =
            100.0 * static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK)) / seconds;
        out["server_rss_peak_mb"] = static_cast<double>(peakRssKb) / 1024.0;
        out["server_vmhwm_mb"] = static_cast<double>(statusKb(pid, "VmHWM:")) / 1024.0;
    }
    curl_slist_free_all(headers);
    curl_multi_cleanup(multi);
    std::printf("%s\n", out.dump().c_str());
    return failed == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"The fleet bench's simulated kiosks", "wp-fleet-load"};
    app.require_subcommand(1);
    std::string url, publicUrl, ca, tokenFile, contactPoints = "SGN";
    fs::path out, identities;
    int count = 100, pid = 0, firstAddress = 0;
    double window = 60;
    CLI::App* e = app.add_subcommand("enroll", "Enroll kiosks one after the other");
    e->add_option("--public-url", publicUrl)->required();
    e->add_option("--ca", ca)->required();
    e->add_option("--admin-token-file", tokenFile)->required();
    e->add_option("--count", count)->check(CLI::Range(1, 60000));
    e->add_option("--contact-points", contactPoints, "comma-separated letters");
    e->add_option("--out", out);
    e->add_option("--first-address", firstAddress);
    CLI::App* h = app.add_subcommand("heartbeat", "One heartbeat per kiosk, spread over a window");
    h->add_option("--url", url)->required();
    h->add_option("--ca", ca)->required();
    h->add_option("--identities", identities)->required();
    h->add_option("--window", window)->check(CLI::Range(1.0, 3600.0));
    h->add_option("--pid", pid);
    h->add_option("--first-address", firstAddress);
    CLI11_PARSE(app, argc, argv);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int rc = 0;
    if (e->parsed()) {
        std::vector<std::string> points;
        std::stringstream list(contactPoints);
        for (std::string p; std::getline(list, p, ',');)
            if (!p.empty()) points.push_back(p);
        rc = enroll(publicUrl, ca, tokenFile, count, points, out, firstAddress);
    } else {
        rc = heartbeat(url, ca, identities, window, pid, firstAddress);
    }
    curl_global_cleanup();
    return rc;
}
