#include "drivers/printer/cups_printer.h"

#include <cups/cups.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <thread>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "drivers/printer/ticket_layout.h"

namespace wp {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

struct HttpCloser {
    void operator()(http_t* h) const { httpClose(h); }
};
using HttpPtr = std::unique_ptr<http_t, HttpCloser>;

struct IppDeleter {
    void operator()(ipp_t* i) const { ippDelete(i); }
};
using IppPtr = std::unique_ptr<ipp_t, IppDeleter>;

// What CUPS told us, and what the caller should make of it.
struct Failure {
    PrintOutcome outcome;
    std::string message;
};

struct Connection {
    HttpPtr http;
    std::string where;  // for messages: the socket path or host:port
};

Result<Connection> connectToCups(const CupsPrinterSettings& settings) {
    std::string host = settings.server.empty() ? std::string(cupsServer()) : settings.server;
    int port = ippPort();
    // "host:port" (a socket path or a bracketed IPv6 address keeps its colons).
    if (!host.empty() && host[0] != '/' && host.find(']') == std::string::npos) {
        if (auto colon = host.rfind(':'); colon != std::string::npos) {
            port = std::atoi(host.c_str() + colon + 1);
            host.resize(colon);
        }
    }
    const int msec = static_cast<int>(settings.connectTimeout.count());
    http_t* http = httpConnect2(host.c_str(), port, nullptr, AF_UNSPEC, cupsEncryption(), 1, msec, nullptr);
    std::string where = !host.empty() && host[0] == '/' ? host : fmt::format("{}:{}", host, port);
    if (http == nullptr) {
        return Status::unavailable(
            fmt::format("cannot connect to CUPS at {}: {}", where, cupsLastErrorString()));
    }
    httpSetTimeout(http, std::max(1.0, msec / 1000.0), nullptr, nullptr);
    return Connection{HttpPtr(http), std::move(where)};
}

std::string printerUri(const std::string& queue) {
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof(uri), "ipp", nullptr, "localhost", ippPort(),
                     "/printers/%s", queue.c_str());
    return uri;
}

// "media-empty-error" -> "media-empty"; "none" -> "".
std::string normalizeReason(std::string r) {
    for (std::string_view suffix : {"-error", "-warning", "-report"}) {
        if (r.size() > suffix.size() && r.compare(r.size() - suffix.size(), suffix.size(), suffix) == 0) {
            r.resize(r.size() - suffix.size());
            break;
        }
    }
    return r == "none" ? std::string() : r;
}

PrintOutcome outcomeForIpp(ipp_status_t st) {
    switch (st) {
        case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE:
        case IPP_STATUS_ERROR_DEVICE:
        case IPP_STATUS_ERROR_PRINTER_IS_DEACTIVATED:
        case IPP_STATUS_ERROR_CUPS_PKI:
        case IPP_STATUS_ERROR_CUPS_UPGRADE_REQUIRED:
            return PrintOutcome::Offline;
        case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
        case IPP_STATUS_ERROR_JOB_CANCELED:
        case IPP_STATUS_ERROR_OPERATION_NOT_SUPPORTED:
        case IPP_STATUS_ERROR_VERSION_NOT_SUPPORTED:
        case IPP_STATUS_ERROR_CUPS_AUTHENTICATION_CANCELED:
            return PrintOutcome::Rejected;
        case IPP_STATUS_ERROR_TIMEOUT:
            return PrintOutcome::RetryLater;
        default:
            // Other client errors (0x04xx) will fail again; other server errors may pass.
            return st >= IPP_STATUS_ERROR_INTERNAL ? PrintOutcome::RetryLater : PrintOutcome::Rejected;
    }
}

Failure ippFailure(const char* what) {
    return {outcomeForIpp(cupsLastError()),
            fmt::format("{}: {} ({})", what, cupsLastErrorString(), ippErrorString(cupsLastError()))};
}

void addUser(ipp_t* request) {
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
}

// IPP Get-Printer-Attributes for the named attributes; null when no answer came (cupsLastError says why).
template <std::size_t N>
IppPtr getPrinterAttributes(http_t* http, const std::string& queue, const char* const (&attrs)[N]) {
    ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, printerUri(queue).c_str());
    addUser(request);
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", static_cast<int>(N),
                  nullptr, attrs);
    return IppPtr(cupsDoRequest(http, request, "/"));
}

