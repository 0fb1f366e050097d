// The request-type part of central/openapi.yaml, generated from the request specs (common/request_spec.h):
// the RequestType enum, the Request oneOf with its discriminator, and one Request_<type> schema per type
// (its fields, which are required and which personal, their limits and descriptions; the highest version of
// each type, with every version the specs hold in spec_version). The checked-in file holds this text between
// two marker lines; `wijkpunt-central openapi-schemas --spec-dir DIR --write FILE` replaces it there, and a
// test fails when the file differs from what the specs generate. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/request_spec.h"
#include "common/status.h"

namespace wp {

inline constexpr std::string_view kOpenApiGeneratedBegin =
    "    # --- generated from content/requests by `wijkpunt-central openapi-schemas`; do not edit by hand";
inline constexpr std::string_view kOpenApiGeneratedEnd = "    # --- end of the generated request types";

// The lines between the markers (without them), indented for components.schemas.
std::string requestSchemasYaml(const RequestSpecs& specs);

// The text between the markers of a whole openapi.yaml; an error when the markers are missing.
Result<std::string> generatedPartOf(const std::string& openapi);
// The whole file with the part between the markers replaced by requestSchemasYaml(specs).
Result<std::string> withGeneratedPart(const std::string& openapi, const RequestSpecs& specs);

}  // namespace wp
