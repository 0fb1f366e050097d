// wp-outbox-tool: the real kiosk outbox and sender, driven from the command line for the integration tests
// and the bench (the kiosk app wires the same classes: SqliteOutboxStore + OutboxSender).
//
//   wp-outbox-tool enqueue --db FILE --count N --seed S [--letters SGN --kiosk K2] [--marker WORD]
//       commits N requests of every type in turn, one transaction each (as the walk-in role does); with a
//       marker every personal field carries it (or the marker phone number)
//   wp-outbox-tool send --db FILE --url URL --ca FILE [--cert FILE --key FILE] [--pin PIN] [--parallel N]
//       [--clock-file FILE] [--until-empty] [--timeout-s S]
//       runs the background sender; with --until-empty it exits 0 once nothing waits (1 at the timeout).
//       Its log lines (WIJKPUNT_LOG_LEVEL) go to stderr.
//   wp-outbox-tool state --db FILE
//       prints the outbox snapshot as JSON (what the host console will show)
#include <signal.h>
#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <thread>

#include "common/log.h"
#include "common/reference_code.h"
#include "common/request.h"
#include "drivers/net/outbox_sender.h"
#include "kiosk/store/outbox_store.h"
#include "tests/support/shipped_request_specs.h"

namespace {

using namespace wp;

// The phone number of every request made with a marker.
constexpr const char* kMarkerPhone = "06 13579246";

// The n-th test request: every type in turn, with its required fields (and some optional ones). With a
// marker, every field is filled and every text, name and e-mail address carries it (log privacy checks).
Request makeRequest(RandomSource& random, const std::string& letters, const std::string& kiosk, int n,
                    TimePoint now, const std::string& marker) {
    const auto& specs = wp::testing::shippedRequestSpecs().latestOfEach();
    const RequestSpec& spec = *specs[static_cast<size_t>(n) % specs.size()];
    Request r;
    r.uuid = makeUuid(random);
    r.type = spec.id;
    r.specVersion = spec.version;
    r.reference = makeReferenceCode(letters, kiosk, random);
    r.kioskCode = kiosk;
    r.createdAt = now;
    r.language = "nl";
    if (n % 3 == 0) r.category = "huur";
    for (const FieldSpec& f : spec.fields) {
        bool needed = f.required || (!spec.atLeastOneOf.empty() && spec.atLeastOneOf.front() == f.name);
        if (!needed && marker.empty() && random.below(2) == 0) continue;
        std::string v;
        switch (f.kind) {
            case FieldKind::ShortText:
                v = marker.empty() ? "Bewoner " + std::to_string(n) : "Bewoner " + marker;
                break;
            case FieldKind::Text:
                v = marker.empty() ? "Verzoek nummer " + std::to_string(n) + ".\nGraag contact."
                                   : "Lekkage bij " + marker + " thuis.\nGraag contact.";
                break;
            case FieldKind::Phone:
                v = marker.empty() ? "010 " + std::to_string(1000000 + n % 8999999) : kMarkerPhone;
                break;
            case FieldKind::Email:
                v = marker.empty() ? "bewoner" + std::to_string(n) + "@example.org" : marker + "@example.org";
                break;
            case FieldKind::Id:
                v = "id-" + std::to_string(n % 7);
                break;
            case FieldKind::Number:
                v = std::to_string(f.min + (f.max - f.min) / 3);
                break;
            case FieldKind::Integer:
                v = "2";
                break;
        }
        r.fields[std::string(f.name)] = v;
    }
    return r;
}

nlohmann::json snapshotJson(const OutboxSnapshot& s) {
    nlohmann::json rejected = nlohmann::json::array();
    for (const auto& r : s.rejected)
        rejected.push_back({{"reference", r.reference},
                            {"type", r.type},
                            {"http_status", r.httpStatus},
                            {"code", r.error.code},
                            {"field", r.error.field},
                            {"message", r.error.message},
                            {"personal_data_wiped", r.personalDataWiped}});
    nlohmann::json j = {{"waiting", s.waiting},
                        {"delivered", s.delivered},
                        {"rejected", rejected},
                        {"last_error", s.lastError}};
    j["last_delivery"] = s.lastDelivery ? formatRfc3339(*s.lastDelivery) : "";
    return j;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"wp-outbox-tool: the kiosk outbox and sender"};
    app.require_subcommand(1);
    std::string db;

