// The walk-in role's parts, built with makeWalkinParts as the app builds them (a kiosk with a printer and a
// central server and an SMS gateway), drawn headless: every personal-data holder on the resident session's
// list is filled with a marker where a resident would fill it, the session is wiped ("Begin opnieuw", the
// idle timeout), and every holder must then hold nothing. The holders the test fills must be exactly the
// session's list: a holder added without a way to fill it here fails the test until one is written.
#include "kiosk/app/walkin_parts.h"

#include <imgui.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "common/reference_code.h"
#include "tests/unit/fake_clock.h"
#include "tests/unit/kiosk/ui/headless_ui_fixture.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using namespace std::chrono_literals;

constexpr const char* kMarker = "ZQXMARK";

// A printer that holds every job until released (a slow printer), so a receipt submitted after a ticket
// waits in the spooler's queue. Releases by itself after a while, so a failing test cannot hang.
class HeldPrinter final : public Printer {
  public:
    PrintOutcome printTicket(const TicketPrintout&) override { return hold(); }
    PrintOutcome printReceipt(const ReceiptPrintout&) override { return hold(); }
    PrinterStatus status() override {
        PrinterStatus s;
        s.state = PrinterStatus::State::Idle;
        s.acceptingJobs = true;
        return s;
    }
    void release() {
        {
            std::lock_guard lock(mutex_);
            released_ = true;
        }
        cv_.notify_all();
    }
    // Waits until the printer has a job in hand.
    bool waitForJob() {
        std::unique_lock lock(mutex_);
        return cv_.wait_for(lock, 5s, [&] { return jobs_ > 0; });
    }

  private:
    PrintOutcome hold() {
        std::unique_lock lock(mutex_);
        ++jobs_;
        cv_.notify_all();
        cv_.wait_for(lock, 30s, [&] { return released_; });
        return PrintOutcome::Ok;
    }
    std::mutex mutex_;
    std::condition_variable cv_;
    int jobs_ = 0;
    bool released_ = false;
};

