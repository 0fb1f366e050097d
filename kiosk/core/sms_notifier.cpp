#include "kiosk/core/sms_notifier.h"

#include "common/log.h"
#include "kiosk/core/form_validation.h"

namespace wp {

std::optional<std::string> normaliseMobileNumber(std::string_view typed) {
    Checked phone = checkDutchPhone(typed);
    if (!phone.ok()) return std::nullopt;
    // "0612345678" or "+31612345678": the nine digits after the 0 or +31 must start with the mobile 6.
    const std::string national = phone.value.substr(phone.value[0] == '+' ? 3 : 1);
    if (national.size() != 9 || national[0] != '6') return std::nullopt;
    return "+31" + national;
}

std::string formatMobileNumber(std::string_view normalised) {
    if (normalised.rfind("+31", 0) != 0 || normalised.size() != 12) return std::string(normalised);
    return "0" + std::string(normalised.substr(3, 1)) + " " + std::string(normalised.substr(4));
}

std::string_view toString(SmsKind k) {
    return k == SmsKind::Near ? "near" : "called";
}

SmsNotifier::SmsNotifier(QueueStore& tickets, SmsStore& store, SmsSender& sender, const Texts& texts,
                         const Clock& clock, RandomSource& random, SmsRules rules)
    : tickets_(tickets),
      store_(store),
      sender_(sender),
      texts_(texts),
      clock_(clock),
      random_(random),
      rules_(rules) {}

SmsNotifier::Step SmsNotifier::step() {
    Step out;
    const TimePoint now = clock_.now();
    const std::string today = localDay(now);
    auto subscriptions = store_.subscriptions();
    if (!subscriptions) {
        out.status = subscriptions.status();
        return out;
    }
    for (const SmsSubscription& sub : subscriptions.value()) {
        auto ticket = tickets_.ticket(sub.ticketId);
        bool finished = false;
        if (!ticket) {
            if (ticket.status().code() != Status::Code::NotFound) {
                out.status = ticket.status();
                return out;
            }
            finished = true;  // the ticket is gone: so is the reason to keep the number
        } else {
            finished = isFinal(ticket->state) || ticket->day != today;
        }
        if (finished) {
            if (Status s = store_.forget(sub.ticketId); !s) {
                out.status = s;
                return out;
            }
            ++out.forgotten;
            continue;
        }
        const Ticket& t = ticket.value();
        std::optional<SmsKind> kind;
        std::string text;
        if (t.state == TicketState::Called || t.state == TicketState::Serving) {
            kind = SmsKind::Called;
            text = fillIn(texts_.get(sub.language, "sms.message_called"),
                          {{"number", t.display}, {"counter", t.counter}});
        } else if (t.state == TicketState::Waiting) {
            auto ahead = tickets_.countAhead(t);
            if (!ahead) {
                out.status = ahead.status();
                return out;
            }
            if (ahead.value() <= rules_.nearAhead) {
                kind = SmsKind::Near;
                text = fillIn(texts_.get(sub.language, "sms.message_near"),
                              {{"number", t.display}, {"count", std::to_string(ahead.value())}});
            }
        }
        if (!kind) continue;
        auto added = store_.addMessage(t.id, *kind, text, now);
        if (!added) {
            out.status = added.status();
            return out;
        }
        if (added.value()) ++out.made;
    }

    nextRetry_.reset();
    auto due = store_.dueMessages(now, rules_.sendsPerStep);
    if (!due) {
        out.status = due.status();
        return out;
    }
    for (const SmsMessage& m : due.value()) {
        SmsSendResult r = sender_.send(m.number, m.text);
        if (r.accepted) {
            if (Status s = store_.markSent(m.id, now); !s) {
                out.status = s;
                return out;
            }
            log::info("sms: {} message of ticket {} accepted by the gateway", toString(m.kind), m.ticketId);
            ++out.sent;
            continue;
        }
        const TimePoint next = now + retryDelay(rules_.backoff, m.attempts + 1, random_);
        log::warning("sms: {} message of ticket {} not accepted (attempt {}): {}; next try in {} s",
                     toString(m.kind), m.ticketId, m.attempts + 1, r.error,
                     std::chrono::duration_cast<std::chrono::seconds>(next - now).count());
        if (Status s = store_.markFailed(m.id, r.error, now, next); !s) {
            out.status = s;
            return out;
        }
        ++out.failed;
        nextRetry_ = next;
        break;  // the gateway is down or refusing: one message finds out, the others wait
    }
    return out;
}

}  // namespace wp
