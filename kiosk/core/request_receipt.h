// The paper a request flow prints: the receipt of a request handed in (its reference code, what it is about,
// what happens next, how and when the resident hears back, the desk's walk-in hours, a QR to the status page
// with its address, the contact point's phone number and opening hours). It holds no personal data: no name,
// phone, e-mail or address. Pure functions of their inputs; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/bundle.h"
#include "common/clock.h"
#include "common/request_spec.h"
#include "kiosk/core/printer.h"
#include "kiosk/core/texts.h"

namespace wp {

struct RequestFlowSettings {
    std::string contactPointName;  // "Wijkpunt Groenoord"
    std::string letters;           // reference-code letters, "SGN"
    std::string kioskCode;         // "K2"
    std::string publicUrl;         // the central server's public pages; empty: no QR on the receipt
    int coachWorkingDays = 5;      // an initiative coach contacts the resident within this many working days
};

// What a receipt says about the request beyond its type, none of it personal data.
struct ReceiptFacts {
    std::string deskService;  // the service whose walk-in hours it names; empty: none
    std::string topicKey;     // the text key of what it is about (a topic or a chosen subject); empty: none
    std::string contactWay;   // how the resident asked to hear: "phone", "email", "none"; empty: not asked
};

// The receipt of a request of spec with this reference code, in language: the title, what it is about, what
// happens next, how and when the resident hears, how to follow it with the code, the desk's walk-in hours,
// the status page's QR code and address in letters, and the contact point's phone number and opening hours
// (content/contact_point.toml). A desk unknown to content, or no content, leaves those lines off.
ReceiptPrintout requestReceipt(const RequestSpec& spec, const RequestFlowSettings& settings,
                               const std::string& reference, const ReceiptFacts& facts, const Texts& texts,
                               const std::string& language, const Bundle* content, TimePoint now);

// The contact point's lines of a receipt: its phone number and opening hours, in language; empty without
// contact point details.
std::vector<std::string> contactPointLines(const std::optional<ContactPointDetails>& details,
                                           const Texts& texts, const std::string& language);

}  // namespace wp
