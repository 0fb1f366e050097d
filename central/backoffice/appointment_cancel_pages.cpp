// The public pages of a resident's cancel link ([backoffice] public_url + /afspraak/annuleren/TOKEN, sent in
// the appointment e-mails by central/appointment_mailer.h): the appointment's service, day, time and place
// with one button that cancels it, then "Uw afspraak is afgezegd". A token that is unknown, whose booking is
// wiped, cancelled, checked in or already begun gets one plain page that says the link no longer works, the
// same for every such case. The form carries the anonymous double-submit token (back_office.h). The pages
// are in the booking's language, carry no script and nothing personal, and are never cached.
#include <fmt/format.h>

#include "central/appointment_mail.h"
#include "central/backoffice/back_office.h"
#include "central/backoffice/embedded_files.h"
#include "central/backoffice/staff_credentials.h"
#include "common/log.h"

namespace wp {

namespace {

constexpr std::string_view kCancelPagePolicy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";

}  // namespace

std::optional<Booking> BackOffice::cancellableBooking(const HttpRequest& req, HttpResponse& res) {
    const std::string token = req.matches.size() > 1 ? req.matches[1].str() : "";
    if (token.size() != randomToken().size()) {
        showCancelPage(res, 404, "nl", nullptr);
        return std::nullopt;
    }
    auto booking = store_.bookingByCancelTokenHash(hashSecretToken(token));
    if (!booking) {
        log::error("cancel link: {}", booking.status().message());
        res.status = 503;
        res.set_content("Dit lukt nu niet. Probeer het later opnieuw.\n", "text/plain; charset=utf-8");
        return std::nullopt;
    }
    const std::optional<Booking>& b = booking.value();
    if (!b || b->state != BookingState::Booked || b->personalDataWiped || b->start <= clock_.now()) {
        showCancelPage(res, 404, b ? b->language : "nl", nullptr);
        return std::nullopt;
    }
    return *b;
}

void BackOffice::showCancelPage(HttpResponse& res, int status, const std::string& language,
                                const Booking* booking, const std::string& csrf, const std::string& action,
                                bool done) {
    const CancelPageWords& w = cancelPageWords(language);
    nlohmann::json view = {{"language", w.language},
                           {"municipality", pages_.municipality()},
                           {"css", PageRenderer::staticPath("backoffice.css")}};
    if (done) {
        view["title"] = view["heading"] = w.doneTitle;
        view["text"] = w.doneText;
    } else if (booking == nullptr) {
        view["title"] = view["heading"] = w.goneTitle;
        view["text"] = w.goneText;
        if (w.language == "nl") {
            const CancelPageWords& en = cancelPageWords("en");
            view["other"] = {{"language", "en"}, {"heading", en.goneTitle}, {"text", en.goneText}};
        }
    } else {
        view["title"] = view["heading"] = w.title;
        view["text"] = w.intro;
        view["booking"] = {
            {"service", serviceNameIn(booking->service, w.language)},
            {"when", appointmentWhen(booking->start, booking->end, w.language)},
            {"place", booking->place},
            {"address", booking->address},
            {"words", {{"what", w.what}, {"when", w.when}, {"where", w.where}, {"button", w.button}}}};
        view["action"] = action;
        view["csrf"] = csrf;
    }
    auto text = findEmbeddedFile(embeddedTemplates(), "appointment_cancel.mustache");
    auto html = text ? renderMustache(*text, view) : Result<std::string>(Status::notFound("no template"));
    res.set_header("Content-Security-Policy", std::string(kCancelPagePolicy));
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Robots-Tag", "noindex");
    if (!html) {
        log::error("cancel link page: {}", html.status().message());
        res.status = 500;
        res.set_content("De pagina kan niet gemaakt worden.\n", "text/plain; charset=utf-8");
        return;
    }
    res.status = status;
    res.set_content(std::move(html).value(), "text/html; charset=utf-8");
}

void BackOffice::cancelLinkPage(const HttpRequest& req, HttpResponse& res, const StaffSession& session) {
    auto booking = cancellableBooking(req, res);
    if (!booking) return;
    showCancelPage(res, 200, booking->language, &*booking, session.csrfToken, req.path);
}

void BackOffice::cancelByLink(const HttpRequest& req, HttpResponse& res, const StaffSession&) {
    auto booking = cancellableBooking(req, res);
    if (!booking) return;
    auto cancelled = store_.cancelBooking(booking->code, clock_.now());
    if (!cancelled && cancelled.status().code() == Status::Code::NotFound)
        return showCancelPage(res, 404, booking->language, nullptr);
    if (!cancelled) {
        log::error("cancel link: {}", cancelled.status().message());
        res.status = 503;
        res.set_content("Dit lukt nu niet. Probeer het later opnieuw.\n", "text/plain; charset=utf-8");
        return;
    }
    log::info("appointment {} cancelled by the resident's link", booking->code);
    redirect(res, "/afspraak/afgezegd?taal=" + std::string(cancelPageWords(booking->language).language));
}

void BackOffice::cancelledPage(const HttpRequest& req, HttpResponse& res, const StaffSession&) {
    showCancelPage(res, 200, req.get_param_value("taal"), nullptr, "", "", true);
}

}  // namespace wp
