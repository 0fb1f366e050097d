// Ticket layout: one queue ticket or one request receipt drawn with cairo, for both ways to a printer
// (DESIGN.md: printer).
//
// The layout works in dots of the common 80 mm thermal printer: 203 dpi, 576 dots over the 72 mm that the
// head prints of 80 mm paper. renderTicketPdf() puts that on an 80 mm wide PDF page (4 mm side margins), for
// driverless/IPP printers and the test queue; renderTicketRaster() gives the same picture as 576-dot 1-bit
// rows for ESC/POS. The ticket is as long as its content. Text is DejaVu Sans (fonts-dejavu-core) through
// fontconfig, no line smaller than 12 pt; Latin, Turkish, Polish and Cyrillic all print. Empty fields are
// left off. Under a QR code comes its caption and the address it opens, in letters, broken after a '/'.
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

// How the PDF is cut into pages. Roll paper (pageLengthMm 0): one page exactly as long as the content,
// rounded up to whole millimetres. A fixed length (a queue that takes no custom length, or content longer
// than the longest page it takes): pages of exactly that length, broken between lines (and never inside
// the number, a rule or the QR code), with the content of each page starting at its top.
struct PdfPaper {
    double pageLengthMm = 0;
};

// A rendered PDF and the length of its pages, for the printer to ask the queue for that paper.
struct PdfDocument {
    std::vector<std::uint8_t> bytes;
    double pageLengthMm = 0;  // every page is this long (whole millimetres on roll paper)
    int pages = 1;
};

// A ticket (kiosk/core/printer.h TicketPrintout): the contact point, the service, the number big, the date
// and time, the place in line and the wait, the resident's line, what to do after a missed call, the QR.
// PDF bytes: a single page 80 mm wide, as long as the ticket.
Result<std::vector<std::uint8_t>> renderTicketPdf(const TicketPrintout& ticket);
Result<PdfDocument> renderTicketPdfDocument(const TicketPrintout& ticket, const PdfPaper& paper);

// kTicketPrintableDots wide, 1 = black, thresholded from 8-bit coverage.
Result<MonoBitmap> renderTicketRaster(const TicketPrintout& ticket);

// A receipt (kiosk/core/printer.h ReceiptPrintout) on the same paper: the contact point, the title, what it
// is about, the reference code big, each line wrapped and left-aligned, the contact point's lines under a
// rule, the QR (kiosk/core/qr_code.h) with its caption and address when qrUrl is set, and the time printed
// (DD-MM-YYYY HH:MM, Europe/Amsterdam).
Result<std::vector<std::uint8_t>> renderReceiptPdf(const ReceiptPrintout& receipt);
Result<PdfDocument> renderReceiptPdfDocument(const ReceiptPrintout& receipt, const PdfPaper& paper);
Result<MonoBitmap> renderReceiptRaster(const ReceiptPrintout& receipt);

}  // namespace wp
