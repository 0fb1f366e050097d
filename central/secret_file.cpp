#include "central/secret_file.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace wp {

Status checkPrivateFile(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
        if (errno == ENOENT) return Status::notFound(fmt::format("{}: no such file", file.string()));
        return Status::ioError(fmt::format("{}: cannot read: {}", file.string(), std::strerror(errno)));
    }
    if ((st.st_mode & 0077) != 0)
        return Status::invalidInput(fmt::format(
            "{} may be read by group or others (mode {:04o}): a private key or secret must be the server "
            "user's alone; run `chmod 600 {}`",
            file.string(), st.st_mode & 07777, file.string()));
    return Status::ok();
}

Result<std::string> readSecretFile(const std::filesystem::path& file) {
    if (Status s = checkPrivateFile(file); !s) return s;
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::ioError(fmt::format("{}: cannot read: {}", file.string(), std::strerror(errno)));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (text.empty()) return Status::invalidInput(fmt::format("{}: the file is empty", file.string()));
    return text;
}

}  // namespace wp
