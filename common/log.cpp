#include "common/log.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <deque>
#include <memory>
#include <mutex>

#include "common/log_recent.h"

namespace wp::log {
namespace {

// The last lines written and the last error's message (recentLines, lastError).
struct Recent {
    std::mutex mutex;
    std::deque<std::string> lines;
    std::string lastError;
};
Recent& recent() {
    static Recent r;
    return r;
}

// Writes each line to a FILE and flushes it at once, so a line is out before a crash or a kill -9.
class FileSink final : public spdlog::sinks::base_sink<std::mutex> {
  public:
    explicit FileSink(std::FILE* to) : to_(to) {}

  protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        spdlog::memory_buf_t line;
        formatter_->format(msg, line);
        std::fwrite(line.data(), 1, line.size(), to_);
        std::fflush(to_);
        Recent& r = recent();
        std::lock_guard lock(r.mutex);
        std::string text(line.data(), line.size());
        while (!text.empty() && text.back() == '\n') text.pop_back();
        r.lines.push_back(std::move(text));
        while (r.lines.size() > kRecentLines) r.lines.pop_front();
        if (msg.level >= spdlog::level::err) r.lastError.assign(msg.payload.data(), msg.payload.size());
    }
    void flush_() override { std::fflush(to_); }

  private:
    std::FILE* to_;
};

// "<N>": the line's syslog priority, which the journal reads off a stream's lines (sd-daemon(3)).
class SyslogPriority final : public spdlog::custom_flag_formatter {
  public:
    void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
        char priority = '6';
        switch (msg.level) {
            case spdlog::level::trace:
            case spdlog::level::debug:
                priority = '7';
                break;
            case spdlog::level::warn:
                priority = '4';
                break;
            case spdlog::level::err:
                priority = '3';
                break;
            case spdlog::level::critical:
                priority = '2';
                break;
            default:
                break;
        }
        const char prefix[] = {'<', priority, '>'};
        dest.append(prefix, prefix + sizeof prefix);
    }
    std::unique_ptr<custom_flag_formatter> clone() const override {
        return std::make_unique<SyslogPriority>();
    }
};

spdlog::level::level_enum toSpdlog(Level level) {
    switch (level) {
        case Level::Debug:
            return spdlog::level::debug;
        case Level::Info:
            return spdlog::level::info;
        case Level::Warning:
            return spdlog::level::warn;
        case Level::Error:
            return spdlog::level::err;
        case Level::Off:
            return spdlog::level::off;
    }
    return spdlog::level::info;
}

// systemd sets JOURNAL_STREAM to "device:inode" of the stream it connected stdout/stderr to; `to` is the
// journal only when it is that very file (a child whose stderr went elsewhere inherits the variable).
bool isJournal(std::FILE* to) {
    const char* stream = std::getenv("JOURNAL_STREAM");  // NOLINT(concurrency-mt-unsafe): before threads
    if (stream == nullptr) return false;
    unsigned long long device = 0, inode = 0;
    if (std::sscanf(stream, "%llu:%llu", &device, &inode) != 2) return false;
    struct stat st {};
    if (fstat(fileno(to), &st) != 0) return false;
    return st.st_dev == device && st.st_ino == inode;
}

Level levelFromEnvironment() {
    const char* text = std::getenv("WIJKPUNT_LOG_LEVEL");  // NOLINT(concurrency-mt-unsafe): before threads
    if (text == nullptr) return Level::Info;
    return levelFromString(text).value_or(Level::Info);
}

void install(const Options& options) {
    auto sink = std::make_shared<FileSink>(options.to);
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<SyslogPriority>('*');
    formatter->set_pattern(
        options.journal.value_or(isJournal(options.to)) ? "%*%n: %l: %v" : "%Y-%m-%d %H:%M:%S.%e %n: %l: %v");
    sink->set_formatter(std::move(formatter));
    auto logger = std::make_shared<spdlog::logger>(options.program, std::move(sink));
    logger->set_level(toSpdlog(options.level.value_or(levelFromEnvironment())));
    spdlog::set_default_logger(std::move(logger));
}

std::once_flag g_installed;

spdlog::logger& logger() {
    std::call_once(g_installed, [] { install(Options{}); });
    return *spdlog::default_logger_raw();
}

}  // namespace

std::optional<Level> levelFromString(std::string_view text) {
    if (text == "debug") return Level::Debug;
    if (text == "info") return Level::Info;
    if (text == "warning" || text == "warn") return Level::Warning;
    if (text == "error") return Level::Error;
    if (text == "off") return Level::Off;
    return std::nullopt;
}

void setUp(const Options& options) {
    std::call_once(g_installed, [] {});
    install(options);
}

bool enabled(Level level) {
    return level != Level::Off && logger().should_log(toSpdlog(level));
}

void write(Level level, std::string_view message) {
    if (level == Level::Off) return;
    logger().log(toSpdlog(level), spdlog::string_view_t(message.data(), message.size()));
}

}  // namespace wp::log

namespace wp::log {

std::vector<std::string> recentLines() {
    Recent& r = recent();
    std::lock_guard lock(r.mutex);
    return {r.lines.begin(), r.lines.end()};
}

std::string lastError() {
    Recent& r = recent();
    std::lock_guard lock(r.mutex);
    return r.lastError;
}

}  // namespace wp::log