class WalkinPartsTest : public testing::HeadlessUiTest {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(setUpUi());
        bundle_.settings.dataDir = dir_.path();
        // A central server where nothing listens: the senders and the lookup exist, and fail to connect.
        bundle_.settings.central.apiUrl = "https://127.0.0.1:9";
        // Opt-in text messages through a gateway where nothing listens either.
        std::ifstream demoSettings(bundle_.settings.path);
        std::stringstream withSms;
        withSms << demoSettings.rdbuf() << "\n[sms]\nurl = \"http://127.0.0.1:9/cgi-bin/sendsms\"\n"
                << "username = \"wijkpunt\"\npassword = \"test\"\nsender = \"Wijkpunt\"\n";
        bundle_.settings.path = dir_.write("settings.toml", withSms.str()).string();
        auto printer = std::make_unique<HeldPrinter>();
        printer_ = printer.get();
        auto parts = makeWalkinParts(bundle_, clock_, {}, nullptr, std::move(printer));
        ASSERT_TRUE(parts) << parts.status().message();
        parts_ = std::move(parts).value();
        ui_ = std::make_unique<ui::Ui>(fonts_);
    }
    void TearDown() override {
        if (printer_) printer_->release();  // the spooler finishes the job in hand before it goes
        parts_.reset();
        HeadlessUiTest::TearDown();
    }

    ResidentSession& session() { return *parts_->session; }

    const ui::FrameRecord& frame(float x = -FLT_MAX, float y = -FLT_MAX, bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.f / 60.f;
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        parts_->shell->drawFrame(*ui_, session(), io.DisplaySize.x, io.DisplaySize.y);
        ImGui::Render();
        return ui_->lastFrame();
    }
    // Taps the one control labelled text, as a finger would.
    void tap(const std::string& text) {
        const ui::FrameRecord& f = frame();
        auto it = std::find_if(f.items.begin(), f.items.end(),
                               [&](const ui::DrawnItem& i) { return i.clickable && i.text == text; });
        ASSERT_NE(it, f.items.end()) << "no control labelled " << text;
        const float x = (it->rect.x0 + it->rect.x1) / 2, y = (it->rect.y0 + it->rect.y1) / 2;
        frame(x, y, false);
        frame(x, y, true);
        frame(x, y, false);
        frame();
    }
    // Types as a physical keyboard or a scanner does, into the field of the keyboard shown.
    void type(const std::string& text) {
        ui_->typeText(text);
        frame();
    }

    std::map<std::string, const PersonalDataHolder*> registered() {
        std::map<std::string, const PersonalDataHolder*> byName;
        for (const PersonalDataHolder* h : session().holders()) {
            EXPECT_TRUE(byName.emplace(std::string(h->holderName()), h).second)
                << "two holders are named " << h->holderName();
        }
        return byName;
    }

    // What a resident leaves behind wherever they are: a ticket (still printing) with a receipt and a
    // printed answer waiting behind it, and a status lookup under way.
    std::vector<std::string> fillEverywhere() {
        EXPECT_EQ(parts_->ticketFlow->take("huurloket", session().texts(), session().language()),
                  TicketFlow::Outcome::Issued);
        EXPECT_TRUE(printer_->waitForJob()) << "the ticket never reached the printer";
        ReceiptPrintout receipt;
        receipt.reference = kMarker;
        receipt.lines = {kMarker};
        parts_->printer->spooler()->submitReceipt(receipt);
        SeededRandom random(3);
        parts_->statusLookup->start(makeReferenceCode("SGN", "K2", random));
        const QuestionTopic* topic = bundle_.questions.topic("rent-check");
        EXPECT_TRUE(topic != nullptr &&
                    parts_->answerPrinter->print(*topic, bundle_, session().texts(), session().language()));
        return {"ticket flow", "print spooler", "status lookup", "answer printer"};
    }

    // On the initiative's first text field: the idea typed, and the keyboard on capitals.
    std::vector<std::string> fillOnTheRequestScreen() {
        tap(session().tr("tile.initiative"));
        tap(session().tr("flow.next"));
        type(kMarker);
        tap(session().tr("keyboard.shift"));
        const TextEntry* idea = nullptr;
        if (parts_->requestFlow->active())
            idea = parts_->requestFlow->entryOf(parts_->requestFlow->step().id);
        EXPECT_TRUE(idea != nullptr && idea->value() == kMarker)
            << "the marker did not reach the idea's field";
        return {"request flow", "request keyboard"};
    }

    // On "Status van mijn vraag": a code half typed (by a scanner, whose text the keyboard keeps).
    std::vector<std::string> fillOnTheStatusScreen() {
        tap(session().tr("start.request_status"));
        type(kMarker);
        return {"request-status screen", "request-status keyboard"};
    }

    // On "Ik heb een afspraak": a code half typed by a scanner, and a check-in asking the central server.
    std::vector<std::string> fillOnTheCheckinScreen() {
        tap(session().tr("start.have_appointment"));
        type("K7QM");
        parts_->checkin->submit("K7QM2XD9");
        return {"appointment-code screen", "appointment-code keyboard", "appointment check-in"};
    }

    // On the mobile number's screen: a number half typed.
    std::vector<std::string> fillOnTheSmsScreen() {
        session().open({"sms-number", {}});
        type("0612");
        return {"sms opt-in"};
    }

    // On the appointment's name question: the agenda and day chosen, a refused empty name (its error under
    // the field), then a name typed and the keyboard on capitals.
    std::vector<std::string> fillOnTheAppointmentScreen() {
        AppointmentBooking& booking = *parts_->appointmentBooking;
        booking.chooseOffer({"SGN", "gemeente", "Wijkpunt Groenoord", "Nieuwe Damlaan 90, Schiedam", 15});
        booking.chooseDay("2026-11-30");
        session().open({"appointment-contact", {}});
        frame();
        tap(session().tr("appointment.next"));
        type(kMarker);
        tap(session().tr("keyboard.shift"));
        EXPECT_EQ(booking.name().value(), kMarker) << "the marker did not reach the name's field";
        return {"appointment booking", "appointment-contact screen", "appointment keyboard"};
    }

    // Fills, checks that each holder filled holds something, wipes, and checks that every registered holder
    // holds nothing. Returns the names filled.
    std::set<std::string> fillAndWipe(const std::function<std::vector<std::string>()>& fillScreen,
                                      const std::function<void()>& wipe) {
        // The screen first: coming up, a screen starts afresh (the status screen wipes the lookup).
        std::vector<std::string> filled = fillScreen();
        for (std::string& name : fillEverywhere()) filled.push_back(std::move(name));
        const auto holders = registered();
        for (const std::string& name : filled) {
            auto it = holders.find(name);
            if (it == holders.end()) {
                ADD_FAILURE() << "the test fills '" << name << "', which is not on the session's list";
                continue;
            }
            EXPECT_FALSE(it->second->holdsNothing()) << "'" << name << "' was not filled";
        }
        wipe();
        for (const auto& [name, holder] : registered())
            EXPECT_TRUE(holder->holdsNothing())
                << "'" << name << "' still holds personal data after the wipe";
        return {filled.begin(), filled.end()};
    }

    // Every holder on the session's list must be one this test fills and checks.
    void expectEveryHolderFilled(const std::set<std::string>& filled) {
        std::set<std::string> names;
        for (const auto& [name, holder] : registered()) names.insert(name);
        EXPECT_EQ(filled, names) << "a holder on the session's list that this test does not fill escapes it";
        EXPECT_EQ(filled.size(), session().holders().size());
    }

    testing::TempDir dir_;
    // Thursday 26 November 2026, 10:00 in Schiedam: every service has walk-in hours then.
    testing::FakeClock clock_{*parseLocalDateTime("2026-11-26 10:00")};
    HeldPrinter* printer_ = nullptr;
    std::unique_ptr<WalkinParts> parts_;
    std::unique_ptr<ui::Ui> ui_;
};

