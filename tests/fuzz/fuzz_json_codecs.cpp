// libFuzzer target: the other JSON codecs and text parsers of common/ (queue statistics, answers, status
// views, error bodies, RFC 3339 times, UUIDs, reference codes). The first byte picks the codec.
// Properties: never crashes or throws; what decodes re-encodes to something that decodes to the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/reference_code.h"
#include "common/request.h"
#include "common/wire.h"

namespace {

[[noreturn]] void fail() {
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 7) {
        case 0:
            if (auto b = wp::decodeQueueStatBatch(text)) {
                auto again = wp::decodeQueueStatBatch(wp::encodeQueueStatBatch(b.value()));
                if (!again || !(again.value() == b.value())) fail();
            }
            break;
        case 1:
            if (auto a = wp::decodeIntakeAnswer(text)) {
                auto again = wp::decodeIntakeAnswer(wp::encodeIntakeAnswer(a.value()));
                if (!again || !(again.value() == a.value())) fail();
            }
            break;
        case 2:
            if (auto v = wp::decodeStatusView(text)) {
                auto again = wp::decodeStatusView(wp::encodeStatusView(v.value()));
                // Times keep millisecond precision on the wire.
                if (!again || again.value().reference != v.value().reference) fail();
            }
            break;
        case 3:
            if (auto e = wp::decodeError(text)) {
                auto again = wp::decodeError(wp::encodeError(*e));
                if (!again || again->code != e->code || again->field != e->field) fail();
            }
            break;
        case 4:
            if (auto t = wp::parseRfc3339(text)) {
                auto ms = wp::toUnixMillis(*t);
                auto again = wp::parseRfc3339(wp::formatRfc3339(*t));
                if (!again || wp::toUnixMillis(*again) != ms) fail();
            }
            break;
        case 5:
            if (auto u = wp::normalizeUuid(text)) {
                if (wp::normalizeUuid(*u) != u) fail();
            }
            break;
        case 6:
            if (auto p = wp::parseReferenceCode(wp::normalizeReferenceCode(text))) {
                if (p->letters.size() != 3 || p->kiosk.size() != 2 || p->random.size() != 6) fail();
            }
            break;
    }
    return 0;
}
