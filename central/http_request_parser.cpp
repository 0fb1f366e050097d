#include "central/http_request_parser.h"

namespace wp {

void limitRequestParser(HttpRequestParser& parser, const HttpParserLimits& limits) {
    parser.header_limit(static_cast<std::uint32_t>(limits.maxHeaderBytes));
    parser.body_limit(static_cast<std::uint64_t>(limits.maxBodyBytes));
    parser.eager(false);
}

HttpRequest requestHead(const HttpRequestParser& parser) {
    const auto& msg = parser.get();
    HttpRequest out;
    out.method = std::string(msg.method_string());
    std::string_view target(msg.target().data(), msg.target().size());
    size_t question = target.find('?');
    out.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos) out.params = parseQueryString(target.substr(question + 1));
    for (const auto& field : msg)
        out.headers.emplace(std::string(field.name_string()), std::string(field.value()));
    return out;
}

}  // namespace wp
