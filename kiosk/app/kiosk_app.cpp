#include "kiosk/app/kiosk_app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "common/bundle.h"
#include "common/clock.h"
#include "common/log.h"
#include "kiosk/app/enrollment.h"
#include "kiosk/app/pointer_input.h"
#include "kiosk/app/role.h"
#include "kiosk/app/script_runner.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/ui.h"

namespace wp {

namespace {

enum class KeypadAction { None, Next, Previous, Activate, Back };

KeypadAction keypadAction(const SDL_KeyboardEvent& key) {
    switch (key.keysym.sym) {
        case SDLK_TAB:
            return (key.keysym.mod & KMOD_SHIFT) ? KeypadAction::Previous : KeypadAction::Next;
        case SDLK_RIGHT:
        case SDLK_DOWN:
        case SDLK_KP_6:
        case SDLK_KP_2:
            return KeypadAction::Next;
        case SDLK_LEFT:
        case SDLK_UP:
        case SDLK_KP_4:
        case SDLK_KP_8:
            return KeypadAction::Previous;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_SPACE:
        case SDLK_KP_5:
            return KeypadAction::Activate;
        case SDLK_BACKSPACE:
        case SDLK_ESCAPE:
        case SDLK_AC_BACK:
            return KeypadAction::Back;
        default:
            return KeypadAction::None;
    }
}

// The name a role's shortcuts use for a key pressed without modifiers: "Enter", "F1" to "F12"; empty for
// any other key.
std::string shortcutName(const SDL_KeyboardEvent& key) {
    if (key.keysym.mod & (KMOD_SHIFT | KMOD_CTRL | KMOD_ALT | KMOD_GUI)) return {};
    const SDL_Keycode k = key.keysym.sym;
    if (k == SDLK_RETURN || k == SDLK_KP_ENTER) return "Enter";
    if (k >= SDLK_F1 && k <= SDLK_F12) return fmt::format("F{}", k - SDLK_F1 + 1);
    return {};
}

std::optional<SDL_Keycode> scriptKey(std::string name) {
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name.size() >= 2 && name.size() <= 3 && name[0] == 'f' &&
        std::isdigit(static_cast<unsigned char>(name[1]))) {
        const int n = std::atoi(name.c_str() + 1);
        if (n >= 1 && n <= 12) return static_cast<SDL_Keycode>(SDLK_F1 + n - 1);
    }
    if (name == "next") return SDLK_TAB;
    if (name == "right") return SDLK_RIGHT;
    if (name == "down") return SDLK_DOWN;
    if (name == "left") return SDLK_LEFT;
    if (name == "up") return SDLK_UP;
    if (name == "previous") return SDLK_LEFT;
    if (name == "enter") return SDLK_RETURN;
    if (name == "back") return SDLK_BACKSPACE;
    return std::nullopt;
}

}  // namespace

std::filesystem::path kioskDatabase(const Settings& settings) {
    std::error_code ec;
    std::filesystem::create_directories(settings.dataDir, ec);  // opening the file then says what is wrong
    return settings.dataDir / "kiosk.sqlite";
}

Status databaseError(const std::filesystem::path& file, const Status& why) {
    return Status::ioError(
        fmt::format("cannot open the kiosk database {}: {}", file.string(), why.message()));
}

namespace {

Result<std::unique_ptr<Role>> makeRole(const std::string& name, RoleContext& context) {
    if (name == "walkin") return makeWalkinRole(context);
    if (name == "display") return makeDisplayRole(context);
    if (name == "host") return makeHostRole(context);
    return Status::invalidInput(fmt::format("unknown role '{}' (walkin, host or display)", name));
}

// SDL's subsystems, from SDL_Init until this goes.
struct SdlStarted {
    ~SdlStarted() { SDL_Quit(); }
};
struct SdlWindowEnd {
    void operator()(SDL_Window* w) const { SDL_DestroyWindow(w); }
};
struct SdlRendererEnd {
    void operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }
};
struct ImGuiContextEnd {
    void operator()(ImGuiContext* c) const { ImGui::DestroyContext(c); }
};
// ImGui's SDL_Renderer backend, from a successful ImGui_ImplSDLRenderer_Init until this goes.
struct ImGuiRendererStarted {
    ~ImGuiRendererStarted() { ImGui_ImplSDLRenderer_Shutdown(); }
};

