#include "drivers/printer/ticket_layout.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <string>

#include <date/tz.h>
#include <fmt/format.h>

#include "common/clock.h"
#include "common/utf8.h"
#include "kiosk/core/qr_code.h"

namespace wp {
namespace {

// All sizes in dots (203 dpi). Every line of text is at least 12 pt: 34 dots (12.06 pt).
constexpr const char* kFontFamily = "DejaVu Sans";
constexpr double kWidth = kTicketPrintableDots;
constexpr double kTopMargin = 12;
constexpr double kBottomMargin = 28;
constexpr double kTextSize = 34;
constexpr double kServiceSize = 42;
constexpr double kNumberMaxSize = 190;
constexpr double kReferenceMaxSize = 84;  // a receipt's reference code: big, but 15 characters must fit
constexpr double kQrMaxDots = 232;        // about 29 mm
constexpr int kQrQuietModules = 2;        // the paper around it is blank anyway
constexpr double kLeftInset = 8;          // left-aligned lines keep 1 mm off each edge of the printed area

constexpr double kPointsPerDot = 72.0 / kTicketDpi;
constexpr double kPointsPerMm = 72.0 / 25.4;

struct CairoDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;

struct QrDeleter {
    void operator()(QRcode* q) const { QRcode_free(q); }
};
using QrPtr = std::unique_ptr<QRcode, QrDeleter>;

Status cairoError(const char* what, cairo_status_t s) {
    return Status::internal(fmt::format("ticket layout: {}: {}", what, cairo_status_to_string(s)));
}

// Draws (or, with draw == false, only measures) the ticket from the top down; y ends at the total height
// (of the last page). Both passes run the same code on the same kind of surface, so the measured height is
// the drawn one. With a page limit (dots from the top of a page), a line, the number, a rule or the QR that
// would cross it starts a new page instead.
class TicketPainter {
  public:
    TicketPainter(cairo_t* cr, bool draw, double pageLimit = std::numeric_limits<double>::infinity())
        : cr_(cr), draw_(draw), pageLimit_(pageLimit) {
        cairo_set_source_rgba(cr_, 0, 0, 0, 1);
    }

    double y() const { return y_; }
    int pages() const { return pages_; }
    void gap(double dots) { y_ += dots; }

    enum class Align { Centre, Left };

    // One or more centred (or left-aligned) lines, wrapped at word boundaries (inside a word when it alone
    // is too wide).
    void text(const std::string& s, double size, bool bold = false, Align align = Align::Centre) {
        if (s.empty()) return;
        font(size, bold);
        const double width = align == Align::Left ? kWidth - 2 * kLeftInset : kWidth;
        lines(wrap(s, width), align);
    }

    // A web address, centred, broken after a '/' when it does not fit on one line (inside a part only when
    // that part alone is too wide), so it can be typed as read.
    void address(const std::string& s, double size) {
        if (s.empty()) return;
        font(size, false);
        std::string spaced;  // a space after every '/', for wrap(); taken out again below
        for (char c : s) {
            spaced += c;
            if (c == '/') spaced += ' ';
        }
        std::vector<std::string> wrapped;
        for (const std::string& line : wrap(spaced, kWidth, "")) wrapped.push_back(line);
        lines(wrapped, Align::Centre);
    }

    void lines(const std::vector<std::string>& wrapped, Align align) {
        cairo_font_extents_t fe;
        cairo_font_extents(cr_, &fe);
        for (const std::string& line : wrapped) {
            cairo_text_extents_t te;
            cairo_text_extents(cr_, line.c_str(), &te);
            room(fe.ascent + fe.descent);
            if (draw_) {
                const double x =
                    align == Align::Left ? kLeftInset : std::max(0.0, (kWidth - te.x_advance) / 2);
                cairo_move_to(cr_, x, y_ + fe.ascent);
                cairo_show_text(cr_, line.c_str());
            }
            y_ += fe.ascent + fe.descent;
        }
    }

