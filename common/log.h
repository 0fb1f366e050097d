// Log: the leveled log lines of every Wijkpunt program, on stderr, where systemd's journal picks them up.
// spdlog writes them; no spdlog type appears here, so a caller includes only this header.
//
// A line reads "wijkpunt-central: warning: notification 12 (SGN-K2-7KQ4XD9M-3, webhook) failed ...": the
// program, the level, the message. When stderr is the journal (systemd's JOURNAL_STREAM names it), a line
// starts with its syslog priority ("<4>"), so `journalctl -p warning` finds it and the journal adds the time;
// anywhere else (a terminal, a test's log file) it starts with the local time instead. The level comes from
// the environment variable WIJKPUNT_LOG_LEVEL: debug, info (when unset or not understood), warning, error
// or off.
//
// Never personal data in a log line: no value of a request's fields, no name, phone number, e-mail address,
// street address, typed text, PIN or token, and no message that may quote one (a request's validation
// message can). Codes that mean nothing outside Wijkpunt are fine: a reference code, a UUID, a kiosk code,
// a row id, a field's or a screen's name, an error code. tests/integration/log_privacy_test.cpp runs the
// central server's intake and the kiosk's outbox sender on requests full of markers and checks their logs.
//
// What a program prints as its result (a token, a port, a script's verdict, a command line's usage error)
// is no log line: it goes to stdout or stderr as it is.
//
// Thread-safe. setUp() runs once at the start of main(), before other threads start. Lines written before
// it, or in a program that never calls it (a unit test), go to stderr under the name "wijkpunt".
#pragma once

#include <fmt/format.h>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace wp::log {

enum class Level { Debug, Info, Warning, Error, Off };

// "debug", "info", "warning" (or "warn"), "error", "off"; nullopt for anything else.
std::optional<Level> levelFromString(std::string_view text);

struct Options {
    std::string program = "wijkpunt";
    std::optional<Level> level;  // nullopt: WIJKPUNT_LOG_LEVEL, else info
    std::FILE* to = stderr;      // where lines go (a test passes a file of its own)
    std::optional<bool>
        journal;  // priority prefixes instead of the time; nullopt: whether `to` is the journal
};

// Sets up the process's logger. Call at the start of main(), before other threads start; calling it again
// replaces the logger (tests), and must then also happen while no other thread logs.
void setUp(const Options& options);
inline void setUp(std::string program) {
    Options o;
    o.program = std::move(program);
    setUp(o);
}

bool enabled(Level level);
void write(Level level, std::string_view message);

// Each formats like fmt::format (checked at compile time) only when its level is enabled.
template <typename... Args>
void debug(fmt::format_string<Args...> format, Args&&... args) {
    if (enabled(Level::Debug)) write(Level::Debug, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void info(fmt::format_string<Args...> format, Args&&... args) {
    if (enabled(Level::Info)) write(Level::Info, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void warning(fmt::format_string<Args...> format, Args&&... args) {
    if (enabled(Level::Warning)) write(Level::Warning, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void error(fmt::format_string<Args...> format, Args&&... args) {
    if (enabled(Level::Error)) write(Level::Error, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace wp::log
