// The request parser of the central server's HTTP core, set up with its limits: the one setup the server
// (central/http_server.cpp) and the parser fuzz target (tests/fuzz/fuzz_http_request.cpp) share.
//
// A request is read in two steps: the head (request line and header fields, at most maxHeaderBytes, else
// http::error::header_limit), then, once the route and the caller's identity allow it, the body (at most
// maxBodyBytes, whether sent with Content-Length or chunked, else http::error::body_limit; a Content-Length
// above the limit fails already with the head).
#pragma once

#include <boost/beast/http.hpp>

#include <cstddef>

#include "central/http_exchange.h"

namespace wp {

struct HttpParserLimits {
    std::size_t maxHeaderBytes = 16 * 1024;
    std::size_t maxBodyBytes = 64 * 1024;
};

using HttpRequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// Applies the limits to a fresh parser.
void limitRequestParser(HttpRequestParser& parser, const HttpParserLimits& limits);

// The request as handlers see it, from a parsed head: method, path, query parameters and header fields.
// The body, matches, remote address and TLS connection are left for the caller.
HttpRequest requestHead(const HttpRequestParser& parser);

}  // namespace wp
