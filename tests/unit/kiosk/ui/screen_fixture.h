// ScreenTest: what the resident-screen tests share (every_screen_test.cpp and screens/<screen>_test.cpp) —
// the demo bundle's walk-in session with the queue and the request flows made by makeWalkinFlows, as the app
// makes them, on a kiosk database in a temp folder; tickets and receipts on a fake printer; a fake central
// server for "Status van mijn vraag"; frames drawn headless, taps, and the controls they drew; and every
// state a resident can see (allStates), with the one loop that visits each in every language and theme
// (forEveryScreen).
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "drivers/printer/fake_printer.h"
#include "kiosk/app/walkin_parts.h"
#include "kiosk/core/appointment_checkin.h"
#include "kiosk/core/resident_session.h"
#include "kiosk/ui/resident_shell.h"
#include "kiosk/ui/screen.h"
#include "kiosk/ui/ui.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/kiosk/ui/fake_appointment_http.h"
#include "tests/unit/kiosk/ui/fake_status_http.h"
#include "tests/unit/kiosk/ui/headless_ui_fixture.h"
#include "tests/unit/temp_dir.h"

namespace wp::ui {

class ScreenTest : public testing::HeadlessUiTest {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(setUpUi());
        // The walk-in role's parts as the app makes them, on a kiosk database in a temp folder and a fake
        // printer; receipts and tickets carry the central server's public pages.
        bundle_.settings.dataDir = dir_.path();
        bundle_.settings.central.publicUrl = "https://wijkpunt.schiedam.nl";
        // Opt-in text messages on, through a gateway nobody listens on (the screens never wait for it).
        std::ifstream demoSettings(bundle_.settings.path);
        std::stringstream withSms;
        withSms << demoSettings.rdbuf() << "\n[sms]\nurl = \"http://127.0.0.1:1/cgi-bin/sendsms\"\n"
                << "username = \"wijkpunt\"\npassword = \"test\"\nsender = \"Wijkpunt\"\n";
        bundle_.settings.path = dir_.write("settings.toml", withSms.str()).string();
        auto printer = std::make_unique<FakePrinter>();
        printer_ = printer.get();
        auto parts = makeWalkinParts(bundle_, clock_, {}, nullptr, std::move(printer));
        ASSERT_TRUE(parts) << parts.status().message();
        parts_ = std::move(parts).value();
        session_ = parts_->session.get();
        hostQueue_ = parts_->hostQueue.get();
        spooler_ = parts_->printer->spooler();
        flow_ = parts_->ticketFlow.get();
        requestFlow_ = parts_->requestFlow.get();
        answerPrinter_ = parts_->answerPrinter.get();
        ui_ = std::make_unique<Ui>(fonts_);
        slips_ = std::make_unique<SpoolerReceipts>(*spooler_, PrintSpooler::JobKind::Appointment);
        appointments_ = std::make_unique<testing::FakeAppointmentServer>(clock_, slips_.get());
        setUpAppointmentServer();
    }
    void TearDown() override {
        session_->attachAppointmentBooking(nullptr);
        appointments_.reset();
        slips_.reset();
        parts_.reset();
        HeadlessUiTest::TearDown();
    }

