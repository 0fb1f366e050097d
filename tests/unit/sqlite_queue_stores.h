// SqliteQueueStores: the kiosk database's three queue stores on one file, each on its own connection as the
// roles open them: tickets and events (SqliteQueueStore), the hosts' changes (SqliteHostQueueStore) and the
// consoles' PIN lockouts (SqlitePinLockStore). For the tests of the stores, the desk, the call board, the
// ticket flow and the screens.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "common/services.h"
#include "kiosk/core/host_desk.h"
#include "kiosk/store/sqlite_host_queue_store.h"
#include "kiosk/store/sqlite_pin_lock_store.h"
#include "kiosk/store/sqlite_queue_store.h"

namespace wp::testing {

struct SqliteQueueStores {
    std::unique_ptr<SqliteQueueStore> tickets;
    std::unique_ptr<SqliteHostQueueStore> host;
    std::unique_ptr<SqlitePinLockStore> pinLocks;

    static Result<SqliteQueueStores> open(const std::filesystem::path& file,
                                          const std::vector<Service>& services) {
        SqliteQueueStores out;
        auto tickets = SqliteQueueStore::open(file, services);
        if (!tickets) return tickets.status();
        out.tickets = std::move(tickets).value();
        auto host = SqliteHostQueueStore::open(file, services);
        if (!host) return host.status();
        out.host = std::move(host).value();
        auto pinLocks = SqlitePinLockStore::open(file);
        if (!pinLocks) return pinLocks.status();
        out.pinLocks = std::move(pinLocks).value();
        return out;
    }

    HostDeskStores desk() { return {*tickets, *host, *pinLocks}; }
};

}  // namespace wp::testing
