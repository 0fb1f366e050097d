// The back office's templates (central/backoffice/templates) and static files (central/backoffice/static),
// compiled into the program by central/backoffice/embed.cmake. Immutable; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace wp {

struct EmbeddedFile {
    std::string_view name;   // the file name in its folder: "layout.mustache", "backoffice.css"
    std::string_view bytes;  // its content
};

const std::vector<EmbeddedFile>& embeddedTemplates();
const std::vector<EmbeddedFile>& embeddedStaticFiles();

// The file of that name in files; nullopt when there is none.
std::optional<std::string_view> findEmbeddedFile(const std::vector<EmbeddedFile>& files,
                                                 std::string_view name);

}  // namespace wp
