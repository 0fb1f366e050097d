// CupsPrinter: the real Printer. Renders a ticket or a receipt (ticket_layout.h) and prints it through CUPS,
// one of two ways (DESIGN.md: printer; the way and the queue come from settings):
//   pdf     the ticket as a PDF (application/pdf), for driverless/IPP printers; CUPS filters it
//   escpos  the ticket as ESC/POS raster (escpos.h) on a raw queue (application/vnd.cups-raw), for 80 mm
//           thermal receipt printers, for which Debian has no driver
//
// printTicket() first asks the queue (IPP Get-Printer-Attributes): a stopped queue gets no job. It then
// submits the job (Create-Job, Send-Document) and follows it (Get-Job-Attributes) until CUPS says completed,
// canceled or aborted. A job that cannot finish — the queue stops under it (paper out: a backend's
// media-empty and exit 4), the printer reports media-empty or offline for longer than stallGrace, or
// jobTimeout passes — is cancelled, so a stale ticket never comes out after the host fixed the printer.
// Paper (way pdf): the layout makes an 80 mm page as long as the content; the job asks the queue for exactly
// that paper (media and PageSize Custom.80x<length>mm) when the queue's media-size-supported has a custom
// range that holds it, so CUPS (pdftopdf) neither rotates nor scales it. Content longer than the range's
// longest page is cut between lines into pages of that length; on a queue without custom lengths, into pages
// of exactly its default paper's length (choosePdfMedia()). A queue that says nothing of its paper gets the
// one long page (CUPS may then turn and shrink it).
// Outcomes: Ok (completed); PaperOut (media-empty/media-needed); Offline (cupsd unreachable, queue stopped
// or paused, printer offline); Rejected (no such queue, not accepting jobs, document refused, job aborted or
// cancelled by someone else, ticket could not be rendered); RetryLater (CUPS busy or a temporary error, job
// timeout without a known cause).
//
// Thread-safe: each call opens its own connection to CUPS (a local socket connect is cheap), so status()
// may run while printTicket() waits. libcups may write to a closed socket: the process must ignore SIGPIPE
// (the kiosk app does, as it does for libcurl). No cups.h in this header (STYLE.md #6).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "drivers/printer/escpos.h"
#include "drivers/printer/ticket_layout.h"
#include "kiosk/core/printer.h"

namespace wp {

enum class PrintWay { Pdf, EscPos };

// "pdf" or "escpos" (the spelling in settings); nullopt for anything else.
std::optional<PrintWay> parsePrintWay(std::string_view text);
const char* toString(PrintWay way);

struct CupsPrinterSettings {
    PrintWay way = PrintWay::Pdf;
    std::string queue;  // CUPS queue name (lpstat -p)
    // Empty: libcups' default (CUPS_SERVER, client.conf, the local scheduler). "/path/sock": a Unix socket.
    // "host" or "host:port": a CUPS server over the network (port 631 by default).
    std::string server;
    std::chrono::milliseconds jobTimeout{20000};     // submission to completed, at most
    std::chrono::milliseconds stallGrace{3000};      // media-empty/offline on a running job before giving up
    std::chrono::milliseconds connectTimeout{3000};  // also bounds each IPP request
    EscPosOptions escpos;                            // way escpos only
};

// What a queue says about its paper over IPP (media-size-supported, media-col-default), in millimetres.
struct QueueMedia {
    double defaultWidthMm = 0;  // 0: the queue did not say
    double defaultLengthMm = 0;
    struct Range {  // sizes a roll printer takes: any width and length within these bounds
        double minWidthMm = 0, maxWidthMm = 0, minLengthMm = 0, maxLengthMm = 0;
    };
    std::vector<Range> custom;
};

// How a PDF whose roll-paper page is lengthMm long goes to a queue with that media.
struct PdfMediaChoice {
    PdfPaper paper;     // how to render it (pageLengthMm 0: one page as long as the content)
    std::string media;  // the job's media and PageSize, e.g. "Custom.80x412mm"; empty: the queue's default
};
PdfMediaChoice choosePdfMedia(const QueueMedia& queue, double lengthMm);

class CupsPrinter final : public Printer {
  public:
    explicit CupsPrinter(CupsPrinterSettings settings);

    PrintOutcome printTicket(const TicketPrintout& ticket) override;
    // Exactly as printTicket(), with the receipt layout; the job is titled "Receipt <reference>".
    PrintOutcome printReceipt(const ReceiptPrintout& receipt) override;
    PrinterStatus status() override;

    // The last printTicket() or printReceipt() as the host console and the log show it. jobId 0: no job
    // was made.
    struct LastJob {
        int jobId = 0;
        PrintOutcome outcome = PrintOutcome::Ok;
        std::string message;  // empty when Ok
    };
    LastJob lastJob() const;

    // The document that printTicket() would send: the ESC/POS stream, or the PDF on roll paper (one page as
    // long as the ticket; on a queue without custom lengths printTicket() sends pages of its paper instead).
    Result<std::vector<std::uint8_t>> renderDocument(const TicketPrintout& ticket) const;
    // The document that printReceipt() would send.
    Result<std::vector<std::uint8_t>> renderDocument(const ReceiptPrintout& receipt) const;

    const CupsPrinterSettings& settings() const { return settings_; }

    // The queue's paper as it tells it over IPP (empty when it says nothing usable).
    Result<QueueMedia> queueMedia() const;

  private:
    struct Prepared {
        std::vector<std::uint8_t> bytes;
        std::string media;  // empty: no media option
    };
    using Prepare = std::function<Result<Prepared>(const QueueMedia&)>;
    PrintOutcome print(const Prepare& prepare, const std::string& title);
    // How a ticket or a receipt becomes the bytes for this queue (defined in the .cpp, used only there).
    template <typename Printout>
    Prepare preparing(const Printout& printout) const;
    PrintOutcome finish(int jobId, PrintOutcome outcome, std::string message);

    CupsPrinterSettings settings_;
    mutable std::mutex mutex_;
    LastJob last_;
};

}  // namespace wp
