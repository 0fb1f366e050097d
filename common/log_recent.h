// The log's recent lines (common/log.h keeps them as it writes): what a kiosk uploads when an admin asks for
// its log, and what its heartbeat names as its last error. Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace wp::log {

inline constexpr std::size_t kRecentLines = 500;
// The process's last kRecentLines lines as written (time or priority prefix included), oldest first.
std::vector<std::string> recentLines();
// The message of the last error line; empty when there was none.
std::string lastError();

}  // namespace wp::log
