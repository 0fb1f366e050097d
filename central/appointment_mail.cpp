#include "central/appointment_mail.h"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <array>
#include <span>

#include "central/appointment_calendar.h"
#include "common/hosts.h"

namespace wp {

namespace {

// One language's words. Dates follow the language's own order and cases (Polish and Ukrainian months in
// the genitive); {date} and {time} in the subjects are filled in.
struct MailWords {
    std::string_view language;
    std::array<std::string_view, 7> weekdays;  // Sunday first
    std::array<std::string_view, 12> months;
    std::string_view dateFormat;  // {weekday} {day} {month} {year}
    std::string_view subjectConfirmation, subjectReminder, subjectCancellation;
    std::string_view hello, introConfirmation, introReminder, introCancellation;
    std::string_view what, when, where, code;
    std::string_view codeNote, cancelNote, calendarNote, calendarCancelNote, newAppointment;
    std::string_view regards, automatic, summary;
    std::array<std::string_view, 4> services;  // gemeente, huurloket, wijkteam, initiatief
};

constexpr std::array<std::string_view, 4> kServiceIds = {"gemeente", "huurloket", "wijkteam", "initiatief"};

constexpr MailWords kWords[] = {
    {"nl",
     {"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"},
     {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
      "november", "december"},
     "{weekday} {day} {month} {year}",
     "Uw afspraak op {date} om {time}",
     "Herinnering: uw afspraak op {date} om {time}",
     "Afgezegd: uw afspraak op {date} om {time}",
     "Goedendag,",
     "U hebt een afspraak gemaakt. Hieronder staat alles wat u nodig hebt.",
     "Dit is een herinnering aan uw afspraak.",
     "Uw afspraak is afgezegd. U hoeft niet te komen.",
     "Wat",
     "Wanneer",
     "Waar",
     "Uw code",
     "Kom op tijd. Tik bij de kiosk op Ik heb een afspraak en typ deze code.",
     "Kunt u niet komen? Zeg de afspraak dan af met deze link:",
     "In de bijlage staat de afspraak voor uw agenda.",
     "In de bijlage staat de afzegging voor uw agenda.",
     "Wilt u toch een afspraak? Maak een nieuwe afspraak bij het Wijkpunt.",
     "Met vriendelijke groet,",
     "Dit bericht is automatisch verstuurd. U kunt er niet op antwoorden.",
     "Afspraak",
     {"Gemeente", "Huurloket", "Wijkteam", "Initiatief-coach"}},
    {"en",
     {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
     {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December"},
     "{weekday} {day} {month} {year}",
     "Your appointment on {date} at {time}",
     "Reminder: your appointment on {date} at {time}",
     "Cancelled: your appointment on {date} at {time}",
     "Hello,",
     "You have made an appointment. Below is everything you need.",
     "This is a reminder of your appointment.",
     "Your appointment has been cancelled. You do not need to come.",
     "What",
     "When",
     "Where",
     "Your code",
     "Please be on time. At the kiosk, tap I have an appointment and type this code.",
     "Can you not come? Please cancel the appointment with this link:",
     "The attachment puts the appointment in your calendar.",
     "The attachment takes the appointment out of your calendar.",
     "Do you still want an appointment? Make a new one at the Wijkpunt.",
     "Kind regards,",
     "This message was sent automatically. You cannot reply to it.",
     "Appointment",
     {"Municipality (Gemeente)", "Rent desk (Huurloket)", "Neighbourhood team (Wijkteam)",
      "Initiative coach"}},
    {"tr",
     {"Pazar", "Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi"},
     {"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım",
      "Aralık"},
     "{day} {month} {year} {weekday}",
     "Randevunuz: {date}, saat {time}",
     "Hatırlatma: randevunuz {date}, saat {time}",
     "İptal edildi: randevunuz {date}, saat {time}",
     "Merhaba,",
     "Bir randevu aldınız. Gereken her şey aşağıda.",
     "Bu, randevunuz için bir hatırlatmadır.",
     "Randevunuz iptal edildi. Gelmenize gerek yok.",
     "Ne",
     "Ne zaman",
     "Nerede",
     "Kodunuz",
     "Lütfen zamanında gelin. Kioskta Randevum var düğmesine dokunun ve bu kodu yazın.",
     "Gelemiyor musunuz? O zaman randevuyu bu bağlantı ile iptal edin:",
     "Ekteki dosya randevuyu takviminize ekler.",
     "Ekteki dosya randevuyu takviminizden siler.",
     "Yine de randevu istiyor musunuz? Wijkpunt'ta yeni bir randevu alın.",
     "Saygılarımızla,",
     "Bu mesaj otomatik olarak gönderildi. Bu mesajı yanıtlayamazsınız.",
     "Randevu",
     {"Belediye (Gemeente)", "Kira masası (Huurloket)", "Mahalle ekibi (Wijkteam)", "Girişim koçu"}},
    {"pl",
     {"niedziela", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota"},
     {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
      "października", "listopada", "grudnia"},
     "{weekday}, {day} {month} {year}",
     "Twoja wizyta: {date}, godz. {time}",
     "Przypomnienie: Twoja wizyta {date}, godz. {time}",
     "Odwołana: Twoja wizyta {date}, godz. {time}",
     "Dzień dobry,",
     "Wizyta jest zarezerwowana. Poniżej są wszystkie potrzebne informacje.",
     "Przypominamy o Twojej wizycie.",
     "Twoja wizyta została odwołana. Nie musisz przychodzić.",
     "Co",
     "Kiedy",
     "Gdzie",
     "Twój kod",
     "Przyjdź punktualnie. W kiosku dotknij Mam umówioną wizytę i wpisz ten kod.",
     "Nie możesz przyjść? Odwołaj wizytę przez ten link:",
     "Załącznik dodaje wizytę do Twojego kalendarza.",
     "Załącznik usuwa wizytę z Twojego kalendarza.",
     "Chcesz jednak umówić wizytę? Umów nową w Wijkpunt.",
     "Pozdrawiamy,",
     "Ta wiadomość została wysłana automatycznie. Nie można na nią odpowiedzieć.",
     "Wizyta",
     {"Gmina (Gemeente)", "Punkt ds. najmu (Huurloket)", "Zespół dzielnicowy (Wijkteam)", "Coach inicjatyw"}},
    {"uk",
     {"неділя", "понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота"},
     {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
      "листопада", "грудня"},
     "{weekday}, {day} {month} {year} р.",
     "Ваш запис: {date}, {time}",
     "Нагадування: ваш запис {date}, {time}",
     "Скасовано: ваш запис {date}, {time}",
     "Добрий день,",
     "Ви записалися на прийом. Нижче вся потрібна інформація.",
     "Нагадуємо про ваш запис.",
     "Ваш запис скасовано. Вам не потрібно приходити.",
     "Що",
     "Коли",
     "Де",
     "Ваш код",
     "Приходьте вчасно. У кіоску натисніть У мене є запис і введіть цей код.",
     "Не можете прийти? Скасуйте запис за цим посиланням:",
     "Файл у вкладенні додає запис до вашого календаря.",
     "Файл у вкладенні видаляє запис із вашого календаря.",
     "Все ж хочете записатися? Зробіть новий запис у Wijkpunt.",
     "З повагою,",
     "Цей лист надіслано автоматично. Відповісти на нього не можна.",
     "Запис",
     {"Муніципалітет (Gemeente)", "Питання оренди (Huurloket)", "Команда району (Wijkteam)",
      "Коуч ініціатив"}},
};

const MailWords& wordsFor(std::string_view language) {
    for (const MailWords& w : kWords)
        if (w.language == language) return w;
    return kWords[0];
}

const date::time_zone* amsterdam() {
    static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
    return zone;
}

std::string localDate(TimePoint t, const MailWords& w) {
    const auto local =
        date::make_zoned(amsterdam(), std::chrono::floor<std::chrono::minutes>(t)).get_local_time();
    const date::local_days day = std::chrono::floor<date::days>(local);
    const date::year_month_day ymd(day);
    const date::weekday wd(day);
    return fmt::format(fmt::runtime(w.dateFormat), fmt::arg("weekday", w.weekdays[wd.c_encoding()]),
                       fmt::arg("day", static_cast<unsigned>(ymd.day())),
                       fmt::arg("month", w.months[static_cast<unsigned>(ymd.month()) - 1]),
                       fmt::arg("year", static_cast<int>(ymd.year())));
}

std::string groupedCode(std::string_view code) {
    if (code.size() != 8) return std::string(code);
    return fmt::format("{} {}", code.substr(0, 4), code.substr(4));
}

// base64 in lines of 76 characters, each ended by CRLF.
std::string base64Lines(std::string_view text) {
    const std::string encoded =
        base64Encode(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
    std::string out;
    for (size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
    return out;
}

// An RFC 2047 header value: plain when it is printable ASCII, else UTF-8 encoded-words of at most 39
// bytes of text each (never splitting a character), folded onto continuation lines.
std::string headerText(std::string_view text) {
    bool plain = true;
    for (unsigned char c : text)
        if (c < 0x20 || c > 0x7e) plain = false;
    if (plain) return std::string(text);
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = std::min(text.size(), pos + 39);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) --end;
        const std::string_view chunk = text.substr(pos, end - pos);
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" +
               base64Encode(std::span(reinterpret_cast<const std::uint8_t*>(chunk.data()), chunk.size())) +
               "?=";
        pos = end;
    }
    return out;
}

std::string_view kindName(AppointmentMailKind kind) {
    switch (kind) {
        case AppointmentMailKind::Confirmation:
            return "confirmation";
        case AppointmentMailKind::Reminder:
            return "reminder";
        case AppointmentMailKind::Cancellation:
            return "cancellation";
    }
    return "mail";
}

AppointmentInvitation invitationOf(const AppointmentMail& mail, const std::string& from,
                                   std::string_view domain) {
    const MailWords& w = wordsFor(mail.language);
    AppointmentInvitation in;
    in.uid = appointmentUid(mail.code, domain);
    in.start = mail.start;
    in.end = mail.end;
    in.summary = fmt::format("{}: {}", w.summary, serviceNameIn(mail.service, w.language));
    in.location = mail.address.empty() ? mail.place : fmt::format("{}, {}", mail.place, mail.address);
    in.description = fmt::format("{}: {}", w.code, groupedCode(mail.code));
    if (!mail.cancelLink.empty() && mail.kind != AppointmentMailKind::Cancellation)
        in.description += fmt::format("\n{}\n{}", w.cancelNote, mail.cancelLink);
    in.organizer = from;
    in.attendee = mail.to;
    in.sequence = mail.sequence;
    return in;
}

constexpr CancelPageWords kPageWords[] = {
    {"nl", "Afspraak afzeggen", "Wilt u deze afspraak afzeggen? Dan komt de tijd vrij voor iemand anders.",
     "Afspraak afzeggen", "Uw afspraak is afgezegd",
     "U hoeft niet te komen. U krijgt hierover ook een e-mail.", "Deze link werkt niet meer",
     "De afspraak is al afgezegd of al voorbij. Hebt u een vraag? Kom langs bij het Wijkpunt.", "Wat",
     "Wanneer", "Waar"},
    {"en", "Cancel appointment",
     "Do you want to cancel this appointment? Then someone else can have the time.", "Cancel appointment",
     "Your appointment is cancelled", "You do not need to come. You will also get an e-mail.",
     "This link no longer works",
     "The appointment is already cancelled or over. Do you have a question? Come to the Wijkpunt.", "What",
     "When", "Where"},
    {"tr", "Randevuyu iptal et",
     "Bu randevuyu iptal etmek istiyor musunuz? O zaman bu saat başkasına açılır.", "Randevuyu iptal et",
     "Randevunuz iptal edildi", "Gelmenize gerek yok. Ayrıca bir e-posta alacaksınız.",
     "Bu bağlantı artık çalışmıyor",
     "Randevu zaten iptal edildi veya geçti. Sorunuz mu var? Wijkpunt'a gelin.", "Ne", "Ne zaman", "Nerede"},
    {"pl", "Odwołaj wizytę", "Chcesz odwołać tę wizytę? Wtedy ktoś inny może przyjść w tym czasie.",
     "Odwołaj wizytę", "Twoja wizyta została odwołana", "Nie musisz przychodzić. Dostaniesz też e-mail.",
     "Ten link już nie działa", "Wizyta jest już odwołana albo minęła. Masz pytanie? Przyjdź do Wijkpunt.",
     "Co", "Kiedy", "Gdzie"},
    {"uk", "Скасувати запис", "Хочете скасувати цей запис? Тоді цей час зможе взяти хтось інший.",
     "Скасувати запис", "Ваш запис скасовано", "Вам не потрібно приходити. Ви також отримаєте лист.",
     "Це посилання більше не працює",
     "Запис уже скасовано або він уже минув. Маєте питання? Приходьте до Wijkpunt.", "Що", "Коли", "Де"},
};

}  // namespace

const CancelPageWords& cancelPageWords(std::string_view language) {
    for (const CancelPageWords& w : kPageWords)
        if (w.language == language) return w;
    return kPageWords[0];
}

bool isMailLanguage(std::string_view language) {
    for (const MailWords& w : kWords)
        if (w.language == language) return true;
    return false;
}

std::string serviceNameIn(std::string_view service, std::string_view language) {
    const MailWords& w = wordsFor(language);
    for (size_t i = 0; i < kServiceIds.size(); ++i)
        if (kServiceIds[i] == service) return std::string(w.services[i]);
    return std::string(service);
}

std::string appointmentWhen(TimePoint start, TimePoint end, std::string_view language) {
    return fmt::format("{}, {} - {}", localDate(start, wordsFor(language)), formatLocalHourMinute(start),
                       formatLocalHourMinute(end));
}

MailText appointmentMailText(const AppointmentMail& mail) {
    const MailWords& w = wordsFor(mail.language);
    const std::string date = localDate(mail.start, w);
    const std::string time = formatLocalHourMinute(mail.start);
    std::string_view subject = w.subjectConfirmation, intro = w.introConfirmation;
    if (mail.kind == AppointmentMailKind::Reminder) {
        subject = w.subjectReminder;
        intro = w.introReminder;
    } else if (mail.kind == AppointmentMailKind::Cancellation) {
        subject = w.subjectCancellation;
        intro = w.introCancellation;
    }
    MailText out;
    out.subject = fmt::format(fmt::runtime(subject), fmt::arg("date", date), fmt::arg("time", time));
    const std::string where =
        mail.address.empty() ? mail.place : fmt::format("{}, {}", mail.place, mail.address);
    std::string body = fmt::format("{}\n\n{}\n\n", w.hello, intro);
    body += fmt::format("{}: {}\n", w.what, serviceNameIn(mail.service, w.language));
    body += fmt::format("{}: {}\n", w.when, appointmentWhen(mail.start, mail.end, w.language));
    body += fmt::format("{}: {}\n", w.where, where);
    body += fmt::format("{}: {}\n\n", w.code, groupedCode(mail.code));
    if (mail.kind == AppointmentMailKind::Cancellation) {
        body += fmt::format("{}\n\n{}\n\n", w.newAppointment, w.calendarCancelNote);
    } else {
        body += fmt::format("{}\n\n", w.codeNote);
        if (!mail.cancelLink.empty()) body += fmt::format("{}\n{}\n\n", w.cancelNote, mail.cancelLink);
        body += fmt::format("{}\n\n", w.calendarNote);
    }
    body += fmt::format("{}\n{}\n\n{}\n", w.regards, mail.place, w.automatic);
    out.body = std::move(body);
    return out;
}

std::string appointmentMailMessage(const AppointmentMail& mail, const std::string& from, TimePoint now,
                                   std::string_view domain) {
    const MailText text = appointmentMailText(mail);
    const bool cancel = mail.kind == AppointmentMailKind::Cancellation;
    const std::string calendar = invitationCalendar(
        invitationOf(mail, from, domain), cancel ? InvitationMethod::Cancel : InvitationMethod::Request, now);
    std::string body;
    for (char c : text.body) {
        if (c == '\n') body += '\r';
        body += c;
    }
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const std::string boundary = fmt::format("wijkpunt-{}-{}-{}", mail.code, kindName(mail.kind), seconds);
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    char dateHeader[64];
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(dateHeader, sizeof dateHeader, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    const std::string_view method = cancel ? "CANCEL" : "REQUEST";
    std::string out = fmt::format(
        "Date: {}\r\nFrom: <{}>\r\nTo: <{}>\r\nSubject: {}\r\nMessage-ID: <{}.{}.{}@{}>\r\n"
        "Content-Language: {}\r\nAuto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed;\r\n boundary=\"{}\"\r\n\r\n",
        dateHeader, from, mail.to, headerText(text.subject), mail.code, kindName(mail.kind), seconds, domain,
        wordsFor(mail.language).language, boundary);
    out += fmt::format(
        "--{}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{}",
        boundary, base64Lines(body));
    out += fmt::format(
        "--{}\r\nContent-Type: text/calendar; charset=utf-8; method={}\r\nContent-Transfer-Encoding: "
        "base64\r\n"
        "Content-Disposition: attachment; filename=\"afspraak.ics\"\r\n\r\n{}",
        boundary, method, base64Lines(calendar));
    out += fmt::format("--{}--\r\n", boundary);
    return out;
}

std::string mailDomain(std::string_view publicUrl, std::string_view from) {
    if (size_t scheme = publicUrl.find("://"); scheme != std::string_view::npos) {
        std::string_view host = publicUrl.substr(scheme + 3);
        host = host.substr(0, host.find_first_of("/:"));
        if (!host.empty()) return std::string(host);
    }
    if (size_t at = from.rfind('@'); at != std::string_view::npos && at + 1 < from.size())
        return std::string(from.substr(at + 1));
    return "localhost";
}

}  // namespace wp
