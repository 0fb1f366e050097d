#include "central/store/fleet_store.h"

#include <array>

namespace wp {

namespace {

constexpr std::array<std::pair<CommandState, std::string_view>, 4> kStates = {{
    {CommandState::Queued, "queued"},
    {CommandState::Delivered, "delivered"},
    {CommandState::Done, "done"},
    {CommandState::Failed, "failed"},
}};

constexpr std::array<std::string_view, 5> kCommandKinds = {"restart", "out-of-service", "in-service",
                                                           "screenshot", "logs"};

}  // namespace

std::string_view toString(CommandState s) {
    for (const auto& [state, name] : kStates)
        if (state == s) return name;
    return "failed";
}

std::optional<CommandState> commandStateFromString(std::string_view s) {
    for (const auto& [state, name] : kStates)
        if (name == s) return state;
    return std::nullopt;
}

bool isKioskCommandKind(std::string_view kind) {
    for (std::string_view k : kCommandKinds)
        if (k == kind) return true;
    return false;
}

}  // namespace wp