    // The ticket number (or a receipt's reference code): bold, as big as fits the width, at most maxSize,
    // measured by its ink (no line spacing).
    void bigText(const std::string& s, double maxSize = kNumberMaxSize) {
        if (s.empty()) return;
        double size = maxSize;
        font(size, true);
        cairo_text_extents_t te;
        cairo_text_extents(cr_, s.c_str(), &te);
        if (te.width > kWidth - 8) {
            size = size * (kWidth - 8) / te.width;
            font(size, true);
            cairo_text_extents(cr_, s.c_str(), &te);
        }
        room(te.height);
        if (draw_) {
            cairo_move_to(cr_, (kWidth - te.width) / 2 - te.x_bearing, y_ - te.y_bearing);
            cairo_show_text(cr_, s.c_str());
        }
        y_ += te.height;
    }

    void rule() {
        room(3);
        if (draw_) {
            cairo_rectangle(cr_, 0, std::round(y_), kWidth, 3);
            cairo_fill(cr_);
        }
        y_ += 3;
    }

    // Whole dots per module, so the raster has sharp modules.
    void qr(const QRcode& code) {
        qr(code.width, [&](int r, int c) { return (code.data[r * code.width + c] & 1) != 0; });
    }
    void qr(const QrCode& code) {
        qr(code.size, [&](int r, int c) { return code.at(c, r); });
    }

  private:
    // Starts a new page when something h dots high would cross the page limit (unless the page is still
    // empty: what is taller than a page is cut off rather than pushed on forever).
    void room(double h) {
        if (y_ + h <= pageLimit_ || y_ <= kTopMargin) return;
        if (draw_) cairo_show_page(cr_);
        y_ = kTopMargin;
        ++pages_;
    }

    void qr(int width, const std::function<bool(int row, int col)>& dark) {
        const int modules = width + 2 * kQrQuietModules;
        const double module = std::clamp(std::floor(kQrMaxDots / modules), 2.0, 8.0);
        const double side = module * modules;
        room(side);
        const double x0 = std::floor((kWidth - side) / 2) + module * kQrQuietModules;
        const double y0 = std::round(y_) + module * kQrQuietModules;
        if (draw_) {
            for (int r = 0; r < width; ++r) {
                for (int c = 0; c < width; ++c) {
                    if (dark(r, c)) {
                        cairo_rectangle(cr_, x0 + c * module, y0 + r * module, module, module);
                    }
                }
            }
            cairo_fill(cr_);
        }
        y_ = std::round(y_) + side;
    }

    void font(double size, bool bold) {
        cairo_select_font_face(cr_, kFontFamily, CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, size);
    }

    double advance(const std::string& s) {
        cairo_text_extents_t te;
        cairo_text_extents(cr_, s.c_str(), &te);
        return te.x_advance;
    }

    // Lines of s no wider than maxWidth, broken at spaces; joiner is put between the words of a line.
    std::vector<std::string> wrap(const std::string& s, double maxWidth, const std::string& joiner = " ") {
        std::vector<std::string> lines;
        std::string line;
        std::size_t pos = 0;
        while (pos < s.size()) {
            std::size_t end = s.find(' ', pos);
            if (end == std::string::npos) end = s.size();
            std::string word = s.substr(pos, end - pos);
            pos = end + 1;
            if (word.empty()) continue;
            std::string candidate = line.empty() ? word : line + joiner + word;
            if (advance(candidate) <= maxWidth) {
                line = std::move(candidate);
                continue;
            }
            if (!line.empty()) lines.push_back(std::move(line));
            line.clear();
            // A word wider than the paper is cut between characters.
            for (const std::string& ch : utf8Characters(word)) {
                std::string longer = line + ch;
                if (!line.empty() && advance(longer) > maxWidth) {
                    lines.push_back(std::move(line));
                    line = ch;
                } else {
                    line = std::move(longer);
                }
            }
        }
        if (!line.empty()) lines.push_back(std::move(line));
        return lines;
    }

