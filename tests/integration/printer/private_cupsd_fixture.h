// PrivateCupsdTest: what the CupsPrinter integration tests (tickets and receipts) share — a private cupsd
// per test (tests/support/private_cupsd.h; skipped without root, its error_log tail printed when a test
// fails), printer settings for either of its queues, and reading back what the queues made of a job: the
// text of the PDF queue's file and the ESC/POS queue's captured bytes.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "drivers/printer/cups_printer.h"
#include "tests/support/escpos_decoder.h"
#include "tests/support/private_cupsd.h"

namespace wp::test {

inline std::vector<std::uint8_t> readBytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string readText(const std::filesystem::path& p) {
    auto b = readBytes(p);
    return {b.begin(), b.end()};
}

class PrivateCupsdTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (std::string why = PrivateCupsd::canRun(); !why.empty()) GTEST_SKIP() << why;
        auto started = PrivateCupsd::start();
        ASSERT_TRUE(started.isOk()) << started.status().message();
        cupsd_ = std::move(started).value();
    }

    void TearDown() override {
        if (HasFailure() && cupsd_) std::cerr << "--- cupsd error_log (tail) ---\n" << cupsd_->logTail(60);
        cupsd_.reset();
    }

    // A printer on the PDF or the ESC/POS queue of this cupsd.
    CupsPrinterSettings settings(PrintWay way) const {
        CupsPrinterSettings s;
        s.way = way;
        s.queue = way == PrintWay::Pdf ? cupsd_->pdfQueue() : cupsd_->escposQueue();
        s.server = cupsd_->socket();
        s.jobTimeout = std::chrono::seconds(30);
        return s;
    }

    // What pdftotext reads from the PDF queue's latest file.
    std::string pdfText() const {
        EXPECT_TRUE(std::filesystem::exists(cupsd_->pdfOutput()));
        CommandResult text = runCommand({"pdftotext", "-enc", "UTF-8", cupsd_->pdfOutput().string(), "-"});
        EXPECT_EQ(text.exitCode, 0) << text.output;
        return text.output;
    }

    // Checks that the ESC/POS queue passed exactly the bytes the printer made of `printout` (a ticket or a
    // receipt, printed just before) to the printer, as one image 576 dots wide, initialised and cut once;
    // returns them decoded for further checks.
    template <typename Printout>
    DecodedEscPos expectCapturedAsRendered(const CupsPrinter& printer, const Printout& printout) const {
        const std::vector<std::uint8_t> captured = readBytes(cupsd_->escposCapture());
        auto expected = printer.renderDocument(printout);
        EXPECT_TRUE(expected.isOk());
        if (expected.isOk()) {
            EXPECT_EQ(captured, expected.value()) << "the raw queue changed the bytes";
        }
        DecodedEscPos d = decodeEscPos(captured);
        EXPECT_EQ(d.error, "");
        EXPECT_TRUE(d.startsWithInit);
        EXPECT_EQ(d.image.width, 576);
        EXPECT_GT(d.image.height, 400);
        EXPECT_TRUE(d.endsWithCut);
        EXPECT_EQ(d.cutCount, 1);
        return d;
    }

    std::unique_ptr<PrivateCupsd> cupsd_;
};

}  // namespace wp::test
