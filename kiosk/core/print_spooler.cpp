#include "kiosk/core/print_spooler.h"

#include <algorithm>

namespace wp {

namespace {

void wipeReceipt(ReceiptPrintout& r) {
    for (std::string* s : {&r.contactPoint, &r.title, &r.referenceLabel, &r.reference, &r.qrUrl, &r.qrCaption,
                           &r.printedAtLabel})
        wipeString(*s);
    for (std::string& line : r.lines) wipeString(line);
    r = {};
}

}  // namespace

PrintSpooler::PrintSpooler(Printer& printer, Wake wake)
    : printer_(printer), wake_(std::move(wake)), worker_([this] { run(); }) {}

PrintSpooler::~PrintSpooler() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        for (Job& queued : jobs_)
            if (auto* receipt = std::get_if<ReceiptPrintout>(&queued.printout)) wipeReceipt(*receipt);
        jobs_.clear();
    }
    cv_.notify_all();
    worker_.join();
}

void PrintSpooler::wipe() {
    std::lock_guard lock(mutex_);
    std::erase_if(jobs_, [](Job& queued) {
        auto* receipt = std::get_if<ReceiptPrintout>(&queued.printout);
        if (receipt != nullptr) wipeReceipt(*receipt);
        return receipt != nullptr;
    });
}

bool PrintSpooler::holdsNothing() const {
    std::lock_guard lock(mutex_);
    return std::none_of(jobs_.begin(), jobs_.end(), [](const Job& queued) {
        return std::holds_alternative<ReceiptPrintout>(queued.printout);
    });
}

std::uint64_t PrintSpooler::submit(TicketPrintout ticket) {
    return enqueue(JobKind::Ticket, std::move(ticket));
}

std::uint64_t PrintSpooler::submitReceipt(ReceiptPrintout receipt, JobKind kind) {
    return enqueue(kind == JobKind::Ticket ? JobKind::Receipt : kind, std::move(receipt));
}

std::uint64_t PrintSpooler::enqueue(JobKind kind, Printout printout) {
    std::uint64_t job;
    {
        std::lock_guard lock(mutex_);
        job = nextJob_++;
        jobs_.push_back({job, kind, std::move(printout)});
    }
    cv_.notify_all();
    return job;
}

std::vector<PrintSpooler::Done> PrintSpooler::takeResults() {
    std::lock_guard lock(mutex_);
    return std::exchange(done_, {});
}

std::vector<PrintSpooler::Done> PrintSpooler::takeResults(JobKind kind) {
    std::lock_guard lock(mutex_);
    std::vector<Done> taken;
    auto keep =
        std::stable_partition(done_.begin(), done_.end(), [&](const Done& d) { return d.kind != kind; });
    taken.assign(keep, done_.end());
    done_.erase(keep, done_.end());
    return taken;
}

void PrintSpooler::requestStatus() {
    {
        std::lock_guard lock(mutex_);
        statusWanted_ = true;
    }
    cv_.notify_all();
}

PrinterStatus PrintSpooler::lastStatus() const {
    std::lock_guard lock(mutex_);
    return status_;
}

bool PrintSpooler::hasStatus() const {
    std::lock_guard lock(mutex_);
    return haveStatus_;
}

void PrintSpooler::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        cv_.wait(lock, [&] { return stopping_ || !jobs_.empty() || statusWanted_; });
        if (stopping_) return;
        if (!jobs_.empty()) {
            Job job = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            auto* receipt = std::get_if<ReceiptPrintout>(&job.printout);
            PrintOutcome outcome = receipt != nullptr
                                       ? printer_.printReceipt(*receipt)
                                       : printer_.printTicket(std::get<TicketPrintout>(job.printout));
            if (receipt != nullptr) wipeReceipt(*receipt);
            lock.lock();
            done_.push_back({job.number, outcome, job.kind});
            statusWanted_ = true;  // a job tells us something about the printer: read it again
        }
        if (statusWanted_ && jobs_.empty()) {
            statusWanted_ = false;
            lock.unlock();
            PrinterStatus status = printer_.status();
            lock.lock();
            status_ = std::move(status);
            haveStatus_ = true;
        }
        lock.unlock();
        if (wake_) wake_();
        lock.lock();
    }
}

}  // namespace wp