    cairo_t* cr_;
    bool draw_;
    double pageLimit_;
    double y_ = kTopMargin;
    int pages_ = 1;
};

// The top of a ticket and a receipt alike: the contact point, a rule, and the service or title in bold.
void paintHeading(TicketPainter& p, const std::string& contactPoint, const std::string& title) {
    p.text(contactPoint, kTextSize);
    p.gap(8);
    p.rule();
    p.gap(14);
    p.text(title, kServiceSize, true);
    p.gap(18);
}

// The QR code with its caption under it; nothing without a code. Code: libqrencode's or ours (qr_code.h).
template <typename Code>
void paintQr(TicketPainter& p, const Code* qr, const std::string& caption) {
    if (qr == nullptr) return;
    p.gap(12);
    p.qr(*qr);
    p.text(caption, kTextSize);
}

// The QR code, its caption and the page's address in letters under it; nothing without a code.
template <typename Code>
void paintQr(TicketPainter& p, const Code* qr, const std::string& caption, const std::string& address) {
    paintQr(p, qr, caption);
    if (qr != nullptr) p.address(address, kTextSize);
}

// Top down: the contact point, the service, the number big, when it was made, the place in line and the
// wait, what to do, what to do when the call was missed, and the QR code with the phone page's address.
void paintTicket(TicketPainter& p, const TicketPrintout& t, const QRcode* qr) {
    paintHeading(p, t.contactPoint, t.service);
    p.bigText(t.number);
    p.gap(18);
    if (!t.issuedAt.empty() && !t.labels.issuedAt.empty()) {
        const std::string when = t.issuedDate.empty() ? t.issuedAt : t.issuedDate + " " + t.issuedAt;
        p.text(fmt::format("{}: {}", t.labels.issuedAt, when), kTextSize);
    }
    if (!t.queueLines.empty()) p.gap(12);
    for (const std::string& line : t.queueLines) p.text(line, kTextSize, true);
    if (!t.residentLine.empty()) {
        p.gap(12);
        p.text(t.residentLine, kTextSize);
    }
    if (!t.missedCall.empty()) {
        p.gap(12);
        p.text(t.missedCall, kTextSize);
    }
    paintQr(p, qr, t.labels.qrCaption, t.qrAddress);
    p.gap(kBottomMargin);
}

// "DD-MM-YYYY HH:MM" in Europe/Amsterdam, the municipality's time zone.
std::string localDateTime(TimePoint t) {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    return date::format("%d-%m-%Y %H:%M",
                        date::make_zoned(zone, std::chrono::floor<std::chrono::minutes>(t)));
}

void paintReceipt(TicketPainter& p, const ReceiptPrintout& r, const QrCode* qr) {
    paintHeading(p, r.contactPoint, r.title);
    if (!r.about.empty()) {
        p.text(r.about, kTextSize, true);
        p.gap(18);
    }
    if (!r.reference.empty()) {  // a printed answer of the question tree has no code
        p.text(r.referenceLabel, kTextSize);
        p.gap(6);
        p.bigText(r.reference, kReferenceMaxSize);
        p.gap(24);
    }
    for (const std::string& line : r.lines) {
        p.text(line, kTextSize, false, TicketPainter::Align::Left);
        p.gap(8);
    }
    if (!r.contactLines.empty()) {
        p.gap(6);
        p.rule();
        p.gap(14);
    }
    for (const std::string& line : r.contactLines) {
        p.text(line, kTextSize, false, TicketPainter::Align::Left);
        p.gap(8);
    }
    paintQr(p, qr, r.qrCaption, r.qrAddress);
    if (r.printedAt != TimePoint{}) {
        p.gap(12);
        p.text(r.printedAtLabel.empty() ? localDateTime(r.printedAt)
                                        : fmt::format("{}: {}", r.printedAtLabel, localDateTime(r.printedAt)),
               kTextSize);
    }
    p.gap(kBottomMargin);
}

Result<QrPtr> encodeTicketQr(const std::string& url) {
    if (url.empty()) return QrPtr{};
    errno = 0;
    QrPtr code(QRcode_encodeString(url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) {
        return Status::invalidInput(fmt::format("ticket layout: cannot encode QR URL ({} bytes): {}",
                                                url.size(),
                                                errno == ERANGE ? "too long" : std::strerror(errno)));
    }
    return code;
}

// The receipt's QR (kiosk/core/qr_code.h, as the screens draw it); nullopt without a URL.
Result<std::optional<QrCode>> encodeReceiptQr(const std::string& url) {
    if (url.empty()) return std::optional<QrCode>();
    std::optional<QrCode> code = wp::encodeQr(url);
    if (!code) {
        return Status::invalidInput(
            fmt::format("receipt layout: cannot encode QR URL ({} bytes): too long", url.size()));
    }
    return code;
}

using Paint = std::function<void(TicketPainter&)>;

struct Painted {
    double height = 0;  // of the last page, in dots
    int pages = 1;
};

// Runs the painter on cr; reports the height reached, the pages and cairo's verdict.
Result<Painted> runPainter(cairo_t* cr, const Paint& paint, bool draw,
                           double pageLimit = std::numeric_limits<double>::infinity()) {
    TicketPainter painter(cr, draw, pageLimit);
    paint(painter);
    if (cairo_status_t s = cairo_status(cr); s != CAIRO_STATUS_SUCCESS) return cairoError("drawing", s);
    return Painted{painter.y(), painter.pages()};
}

cairo_status_t appendToVector(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

cairo_status_t discard(void*, const unsigned char*, unsigned int) {
    return CAIRO_STATUS_SUCCESS;
}

constexpr double kPageWidthPt = kTicketPaperWidthMm * kPointsPerMm;
constexpr double kSideMarginPt = (kPageWidthPt - kTicketPrintableDots * kPointsPerDot) / 2;

// A PDF context whose user space is dots of the printable area.
CairoPtr pdfContext(cairo_surface_t* surface) {
    CairoPtr cr(cairo_create(surface));
    cairo_translate(cr.get(), kSideMarginPt, 0);
    cairo_scale(cr.get(), kPointsPerDot, kPointsPerDot);
    return cr;
}

// PDF pages 80 mm wide: one as long as what paint draws (whole millimetres), or pages of paper's fixed
// length with the content broken between lines.
Result<PdfDocument> renderPdf(const std::string& title, const PdfPaper& paper, const Paint& paint) {
    PdfDocument doc;
    const bool fixed = paper.pageLengthMm > 0;
    // A fixed page keeps a top margin's worth of paper under its last line.
    const double pageLimit = fixed ? paper.pageLengthMm * kPointsPerMm / kPointsPerDot - kTopMargin
                                   : std::numeric_limits<double>::infinity();
    if (fixed) {
        doc.pageLengthMm = paper.pageLengthMm;
    } else {
        SurfacePtr measure(cairo_pdf_surface_create_for_stream(discard, nullptr, kPageWidthPt, 100));
        CairoPtr cr = pdfContext(measure.get());
        auto h = runPainter(cr.get(), paint, false);
        if (!h) return h.status();
        doc.pageLengthMm = std::ceil(h->height * kPointsPerDot / kPointsPerMm - 1e-6);
    }

    {
        SurfacePtr surface(cairo_pdf_surface_create_for_stream(appendToVector, &doc.bytes, kPageWidthPt,
                                                               doc.pageLengthMm * kPointsPerMm));
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Wijkpunt");
        CairoPtr cr = pdfContext(surface.get());
        auto h = runPainter(cr.get(), paint, true, pageLimit);
        if (!h) return h.status();
        doc.pages = h->pages;
        cr.reset();
        cairo_surface_finish(surface.get());
        if (cairo_status_t s = cairo_surface_status(surface.get()); s != CAIRO_STATUS_SUCCESS) {
            return cairoError("writing PDF", s);
        }
    }
    return doc;
}

Result<std::vector<std::uint8_t>> bytesOf(Result<PdfDocument> doc) {
    if (!doc) return doc.status();
    return std::move(doc.value().bytes);
}

// kTicketPrintableDots wide, as long as what paint draws.
Result<MonoBitmap> renderRaster(const Paint& paint) {
    int height = 0;
    {
        SurfacePtr measure(cairo_image_surface_create(CAIRO_FORMAT_A8, kTicketPrintableDots, 1));
        CairoPtr cr(cairo_create(measure.get()));
        auto h = runPainter(cr.get(), paint, false);
        if (!h) return h.status();
        height = static_cast<int>(std::ceil(h->height));
    }

    // A8: alpha is ink coverage (0 = paper). Thresholded at one half.
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_A8, kTicketPrintableDots, height));
    if (cairo_status_t s = cairo_surface_status(surface.get()); s != CAIRO_STATUS_SUCCESS) {
        return cairoError("raster surface", s);
    }
    {
        CairoPtr cr(cairo_create(surface.get()));
        auto h = runPainter(cr.get(), paint, true);
        if (!h) return h.status();
    }
    cairo_surface_flush(surface.get());

    MonoBitmap bitmap(kTicketPrintableDots, height);
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int y = 0; y < height; ++y) {
        const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
        for (int x = 0; x < kTicketPrintableDots; ++x) {
            if (row[x] >= 128) bitmap.setBlack(x, y);
        }
    }
    return bitmap;
}

}  // namespace

