#include "tests/support/openapi_contract.h"

#include <yaml-cpp/yaml.h>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <sstream>
#include <stdexcept>

namespace wp::testing {

using nlohmann::json;

namespace {

json fromYaml(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map: {
            json out = json::object();
            for (const auto& kv : n) out[kv.first.as<std::string>()] = fromYaml(kv.second);
            return out;
        }
        case YAML::NodeType::Sequence: {
            json out = json::array();
            for (const auto& item : n) out.push_back(fromYaml(item));
            return out;
        }
        case YAML::NodeType::Scalar: {
            const std::string& s = n.Scalar();
            if (n.Tag() == "!") return s;  // quoted: always a string
            if (s == "true") return true;
            if (s == "false") return false;
            if (s == "null" || s == "~") return nullptr;
            try {
                size_t pos = 0;
                long long v = std::stoll(s, &pos);
                if (pos == s.size()) return v;
                double d = std::stod(s, &pos);
                if (pos == s.size()) return d;
            } catch (const std::exception&) {
            }
            return s;
        }
        default:
            return nullptr;
    }
}

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> out;
    std::stringstream ss(path);
    std::string part;
    while (std::getline(ss, part, '/')) out.push_back(part);
    return out;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

OpenApiContract::OpenApiContract(const std::filesystem::path& file) {
    doc_ = fromYaml(YAML::LoadFile(file.string()));
    if (!doc_.contains("paths")) throw std::runtime_error(file.string() + ": no paths");
}

std::set<std::pair<std::string, std::string>> OpenApiContract::routes() const {
    std::set<std::pair<std::string, std::string>> out;
    for (auto it = doc_["paths"].begin(); it != doc_["paths"].end(); ++it)
        for (auto op = it->begin(); op != it->end(); ++op) {
            std::string m = op.key();
            if (m == "get" || m == "post" || m == "put" || m == "delete" || m == "patch") {
                for (auto& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                out.insert({m, it.key()});
            }
        }
    return out;
}

std::string OpenApiContract::authOf(const std::string& method, const std::string& pathTemplate) const {
    const json& op = doc_["paths"][pathTemplate][lower(method)];
    return op.contains("x-wijkpunt-auth") ? op["x-wijkpunt-auth"].get<std::string>() : "";
}

std::string OpenApiContract::templateOf(const std::string& concretePath) const {
    std::string path = concretePath.substr(0, concretePath.find('?'));
    auto parts = split(path);
    for (auto it = doc_["paths"].begin(); it != doc_["paths"].end(); ++it) {
        auto tparts = split(it.key());
        if (tparts.size() != parts.size()) continue;
        bool match = true;
        for (size_t i = 0; i < parts.size() && match; ++i)
            match = tparts[i] == parts[i] ||
                    (!tparts[i].empty() && tparts[i].front() == '{' && !parts[i].empty());
        if (match) return it.key();
    }
    return "";
}

json OpenApiContract::resolve(const json& node, int depth) const {
    if (depth > 64) throw std::runtime_error("$ref nesting too deep");
    if (node.is_object()) {
        if (node.contains("$ref")) {
            std::string ref = node["$ref"].get<std::string>();
            if (ref.rfind("#/", 0) != 0) throw std::runtime_error("external $ref " + ref);
            return resolve(doc_.at(json::json_pointer(ref.substr(1))), depth + 1);
        }
        json out = json::object();
        for (auto it = node.begin(); it != node.end(); ++it) {
            // OpenAPI-only keywords that JSON Schema draft 4 does not know.
            if (it.key() == "discriminator" || it.key() == "example" || it.key() == "nullable" ||
                it.key().rfind("x-", 0) == 0)
                continue;
            out[it.key()] = resolve(it.value(), depth + 1);
        }
        // OpenAPI's nullable: the schema, or null.
        if (node.value("nullable", false)) return json{{"anyOf", json::array({out, json{{"type", "null"}}})}};
        return out;
    }
    if (node.is_array()) {
        json out = json::array();
        for (const auto& v : node) out.push_back(resolve(v, depth + 1));
        return out;
    }
    return node;
}

json OpenApiContract::resolvedSchema(const std::string& name) const {
    return resolve(doc_["components"]["schemas"].at(name));
}

std::string OpenApiContract::validate(const json& schemaJson, const json& value) {
    valijson::Schema schema;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
    valijson::adapters::NlohmannJsonAdapter schemaAdapter(schemaJson);
    try {
        parser.populateSchema(schemaAdapter, schema);
    } catch (const std::exception& e) {
        return std::string("schema does not parse: ") + e.what();
    }
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(value);
    if (validator.validate(schema, target, &results)) return "";
    std::string out;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        std::string where;
        for (const auto& c : error.context) where += c;
        out += where + ": " + error.description + "\n";
    }
    return out;
}

std::string OpenApiContract::validateResponse(const std::string& method, const std::string& concretePath,
                                              int status, const std::string& body) const {
    std::string tmpl = templateOf(concretePath);
    if (tmpl.empty()) return "no path in openapi.yaml matches " + concretePath;
    const json& path = doc_["paths"][tmpl];
    std::string m = lower(method);
    if (!path.contains(m)) return method + " " + tmpl + " is not in openapi.yaml";
    const json& responses = path[m]["responses"];
    std::string code = std::to_string(status);
    json response;
    if (responses.contains(code))
        response = resolve(responses[code]);
    else if (responses.contains("default"))
        response = resolve(responses["default"]);
    else
        return method + " " + tmpl + ": status " + code + " is not documented";
    if (!response.contains("content")) return body.empty() ? "" : "a body where openapi.yaml documents none";
    // Pictures and text (a kiosk's uploads) are documented by their content type; only JSON is checked.
    if (!response["content"].contains("application/json")) return "";
    json schema = response["content"]["application/json"]["schema"];
    json value = json::parse(body, nullptr, false);
    if (value.is_discarded())
        return method + " " + tmpl + " " + code + ": body is not JSON: " + body.substr(0, 200);
    std::string problems = validate(schema, value);
    if (!problems.empty())
        return method + " " + tmpl + " " + code + ": " + problems + "body: " + body.substr(0, 300);
    return "";
}

const OpenApiContract& sourceContract() {
    static const OpenApiContract contract(std::filesystem::path(WIJKPUNT_SOURCE_DIR) /
                                          "central/openapi.yaml");
    return contract;
}

}  // namespace wp::testing
