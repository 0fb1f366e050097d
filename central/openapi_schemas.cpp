#include "central/openapi_schemas.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace wp {

namespace {

// A YAML double-quoted scalar (JSON's string syntax is valid YAML).
std::string quoted(const std::string& s) {
    return nlohmann::json(s).dump();
}

std::string schemaName(FieldKind k) {
    switch (k) {
        case FieldKind::ShortText:
            return "ShortText";
        case FieldKind::Text:
            return "Text";
        case FieldKind::Phone:
            return "Phone";
        case FieldKind::Email:
            return "Email";
        case FieldKind::Id:
            return "Id";
        case FieldKind::Number:
        case FieldKind::Integer:
            break;
    }
    return {};
}

// A number as YAML writes it: 90, -180, 0.5.
std::string number(double v) {
    return fmt::format("{}", v);
}

std::string fieldSchema(const FieldSpec& f) {
    std::string extra;
    if (f.personal) extra += ", x-personal: true";
    if (!f.description.empty()) extra += ", description: " + quoted(f.description);
    if (f.kind == FieldKind::Number || f.kind == FieldKind::Integer)
        return fmt::format("{{type: {}, minimum: {}, maximum: {}{}}}",
                           f.kind == FieldKind::Number ? "number" : "integer", number(f.min), number(f.max),
                           extra);
    std::string ref = fmt::format("{{$ref: \"#/components/schemas/{}\"}}", schemaName(f.kind));
    if (extra.empty()) return ref;
    return fmt::format("{{allOf: [{}]{}}}", ref, extra);
}

std::string list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return "[" + out + "]";
}

}  // namespace

std::string requestSchemasYaml(const RequestSpecs& specs) {
    std::string y;
    const std::vector<std::string> types = specs.typeNames();
    y += "    RequestType:\n      type: string\n      enum: " + list(types) + "\n";
    y += "    Request:\n      oneOf:\n";
    for (const auto& t : types)
        y += fmt::format("        - {{$ref: \"#/components/schemas/Request_{}\"}}\n", t);
    y += "      discriminator:\n        propertyName: type\n        mapping:\n";
    for (const auto& t : types) y += fmt::format("          {}: \"#/components/schemas/Request_{}\"\n", t, t);
    y += "    # One schema per type: its fields, which are required, and which are personal (x-personal: "
         "wiped\n"
         "    # after delivery at the kiosk and after the retention period at the server).\n";
    for (const RequestSpec* spec : specs.latestOfEach()) {
        std::vector<std::string> versions, required;
        for (const RequestSpec& s : specs.all())
            if (s.id == spec->id) versions.push_back(std::to_string(s.version));
        for (const FieldSpec& f : spec->fields)
            if (f.required) required.push_back(f.name);
        y += fmt::format("    Request_{}:\n", spec->id);
        y += "      allOf:\n        - {$ref: \"#/components/schemas/RequestEnvelope\"}\n";
        y += fmt::format("        - properties:\n            type: {{enum: [{}]}}\n", spec->id);
        y += fmt::format("            spec_version: {{enum: {}}}\n", list(versions));
        y += "            fields:\n              type: object\n";
        if (!spec->description.empty()) y += "              description: " + quoted(spec->description) + "\n";
        if (!required.empty()) y += "              required: " + list(required) + "\n";
        if (!spec->atLeastOneOf.empty()) {
            std::vector<std::string> alternatives;
            for (const auto& n : spec->atLeastOneOf) alternatives.push_back("{required: [" + n + "]}");
            y += "              anyOf: " + list(alternatives) + "\n";
        }
        y += "              properties:\n";
        for (const FieldSpec& f : spec->fields)
            y += fmt::format("                {}: {}\n", f.name, fieldSchema(f));
    }
    return y;
}

namespace {

struct Span {
    std::size_t from, to;  // the generated text: after the begin marker's line, up to the end marker's line
};

Result<Span> generatedSpan(const std::string& openapi) {
    std::size_t begin = openapi.find(kOpenApiGeneratedBegin);
    if (begin == std::string::npos)
        return Status::invalidInput(fmt::format("the line \"{}\" is missing", kOpenApiGeneratedBegin));
    std::size_t from = openapi.find('\n', begin);
    if (from == std::string::npos) return Status::invalidInput("nothing follows the begin marker");
    ++from;
    std::size_t to = openapi.find(kOpenApiGeneratedEnd, from);
    if (to == std::string::npos)
        return Status::invalidInput(fmt::format("the line \"{}\" is missing", kOpenApiGeneratedEnd));
    return Span{from, to};
}

}  // namespace

Result<std::string> generatedPartOf(const std::string& openapi) {
    auto span = generatedSpan(openapi);
    if (!span) return span.status();
    return openapi.substr(span->from, span->to - span->from);
}

Result<std::string> withGeneratedPart(const std::string& openapi, const RequestSpecs& specs) {
    auto span = generatedSpan(openapi);
    if (!span) return span.status();
    return openapi.substr(0, span->from) + requestSchemasYaml(specs) + openapi.substr(span->to);
}

}  // namespace wp
