// Who is signed in to the back office: the session a back office handler is called with
// (central/backoffice/back_office.h). Roles: a Team account sees its own team's requests only; a Coordinator
// sees every team's and forwards; an Admin manages accounts, teams and routing, and sees everything.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wp {

enum class StaffRole { Team, Coordinator, Admin };

// "team", "coordinator", "admin": the words of the CLI and the store.
std::string_view toString(StaffRole role);
std::optional<StaffRole> staffRoleFromString(std::string_view text);
// The role as staff read it on the pages (Dutch): "Teamlid", "Coördinator", "Beheerder".
std::string_view roleLabel(StaffRole role);

struct StaffSession {
    std::int64_t accountId = 0;
    std::string name;  // the person's name: the audit log's actor
    std::string email;
    StaffRole role = StaffRole::Team;
    std::string team;           // the team of a Team account; "" for Coordinator and Admin
    std::string csrfToken;      // every form carries it as <input type="hidden" name="csrf" value="...">
    std::string sourceAddress;  // the request's remote address: the audit log's "from where"
};

}  // namespace wp
