// TempDir: a fresh folder per test, removed afterwards, with a helper to write files into it.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace wp::testing {

class TempDir {
  public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "wijkpunt-test-XXXXXX").string();
        path_ = mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path write(const std::string& relative, const std::string& text) const {
        auto p = path_ / relative;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p) << text;
        return p;
    }

  private:
    std::filesystem::path path_;
};

// The bytes of an SQLite database file and of its write-ahead log, as they are on disk (for tests that
// search them for what a wipe must have removed).
inline std::string databaseOnDisk(const std::filesystem::path& file) {
    std::string bytes;
    for (const char* suffix : {"", "-wal"}) {
        std::ifstream in(file.string() + suffix, std::ios::binary);
        bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return bytes;
}

}  // namespace wp::testing