// IPP Get-Printer-Attributes. The printer's own view; a failure of the request itself is a Failure.
Result<PrinterStatus> queryPrinter(http_t* http, const std::string& queue, Failure* failure) {
    static const char* const kAttrs[] = {"printer-state", "printer-state-reasons", "printer-state-message",
                                         "printer-is-accepting-jobs"};
    IppPtr response = getPrinterAttributes(http, queue, kAttrs);
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
        *failure = cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND
                       ? Failure{PrintOutcome::Rejected, fmt::format("no CUPS queue named '{}'", queue)}
                       : ippFailure("asking the printer");
        return Status::unavailable(failure->message);
    }

    PrinterStatus s;
    if (ipp_attribute_t* a = ippFindAttribute(response.get(), "printer-state", IPP_TAG_ENUM)) {
        switch (ippGetInteger(a, 0)) {
            case IPP_PSTATE_IDLE:
                s.state = PrinterStatus::State::Idle;
                break;
            case IPP_PSTATE_PROCESSING:
                s.state = PrinterStatus::State::Printing;
                break;
            case IPP_PSTATE_STOPPED:
                s.state = PrinterStatus::State::Stopped;
                break;
            default:
                break;
        }
    }
    if (ipp_attribute_t* a = ippFindAttribute(response.get(), "printer-state-reasons", IPP_TAG_KEYWORD)) {
        for (int i = 0; i < ippGetCount(a); ++i) {
            std::string r = normalizeReason(ippGetString(a, i, nullptr));
            if (!r.empty() && !s.has(r)) s.reasons.push_back(std::move(r));
        }
    }
    if (ipp_attribute_t* a = ippFindAttribute(response.get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN)) {
        s.acceptingJobs = ippGetBoolean(a, 0) != 0;
    }
    std::string cupsMessage;
    if (ipp_attribute_t* a = ippFindAttribute(response.get(), "printer-state-message", IPP_TAG_TEXT)) {
        if (const char* m = ippGetString(a, 0, nullptr)) cupsMessage = m;
    }

    // One line for the host console: "wp-escpos: stopped (media-empty) - Out of paper".
    s.message = fmt::format("{}: {}", queue, toString(s.state));
    if (!s.reasons.empty()) s.message += fmt::format(" ({})", fmt::join(s.reasons, ", "));
    if (!s.acceptingJobs) s.message += ", not accepting jobs";
    if (!cupsMessage.empty()) s.message += " - " + cupsMessage;
    return s;
}

// media-size-supported and media-col-default. Sizes are in hundredths of millimetres; a custom range comes
// as rangeOfInteger dimensions.
Result<QueueMedia> queryMedia(http_t* http, const std::string& queue) {
    static const char* const kAttrs[] = {"media-size-supported", "media-col-default"};
    IppPtr response = getPrinterAttributes(http, queue, kAttrs);
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
        return Status::unavailable(ippFailure("asking the printer for its paper").message);
    }
    // One dimension as [lower, upper] in mm; false when missing.
    auto dimension = [](ipp_t* size, const char* name, double* lower, double* upper) {
        ipp_attribute_t* a = ippFindAttribute(size, name, IPP_TAG_ZERO);
        if (a == nullptr) return false;
        if (ippGetValueTag(a) == IPP_TAG_RANGE) {
            int hi = 0;
            *lower = ippGetRange(a, 0, &hi) / 100.0;
            *upper = hi / 100.0;
            return true;
        }
        if (ippGetValueTag(a) != IPP_TAG_INTEGER) return false;
        *lower = *upper = ippGetInteger(a, 0) / 100.0;
        return true;
    };

    QueueMedia media;
    ipp_t* r = response.get();
    if (ipp_attribute_t* a = ippFindAttribute(r, "media-size-supported", IPP_TAG_BEGIN_COLLECTION)) {
        for (int i = 0; i < ippGetCount(a); ++i) {
            ipp_t* size = ippGetCollection(a, i);
            QueueMedia::Range r;
            if (!dimension(size, "x-dimension", &r.minWidthMm, &r.maxWidthMm) ||
                !dimension(size, "y-dimension", &r.minLengthMm, &r.maxLengthMm)) {
                continue;
            }
            if (r.minLengthMm < r.maxLengthMm) media.custom.push_back(r);
        }
    }
    ipp_attribute_t* col = ippFindAttribute(r, "media-col-default", IPP_TAG_BEGIN_COLLECTION);
    ipp_attribute_t* size =
        col ? ippFindAttribute(ippGetCollection(col, 0), "media-size", IPP_TAG_BEGIN_COLLECTION) : nullptr;
    if (size != nullptr) {
        double hi = 0;
        if (!dimension(ippGetCollection(size, 0), "x-dimension", &media.defaultWidthMm, &hi) ||
            !dimension(ippGetCollection(size, 0), "y-dimension", &media.defaultLengthMm, &hi)) {
            media.defaultWidthMm = media.defaultLengthMm = 0;
        }
    }
    return media;
}

