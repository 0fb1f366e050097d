#include <fmt/format.h>

#include "common/sms_settings.h"
#include "common/toml_reader.h"

namespace wp {

Result<SmsSettings> loadSmsSettings(const std::filesystem::path& settingsFile) {
    toml_reader::TomlReader r(settingsFile.string());
    if (!r.ok()) return r.status();
    SmsSettings sms;
    const toml::node* n = r.root().get("sms");
    if (n == nullptr) return sms;
    const toml::table* t = n->as_table();
    if (t == nullptr) {
        r.error(n, "'sms' must be a table");
        return r.status();
    }
    r.checkKeys(*t, {"url", "username", "password", "sender", "near_ahead"},
                "url, username, password, sender or near_ahead");
    sms.url = r.optionalString(*t, "url", "",
                               "Kannel's sendsms address, like \"http://127.0.0.1:13013/cgi-bin/sendsms\"");
    if (!sms.url.empty() && sms.url.rfind("http://", 0) != 0 && sms.url.rfind("https://", 0) != 0)
        r.error(t->get("url"), "url must start with http:// or https://");
    sms.username = r.optionalString(*t, "username", "", "the sendsms user's name");
    sms.password = r.optionalString(*t, "password", "", "the sendsms user's password");
    sms.sender = r.optionalString(*t, "sender", "", "the sender the phone shows, like \"Wijkpunt\"");
    if (sms.sender.size() > 16)
        r.error(t->get("sender"), fmt::format("sender '{}' is longer than 16 characters", sms.sender));
    sms.nearAhead = static_cast<int>(
        r.optionalInt(*t, "near_ahead", sms.nearAhead, "how many people before the ticket (0..20)"));
    if (sms.nearAhead < 0 || sms.nearAhead > 20)
        r.error(t->get("near_ahead"), "near_ahead must be between 0 and 20");
    if (!r.ok()) return r.status();
    return sms;
}

}  // namespace wp
