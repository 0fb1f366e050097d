// The paper a request flow prints: the receipt of a request handed in (its reference code, what happens next,
// when the resident hears back, the desk's walk-in hours, a QR to the status page). It holds no personal
// data: no name, phone, e-mail or address. A pure function of its inputs; thread-safe.
#pragma once

#include <string>

#include "common/bundle.h"
#include "common/clock.h"
#include "common/request_spec.h"
#include "kiosk/core/printer.h"
#include "kiosk/core/texts.h"

namespace wp {

struct RequestFlowSettings {
    std::string contactPointName;  // "Wijkpunt Schiedam-Noord"
    std::string letters;           // reference-code letters, "SGN"
    std::string kioskCode;         // "K2"
    std::string publicUrl;         // the central server's public pages; empty: no QR on the receipt
    int coachWorkingDays = 5;      // an initiative coach contacts the resident within this many working days
};

// The receipt of a request of spec with this reference code, in language. deskService: the service whose
// walk-in hours it names; empty or unknown to content (or no content) leaves that line off.
ReceiptPrintout requestReceipt(const RequestSpec& spec, const RequestFlowSettings& settings,
                               const std::string& reference, const std::string& deskService,
                               const Texts& texts, const std::string& language, const Bundle* content,
                               TimePoint now);

}  // namespace wp