struct JobState {
    ipp_jstate_t state = IPP_JSTATE_PENDING;
    std::string message;  // job-printer-state-message
};

Result<JobState> queryJob(http_t* http, int jobId, Failure* failure) {
    static const char* const kAttrs[] = {"job-state", "job-printer-state-message"};
    ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr,
                 fmt::format("ipp://localhost/jobs/{}", jobId).c_str());
    addUser(request);
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  static_cast<int>(std::size(kAttrs)), nullptr, kAttrs);
    IppPtr response(cupsDoRequest(http, request, "/jobs/"));
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
        *failure = ippFailure(fmt::format("following job {}", jobId).c_str());
        return Status::unavailable(failure->message);
    }
    JobState j;
    if (ipp_attribute_t* a = ippFindAttribute(response.get(), "job-state", IPP_TAG_ENUM)) {
        j.state = static_cast<ipp_jstate_t>(ippGetInteger(a, 0));
    }
    if (ipp_attribute_t* a = ippFindAttribute(response.get(), "job-printer-state-message", IPP_TAG_TEXT)) {
        if (const char* m = ippGetString(a, 0, nullptr)) j.message = m;
    }
    return j;
}

// Why a printer in this state cannot take or finish a job; nullopt when it can.
std::optional<Failure> printerTrouble(const PrinterStatus& p) {
    if (p.paperOut()) return Failure{PrintOutcome::PaperOut, "out of paper: " + p.message};
    if (p.state == PrinterStatus::State::Stopped || p.has("offline")) {
        return Failure{PrintOutcome::Offline, "printer not available: " + p.message};
    }
    return std::nullopt;
}

// "Custom.80x412mm"; lengths that are not whole millimetres keep two decimals.
std::string customMedia(double lengthMm) {
    return fmt::format("Custom.{:g}x{:g}mm", kTicketPaperWidthMm, std::round(lengthMm * 100) / 100);
}

}  // namespace

PdfMediaChoice choosePdfMedia(const QueueMedia& queue, double lengthMm) {
    constexpr double kSlackMm = 0.1;  // the queue's sizes are rounded to hundredths of a millimetre
    for (const QueueMedia::Range& r : queue.custom) {
        if (kTicketPaperWidthMm < r.minWidthMm - kSlackMm || kTicketPaperWidthMm > r.maxWidthMm + kSlackMm) {
            continue;
        }
        // Roll paper: as long as the content, within what the printer can cut.
        if (lengthMm < r.minLengthMm) return {PdfPaper{r.minLengthMm}, customMedia(r.minLengthMm)};
        if (lengthMm <= r.maxLengthMm) return {PdfPaper{}, customMedia(lengthMm)};
        const double longest = std::floor(r.maxLengthMm);
        return {PdfPaper{longest}, customMedia(longest)};
    }
    // Fixed paper: pages of exactly its length. A page longer than the paper, or one wider than long (a short
    // answer), is what CUPS would turn sideways and shrink to fit.
    if (queue.defaultLengthMm > 0) return {PdfPaper{queue.defaultLengthMm}, ""};
    return {PdfPaper{}, ""};
}

std::optional<PrintWay> parsePrintWay(std::string_view text) {
    if (text == "pdf") return PrintWay::Pdf;
    if (text == "escpos") return PrintWay::EscPos;
    return std::nullopt;
}

const char* toString(PrintWay way) {
    return way == PrintWay::Pdf ? "pdf" : "escpos";
}

CupsPrinter::CupsPrinter(CupsPrinterSettings settings) : settings_(std::move(settings)) {}

Result<std::vector<std::uint8_t>> CupsPrinter::renderDocument(const TicketPrintout& ticket) const {
    if (settings_.way == PrintWay::Pdf) return renderTicketPdf(ticket);
    auto raster = renderTicketRaster(ticket);
    if (!raster) return raster.status();
    return encodeEscPos(raster.value(), settings_.escpos);
}