// One kiosk process. Its members are declared in the order they are made and needed: the bundle and the
// clock, SDL, the window, the renderer, the ImGui context and its renderer backend, and last the role, which
// uses all of them. They end in reverse order, so the role's worker threads stop before the window goes.
class Kiosk final : public ScriptHost {
  public:
    Kiosk(const KioskOptions& options, Bundle bundle)
        : options_(options), bundle_(std::move(bundle)), clock_(makeClock(options)), ui_(fonts_) {}

    int run();

    // --- ScriptHost
    const ui::FrameRecord& lastFrame() const override { return ui_.lastFrame(); }
    uint64_t framesPresented() const override { return frames_; }
    void tap(float x, float y) override;
    Status key(const std::string& name) override;
    Status screenshot(const std::string& name) override;
    const std::vector<ui::KeyCap>& keyboardKeys() const override { return ui_.lastKeys(); }
    Status scan(const std::string& text) override;
    void advanceClock(Millis d) override {
        if (scriptClock_) scriptClock_->advance(d);
    }
    std::vector<std::string> spoken() const override {
        return role_ ? role_->spoken() : std::vector<std::string>{};
    }

  private:
    std::unique_ptr<Clock> makeClock(const KioskOptions& o) {
        if (o.script.empty() && o.clockFile.empty()) return std::make_unique<SystemClock>();
        auto c = std::make_unique<ScriptClock>(o.clockFile);
        if (o.clockStart) c->startAt(*o.clockStart);
        scriptClock_ = c.get();
        return c;
    }
    Status setUp();
    void handle(const SDL_Event& e);
    // The frame on screen drawn again into PNG bytes (an admin's screenshot command).
    Result<std::string> framePng();
    // Draws one frame and presents it; false when it was not presented (see Ui::lastFrameActedOn).
    bool renderFrame();

    KioskOptions options_;
    Bundle bundle_;
    ScriptClock* scriptClock_ = nullptr;
    std::unique_ptr<Clock> clock_;
    ui::FontSet fonts_;
    ui::Ui ui_;
    PointerInput pointer_;
    std::optional<SdlStarted> sdl_;
    std::unique_ptr<SDL_Window, SdlWindowEnd> window_;
    std::unique_ptr<SDL_Renderer, SdlRendererEnd> renderer_;
    std::unique_ptr<ImGuiContext, ImGuiContextEnd> imgui_;
    std::optional<ImGuiRendererStarted> imguiRenderer_;
    std::unique_ptr<Role> role_;  // last: goes first

    int width_ = 0, height_ = 0;
    uint64_t frames_ = 0;
    bool quit_ = false;
    bool restart_ = false;  // quit_ so that the process starts again
    bool wantScreenshot_ = false;
    std::string screenshotPath_;
    Status screenshotStatus_;
    uint64_t lastTicks_ = 0;
    bool swallowText_ = false;  // the keypad key just pressed also types a digit: not text for a field
};

