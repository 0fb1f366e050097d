#include "kiosk/ui/host/booking_panel.h"

#include <algorithm>

#include "kiosk/core/appointment_slip.h"

namespace wp::ui {

namespace {

using State = AppointmentClient::State;

}  // namespace

float BookingPanel::buttonHeight(const Theme& theme) const {
    return booking_ == nullptr ? 0.f : theme.sizes.consoleRowHeight;
}

void BookingPanel::drawButton(Ui& ui, HostConsole& console, Rect area) {
    if (booking_ == nullptr) return;
    const Theme& t = ui.theme();
    if (ui.button(console.tr("console.booking_open"), {area.x0, area.y0, area.x1, area.y0 + buttonHeight(t)},
                  FontRole::Body, isOpen())) {
        if (isOpen()) {
            close();
            return;
        }
        booking_->wipe();
        booking_->client().loadOffers();
        step_ = Step::Service;
        messageKey_.clear();
    }
}

void BookingPanel::close() {
    if (booking_ != nullptr) booking_->wipe();
    keyboard_.wipe();
    messageKey_.clear();
    step_ = Step::Closed;
    page_ = 0;
}

int BookingPanel::pick(Ui& ui, HostConsole& /*console*/, const std::vector<std::string>& labels, Rect area,
                       float y) {
    const Theme& t = ui.theme();
    const float h = t.sizes.consoleRowHeight, gap = t.sizes.consoleGap;
    const int columns = 4;
    const float w = (area.width() - gap * (columns - 1)) / columns;
    const int rows = std::max(1, static_cast<int>((area.y1 - y - h - gap) / (h + gap)));
    const int perPage = rows * columns;
    const int count = static_cast<int>(labels.size());
    page_ = std::clamp(page_, 0, std::max(0, (count - 1) / perPage));
    int chosen = -1;
    for (int i = page_ * perPage, n = 0; i < count && n < perPage; ++i, ++n) {
        const float x = area.x0 + static_cast<float>(n % columns) * (w + gap);
        const float by = y + static_cast<float>(n / columns) * (h + gap);
        if (ui.button(labels[static_cast<std::size_t>(i)], {x, by, x + w, by + h}, FontRole::Body))
            chosen = i;
    }
    const float navY = y + static_cast<float>(rows) * (h + gap);
    if (page_ > 0 && ui.button("<", {area.x0, navY, area.x0 + w, navY + h}, FontRole::Body)) --page_;
    if ((page_ + 1) * perPage < count &&
        ui.button(">", {area.x1 - w, navY, area.x1, navY + h}, FontRole::Body))
        ++page_;
    if (chosen >= 0) page_ = 0;
    return chosen;
}

void BookingPanel::collect(HostConsole& /*console*/) {
    AppointmentClient& client = booking_->client();
    if (!client.collect() || step_ != Step::Busy) return;
    switch (client.state()) {
        case State::Done:
            step_ = Step::Done;
            break;
        case State::SlotTaken:
            messageKey_ = "console.booking_taken";
            booking_->client().loadSlots(booking_->offer()->contactPoint, booking_->offer()->service);
            step_ = Step::Day;
            break;
        case State::Unknown:
            messageKey_ = "console.booking_unknown";
            step_ = Step::Problem;
            break;
        default:
            messageKey_ = "console.booking_not_made";
            step_ = Step::Problem;
            break;
    }
}

void BookingPanel::drawEntry(Ui& ui, HostConsole& console, Rect area, float y) {
    const Theme& t = ui.theme();
    TextEntry& entry = step_ == Step::Name    ? booking_->name()
                       : step_ == Step::Phone ? booking_->phone()
                                              : booking_->email();
    const char* label = step_ == Step::Name    ? "appointment.name_label"
                        : step_ == Step::Phone ? "appointment.phone_label"
                                               : "console.booking_email";
    const std::string error = messageKey_.empty() ? std::string() : console.tr(messageKey_);
    y += textField(ui, entry, console.tr(label), {area.x0, y, area.x1, y}, error) + t.sizes.lineGap;
    const float h = t.sizes.consoleRowHeight;
    const float w = std::min(area.width() / 3, t.sizes.consoleColumnWidth);
    const bool next =
        ui.button(console.tr("console.booking_next"), {area.x0, y, area.x0 + w, y + h}, FontRole::Body);
    keyboard_.draw(ui, entry, console.bundle().settings.session.defaultLanguage,
                   {area.x0, y + h + t.sizes.lineGap, area.x1, area.y1},
                   [&](std::string_view key) -> const std::string& { return console.tr(key); });
    if (!next && !keyboard_.enterPressed()) return;
    messageKey_ = step_ == Step::Name    ? booking_->checkName()
                  : step_ == Step::Phone ? booking_->checkPhone()
                                         : booking_->checkEmail();
    if (!messageKey_.empty()) return;
    keyboard_.reset();
    step_ = step_ == Step::Name ? Step::Phone : step_ == Step::Phone ? Step::Email : Step::Check;
}

void BookingPanel::draw(Ui& ui, HostConsole& console, Rect area) {
    if (booking_ == nullptr || !isOpen()) return;
    const Theme& t = ui.theme();
    const auto& c = t.colors;
    const Theme::Sizes& z = t.sizes;
    const std::string& lang = console.bundle().settings.session.defaultLanguage;
    AppointmentClient& client = booking_->client();
    collect(console);
    float y = area.y0;
    y += ui.text(console.tr("console.booking_title"), {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text,
                 c.background) +
         z.lineGap;
    // Always: close, which forgets everything typed.
    const float h = z.consoleRowHeight;
    const float w = std::min(area.width() / 3, z.consoleColumnWidth);
    if (ui.button(console.tr("console.booking_close"), {area.x1 - w, area.y0, area.x1, area.y0 + h},
                  FontRole::Body)) {
        close();
        return;
    }
    // What is chosen so far, in one line.
    std::string chosen;
    if (const auto& offer = booking_->offer()) chosen = console.serviceName(offer->service);
    if (!booking_->day().empty()) chosen += ", " + appointmentDay(booking_->day(), console.texts(), lang);
    if (const auto& slot = booking_->slot()) chosen += ", " + formatLocalHourMinute(slot->start);
    if (!chosen.empty())
        y +=
            ui.text(chosen, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background) + z.lineGap;
    const bool waiting = client.state() == State::Busy;
    if (waiting && step_ != Step::Busy) {
        ui.text(console.tr("console.booking_waiting"), {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text,
                c.background);
        return;
    }
    switch (step_) {
        case Step::Closed:
            return;
        case Step::Service: {
            if (client.state() != State::Done) {
                ui.text(console.tr("console.booking_unreachable"), {area.x0, y, area.x1, area.y1},
                        FontRole::Body, c.text, c.background);
                return;
            }
            std::vector<const AgendaOffer*> here;
            for (const AgendaOffer& o : client.offers())
                if (o.contactPoint == booking_->ownContactPoint()) here.push_back(&o);
            std::vector<std::string> labels;
            for (const AgendaOffer* o : here) labels.push_back(console.serviceName(o->service));
            if (const int i = pick(ui, console, labels, area, y); i >= 0) {
                booking_->chooseOffer(*here[static_cast<std::size_t>(i)]);
                client.loadSlots(booking_->offer()->contactPoint, booking_->offer()->service);
                step_ = Step::Day;
            }
            return;
        }
        case Step::Day: {
            if (!messageKey_.empty())
                y += ui.warningPanel(console.tr(messageKey_), {area.x0, y, area.x1, area.y1}) + z.lineGap;
            if (client.state() != State::Done) {
                ui.text(console.tr("console.booking_unreachable"), {area.x0, y, area.x1, area.y1},
                        FontRole::Body, c.text, c.background);
                return;
            }
            const std::vector<std::string> days = slotDays(client.slots());
            std::vector<std::string> labels;
            for (const std::string& d : days) labels.push_back(appointmentDay(d, console.texts(), lang));
            if (const int i = pick(ui, console, labels, area, y); i >= 0) {
                booking_->chooseDay(days[static_cast<std::size_t>(i)]);
                messageKey_.clear();
                step_ = Step::Time;
            }
            return;
        }
        case Step::Time: {
            const std::vector<FreeSlot> slots = slotsOnDay(client.slots(), booking_->day());
            std::vector<std::string> labels;
            for (const FreeSlot& s : slots) labels.push_back(formatLocalHourMinute(s.start));
            if (const int i = pick(ui, console, labels, area, y); i >= 0) {
                booking_->chooseSlot(slots[static_cast<std::size_t>(i)]);
                step_ = Step::Name;
            }
            return;
        }
        case Step::Name:
        case Step::Phone:
        case Step::Email:
            drawEntry(ui, console, area, y);
            return;
        case Step::Check: {
            std::string facts = booking_->name().value() + " · " + booking_->phone().value();
            if (!booking_->email().empty()) facts += " · " + booking_->email().value();
            y += ui.text(facts, {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background) +
                 z.lineGap;
            if (ui.button(console.tr("console.booking_make"), {area.x0, y, area.x0 + w, y + h},
                          FontRole::Body)) {
                booking_->send(lang, BookedBy::Host);
                step_ = Step::Busy;
            }
            return;
        }
        case Step::Busy:
            ui.text(console.tr("console.booking_waiting"), {area.x0, y, area.x1, area.y1}, FontRole::Body,
                    c.text, c.background);
            return;
        case Step::Done: {
            const BookingView& b = client.booking();
            y += ui.text(fillIn(console.tr("console.booking_done"), {{"code", groupedBookingCode(b.code)}}),
                         {area.x0, y, area.x1, area.y1}, FontRole::Large, c.text, c.background) +
                 z.lineGap;
            if (booking_->canPrint()) {
                const PaperState paper = booking_->printState();
                booking_->collectPrintResults();
                if (paper == PaperState::None && ui.button(console.tr("console.booking_print"),
                                                           {area.x0, y, area.x0 + w, y + h}, FontRole::Body))
                    booking_->printSlip(console.bundle(), console.texts(), lang, console.clock().now());
                else if (paper != PaperState::None)
                    ui.text(console.tr(paper == PaperState::Printed  ? "console.paper_printed"
                                       : paper == PaperState::Failed ? "console.booking_print_failed"
                                                                     : "console.paper_printing"),
                            {area.x0, y, area.x1, area.y1}, FontRole::Body, c.text, c.background);
            }
            return;
        }
        case Step::Problem:
            ui.warningPanel(console.tr(messageKey_), {area.x0, y, area.x1, area.y1});
            return;
    }
}

}  // namespace wp::ui
