// The request specs the project ships (content/requests), loaded once, for tests that need a type's fields.
// Needs WIJKPUNT_SOURCE_DIR (every test target defines it).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "common/request_spec.h"

namespace wp::testing {

inline const RequestSpecs& shippedRequestSpecs() {
    static const RequestSpecs specs = [] {
        auto loaded = loadRequestSpecs(std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "content" / "requests");
        if (!loaded) {
            std::fprintf(stderr, "the shipped request specs do not load:\n%s\n",
                         loaded.status().message().c_str());
            std::abort();
        }
        return std::move(loaded).value();
    }();
    return specs;
}

// The highest version of a shipped type's spec; aborts on a type the project does not ship.
inline const RequestSpec& shippedSpec(std::string_view type) {
    const RequestSpec* spec = shippedRequestSpecs().latest(type);
    if (spec == nullptr) {
        std::fprintf(stderr, "no shipped request spec '%.*s'\n", static_cast<int>(type.size()), type.data());
        std::abort();
    }
    return *spec;
}

}  // namespace wp::testing
