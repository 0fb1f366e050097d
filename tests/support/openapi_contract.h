// OpenApiContract: central/openapi.yaml as the tests see it — its routes, and a validator of response
// bodies against its schemas (valijson, JSON Schema draft 4, which OpenAPI 3.0's schema objects follow;
// $refs are resolved before validation, OpenAPI-only keywords are ignored).
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <utility>

namespace wp::testing {

class OpenApiContract {
  public:
    // Loads the YAML file; throws std::runtime_error when it cannot be read (tests only).
    explicit OpenApiContract(const std::filesystem::path& file);

    const nlohmann::json& document() const { return doc_; }
    // Every (METHOD, path template) in `paths`.
    std::set<std::pair<std::string, std::string>> routes() const;
    // The x-wijkpunt-auth of an operation ("" when absent).
    std::string authOf(const std::string& method, const std::string& pathTemplate) const;
    // The path template a concrete path ("/v1/requests/SGN-...?x=1") matches; "" when none.
    std::string templateOf(const std::string& concretePath) const;
    // A schema (from components/schemas) with every $ref resolved.
    nlohmann::json resolvedSchema(const std::string& name) const;
    // Checks a response against the operation's schema for its status. "" when it conforms, else what is
    // wrong (unknown route, undocumented status, body not JSON, schema violations).
    std::string validateResponse(const std::string& method, const std::string& concretePath, int status,
                                 const std::string& body) const;

    // Validates any JSON against a resolved schema; "" when it conforms.
    static std::string validate(const nlohmann::json& schema, const nlohmann::json& value);

  private:
    nlohmann::json resolve(const nlohmann::json& node, int depth = 0) const;
    nlohmann::json doc_;
};

// The contract of this source tree (WIJKPUNT_SOURCE_DIR/central/openapi.yaml), loaded once.
const OpenApiContract& sourceContract();

}  // namespace wp::testing