CupsPrinter::LastJob CupsPrinter::lastJob() const {
    std::lock_guard lock(mutex_);
    return last_;
}

PrintOutcome CupsPrinter::finish(int jobId, PrintOutcome outcome, std::string message) {
    std::lock_guard lock(mutex_);
    last_ = {jobId, outcome, std::move(message)};
    return outcome;
}

PrinterStatus CupsPrinter::status() {
    PrinterStatus unknown;
    auto conn = connectToCups(settings_);
    if (!conn) {
        unknown.message = conn.status().message();
        return unknown;
    }
    Failure failure{};
    auto s = queryPrinter(conn->http.get(), settings_.queue, &failure);
    if (!s) {
        unknown.message = failure.message;
        return unknown;
    }
    return std::move(s).value();
}

Result<std::vector<std::uint8_t>> CupsPrinter::renderDocument(const ReceiptPrintout& receipt) const {
    if (settings_.way == PrintWay::Pdf) return renderReceiptPdf(receipt);
    auto raster = renderReceiptRaster(receipt);
    if (!raster) return raster.status();
    return encodeEscPos(raster.value(), settings_.escpos);
}

Result<QueueMedia> CupsPrinter::queueMedia() const {
    auto conn = connectToCups(settings_);
    if (!conn) return conn.status();
    return queryMedia(conn->http.get(), settings_.queue);
}

namespace {

// The way-pdf document for a queue: rendered on roll paper first to learn its length, then again in pages
// when the queue wants that (choosePdfMedia()).
template <typename Printout>
Result<std::vector<std::uint8_t>> renderPdfFor(const Printout& printout, const QueueMedia& queue,
                                               std::string* media) {
    auto render = [&](const PdfPaper& paper) {
        if constexpr (std::is_same_v<Printout, TicketPrintout>) {
            return renderTicketPdfDocument(printout, paper);
        } else {
            return renderReceiptPdfDocument(printout, paper);
        }
    };
    auto roll = render(PdfPaper{});
    if (!roll) return roll.status();
    PdfMediaChoice choice = choosePdfMedia(queue, roll->pageLengthMm);
    *media = choice.media;
    if (choice.paper.pageLengthMm <= 0) return std::move(roll->bytes);
    auto paged = render(choice.paper);
    if (!paged) return paged.status();
    return std::move(paged->bytes);
}

}  // namespace

// ESC/POS: the raster as it is. PDF: a page as long as the content on a roll, or pages of the queue's
// length (renderPdfFor), with the media option that keeps CUPS from turning or shrinking it.
template <typename Printout>
CupsPrinter::Prepare CupsPrinter::preparing(const Printout& printout) const {
    return [this, &printout](const QueueMedia& queue) -> Result<Prepared> {
        Prepared p;
        if (settings_.way != PrintWay::Pdf) {
            auto doc = renderDocument(printout);
            if (!doc) return doc.status();
            p.bytes = std::move(doc).value();
            return p;
        }
        auto pdf = renderPdfFor(printout, queue, &p.media);
        if (!pdf) return pdf.status();
        p.bytes = std::move(pdf).value();
        return p;
    };
}

PrintOutcome CupsPrinter::printTicket(const TicketPrintout& ticket) {
    return print(preparing(ticket), fmt::format("Ticket {}", ticket.number));
}

PrintOutcome CupsPrinter::printReceipt(const ReceiptPrintout& receipt) {
    // The job title shows in lpstat and the CUPS log: the reference code only, nothing personal.
    return print(preparing(receipt), fmt::format("Receipt {}", receipt.reference));
}

