// Personal bearer tokens of admins and team members (DESIGN.md: Central server).
//
// A token is "wpt_" and 64 hex digits of randomness from OpenSSL; it is shown once, when made. The server
// keeps only its SHA-256, so a stolen database gives no working tokens. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wp {

enum class PersonRole { Admin, Team };
inline std::string_view toString(PersonRole r) {
    return r == PersonRole::Admin ? "admin" : "team";
}
inline std::optional<PersonRole> personRoleFromString(std::string_view s) {
    if (s == "admin") return PersonRole::Admin;
    if (s == "team") return PersonRole::Team;
    return std::nullopt;
}

struct Person {
    std::string name;
    PersonRole role = PersonRole::Team;
    std::string team;  // for PersonRole::Team
};

// A fresh token (cryptographically random).
std::string makePersonToken();
// Lower-case hex SHA-256 of the token text.
std::string hashPersonToken(std::string_view token);
// Lower-case hex SHA-256 of any bytes (also used for certificate pins in tests and tools).
std::string sha256Hex(std::string_view bytes);

}  // namespace wp
