#include "kiosk/core/request_receipt.h"

#include <fmt/format.h>

#include <algorithm>

#include "kiosk/core/opening_hours.h"

namespace wp {

ReceiptPrintout requestReceipt(const RequestSpec& spec, const RequestFlowSettings& settings,
                               const std::string& reference, const std::string& deskService,
                               const Texts& texts, const std::string& language, const Bundle* content,
                               TimePoint now) {
    ReceiptPrintout p;
    auto tr = [&](const std::string& key) { return texts.get(language, key); };
    p.contactPoint = settings.contactPointName;
    p.title = tr(spec.receipt.titleKey);
    p.referenceLabel = tr("receipt.code_label");
    p.reference = reference;
    p.lines.push_back(tr(spec.receipt.nextKey));
    p.lines.push_back(
        fillIn(tr(spec.receipt.whenKey), {{"days", std::to_string(settings.coachWorkingDays)}}));
    p.lines.push_back(tr("receipt.status_hint"));
    if (content != nullptr) {
        if (const Service* desk = findService(content->services, deskService))
            p.lines.push_back(walkInHoursLine(*desk, texts, language));
    }
    if (!settings.publicUrl.empty()) {
        std::string base = settings.publicUrl;
        while (!base.empty() && base.back() == '/') base.pop_back();
        p.qrUrl = fmt::format("{}/status/{}?lang={}", base, reference, language);
        p.qrCaption = tr("receipt.qr_caption");
    }
    p.printedAtLabel = tr("receipt.printed_at");
    p.printedAt = now;
    return p;
}

}  // namespace wp