PrintOutcome CupsPrinter::print(const Prepare& prepare, const std::string& title) {
    auto conn = connectToCups(settings_);
    if (!conn) return finish(0, PrintOutcome::Offline, conn.status().message());
    http_t* http = conn->http.get();
    const char* queue = settings_.queue.c_str();

    // A stopped or refusing queue gets no job: it would print when someone restarts the queue, long after
    // the resident has gone. Reasons alone do not stop us: a media-empty may outlive the paper-out it
    // reported (cleared only by the next backend run), so a running queue gets the job and the follow loop
    // decides.
    Failure failure{};
    auto before = queryPrinter(http, settings_.queue, &failure);
    if (!before) return finish(0, failure.outcome, failure.message);
    if (!before->acceptingJobs)
        return finish(0, PrintOutcome::Rejected, "not accepting jobs: " + before->message);
    if (before->state == PrinterStatus::State::Stopped) {
        auto trouble = printerTrouble(before.value());
        return finish(0, trouble->outcome, trouble->message);
    }

    // The document, on the queue's paper (way pdf). A queue that will not say what paper it has gets the
    // roll-paper page, as it always did.
    QueueMedia media;
    if (settings_.way == PrintWay::Pdf) {
        if (auto m = queryMedia(http, settings_.queue); m) media = std::move(m).value();
    }
    auto document = prepare(media);
    if (!document) return finish(0, PrintOutcome::Rejected, document.status().message());

    // Submit: Create-Job, then Send-Document with the bytes. The paper goes as both the IPP media and the
    // PPD's PageSize: cupsd turns media into whole points for a PPD queue, PageSize keeps the millimetres.
    cups_option_t* options = nullptr;
    int optionCount = 0;
    if (!document->media.empty()) {
        optionCount = cupsAddOption("media", document->media.c_str(), optionCount, &options);
        optionCount = cupsAddOption("PageSize", document->media.c_str(), optionCount, &options);
    }
    const int jobId = cupsCreateJob(http, queue, title.c_str(), optionCount, options);
    cupsFreeOptions(optionCount, options);
    if (jobId == 0) {
        Failure f = ippFailure("creating the job");
        return finish(0, f.outcome, f.message);
    }
    const char* format = settings_.way == PrintWay::Pdf ? CUPS_FORMAT_PDF : CUPS_FORMAT_RAW;
    auto withdraw = [&](Failure f) {
        cupsCancelJob2(http, queue, jobId, 0);
        return finish(jobId, f.outcome, f.message);
    };
    if (cupsStartDocument(http, queue, jobId, title.c_str(), format, 1) != HTTP_STATUS_CONTINUE) {
        return withdraw(ippFailure("starting the document"));
    }
    const auto& bytes = document->bytes;
    if (cupsWriteRequestData(http, reinterpret_cast<const char*>(bytes.data()), bytes.size()) !=
        HTTP_STATUS_CONTINUE) {
        Failure f = ippFailure("sending the document");
        cupsFinishDocument(http, queue);
        return withdraw(f);
    }
    if (cupsFinishDocument(http, queue) > IPP_STATUS_OK_CONFLICTING)
        return withdraw(ippFailure("sending the document"));

    // Follow the job. Short polls: a ticket usually completes within tens of milliseconds, and a poll is two
    // small IPP requests on a local socket.
    const auto deadline = Clock::now() + settings_.jobTimeout;
    Clock::time_point troubleSince{};  // valid while inTrouble
    bool inTrouble = false;
    milliseconds pause{2};
    for (;;) {
        auto job = queryJob(http, jobId, &failure);
        if (!job) return withdraw(failure);
        switch (job->state) {
            case IPP_JSTATE_COMPLETED:
                return finish(jobId, PrintOutcome::Ok, "");
            case IPP_JSTATE_CANCELED:
                return finish(jobId, PrintOutcome::Rejected, fmt::format("job {} was cancelled", jobId));
            case IPP_JSTATE_ABORTED: {
                Failure f{PrintOutcome::Rejected, fmt::format("job {} aborted: {}", jobId, job->message)};
                auto p = queryPrinter(http, settings_.queue, &failure);
                if (p && p->paperOut()) f.outcome = PrintOutcome::PaperOut;
                return finish(jobId, f.outcome, f.message);
            }
            case IPP_JSTATE_HELD:
                return withdraw({PrintOutcome::Rejected, fmt::format("job {} is held", jobId)});
            default:
                break;
        }

        auto printer = queryPrinter(http, settings_.queue, &failure);
        if (!printer) return withdraw(failure);
        auto trouble = printerTrouble(printer.value());
        const auto now = Clock::now();
        if (trouble) {
            // A stopped queue will not go on by itself; media-empty or offline on a running queue may pass.
            if (printer->state == PrinterStatus::State::Stopped) return withdraw(*trouble);
            if (!inTrouble) troubleSince = now;
            inTrouble = true;
            if (now - troubleSince >= settings_.stallGrace) return withdraw(*trouble);
        } else {
            inTrouble = false;
        }
        if (now >= deadline) {
            return withdraw(trouble ? *trouble
                                    : Failure{PrintOutcome::RetryLater,
                                              fmt::format("job {} not completed after {} ms: {}", jobId,
                                                          settings_.jobTimeout.count(), printer->message)});
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, milliseconds(10));
    }
}

}  // namespace wp
