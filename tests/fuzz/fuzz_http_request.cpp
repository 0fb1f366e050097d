// libFuzzer target: the central server's HTTP request parser with the server's own limits
// (central/http_request_parser.h), read the way the server reads it: the head first, then the body
// (Content-Length or chunked). Properties: never crashes or throws; a head that parses yields a request
// whose path has no query string and which every route matches whole or not at all; a body that parses
// is never larger than the limit.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "central/api_routes.h"
#include "central/http_request_parser.h"

namespace {

constexpr wp::HttpParserLimits kLimits{2048, 4096};

// Feeds bytes to the parser until it stops; the bytes it took.
std::size_t feed(wp::HttpRequestParser& parser, std::string_view bytes, boost::beast::error_code& ec) {
    std::size_t used = 0;
    while (used < bytes.size() && !ec) {
        std::size_t n = parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
        if (ec == boost::beast::http::error::need_more) {
            ec = {};
            used = bytes.size();
            break;
        }
        if (n == 0) break;
        used += n;
        if (parser.is_header_done()) break;
    }
    return used;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    wp::HttpRequestParser parser;
    wp::limitRequestParser(parser, kLimits);
    boost::beast::error_code ec;
    std::size_t used = feed(parser, bytes, ec);
    if (ec || !parser.is_header_done()) return 0;
    wp::HttpRequest head = wp::requestHead(parser);
    if (head.path.find('?') != std::string::npos) std::abort();
    // A route that matches captures the whole path and one piece per {parameter}.
    for (const wp::ApiRoute& route : wp::apiRoutes()) {
        auto matches = wp::matchRoutePath(route.path, head.path);
        if (!matches) continue;
        auto parameters = static_cast<std::size_t>(std::count(route.path.begin(), route.path.end(), '{'));
        if (matches->size() != 1 + parameters || (*matches)[0] != head.path) std::abort();
    }
    bytes.remove_prefix(used);
    while (!bytes.empty() && !ec && !parser.is_done()) {
        std::size_t n = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
        if (ec == boost::beast::http::error::need_more) break;
        if (n == 0) break;
        bytes.remove_prefix(n);
    }
    if (parser.is_done() && !ec && parser.get().body().size() > kLimits.maxBodyBytes) std::abort();
    return 0;
}