    auto* enqueue = app.add_subcommand("enqueue", "commit test requests to the outbox");
    int count = 1;
    std::uint64_t seed = 1;
    std::string letters = "SGN", kiosk = "K2", marker;
    enqueue->add_option("--db", db)->required();
    enqueue->add_option("--count", count);
    enqueue->add_option("--seed", seed);
    enqueue->add_option("--letters", letters);
    enqueue->add_option("--kiosk", kiosk);
    enqueue->add_option(
        "--marker", marker,
        "put this word (and the phone number " + std::string(kMarkerPhone) + ") into every personal field");

    auto* send = app.add_subcommand("send", "run the sender");
    std::string url, ca, cert, key, pin, clockFile;
    int parallel = 2, timeoutS = 120;
    bool untilEmpty = false;
    send->add_option("--db", db)->required();
    send->add_option("--url", url)->required();
    send->add_option("--ca", ca)->required();
    send->add_option("--cert", cert);
    send->add_option("--key", key);
    send->add_option("--pin", pin);
    send->add_option("--parallel", parallel);
    send->add_option("--clock-file", clockFile);
    send->add_option("--timeout-s", timeoutS);
    send->add_flag("--until-empty", untilEmpty);

    auto* state = app.add_subcommand("state", "print the outbox state");
    state->add_option("--db", db)->required();
    CLI11_PARSE(app, argc, argv);
    log::setUp("wp-outbox-tool");

    auto store = SqliteOutboxStore::open(db, wp::testing::shippedRequestSpecs());
    if (!store) {
        std::fprintf(stderr, "wp-outbox-tool: %s\n", store.status().message().c_str());
        return 1;
    }
    SystemClock systemClock;
    if (enqueue->parsed()) {
        SeededRandom random(seed);
        for (int i = 0; i < count; ++i) {
            Request r = makeRequest(random, letters, kiosk, i, systemClock.now(), marker);
            if (auto e = validateRequest(r, wp::testing::shippedRequestSpecs())) {
                std::fprintf(stderr, "wp-outbox-tool: made an invalid request: %s\n", e->message.c_str());
                return 1;
            }
            auto id = (*store)->add(r, systemClock.now());
            if (!id) {
                std::fprintf(stderr, "wp-outbox-tool: %s\n", id.status().message().c_str());
                return 1;
            }
        }
        std::printf("enqueued %d\n", count);
        return 0;
    }
    if (state->parsed()) {
        auto snap = (*store)->snapshot(1000);
        if (!snap) return 1;
        std::printf("%s\n", snapshotJson(*snap).dump(2).c_str());
        return 0;
    }

    // send
    signal(SIGPIPE, SIG_IGN);
    std::unique_ptr<Clock> clock;
    if (clockFile.empty())
        clock = std::make_unique<SystemClock>();
    else
        clock = std::make_unique<ScriptClock>(clockFile);
    SystemRandom random;
    OutboxSender::Options options;
    options.http = {url, ca, pin, cert, key, 3000, 15000};
    options.parallel = parallel;
    options.poll = Millis(50);
    OutboxSender sender(**store, *clock, random, options);
    sender.start();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutS);
    int exitCode = 0;
    for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (!untilEmpty) continue;
        auto snap = (*store)->snapshot(0);
        if (snap && snap->waiting == 0) break;
        if (std::chrono::steady_clock::now() > deadline) {
            std::fprintf(stderr, "wp-outbox-tool: still %d waiting at the timeout; last error: %s\n",
                         snap ? snap->waiting : -1, snap ? snap->lastError.c_str() : "?");
            exitCode = 1;
            break;
        }
    }
    sender.stop();
    if (auto snap = (*store)->snapshot(1000)) std::printf("%s\n", snapshotJson(*snap).dump().c_str());
    return exitCode;
}
