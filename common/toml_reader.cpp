#include "common/toml_reader.h"

#include <algorithm>

#include <fmt/format.h>

namespace wp::toml_reader {

std::string position(const std::string& path, const toml::node* at) {
    if (at == nullptr || !at->source().begin) return fmt::format("{}:1:1", path);
    return fmt::format("{}:{}:{}", path, at->source().begin.line, at->source().begin.column);
}

TomlReader::TomlReader(std::string path) : path_(std::move(path)) {
    // Debian builds toml++ with exceptions; they stop here and become this reader's errors.
    try {
        root_ = toml::parse_file(path_);
    } catch (const toml::parse_error& err) {
        const auto& begin = err.source().begin;
        errors_.push_back(fmt::format("{}:{}:{}: syntax error: {}", path_, begin.line ? begin.line : 1,
                                      begin.column ? begin.column : 1, err.description()));
    }
}

std::string TomlReader::typeName(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::table:
            return "a table";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a decimal number";
        case toml::node_type::boolean:
            return "true/false";
        case toml::node_type::date:
        case toml::node_type::time:
        case toml::node_type::date_time:
            return "a date or time";
        default:
            return "nothing";
    }
}

void TomlReader::error(const toml::node* at, std::string_view message) {
    errors_.push_back(fmt::format("{}: {}", position(path_, at), message));
}

void TomlReader::checkKeys(const toml::table& t, std::initializer_list<std::string_view> allowed,
                           std::string_view expected) {
    for (const auto& [key, node] : t)
        if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end())
            error(&node, fmt::format("unknown key '{}' (expected {})", key.str(), expected));
}

Status TomlReader::status() const {
    if (errors_.empty()) return Status::ok();
    std::string all;
    for (const auto& e : errors_) {
        if (!all.empty()) all += '\n';
        all += e;
    }
    return Status::invalidInput(std::move(all));
}

const toml::node* TomlReader::find(const toml::table& t, std::string_view key, std::string_view expected,
                                   bool required) {
    const toml::node* n = t.get(key);
    if (n == nullptr && required) error(&t, fmt::format("missing key '{}' (expected {})", key, expected));
    return n;
}

namespace {
template <typename T>
bool isOfType(const toml::node& n) {
    if constexpr (std::is_same_v<T, double>)
        return n.is_number();
    else
        return n.is<T>();
}
}  // namespace

template <typename T, typename Out>
Out TomlReader::required(const toml::table& t, std::string_view key, std::string_view expected) {
    const toml::node* n = find(t, key, expected, true);
    if (n == nullptr) return Out{};
    if (!isOfType<T>(*n)) {
        error(n, fmt::format("'{}' must be {}, found {}", key, expected, typeName(*n)));
        return Out{};
    }
    return static_cast<Out>(*n->value<T>());
}

std::string TomlReader::requireString(const toml::table& t, std::string_view key, std::string_view expected) {
    return required<std::string, std::string>(t, key, expected);
}
long long TomlReader::requireInt(const toml::table& t, std::string_view key, std::string_view expected) {
    return required<int64_t, long long>(t, key, expected);
}
double TomlReader::requireNumber(const toml::table& t, std::string_view key, std::string_view expected) {
    return required<double, double>(t, key, expected);
}

const toml::table* TomlReader::requireTable(const toml::table& t, std::string_view key,
                                            std::string_view expected) {
    const toml::node* n = find(t, key, expected, true);
    if (n == nullptr) return nullptr;
    if (!n->is_table()) {
        error(n, fmt::format("'{}' must be {}, found {}", key, expected, typeName(*n)));
        return nullptr;
    }
    return n->as_table();
}

const toml::array* TomlReader::requireArray(const toml::table& t, std::string_view key,
                                            std::string_view expected) {
    const toml::node* n = find(t, key, expected, true);
    if (n == nullptr) return nullptr;
    if (!n->is_array()) {
        error(n, fmt::format("'{}' must be {}, found {}", key, expected, typeName(*n)));
        return nullptr;
    }
    return n->as_array();
}

std::string TomlReader::optionalString(const toml::table& t, std::string_view key, std::string fallback,
                                       std::string_view expected) {
    const toml::node* n = find(t, key, expected, false);
    if (n == nullptr) return fallback;
    if (!n->is_string()) {
        error(n, fmt::format("'{}' must be {}, found {}", key, expected, typeName(*n)));
        return fallback;
    }
    return std::string(*n->value<std::string_view>());
}

long long TomlReader::optionalInt(const toml::table& t, std::string_view key, long long fallback,
                                  std::string_view expected) {
    const toml::node* n = find(t, key, expected, false);
    if (n == nullptr) return fallback;
    if (!n->is_integer()) {
        error(n, fmt::format("'{}' must be {}, found {}", key, expected, typeName(*n)));
        return fallback;
    }
    return *n->value<int64_t>();
}

double TomlReader::optionalNumber(const toml::table& t, std::string_view key, double fallback,
                                  std::string_view expected) {
    const toml::node* n = find(t, key, expected, false);
    if (n == nullptr) return fallback;
    if (!n->is_number()) {
        error(n, fmt::format("'{}' must be {}, found {}", key, expected, typeName(*n)));
        return fallback;
    }
    return *n->value<double>();
}

bool TomlReader::optionalBool(const toml::table& t, std::string_view key, bool fallback,
                              std::string_view expected) {
    const toml::node* n = find(t, key, expected, false);
    if (n == nullptr) return fallback;
    if (!n->is_boolean()) {
        error(n, fmt::format("'{}' must be {}, found {}", key, expected, typeName(*n)));
        return fallback;
    }
    return *n->value<bool>();
}

}  // namespace wp::toml_reader
