#include "kiosk/core/appointment_slip.h"

#include <gtest/gtest.h>

#include "tests/unit/kiosk/core/demo_content_fixture.h"

namespace wp {
namespace {

using AppointmentSlipTest = testing::DemoContentTest;

BookingView booking() {
    BookingView b;
    b.code = "K7QM2XD9";
    b.contactPoint = "SGN";
    b.service = "gemeente";
    b.place = "Wijkpunt Groenoord";
    b.address = "Nieuwe Damlaan 90, Schiedam";
    b.start = *parseRfc3339("2026-12-07T08:00:00Z");  // 09:00 in Schiedam
    b.end = *parseRfc3339("2026-12-07T08:15:00Z");
    b.state = BookingState::Booked;
    return b;
}

std::string everything(const ReceiptPrintout& p) {
    std::string all = p.contactPoint + "\n" + p.title + "\n" + p.referenceLabel + "\n" + p.reference + "\n" +
                      p.about + "\n" + p.qrUrl + "\n" + p.qrCaption + "\n" + p.qrAddress;
    for (const std::string& l : p.lines) all += "\n" + l;
    for (const std::string& l : p.contactLines) all += "\n" + l;
    return all;
}

TEST_F(AppointmentSlipTest, SaysWhenWhatWhereTheCodeAndWhatToBring) {
    const ReceiptPrintout p = appointmentSlip(booking(), bundle_, *texts_, "nl", TimePoint{});
    const std::string all = everything(p);
    EXPECT_EQ(p.reference, "K7QM 2XD9");
    EXPECT_EQ(p.qrUrl, "K7QM2XD9");  // the scanner types the code itself
    EXPECT_NE(all.find("maandag 7 december om 09:00"), std::string::npos) << all;
    EXPECT_NE(all.find("Gemeente"), std::string::npos) << all;
    EXPECT_NE(all.find("Wijkpunt Groenoord, Nieuwe Damlaan 90, Schiedam"), std::string::npos) << all;
    EXPECT_NE(all.find("paspoort"), std::string::npos) << all;
}

TEST_F(AppointmentSlipTest, EveryLanguageWritesTheDateInItsOwnWords) {
    EXPECT_EQ(appointmentDay("2026-12-07", *texts_, "en"), "Monday 7 December");
    EXPECT_EQ(appointmentDay("2026-12-07", *texts_, "pl"), "poniedziałek, 7 grudnia");
    EXPECT_EQ(appointmentDay("2026-03-29", *texts_, "nl"), "zondag 29 maart");  // the clock change
    for (const std::string& lang : bundle_.content.languages) {
        const ReceiptPrintout p = appointmentSlip(booking(), bundle_, *texts_, lang, TimePoint{});
        EXPECT_NE(everything(p).find("09:00"), std::string::npos) << lang;
    }
}

}  // namespace
}  // namespace wp
