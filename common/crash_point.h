// Named crash points: the fault tests' way to kill a process at an exact place (DESIGN.md: Testing).
//
// Code that must survive a crash calls crashPoint("after-counter-update") at the places where a crash is
// interesting. Normally that costs one getenv() and nothing happens. When the environment
// variable WIJKPUNT_CRASH_AT is "name" or "name:count", the count-th call (default the first) of
// crashPoint(name) in this process kills it with SIGKILL on the spot: no destructors, no atexit handlers, no
// buffered output flushed, exactly like `kill -9` from outside.
//
// The variable is read at every call (cheap next to the fsyncs crash points sit beside), so a test may set
// it just before forking a child. Thread-safe as long as nobody changes the environment meanwhile. The
// names in use are listed next to the code that calls them (kiosk/store/sqlite_queue_store.h).
#pragma once

#include <string_view>

namespace wp {

void crashPoint(std::string_view name);

}  // namespace wp
