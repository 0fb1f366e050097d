// A QR code as inline SVG (libqrencode): black modules on white with the four-module quiet zone, one
// <path>, no script and no style attribute, so it passes the back office's Content-Security-Policy.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace wp {

// An <svg> element of sizePixels square with role="img" and label as its accessible name (escaped here).
Result<std::string> qrCodeSvg(std::string_view text, std::string_view label, int sizePixels = 240);

}  // namespace wp
