#include "central/backoffice/staff_session.h"

namespace wp {

std::string_view toString(StaffRole role) {
    switch (role) {
        case StaffRole::Team:
            return "team";
        case StaffRole::Coordinator:
            return "coordinator";
        case StaffRole::Admin:
            return "admin";
    }
    return "team";
}

std::optional<StaffRole> staffRoleFromString(std::string_view text) {
    if (text == "team") return StaffRole::Team;
    if (text == "coordinator") return StaffRole::Coordinator;
    if (text == "admin") return StaffRole::Admin;
    return std::nullopt;
}

std::string_view roleLabel(StaffRole role) {
    switch (role) {
        case StaffRole::Team:
            return "Teamlid";
        case StaffRole::Coordinator:
            return "Coördinator";
        case StaffRole::Admin:
            return "Beheerder";
    }
    return "Teamlid";
}

}  // namespace wp
