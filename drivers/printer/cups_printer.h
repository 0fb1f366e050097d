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
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "drivers/printer/escpos.h"
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

    // The document that printTicket() would send: PDF bytes or the ESC/POS stream.
    Result<std::vector<std::uint8_t>> renderDocument(const TicketPrintout& ticket) const;
    // The document that printReceipt() would send.
    Result<std::vector<std::uint8_t>> renderDocument(const ReceiptPrintout& receipt) const;

    const CupsPrinterSettings& settings() const { return settings_; }

  private:
    PrintOutcome print(const Result<std::vector<std::uint8_t>>& document, const std::string& title);
    PrintOutcome finish(int jobId, PrintOutcome outcome, std::string message);

    CupsPrinterSettings settings_;
    mutable std::mutex mutex_;
    LastJob last_;
};

}  // namespace wp
