// LiveRouting: the routing the server uses now, read from the store (TeamStore), which the config seeds once.
// An admin's change is written to the store and then reload()ed: the next request is routed by the new rules
// and notifies the new targets, without a restart.
//
// Thread-safe: current() hands out a snapshot that stays whole and valid for as long as the caller holds it;
// reload() builds a new snapshot from the store and swaps it in, so a request never sees half a change.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "central/central_config.h"
#include "central/request_router.h"
#include "central/store/central_store.h"

namespace wp {

// What the config says about routing, as the store's first content: every known team (common/request_spec.h
// kTeams) with its Dutch name and [notify.*] targets, [routing]'s rules and default team.
RoutingTable routingSeedOf(const CentralConfig& config);

class LiveRouting {
  public:
    struct Snapshot {
        RoutingTable table;
        RequestRouter router;
        // Where to tell the team of a new request: its webhook, then its e-mail addresses.
        std::vector<NotificationTarget> targetsOf(const std::string& team) const;
    };

    // fallbackTeams: request type -> its spec's fallback team (RequestRouter::fallbackTeamsOf). Until start()
    // succeeds the routing is empty: everything goes to an unnamed default team.
    LiveRouting(TeamStore& store, std::map<std::string, std::string> fallbackTeams);

    // Seeds the store with seed when it was never seeded, then reads it.
    Status start(const RoutingTable& seed, TimePoint now);
    // Reads the store's routing and swaps it in; on error the routing in use stays.
    Status reload();
    std::shared_ptr<const Snapshot> current() const;

  private:
    TeamStore& store_;
    std::map<std::string, std::string> fallbackTeams_;
    mutable std::mutex mutex_;
    std::shared_ptr<const Snapshot> current_;
};

}  // namespace wp
