// The display role: the now-serving TV. Polls the shared kiosk database twice a second; each new call (or
// recall) is lit up on the screen for a few seconds, chimes and is spoken in Dutch, "H 14, balie 2"
// (ACCESSIBILITY.md #20).
#include <fmt/format.h>

#include "common/log.h"
#include "drivers/sound/sdl_chime.h"
#include "drivers/speech/recording_speaker.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/role.h"
#include "kiosk/core/call_board.h"
#include "kiosk/core/texts.h"
#include "kiosk/store/sqlite_queue_store.h"
#include "kiosk/ui/display_shell.h"

namespace wp {

namespace {

class DisplayRole final : public Role {
  public:
    DisplayRole(RoleContext& c)
        : bundle_(c.bundle),
          clock_(c.clock),
          speaker_(c.options.speechLog),
          texts_(bundle_.content),
          shell_(bundle_, texts_) {}

    Status setUp() {
        const auto dbFile = kioskDatabase(bundle_.settings);
        auto store = SqliteQueueStore::open(dbFile, bundle_.services);
        if (!store) return databaseError(dbFile, store.status());
        store_ = std::move(store).value();
        board_ = std::make_unique<CallBoard>(bundle_.services, *store_, clock_);
        return Status::ok();
    }

    const Settings::Screen& screen() const override { return bundle_.settings.displayScreen; }
    std::vector<std::string> themeIds() const override { return {bundle_.settings.theme}; }

    void drawFrame(ui::Ui& ui, float width, float height) override {
        shell_.drawFrame(ui, *board_, clock_.now(), width, height);
    }

    bool update() override {
        auto fresh = board_->poll();
        if (!fresh) {
            // A busy or locked database: show what we have and try again next turn.
            if (!warned_) log::warning("display: {}", fresh.status().message());
            warned_ = true;
            return false;
        }
        warned_ = false;
        for (const BoardCall& call : *fresh) {
            shell_.noteNewCall(clock_.now());
            chime_.play();
            speaker_.speak(spokenCall(call.ticket, call.counter), "nl");
        }
        // Waiting counts change without a call too; a cheap comparison decides whether to redraw.
        std::string state = fmt::format("{}", board_->lastSeq());
        bool changed = state != shownState_;
        shownState_ = state;
        return changed;
    }

    // The minute on the clock, whether the latest call is still lit up, and whether a service opened or
    // closed.
    std::string timedStateKey() const override {
        std::string key = formatLocalHourMinute(clock_.now()) + (shell_.highlighted(clock_.now()) ? "!" : "");
        for (const BoardServiceCount& c : board_->counts()) key += c.closed ? 'c' : 'o';
        return key;
    }
    std::chrono::milliseconds updateInterval() const override { return std::chrono::milliseconds(500); }

    std::vector<std::string> spoken() const override { return speaker_.texts(); }

  private:
    Bundle& bundle_;
    const Clock& clock_;
    RecordingSpeaker speaker_;
    SdlChime chime_;
    Texts texts_;
    ui::DisplayShell shell_;
    std::unique_ptr<SqliteQueueStore> store_;
    std::unique_ptr<CallBoard> board_;
    std::string shownState_;
    bool warned_ = false;
};

}  // namespace

Result<std::unique_ptr<Role>> makeDisplayRole(RoleContext& context) {
    auto role = std::make_unique<DisplayRole>(context);
    if (Status s = role->setUp(); !s) return s;
    return std::unique_ptr<Role>(std::move(role));
}

}  // namespace wp
