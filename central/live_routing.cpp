#include "central/live_routing.h"

namespace wp {

RoutingTable routingSeedOf(const CentralConfig& config) {
    // The Dutch names of the known teams; admins change them, and add teams, in the back office.
    static const std::map<std::string, std::string> kLabels = {
        {"huurloket", "Huurloket"},         {"wijkteam", "Wijkteam"},       {"gemeente", "Gemeente"},
        {"initiatief", "Initiatief-coach"}, {"wijkmanager", "Wijkmanager"},
    };
    RoutingTable seed;
    seed.defaultTeam = config.routing.defaultTeam;
    seed.rules = config.routing.rules;
    for (std::string_view team : kTeams) {
        seed.teams[std::string(team)];
        if (auto it = kLabels.find(std::string(team)); it != kLabels.end())
            seed.labels[it->first] = it->second;
    }
    for (const auto& [team, targets] : config.notifications) seed.teams[team] = targets;
    return seed;
}

std::vector<NotificationTarget> LiveRouting::Snapshot::targetsOf(const std::string& team) const {
    std::vector<NotificationTarget> out;
    auto it = table.teams.find(team);
    if (it == table.teams.end()) return out;
    if (!it->second.webhookUrl.empty()) out.push_back({"webhook", it->second.webhookUrl});
    for (const std::string& e : it->second.emails) out.push_back({"email", e});
    return out;
}

LiveRouting::LiveRouting(TeamStore& store, std::map<std::string, std::string> fallbackTeams)
    : store_(store),
      fallbackTeams_(std::move(fallbackTeams)),
      current_(std::make_shared<const Snapshot>(Snapshot{{}, RequestRouter({}, "", fallbackTeams_)})) {}

Status LiveRouting::start(const RoutingTable& seed, TimePoint now) {
    if (auto seeded = store_.seedRouting(seed, now); !seeded) return seeded.status();
    return reload();
}

Status LiveRouting::reload() {
    auto table = store_.routingTable();
    if (!table) return table.status();
    RequestRouter router(table->rules, table->defaultTeam, fallbackTeams_);
    auto next = std::make_shared<const Snapshot>(Snapshot{std::move(table).value(), std::move(router)});
    std::lock_guard lock(mutex_);
    current_ = std::move(next);
    return Status::ok();
}

std::shared_ptr<const LiveRouting::Snapshot> LiveRouting::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

}  // namespace wp
