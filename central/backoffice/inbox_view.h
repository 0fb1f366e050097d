// The view model of the team inbox: the filter form read from the page's GET parameters into an
// InboxQuery, and the page the store gave turned into the nlohmann::json inbox.mustache reads. No HTML is
// made here; the template escapes every value.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "central/backoffice/case_labels.h"

namespace wp {

// The inbox's filter form (GET parameters team, status, type, category, contact_point, older_than,
// assigned, reference, after, before): the query it asks for, the values to show again, and a Dutch
// message per field whose value was refused (that filter is then not applied).
struct InboxFilter {
    InboxQuery query;
    std::map<std::string, std::string> values;  // by parameter name, as typed
    std::map<std::string, std::string> errors;  // by parameter name
};
InboxFilter readInboxFilter(const FormParams& params, const InboxViewer& viewer,
                            const InboxSettings& settings, TimePoint now);

// The inbox page: heading, counts by status (each a link), the filter form, the rows oldest first (overdue
// marked), links to the earlier and later pages.
nlohmann::json inboxView(const InboxPage& page, const InboxFilter& filter, const InboxViewer& viewer,
                         const InboxSettings& settings, TimePoint now);

}  // namespace wp
