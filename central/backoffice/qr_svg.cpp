#include "central/backoffice/qr_svg.h"

#include <fmt/format.h>
#include <qrencode.h>

#include <memory>

#include "central/public_pages.h"

namespace wp {

Result<std::string> qrCodeSvg(std::string_view text, std::string_view label, int sizePixels) {
    const std::string input(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!qr) return Status::internal("libqrencode could not encode the text");
    constexpr int kQuiet = 4;
    const int width = qr->width;
    std::string path;
    for (int y = 0; y < width; ++y)
        for (int x = 0; x < width; ++x)
            if (qr->data[y * width + x] & 1) path += fmt::format("M{} {}h1v1h-1z", x + kQuiet, y + kQuiet);
    const int side = width + 2 * kQuiet;
    const std::string name = escapeHtml(label);
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\"{0}\" "
        "width=\"{1}\" "
        "height=\"{1}\" viewBox=\"0 0 {2} {2}\" shape-rendering=\"crispEdges\"><title>{0}</title>"
        "<rect width=\"{2}\" height=\"{2}\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"{3}\"/></svg>",
        name, sizePixels, side, path);
}

}  // namespace wp
