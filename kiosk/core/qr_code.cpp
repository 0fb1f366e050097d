#include "kiosk/core/qr_code.h"

#include <qrencode.h>

#include <string>

namespace wp {

std::optional<QrCode> encodeQr(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::string copy(text);
    QRcode* qr = QRcode_encodeString(copy.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (qr == nullptr) return std::nullopt;
    QrCode out;
    out.size = qr->width;
    out.dark.resize(static_cast<size_t>(qr->width) * static_cast<size_t>(qr->width));
    for (size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = (qr->data[i] & 1) != 0;
    QRcode_free(qr);
    return out;
}

}  // namespace wp
