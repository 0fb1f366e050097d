// What the back office's case pages share: the settings the views read (request types, Dutch texts,
// promises, choices) and the Dutch words for statuses, types and times. Texts are Dutch (B1).
//
// Overdue: a request that still has the status "received" after the promised contact time
// (contactDueAt, central/backoffice/contact_promise.h) is marked with a word and an icon. The promise is
// the type's spec (receipt.contact_within_working_days), for initiatives [initiative]
// contact_within_working_days, else the back office's default.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "central/store/central_store.h"
#include "common/bundle.h"
#include "common/request_spec.h"

namespace wp {

using FormParams = std::multimap<std::string, std::string>;

// Who looks at the pages.
struct InboxViewer {
    std::int64_t accountId = 0;
    std::string team;       // a team account's team; "" for coordinators and admins
    bool allTeams = false;  // coordinators and admins see every team's requests
};

// What the views know besides the store: the request types, the Dutch texts, the promises, the choices.
struct InboxSettings {
    const RequestSpecs* specs = nullptr;
    const LanguageTexts* dutch = nullptr;  // labels of types, fields and categories; null: their ids
    int defaultContactWorkingDays = 5;
    int initiativeContactWorkingDays = 5;
    std::vector<std::string> contactPoints;    // the filter's choices
    std::map<std::string, std::string> teams;  // every team in the store: name -> Dutch name
};

// The promise of a request type, in working days.
int promisedWorkingDays(const std::string& type, const InboxSettings& settings);
// Whether the request is overdue at now: nobody answered it (status received) within its promise.
bool isOverdue(const RequestSummary& s, const InboxSettings& settings, TimePoint now);

// Dutch words for a status ("Nieuw", "In behandeling", "Beantwoord", "Afgesloten").
std::string statusLabel(RequestStatus s);
// The Dutch text of a key when the settings have texts, else fallback.
std::string dutchText(const InboxSettings& settings, const std::string& key, const std::string& fallback);
// The Dutch name of a request type (its flow's title), or its id.
std::string typeLabel(const std::string& type, const InboxSettings& settings);
// The Dutch label of a field of spec: the label of the flow step that fills it, else its name in words.
std::string fieldLabel(const RequestSpec& spec, const FieldSpec& field, const InboxSettings& settings);
// A time as the pages show it, in Europe/Amsterdam: "di 8 dec 2026 14:05"; a day: "di 8 dec 2026".
std::string localDateTime(TimePoint t);
std::string localDate(TimePoint t);

// The query string of these parameters ("a=1&b=x%20y"), each name and value percent-encoded.
std::string queryString(const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace wp
