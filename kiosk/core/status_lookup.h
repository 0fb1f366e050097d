// StatusLookup: "Status van mijn vraag" — looks a reference code up at the central server
// (GET /v1/requests/{reference}, central/openapi.yaml) on a worker thread, so the screen never waits for
// the network, and keeps the answer for the screen to show.
//
// The UI thread calls start(), collect() (each frame, or after `wake`), state(), view() and wipe(); the
// worker owns the HttpClient (one client per thread, kiosk/core/net/http_client.h). A lookup that wipe()
// or a newer start() made obsolete is dropped when it finishes.
//
// It is a personal-data holder: wipe() (the session's wipe, and the status screen's "Andere code") forgets
// the code waiting for the worker, an answer not yet collected and the answer shown. The worker's own copy
// of a code under way lives until the server answers and is then overwritten; its answer is dropped. Not an
// error: a code the server does not know (NotFound), too many lookups (TooMany), a server that cannot be
// reached or answers nonsense (Unreachable) — each is a state the screen explains in plain words.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "common/request.h"
#include "kiosk/core/net/http_client.h"
#include "kiosk/core/personal_data.h"

namespace wp {

// What a resident typed or scanned, as a well-formed reference code with its dashes ("sgn k27kq4xd9m3" ->
// "SGN-K2-7KQ4XD9M-3"; a code issued with six random characters, "sgnk27kq4xd3", works the same), or
// nullopt when it is not one (wrong length, a character outside the code alphabet, a wrong check
// character). A scanned receipt QR ("https://.../status/SGN-K2-7KQ4XD9M-3?lang=nl") gives its code too.
std::optional<std::string> referenceFromTyped(std::string_view typed);

// The part of every code this kiosk makes that the status screen fills in before the resident types: the
// contact point's letters and the kiosk's code, without dashes ("SGN", "K2" -> "SGNK2").
std::string referencePrefix(std::string_view letters, std::string_view kioskCode);

// What the status screen's field holds (prefix filled in, then what the resident typed) as a code: the field
// as it is, or else what was typed after the prefix on its own, so a resident who types a whole code (this
// kiosk's, with its prefix again, or another contact point's) is understood. nullopt when neither is a code.
std::optional<std::string> referenceFromField(std::string_view field, std::string_view prefix);

// A code as the done screen shows it for copying: this kiosk's part, then the resident's own part in two
// halves and the check character ("SGN-K2-7KQ4XD9M-3" -> "SGN-K2 · 7KQ4 XD9M 3"; a code issued with six:
// "SGN-K2-7KQ4XD-3" -> "SGN-K2 · 7KQ 4XD 3"). Anything that is not a code comes back as it is.
std::string groupedReferenceCode(std::string_view code);

// The same code as it is read aloud: one character at a time, a pause (", ") between the groups
// ("S G N, K 2, 7 K Q 4, X D 9 M, 3").
std::string spokenReferenceCode(std::string_view code);

class StatusLookup final : public PersonalDataHolder {
  public:
    enum class State {
        Idle,         // nothing asked, or cleared
        Busy,         // a lookup is under way
        Found,        // view() holds the answer
        NotFound,     // the server does not know the code
        TooMany,      // the server refuses more lookups for a while (429)
        Unreachable,  // no answer, a server error or an answer we cannot read
    };
    using Wake = std::function<void()>;

    // client is used on the worker thread only. wake (may be empty) is called from the worker when a
    // result is ready.
    StatusLookup(std::unique_ptr<HttpClient> client, Wake wake);
    ~StatusLookup() override;  // waits for a lookup under way, then joins the worker
    StatusLookup(const StatusLookup&) = delete;
    StatusLookup& operator=(const StatusLookup&) = delete;

    // Looks up code, a well-formed reference code (referenceFromTyped). State becomes Busy.
    void start(const std::string& code);
    // Takes a finished lookup's result; true when state() changed.
    bool collect();
    State state() const { return state_; }
    // The answer when state() is Found.
    const RequestStatusView& view() const { return view_; }
    // --- PersonalDataHolder: the code asked about and the answer.
    std::string_view holderName() const override { return "status lookup"; }
    // Forgets the code and the answer: back to Idle.
    void wipe() override;
    bool holdsNothing() const override;

  private:
    struct Outcome {
        std::uint64_t generation = 0;
        State state = State::Idle;
        RequestStatusView view;
    };
    void run();
    Outcome lookUp(const std::string& code, std::uint64_t generation);

    std::unique_ptr<HttpClient> client_;
    Wake wake_;
    // UI thread only.
    State state_ = State::Idle;
    RequestStatusView view_;
    // Shared with the worker.
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::uint64_t generation_ = 0;       // bumped by start() and wipe()
    std::optional<std::string> wanted_;  // a code to look up
    std::optional<Outcome> done_;
    bool stopping_ = false;
    std::thread worker_;  // last: starts after everything above exists
};

}  // namespace wp
