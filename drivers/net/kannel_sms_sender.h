// KannelSmsSender: SmsSender (kiosk/core/sms_notifier.h) over Kannel's HTTP sendsms interface, with libcurl.
//
// One GET per message: the settings' url with username, password, from (the sender), to (the number),
// text and charset=UTF-8; Kannel sends text with characters outside ASCII as UCS-2 (coding=2), so
// Turkish, Polish and Ukrainian words arrive whole. Kannel answers 202 ("0: Accepted for delivery" or "3:
// Queued for later delivery") when it has taken the message: only a 2xx counts as accepted. Anything else
// (nobody listening, a timeout, 403 for wrong credentials) is an error the notifier retries. The gateway is
// usually on the kiosk's own machine or LAN: http:// and https:// are both taken (https verifies the server's
// certificate against the system's CAs). One sender per thread; curl.h stays in the .cpp.
#pragma once

#include <string>

#include "common/sms_settings.h"
#include "kiosk/core/sms_notifier.h"

namespace wp {

class KannelSmsSender final : public SmsSender {
  public:
    explicit KannelSmsSender(SmsSettings settings, long timeoutMs = 10000);
    ~KannelSmsSender() override;
    KannelSmsSender(const KannelSmsSender&) = delete;
    KannelSmsSender& operator=(const KannelSmsSender&) = delete;

    SmsSendResult send(const std::string& number, const std::string& text) override;

  private:
    SmsSettings settings_;
    long timeoutMs_;
    void* curl_ = nullptr;  // CURL*
};

}  // namespace wp
