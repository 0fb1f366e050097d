// libFuzzer target: the request parser of POST /v1/requests (decodeRequest), the server's widest door.
// Properties: never crashes or throws; whatever it accepts is valid by validateRequest and survives
// encode -> decode unchanged (no half-read requests).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/request.h"
#include "tests/support/shipped_request_specs.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto decoded = wp::decodeRequest(text, wp::testing::shippedRequestSpecs());
    if (!decoded) {
        const wp::ApiError& e = decoded.error();
        if (e.code.empty() || e.httpStatus < 400 || e.httpStatus > 499) std::abort();
        return 0;
    }
    const wp::Request& r = decoded.value();
    if (wp::validateRequest(r, wp::testing::shippedRequestSpecs())) std::abort();
    auto again = wp::decodeRequest(wp::encodeRequest(r, wp::testing::shippedRequestSpecs()),
                                   wp::testing::shippedRequestSpecs());
    if (!again || !(again.value() == r)) std::abort();
    return 0;
}
