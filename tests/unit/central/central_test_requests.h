// Valid requests for the central server's unit tests.
#pragma once

#include "common/reference_code.h"
#include "common/request.h"
#include "tests/support/shipped_request_specs.h"

namespace wp::testing {

inline Request makeTestRequest(RandomSource& random, const std::string& type = "callback",
                               std::string category = "") {
    Request r;
    r.uuid = makeUuid(random);
    r.type = type;
    r.reference = makeReferenceCode("SGN", "K2", random);
    r.kioskCode = "K2";
    r.createdAt = fromUnixMillis(1764144000000);
    r.language = "nl";
    r.category = std::move(category);
    for (const FieldSpec& f : shippedSpec(type).fields) {
        std::string v;
        switch (f.kind) {
            case FieldKind::ShortText:
                v = "Jan de Vries";
                break;
            case FieldKind::Text:
                v = "Mijn buurman helpt niet meer.";
                break;
            case FieldKind::Phone:
                v = "010 123 4567";
                break;
            case FieldKind::Email:
                v = "jan@example.org";
                break;
            case FieldKind::Id:
                v = "poll-1";
                break;
            case FieldKind::Number:
                v = "4.5";
                break;
            case FieldKind::Integer:
                v = "2";
                break;
        }
        r.fields[std::string(f.name)] = v;
    }
    return r;
}

}  // namespace wp::testing
