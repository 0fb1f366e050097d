// Ticket layout: one queue ticket or one request receipt drawn with cairo, for both ways to a printer
// (DESIGN.md: printer).
//
// The layout works in dots of the common 80 mm thermal printer: 203 dpi, 576 dots over the 72 mm that the
// head prints of 80 mm paper. renderTicketPdf() puts that on an 80 mm wide PDF page (4 mm side margins), for
// driverless/IPP printers and the test queue; renderTicketRaster() gives the same picture as 576-dot 1-bit
// rows for ESC/POS. The ticket is as long as its content. Text is DejaVu Sans (fonts-dejavu-core) through
// fontconfig; Latin, Turkish, Polish and Cyrillic all print. Empty fields are left off.
//
// Errors (a QR URL too long to encode, cairo out of memory, no usable font) come back as a Status; the
// functions are thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <vector>

#include "common/status.h"
#include "drivers/printer/mono_bitmap.h"
#include "kiosk/core/printer.h"

namespace wp {

inline constexpr int kTicketDpi = 203;
inline constexpr int kTicketPrintableDots = 576;  // 72 mm at 203 dpi
inline constexpr double kTicketPaperWidthMm = 80.0;

// PDF bytes: a single page 80 mm wide.
Result<std::vector<std::uint8_t>> renderTicketPdf(const TicketPrintout& ticket);

// kTicketPrintableDots wide, 1 = black, thresholded from 8-bit coverage.
Result<MonoBitmap> renderTicketRaster(const TicketPrintout& ticket);

// A receipt (kiosk/core/printer.h ReceiptPrintout) on the same paper: the contact point, the title, the
// reference code big, each line wrapped and left-aligned, the QR (kiosk/core/qr_code.h) with its caption
// when qrUrl is set, and the time printed (DD-MM-YYYY HH:MM, Europe/Amsterdam).
Result<std::vector<std::uint8_t>> renderReceiptPdf(const ReceiptPrintout& receipt);
Result<MonoBitmap> renderReceiptRaster(const ReceiptPrintout& receipt);

}  // namespace wp