Result<PdfDocument> renderTicketPdfDocument(const TicketPrintout& ticket, const PdfPaper& paper) {
    auto qr = encodeTicketQr(ticket.qrUrl);
    if (!qr) return qr.status();
    const QRcode* code = qr->get();
    const std::string title = fmt::format("{} {}", ticket.service, ticket.number);
    return renderPdf(title, paper, [&](TicketPainter& p) { paintTicket(p, ticket, code); });
}

Result<std::vector<std::uint8_t>> renderTicketPdf(const TicketPrintout& ticket) {
    return bytesOf(renderTicketPdfDocument(ticket, PdfPaper{}));
}

Result<MonoBitmap> renderTicketRaster(const TicketPrintout& ticket) {
    auto qr = encodeTicketQr(ticket.qrUrl);
    if (!qr) return qr.status();
    const QRcode* code = qr->get();
    return renderRaster([&](TicketPainter& p) { paintTicket(p, ticket, code); });
}

Result<PdfDocument> renderReceiptPdfDocument(const ReceiptPrintout& receipt, const PdfPaper& paper) {
    auto qr = encodeReceiptQr(receipt.qrUrl);
    if (!qr) return qr.status();
    const QrCode* code = qr->has_value() ? &**qr : nullptr;
    const std::string title =
        receipt.reference.empty() ? receipt.title : fmt::format("{} {}", receipt.title, receipt.reference);
    return renderPdf(title, paper, [&](TicketPainter& p) { paintReceipt(p, receipt, code); });
}

Result<std::vector<std::uint8_t>> renderReceiptPdf(const ReceiptPrintout& receipt) {
    return bytesOf(renderReceiptPdfDocument(receipt, PdfPaper{}));
}

Result<MonoBitmap> renderReceiptRaster(const ReceiptPrintout& receipt) {
    auto qr = encodeReceiptQr(receipt.qrUrl);
    if (!qr) return qr.status();
    const QrCode* code = qr->has_value() ? &**qr : nullptr;
    return renderRaster([&](TicketPainter& p) { paintReceipt(p, receipt, code); });
}

}  // namespace wp
