// print_bench: prints N tickets through each way on the private cupsd and reports how long each took from
// submission (printTicket() called: layout, render, Create-Job, Send-Document) to the job completed and the
// file written. Run it through tests/bench/print-bench, which starts the private cupsd and sets the WP_*
// variables (tests/support/private-cupsd.sh). Not a ctest test (DESIGN.md: bench).
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "drivers/printer/cups_printer.h"
#include "drivers/printer/escpos.h"
#include "drivers/printer/ticket_layout.h"
#include "tests/support/sample_ticket.h"

namespace {

using Steady = std::chrono::steady_clock;
namespace fs = std::filesystem;

std::string env(const char* name) {
    const char* v = std::getenv(name);
    if (v == nullptr || *v == '\0') {
        std::fprintf(stderr, "print_bench: %s is not set; run tests/bench/print-bench\n", name);
        std::exit(2);
    }
    return v;
}

double ms(Steady::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

struct Stats {
    std::string name;
    std::vector<double> samples;
};

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    // Nearest rank.
    std::size_t rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

void report(const Stats& s) {
    const auto& v = s.samples;
    double sum = 0;
    for (double x : v) sum += x;
    fmt::print("{:<38} {:>5} {:>9.2f} {:>9.2f} {:>9.2f} {:>9.2f} {:>9.2f}\n", s.name, v.size(),
               percentile(v, 50), percentile(v, 95), *std::min_element(v.begin(), v.end()),
               *std::max_element(v.begin(), v.end()), sum / static_cast<double>(v.size()));
}

// Whether the output file holds what this job should have written.
bool written(wp::PrintWay way, const fs::path& out, const std::vector<std::uint8_t>& expected,
             fs::file_time_type notBefore) {
    std::error_code ec;
    if (!fs::exists(out, ec) || fs::file_size(out, ec) == 0) return false;
    if (way == wp::PrintWay::Pdf) return fs::last_write_time(out, ec) >= notBefore;
    std::ifstream in(out, std::ios::binary);
    std::vector<std::uint8_t> got{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return got == expected;
}

Stats runWay(wp::PrintWay way, int count, int warmup) {
    wp::CupsPrinterSettings settings;
    settings.way = way;
    settings.server = env("CUPS_SERVER");
    settings.queue = env(way == wp::PrintWay::Pdf ? "WP_PDF_QUEUE" : "WP_ESCPOS_QUEUE");
    const fs::path out = env(way == wp::PrintWay::Pdf ? "WP_PDF_OUTPUT" : "WP_ESCPOS_CAPTURE");
    wp::CupsPrinter printer(settings);

    Stats stats{fmt::format("{}: submit -> completed + written", wp::toString(way)), {}};
    for (int i = 0; i < warmup + count; ++i) {
        const char prefix = way == wp::PrintWay::Pdf ? 'H' : 'W';
        const wp::TicketPrintout ticket = wp::test::sampleTicket(fmt::format("{}-{:03}", prefix, i % 1000));
        const auto fileTimeBefore = fs::file_time_type::clock::now();
        const auto t0 = Steady::now();
        const wp::PrintOutcome outcome = printer.printTicket(ticket);
        const auto t1 = Steady::now();
        if (outcome != wp::PrintOutcome::Ok) {
            std::fprintf(stderr, "print_bench: %s ticket %d: %s: %s\n", wp::toString(way), i,
                         wp::toString(outcome), printer.lastJob().message.c_str());
            std::exit(1);
        }
        // Checked after the clock stopped: the file must already be there when the job is completed.
        std::vector<std::uint8_t> expected;
        if (way == wp::PrintWay::EscPos) expected = printer.renderDocument(ticket).value();
        if (!written(way, out, expected, fileTimeBefore - std::chrono::seconds(1))) {
            std::fprintf(stderr, "print_bench: %s ticket %d completed but %s does not hold it\n",
                         wp::toString(way), i, out.c_str());
            std::exit(1);
        }
        if (i >= warmup) stats.samples.push_back(ms(t1 - t0));
    }
    return stats;
}

template <typename F>
Stats timeLocal(const std::string& name, int count, F f) {
    Stats s{name, {}};
    for (int i = 0; i < count; ++i) {
        const auto t0 = Steady::now();
        f(i);
        s.samples.push_back(ms(Steady::now() - t0));
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::atoi(argv[1]) : 200;
    const int warmup = 5;
    if (count <= 0) {
        std::fprintf(stderr, "usage: print_bench [COUNT]\n");
        return 2;
    }

    std::vector<Stats> all;
    all.push_back(timeLocal("layout only: PDF", count, [](int i) {
        (void)wp::renderTicketPdf(wp::test::sampleTicket(fmt::format("H-{:03}", i % 1000)));
    }));
    all.push_back(timeLocal("layout only: raster + ESC/POS", count, [](int i) {
        auto r = wp::renderTicketRaster(wp::test::sampleTicket(fmt::format("W-{:03}", i % 1000)));
        (void)wp::encodeEscPos(r.value());
    }));
    all.push_back(runWay(wp::PrintWay::Pdf, count, warmup));
    all.push_back(runWay(wp::PrintWay::EscPos, count, warmup));

    fmt::print("print_bench: {} tickets per row after {} warm-up jobs; milliseconds, wall clock\n", count,
               warmup);
    fmt::print("{:<38} {:>5} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "", "n", "median", "p95", "min", "max",
               "mean");
    for (const auto& s : all) report(s);
    return 0;
}