TEST_F(WalkinPartsTest, TheSessionListsEveryHolderOfAKioskWithPrinterAndCentralServer) {
    std::set<std::string> names;
    for (const auto& [name, holder] : registered()) {
        names.insert(name);
        EXPECT_TRUE(holder->holdsNothing()) << name << " holds something before any resident came";
    }
    EXPECT_THAT(names,
                ::testing::UnorderedElementsAre(
                    "ticket flow", "status lookup", "request flow", "answer printer", "print spooler",
                    "request-status screen", "request-status keyboard", "request keyboard", "sms opt-in",
                    "appointment booking", "appointment-contact screen", "appointment keyboard",
                    "appointment-code screen", "appointment-code keyboard", "appointment check-in"));
}

TEST_F(WalkinPartsTest, StartAgainWipesEveryRegisteredHolder) {
    auto startAgain = [this] { tap(session().tr("common.start_again")); };
    std::set<std::string> filled = fillAndWipe([this] { return fillOnTheRequestScreen(); }, startAgain);
    filled.merge(fillAndWipe([this] { return fillOnTheStatusScreen(); }, startAgain));
    filled.merge(fillAndWipe([this] { return fillOnTheSmsScreen(); }, startAgain));
    filled.merge(fillAndWipe([this] { return fillOnTheAppointmentScreen(); }, startAgain));
    filled.merge(fillAndWipe([this] { return fillOnTheCheckinScreen(); }, startAgain));
    expectEveryHolderFilled(filled);
}

TEST_F(WalkinPartsTest, TheIdleTimeoutWipesEveryRegisteredHolder) {
    auto idle = [this] {
        clock_.advance(std::chrono::seconds(bundle_.settings.session.idleTimeoutSeconds + 1));
        EXPECT_TRUE(session().tick());
        frame();
    };
    std::set<std::string> filled = fillAndWipe([this] { return fillOnTheRequestScreen(); }, idle);
    filled.merge(fillAndWipe([this] { return fillOnTheStatusScreen(); }, idle));
    filled.merge(fillAndWipe([this] { return fillOnTheSmsScreen(); }, idle));
    filled.merge(fillAndWipe([this] { return fillOnTheAppointmentScreen(); }, idle));
    filled.merge(fillAndWipe([this] { return fillOnTheCheckinScreen(); }, idle));
    expectEveryHolderFilled(filled);
}

}  // namespace
}  // namespace wp
