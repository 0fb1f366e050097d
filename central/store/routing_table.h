// Routing as data: which team gets a request (rules) and how each team hears of new ones (notification
// targets). The config's [routing] and [notify.*] tables are read into these types, which seed the store once
// (TeamStore, central_store.h); after that the store holds the routing the server uses. Plain data.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace wp {

struct RoutingRule {
    std::string type;      // a request type, or "*"
    std::string category;  // a category, "" (no category given), or "*"
    std::string team;
    bool operator==(const RoutingRule&) const = default;
};

struct TeamNotifications {
    std::string webhookUrl;           // https://... ; empty: no webhook
    std::vector<std::string> emails;  // recipients; empty: no e-mail
    bool operator==(const TeamNotifications&) const = default;
};

// Every team with its notification targets and its Dutch display name, the rules in order (first match wins)
// and the team that gets a request no rule matches.
struct RoutingTable {
    std::string defaultTeam;
    std::vector<RoutingRule> rules;
    std::map<std::string, TeamNotifications>
        teams;                                  // by team name; a team without targets has an empty entry
    std::map<std::string, std::string> labels;  // by team name: "Huurloket"; a team without one has none
    bool operator==(const RoutingTable&) const = default;
    // The team's Dutch display name, else its name.
    std::string labelOf(const std::string& team) const {
        auto it = labels.find(team);
        return it == labels.end() || it->second.empty() ? team : it->second;
    }
};

}  // namespace wp
