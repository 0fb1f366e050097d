#include "kiosk/core/status_lookup.h"

#include <vector>

#include "common/reference_code.h"

namespace wp {

std::optional<std::string> referenceFromTyped(std::string_view typed) {
    // A receipt's QR opens {public_url}/status/{reference}?lang=..; a scanner types the whole address.
    if (size_t at = typed.find("/status/"); at != std::string_view::npos) {
        typed.remove_prefix(at + 8);
        if (size_t end = typed.find_first_of("?#/"); end != std::string_view::npos)
            typed = typed.substr(0, end);
    }
    std::string compact;
    for (char c : normalizeReferenceCode(typed))
        if (c != '-') compact += c;
    // Letters (3), kiosk (2), the random part (8, or 6 for a code issued with six) and the check character.
    const size_t letters = 3, kiosk = 2;
    if (compact.size() < letters + kiosk + 1) return std::nullopt;
    const size_t randomLength = compact.size() - letters - kiosk - 1;
    if (randomLength != kReferenceRandomLength && randomLength != kShortReferenceRandomLength)
        return std::nullopt;
    std::string code = compact.substr(0, letters) + "-" + compact.substr(letters, kiosk) + "-" +
                       compact.substr(letters + kiosk, randomLength) + "-" + compact.back();
    if (!verifyReferenceCode(code)) return std::nullopt;
    return code;
}

std::string referencePrefix(std::string_view letters, std::string_view kioskCode) {
    return std::string(letters) + std::string(kioskCode);
}

std::optional<std::string> referenceFromField(std::string_view field, std::string_view prefix) {
    if (auto code = referenceFromTyped(field)) return code;
    if (prefix.empty() || !field.starts_with(prefix)) return std::nullopt;
    return referenceFromTyped(field.substr(prefix.size()));
}

namespace {

// The groups of a code: letters, kiosk, the random part in two halves (four and four, or three and three
// for a code issued with six), the check character; empty when code is not one.
std::vector<std::string> referenceGroups(std::string_view code) {
    std::optional<ReferenceCodeParts> parts = parseReferenceCode(code);
    if (!parts) return {};
    std::vector<std::string> groups{parts->letters, parts->kiosk};
    const std::size_t half = parts->random.size() / 2;
    for (std::size_t i = 0; i < parts->random.size(); i += half)
        groups.push_back(parts->random.substr(i, half));
    groups.emplace_back(1, parts->check);
    return groups;
}

}  // namespace

std::string groupedReferenceCode(std::string_view code) {
    const std::vector<std::string> groups = referenceGroups(code);
    if (groups.empty()) return std::string(code);
    std::string out = groups[0] + "-" + groups[1] + " \u00b7";
    for (std::size_t i = 2; i < groups.size(); ++i) out += " " + groups[i];
    return out;
}

std::string spokenReferenceCode(std::string_view code) {
    std::vector<std::string> groups = referenceGroups(code);
    if (groups.empty()) groups.emplace_back(code);
    std::string out;
    for (const std::string& g : groups) {
        if (!out.empty()) out += ", ";
        for (std::size_t i = 0; i < g.size(); ++i) {
            if (i > 0) out += ' ';
            out += g[i];
        }
    }
    return out;
}

StatusLookup::StatusLookup(std::unique_ptr<HttpClient> client, Wake wake)
    : client_(std::move(client)), wake_(std::move(wake)), worker_([this] { run(); }) {}

StatusLookup::~StatusLookup() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    worker_.join();
}

void StatusLookup::start(const std::string& code) {
    {
        std::lock_guard lock(mutex_);
        ++generation_;
        wanted_ = code;
        done_.reset();
    }
    cv_.notify_all();
    state_ = State::Busy;
    view_ = {};
}

namespace {

void wipeView(RequestStatusView& view) {
    wipeString(view.reference);
    wipeString(view.publicNote);
    wipeString(view.coach);
    view = {};
}

}  // namespace

void StatusLookup::wipe() {
    {
        std::lock_guard lock(mutex_);
        ++generation_;
        if (wanted_) wipeString(*wanted_);
        wanted_.reset();
        if (done_) wipeView(done_->view);
        done_.reset();
    }
    state_ = State::Idle;
    wipeView(view_);
}

bool StatusLookup::holdsNothing() const {
    std::lock_guard lock(mutex_);
    return state_ == State::Idle && view_.reference.empty() && view_.publicNote.empty() &&
           view_.coach.empty() && !wanted_ && !done_;
}

bool StatusLookup::collect() {
    std::optional<Outcome> outcome;
    {
        std::lock_guard lock(mutex_);
        if (done_ && done_->generation == generation_) outcome = std::move(done_);
        done_.reset();
    }
    if (!outcome || state_ != State::Busy) return false;
    state_ = outcome->state;
    view_ = std::move(outcome->view);
    return true;
}

StatusLookup::Outcome StatusLookup::lookUp(const std::string& code, std::uint64_t generation) {
    Outcome out;
    out.generation = generation;
    HttpRequest request;
    request.method = "GET";
    request.path = "/v1/requests/" + code;
    HttpResult result = client_->send(request);
    if (!result.answered() || result.status >= 500) {
        out.state = State::Unreachable;
    } else if (result.status == 200) {
        auto view = decodeStatusView(result.body);
        if (view.ok()) {
            out.state = State::Found;
            out.view = std::move(view).value();
        } else {
            out.state = State::Unreachable;  // an answer we cannot read helps nobody
        }
    } else if (result.status == 429) {
        out.state = State::TooMany;
    } else if (result.status == 404 || result.status == 400) {
        out.state = State::NotFound;
    } else {
        out.state = State::Unreachable;
    }
    return out;
}

void StatusLookup::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        cv_.wait(lock, [&] { return stopping_ || wanted_.has_value(); });
        if (stopping_) return;
        std::string code = std::move(*wanted_);
        wanted_.reset();
        const std::uint64_t generation = generation_;
        lock.unlock();
        Outcome outcome = lookUp(code, generation);
        // The code is wiped from this thread's copy as soon as it is no longer needed.
        for (char& c : code) c = '\0';
        lock.lock();
        if (outcome.generation == generation_) done_ = std::move(outcome);
        lock.unlock();
        if (wake_) wake_();
        lock.lock();
    }
}

}  // namespace wp
