// The view model of one request's page in the back office: the case the store read (audited) turned into
// the nlohmann::json request.mustache reads, with the forms for take, assign, forward, status and plan.
// No HTML is made here; the template escapes every value.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "central/backoffice/case_labels.h"

namespace wp {

// A colleague a request can be assigned to.
struct Colleague {
    std::int64_t accountId = 0;
    std::string name;
};

// What the request page needs besides the case.
struct RequestPageContext {
    InboxViewer viewer;
    std::vector<Colleague> colleagues;          // the accounts of the request's team
    std::map<std::string, std::string> teams;   // every team, name -> Dutch name (not its own in forward)
    std::string message;                        // a confirmation after an action; "" for none
    std::map<std::string, std::string> errors;  // refused form fields ("public_note", ...), Dutch
    std::map<std::string, std::string> values;  // what was typed in a refused form, to show again
};

// The request page: its fields by the spec's labels, contact point and kiosk, assignment, plan, notes,
// history, and the forms for take, assign, forward, status and plan.
nlohmann::json requestView(const CaseDetail& c, const RequestPageContext& context,
                           const InboxSettings& settings, TimePoint now);

// The Dutch reason a public note is refused, for beside the field; "" when it may be sent.
std::string publicNoteProblem(const std::string& note);

// The confirmation shown after an action ("take", "assign", "forward", "status", "plan"); "" for others.
std::string confirmationOf(const std::string& action);

}  // namespace wp