    // Waits (briefly, in real time) until the print worker has finished every job and read the printer.
    void settlePrinting() {
        for (int i = 0; i < 500; ++i) {
            flow_->collectPrintResults();
            if (flow_->printState() != TicketFlow::PrintState::Printing && spooler_->hasStatus()) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        FAIL() << "the print worker did not finish";
    }

    // Draws frames until the layout has settled; returns the last frame's record.
    const FrameRecord& frame(float mouseX = -FLT_MAX, float mouseY = -FLT_MAX, bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.f / 60.f;
        io.MousePos = ImVec2(mouseX, mouseY);
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        parts_->shell->drawFrame(*ui_, *session_, io.DisplaySize.x, io.DisplaySize.y);
        ImGui::Render();
        return ui_->lastFrame();
    }

    void tapCentre(const DrawnItem& item) {
        float x = (item.rect.x0 + item.rect.x1) / 2, y = (item.rect.y0 + item.rect.y1) / 2;
        frame(x, y, false);  // hover first, like a finger arriving
        frame(x, y, true);
        frame(x, y, false);
        frame();
    }

    struct State {
        std::string name;
        std::function<void(ResidentSession&, testing::FakeClock&)> enter;
    };
    // Every state a resident can see: every screen a tile or button opens, the idle warning and the
    // host notice.
    std::vector<State> allStates();
    // "Status van mijn vraag": empty, a wrong, an unknown code, busy, found with the team's
    // note, too many lookups and an unreachable server. The code comes in as a scanner types it.
    void addStatusStates(std::vector<State>& states);
    // "Ik heb een afspraak" (checkin_states.cpp): the code screen, a wrong code, too early, checked in, too
    // late, and a booking of another day.
    void addCheckinStates(std::vector<State>& states);
    // "Print dit antwoord" on a topic's answer: tapped, then while printing, printed and failed.
    void addAnswerPrintStates(std::vector<State>& states);
    // The fake appointment server's answers: offers here and elsewhere, two weeks of free slots, bookings.
    void setUpAppointmentServer();
    // Attaches the fake appointment server's booking to the session (appointments live on this kiosk).
    AppointmentBooking& attachAppointments(ResidentSession& s);
    // Draws frames until the appointment client has answered.
    void settleAppointments();
    // Making an appointment: every screen and every outcome; changing and cancelling by code.
    void addAppointmentStates(std::vector<State>& states);
    // Every step of every request flow, a refused answer of each kind, the summary, and the done screen
    // while printing, printed, after a failed print and without a printer's answer.
    void addRequestStates(std::vector<State>& states);

    // The control labelled text on the topic's answer part that shows it: the routes may follow the answer's
    // last part (more: "Lees verder" in the language shown); nullptr when no part has it.
    const DrawnItem* onSomePart(const std::string& text, const std::string& more = "Lees verder");
    // The control labelled text in the last frame (a control with a name of its own by that name, as the
    // script runner taps it), or nullptr.
    const DrawnItem* control(const std::string& text) {
        const FrameRecord& f = ui_->lastFrame();
        auto it = std::find_if(f.items.begin(), f.items.end(), [&](const DrawnItem& i) {
            return i.clickable && (i.name.empty() ? i.text : i.name) == text;
        });
        return it == f.items.end() ? nullptr : &*it;
    }

    // --- the summary with the longest answers each field allows (review of the Ukrainian walk)

    // phrase repeated up to bytes bytes, cut at a character boundary, without a space at its end.
    static std::string longText(std::string_view phrase, std::size_t bytes) {
        std::string out;
        while (out.size() < bytes) out += phrase;
        std::size_t at = bytes;
        while (at > 0 && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80) --at;
        out.resize(at);
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    }
    // An e-mail address of 254 bytes, the most the field takes.
    static std::string longestEmail() { return std::string(65, 'j') + "@" + std::string(185, 'x') + ".nl"; }

    // Walks the question (no topic) or the initiative flow to its summary with every field at its longest:
    // sentences, a word without spaces, Cyrillic, every kind of help.
    void walkWithLongestAnswers(const std::string& flowId);
    void addLongestAnswerStates(std::vector<State>& states);

    // Visits every state in every language and theme; check gets each settled frame.
    void forEveryScreen(const std::function<void(const std::string&, const FrameRecord&)>& check);

    // Thursday 26 November 2026, 10:00 in Schiedam: every service has walk-in hours then.
    testing::FakeClock clock_{*parseLocalDateTime("2026-11-26 10:00")};
    std::unique_ptr<AppointmentCheckin> otherDay_;  // a check-in on a fake central server
    testing::TempDir dir_;
    // Fake central servers for "Status van mijn vraag": before the parts, whose session points at them.
    testing::FakeStatusServer statusServer_;
    testing::FakeStatusServer heldStatusServer_{true};
    std::unique_ptr<WalkinParts> parts_;
    std::unique_ptr<SpoolerReceipts> slips_;  // appointment slips on the parts' spooler
    std::unique_ptr<testing::FakeAppointmentServer> appointments_;
    // The parts' own, for the tests to reach.
    FakePrinter* printer_ = nullptr;
    ResidentSession* session_ = nullptr;
    SqliteHostQueueStore* hostQueue_ = nullptr;  // pauses and calls, as the hosts make them
    PrintSpooler* spooler_ = nullptr;
    TicketFlow* flow_ = nullptr;
    RequestFlow* requestFlow_ = nullptr;
    AnswerPrinter* answerPrinter_ = nullptr;
    std::unique_ptr<Ui> ui_;
};

}  // namespace wp::ui
