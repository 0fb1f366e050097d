// Secret files: the private keys and passwords wijkpunt-central reads (the TLS key, `*_file` keys of the
// config such as [smtp] password_file, the private key given to `restore`). A secret sits in a file of its
// own, named in the config, so the TOML holds no secret and systemd credentials
// (/run/credentials/wijkpunt-central/NAME) work as they are. A file that group or others may read, write
// or run is refused, with the fix in the message.
#pragma once

#include <filesystem>
#include <string>

#include "common/status.h"

namespace wp {

// Ok when file exists and has no group or other permission bits. InvalidInput naming the file, its mode and
// `chmod 600 FILE` otherwise; NotFound when it does not exist.
Status checkPrivateFile(const std::filesystem::path& file);

// The contents of a private file (checkPrivateFile first), without the line ending at its end. A file that
// is empty (or only a line ending) is InvalidInput.
Result<std::string> readSecretFile(const std::filesystem::path& file);

}  // namespace wp