Status Kiosk::setUp() {
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // a touch is not also a mouse click
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    // Without this even the software renderer loads Mesa through GLX on X11 (DESIGN.md pitfalls).
    const Settings::Screen& screen = role_->screen();
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, screen.acceleratedRenderer ? "1" : "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    sdl_.emplace();  // SDL_Quit also undoes a failed SDL_Init
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return Status::unavailable(fmt::format("cannot start SDL video: {}", SDL_GetError()));

    width_ = screen.widthPx;
    height_ = screen.heightPx;
    Uint32 flags = SDL_WINDOW_SHOWN;
    // Headless drivers have no real screen to fill: they get the configured panel's size.
    const std::string driver = SDL_GetCurrentVideoDriver();
    const bool headless = driver == "dummy" || driver == "offscreen";
    if (!options_.windowed && !headless) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    window_.reset(
        SDL_CreateWindow("Wijkpunt", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width_, height_, flags));
    if (!window_) return Status::unavailable(fmt::format("cannot open the window: {}", SDL_GetError()));
    SDL_ShowCursor(options_.windowed ? SDL_ENABLE : SDL_DISABLE);
    Uint32 rflags = screen.acceleratedRenderer ? SDL_RENDERER_ACCELERATED : SDL_RENDERER_SOFTWARE;
    renderer_.reset(SDL_CreateRenderer(window_.get(), -1, rflags));
    if (!renderer_) return Status::unavailable(fmt::format("cannot create the renderer: {}", SDL_GetError()));
    SDL_GetRendererOutputSize(renderer_.get(), &width_, &height_);

    IMGUI_CHECKVERSION();
    imgui_.reset(ImGui::CreateContext());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk remembers nothing between sessions
    io.LogFilename = nullptr;
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    std::map<std::string, Theme> themes;
    for (const std::string& id : role_->themeIds()) themes.emplace(id, bundle_.themes.at(id));
    if (!fonts_.build(*io.Fonts, themes))
        return Status::ioError("cannot build the font atlas from the themes' font files");
    if (!ImGui_ImplSDLRenderer_Init(renderer_.get()))
        return Status::unavailable("cannot start the ImGui renderer");
    imguiRenderer_.emplace();
    if (!ImGui_ImplSDLRenderer_CreateFontsTexture())
        return Status::unavailable("cannot upload the font texture");
    if (std::getenv("WIJKPUNT_DEBUG_FONTS"))
        log::debug("font atlas {}x{}", io.Fonts->TexWidth, io.Fonts->TexHeight);
    io.Fonts->ClearTexData();  // the GPU/renderer copy is all we need
    lastTicks_ = SDL_GetTicks64();
    return Status::ok();
}

void Kiosk::tap(float x, float y) {
    // Real finger events through SDL's queue, normalised like a touch screen's.
    SDL_Event e{};
    e.type = SDL_FINGERDOWN;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 1;
    e.tfinger.x = x / static_cast<float>(width_);
    e.tfinger.y = y / static_cast<float>(height_);
    e.tfinger.pressure = 1.f;
    e.tfinger.timestamp = SDL_GetTicks();
    SDL_PushEvent(&e);
    e.type = SDL_FINGERUP;
    SDL_PushEvent(&e);
}

Status Kiosk::key(const std::string& name) {
    auto code = scriptKey(name);
    if (!code)
        return Status::invalidInput(fmt::format(
            "unknown key '{}' (next, previous, up, down, left, right, enter, back, f1 to f12)", name));
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = *code;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(*code);
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    return Status::ok();
}

Status Kiosk::scan(const std::string& text) {
    // What a barcode scanner that types like a keyboard sends: text input events, then Enter. SDL carries
    // at most 31 bytes per event; split between characters.
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    size_t at = 0;
    while (at < text.size()) {
        size_t n = std::min(text.size() - at, sizeof(e.text.text) - 1);
        while (n > 0 && at + n < text.size() && (static_cast<unsigned char>(text[at + n]) & 0xC0) == 0x80)
            --n;
        std::memset(e.text.text, 0, sizeof(e.text.text));
        std::memcpy(e.text.text, text.data() + at, n);
        SDL_PushEvent(&e);
        at += n;
    }
    SDL_Event enter{};
    enter.type = SDL_KEYDOWN;
    enter.key.state = SDL_PRESSED;
    enter.key.keysym.sym = SDLK_RETURN;
    enter.key.keysym.scancode = SDL_SCANCODE_RETURN;
    SDL_PushEvent(&enter);
    enter.type = SDL_KEYUP;
    enter.key.state = SDL_RELEASED;
    SDL_PushEvent(&enter);
    return Status::ok();
}

Result<std::string> Kiosk::framePng() {
    if (!renderer_) return Status::unavailable("there is no window to take a screenshot of");
    const auto file = bundle_.settings.dataDir / "fleet-screenshot.png";
    screenshotPath_ = file.string();
    wantScreenshot_ = true;
    renderFrame();
    if (!screenshotStatus_) return screenshotStatus_;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream png;
    png << in.rdbuf();
    std::error_code ec;
    std::filesystem::remove(file, ec);
    if (png.str().empty()) return Status::ioError("the screenshot came out empty");
    return png.str();
}

Status Kiosk::screenshot(const std::string& name) {
    std::filesystem::create_directories(options_.screenshotDir);
    screenshotPath_ = (options_.screenshotDir / name).string();
    wantScreenshot_ = true;
    renderFrame();  // the same picture as the last frame: state has not changed since
    return screenshotStatus_;
}

