#include "kiosk/core/request_receipt.h"

#include <fmt/format.h>

#include <algorithm>

#include "kiosk/core/opening_hours.h"
#include "kiosk/core/ticket_words.h"

namespace wp {

ReceiptPrintout requestReceipt(const RequestSpec& spec, const RequestFlowSettings& settings,
                               const std::string& reference, const ReceiptFacts& facts, const Texts& texts,
                               const std::string& language, const Bundle* content, TimePoint now) {
    ReceiptPrintout p;
    auto tr = [&](const std::string& key) { return texts.get(language, key); };
    p.contactPoint = settings.contactPointName;
    p.title = tr(spec.receipt.titleKey);
    p.referenceLabel = tr("receipt.code_label");
    p.reference = reference;
    if (!facts.topicKey.empty()) p.about = fillIn(tr("receipt.about"), {{"topic", tr(facts.topicKey)}});
    p.lines.push_back(tr(spec.receipt.nextKey));
    if (facts.contactWay == "phone" || facts.contactWay == "email" || facts.contactWay == "none")
        p.lines.push_back(tr("receipt.how_" + facts.contactWay));
    p.lines.push_back(
        fillIn(tr(spec.receipt.whenKey), {{"days", std::to_string(settings.coachWorkingDays)}}));
    p.lines.push_back(tr("receipt.status_hint"));
    if (content != nullptr) {
        if (const Service* desk = findService(content->services, facts.deskService))
            p.lines.push_back(walkInHoursLine(*desk, texts, language));
        p.contactLines = contactPointLines(content->contactPoint, texts, language);
    }
    if (!settings.publicUrl.empty()) {
        std::string base = settings.publicUrl;
        while (!base.empty() && base.back() == '/') base.pop_back();
        p.qrUrl = fmt::format("{}/status/{}?lang={}", base, reference, language);
        p.qrCaption = tr("receipt.qr_caption");
        // The page without the language: what a resident types opens it in the browser's language.
        p.qrAddress = addressInLetters(fmt::format("{}/status/{}", base, reference));
    }
    p.printedAtLabel = tr("receipt.printed_at");
    p.printedAt = now;
    return p;
}

std::vector<std::string> contactPointLines(const std::optional<ContactPointDetails>& details,
                                           const Texts& texts, const std::string& language) {
    std::vector<std::string> lines;
    if (!details) return lines;
    lines.push_back(fillIn(texts.get(language, "receipt.contact_phone"), {{"phone", details->phone}}));
    // describeWeekHours reads a service's week: the contact point's hours as one.
    Service week;
    week.walkIn = details->openingHours;
    const std::string hours = describeWeekHours(week, texts, language);
    if (!hours.empty())
        lines.push_back(fillIn(texts.get(language, "receipt.contact_hours"), {{"hours", hours}}));
    return lines;
}

}  // namespace wp
