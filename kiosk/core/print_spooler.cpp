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
        for (auto& [job, printout] : jobs_)
            if (auto* receipt = std::get_if<ReceiptPrintout>(&printout)) wipeReceipt(*receipt);
        jobs_.clear();
    }
    cv_.notify_all();
    worker_.join();
}

void PrintSpooler::wipe() {
    std::lock_guard lock(mutex_);
    std::erase_if(jobs_, [](auto& queued) {
        auto* receipt = std::get_if<ReceiptPrintout>(&queued.second);
        if (receipt != nullptr) wipeReceipt(*receipt);
        return receipt != nullptr;
    });
}

bool PrintSpooler::holdsNothing() const {
    std::lock_guard lock(mutex_);
    return std::none_of(jobs_.begin(), jobs_.end(), [](const auto& queued) {
        return std::holds_alternative<ReceiptPrintout>(queued.second);
    });
}

std::uint64_t PrintSpooler::submit(TicketPrintout ticket) {
    return enqueue(std::move(ticket));
}

std::uint64_t PrintSpooler::submitReceipt(ReceiptPrintout receipt) {
    return enqueue(std::move(receipt));
}

std::uint64_t PrintSpooler::enqueue(Job printout) {
    std::uint64_t job;
    {
        std::lock_guard lock(mutex_);
        job = nextJob_++;
        jobs_.emplace_back(job, std::move(printout));
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
            auto [job, printout] = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            const JobKind kind =
                std::holds_alternative<ReceiptPrintout>(printout) ? JobKind::Receipt : JobKind::Ticket;
            PrintOutcome outcome = kind == JobKind::Receipt
                                       ? printer_.printReceipt(std::get<ReceiptPrintout>(printout))
                                       : printer_.printTicket(std::get<TicketPrintout>(printout));
            if (auto* receipt = std::get_if<ReceiptPrintout>(&printout)) wipeReceipt(*receipt);
            lock.lock();
            done_.push_back({job, outcome, kind});
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