void Kiosk::handle(const SDL_Event& e) {
    switch (e.type) {
        case SDL_QUIT:
            quit_ = true;
            break;
        case SDL_FINGERDOWN:
            role_->noteActivity();
            pointer_.press(e.tfinger.x * static_cast<float>(width_),
                           e.tfinger.y * static_cast<float>(height_));
            break;
        case SDL_FINGERMOTION:
            pointer_.move(e.tfinger.x * static_cast<float>(width_),
                          e.tfinger.y * static_cast<float>(height_));
            break;
        case SDL_FINGERUP:
            pointer_.release(e.tfinger.x * static_cast<float>(width_),
                             e.tfinger.y * static_cast<float>(height_));
            break;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            role_->noteActivity();
            pointer_.press(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) break;
            pointer_.move(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            pointer_.release(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
            break;
        case SDL_TEXTINPUT:
            // A physical keyboard or a barcode scanner typing like one: into the field of the on-screen
            // keyboard in the next frame (Ui::typeText).
            role_->noteActivity();
            if (swallowText_)
                swallowText_ = false;
            else
                ui_.typeText(e.text.text);
            break;
        case SDL_KEYDOWN:
            role_->noteActivity();
            {
                // The keypad's 2 4 6 8 5 (with Num Lock) and space also send text; they are for focus.
                const SDL_Keycode k = e.key.keysym.sym;
                swallowText_ = keypadAction(e.key) != KeypadAction::None &&
                               (k == SDLK_SPACE || k == SDLK_KP_2 || k == SDLK_KP_4 || k == SDLK_KP_5 ||
                                k == SDLK_KP_6 || k == SDLK_KP_8);
            }
            // Enter ends a scanner's line: the screen's "go", while a keyboard is shown and the keypad
            // focus is not on a control (then Enter activates that control, as always).
            if ((e.key.keysym.sym == SDLK_RETURN || e.key.keysym.sym == SDLK_KP_ENTER) && !ui_.hasFocus() &&
                !ui_.lastKeys().empty()) {
                ui_.submitText();
                break;
            }
            // The role's shortcuts: F1 to F12 always, Enter while no control has the keypad focus.
            if (const std::string name = shortcutName(e.key);
                !name.empty() && (name != "Enter" || !ui_.hasFocus()) && role_->shortcut(name))
                break;
            switch (keypadAction(e.key)) {
                case KeypadAction::Next:
                    ui_.focusNext();
                    break;
                case KeypadAction::Previous:
                    ui_.focusPrevious();
                    break;
                case KeypadAction::Activate:
                    ui_.activateFocused();
                    break;
                case KeypadAction::Back:
                    ui_.clearFocus();
                    role_->back();
                    break;
                case KeypadAction::None:
                    break;
            }
            break;
        default:
            break;
    }
}

bool Kiosk::renderFrame() {
    ImGuiIO& io = ImGui::GetIO();
    uint64_t ticks = SDL_GetTicks64();
    io.DeltaTime = ticks > lastTicks_ ? static_cast<float>(ticks - lastTicks_) / 1000.f : 1.f / 60.f;
    lastTicks_ = ticks;
    io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
    // Our own pointer state, not the SDL backend's (DESIGN.md pitfalls: 1.86 ignores finger events).
    PointerInput::FrameState p = pointer_.nextFrame();
    io.MousePos = ImVec2(p.x, p.y);
    io.MouseDown[0] = p.down;

    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    role_->drawFrame(ui_, static_cast<float>(width_), static_cast<float>(height_));
    ImGui::Render();
    // A tap released in this frame changed what the next frame shows (another screen, a typed letter):
    // rasterising this one would only delay that by a whole software-rendered frame.
    if (ui_.lastFrameActedOn() && !wantScreenshot_) return false;
    SDL_SetRenderDrawColor(renderer_.get(), 0, 0, 0, 255);
    SDL_RenderClear(renderer_.get());
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    if (wantScreenshot_) {
        wantScreenshot_ = false;
        screenshotStatus_ = Status::ok();
        SDL_Surface* shot = SDL_CreateRGBSurfaceWithFormat(0, width_, height_, 32, SDL_PIXELFORMAT_ABGR8888);
        if (!shot ||
            SDL_RenderReadPixels(renderer_.get(), nullptr, SDL_PIXELFORMAT_ABGR8888, shot->pixels,
                                 shot->pitch) != 0 ||
            IMG_SavePNG(shot, screenshotPath_.c_str()) != 0)
            screenshotStatus_ = Status::ioError(
                fmt::format("cannot save screenshot {}: {}", screenshotPath_, SDL_GetError()));
        if (shot) SDL_FreeSurface(shot);
    }
    SDL_RenderPresent(renderer_.get());
    ++frames_;
    return true;
}

int Kiosk::run() {
    std::optional<ScriptRunner> runner;
    if (!options_.script.empty()) {
        auto loaded = ScriptRunner::load(options_.script);
        if (!loaded) {
            log::error("{}", loaded.status().message());
            return 2;
        }
        runner.emplace(std::move(loaded).value());
        if (!options_.scriptLog.empty()) runner->logStepsTo(options_.scriptLog);
    }
    // The role first (it names the screen), then the window; a worker thread wakes the loop with an
    // empty user event (SDL_PushEvent is thread-safe; before SDL_Init it does nothing, and that is fine).
    RoleContext context{options_,
                        bundle_,
                        *clock_,
                        [] {
                            SDL_Event e{};
                            e.type = SDL_USEREVENT;
                            SDL_PushEvent(&e);
                        },
                        [this] { return framePng(); },
                        [this] {
                            restart_ = true;
                            quit_ = true;
                        }};
    auto role = makeRole(options_.role, context);
    if (!role) {
        log::error("{}", role.status().message());
        return 2;
    }
    role_ = std::move(role).value();
    if (Status s = setUp(); !s) {
        log::error("{}", s.message());
        return 2;
    }

    int dirty = 2;
    std::string shownKey;
    while (!quit_) {
        // Sleep until an event, the role's next update (the clock's second, the idle countdown, polling the
        // shared database), or at once when a frame is due. Under a script, poll fast: steps count frames.
        const auto interval = static_cast<uint64_t>(role_->updateInterval().count());
        int timeoutMs = dirty > 0 ? 0 : runner ? 5 : static_cast<int>(interval - SDL_GetTicks64() % interval);
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, timeoutMs)) {
            handle(e);
            while (SDL_PollEvent(&e)) handle(e);
            dirty = std::max(dirty, 3);  // press frame, release frame, result frame
        }
        if (role_->update()) dirty = std::max(dirty, 1);
        if (std::string key = role_->timedStateKey(); key != shownKey) {
            shownKey = key;
            dirty = std::max(dirty, 1);
        }
        if (runner) dirty = std::max(dirty, 1);
        if (dirty > 0) {
            if (renderFrame()) {
                --dirty;
                if (runner) runner->noteFramePresented(ui_.lastFrame(), frames_);
            }
        }
        if (options_.exitAfterFrames > 0 && frames_ >= static_cast<uint64_t>(options_.exitAfterFrames)) break;
        if (restart_) break;
        if (runner) {
            ScriptRunner::State state = runner->poll(*this);
            if (state == ScriptRunner::State::Failed) {
                std::fprintf(stderr, "wijkpunt-kiosk: script failed at %s\n", runner->failure().c_str());
                return 1;
            }
            if (state == ScriptRunner::State::Passed) {
                std::fprintf(stderr, "wijkpunt-kiosk: script passed (%zu steps)\n", runner->stepsDone());
                return 0;
            }
        }
    }
    return restart_ ? kRestartExitCode : 0;
}

}  // namespace

int runKiosk(const KioskOptions& options) {
    // libcups and libcurl may write to a socket the other side closed: that must not kill the kiosk.
    std::signal(SIGPIPE, SIG_IGN);
    auto bundle = loadBundle(options.config);
    if (!bundle) {
        log::error("cannot load the bundle:\n{}", bundle.status().message());
        return 2;
    }
    if (!options.dataDir.empty()) bundle->settings.dataDir = options.dataDir;
    if (!options.counter.empty()) bundle->settings.host.counter = options.counter;
    defaultIdentityPaths(bundle->settings);
    if (Status s = prepareIdentity(bundle->settings, options.role); !s) {
        log::error("{}", s.message());
        return 2;
    }
    Kiosk kiosk(options, std::move(bundle).value());
    return kiosk.run();
}

}  // namespace wp
