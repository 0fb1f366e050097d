// Realistic request receipts for printer tests: Dutch, and Ukrainian (so the Cyrillic path is exercised),
// with a status-page URL of typical length. Never phone, e-mail or address (kiosk/core/printer.h).
#pragma once

#include <chrono>
#include <string>

#include "kiosk/core/printer.h"

namespace wp::test {

// 2025-11-26 09:42 UTC = 10:42 in Schiedam (printed "26-11-2025 10:42").
inline std::chrono::system_clock::time_point sampleReceiptTime() {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(1764150120000));
}

inline ReceiptPrintout sampleReceiptNl(std::string reference = "SGN-K2-7KQ4XD-3") {
    ReceiptPrintout r;
    r.contactPoint = "Wijkpunt Groenoord";
    r.title = "Uw vraag is verstuurd";
    r.referenceLabel = "Uw code";
    r.reference = std::move(reference);
    r.lines = {"Een initiatiefcoach belt of mailt u binnen 5 werkdagen.",
               "Met de code kunt u zien hoe het met uw vraag gaat: hier in het wijkpunt of met de QR-code.",
               "Open: maandag tot en met vrijdag, 9:00 tot 17:00."};
    r.qrUrl = "https://wijkpunt.schiedam.nl/status/" + r.reference + "?lang=nl";
    r.qrCaption = "Scan de code om te zien hoe het gaat";
    r.printedAtLabel = "Gemaakt op";
    r.printedAt = sampleReceiptTime();
    return r;
}

inline ReceiptPrintout sampleReceiptUk(std::string reference = "SGN-K2-7KQ4XD-3") {
    ReceiptPrintout r;
    r.contactPoint = "Wijkpunt Groenoord";
    r.title = "Ваше звернення надіслано";
    r.referenceLabel = "Ваш код";
    r.reference = std::move(reference);
    r.lines = {"Координатор ініціатив зателефонує або напише вам протягом 5 робочих днів.",
               "За цим кодом ви можете дізнатися, як просувається ваше звернення.",
               "Відчинено: з понеділка по п'ятницю, 9:00–17:00."};
    r.qrUrl = "https://wijkpunt.schiedam.nl/status/" + r.reference + "?lang=uk";
    r.qrCaption = "Скануйте код, щоб побачити статус";
    r.printedAtLabel = "Створено";
    r.printedAt = sampleReceiptTime();
    return r;
}

}  // namespace wp::test
