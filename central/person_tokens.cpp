#include "central/person_tokens.h"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdlib>

namespace wp {

std::string makePersonToken() {
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1) std::abort();  // no randomness: nothing safe to do
    std::string out = "wpt_";
    for (unsigned char b : bytes) out += fmt::format("{:02x}", b);
    return out;
}

std::string sha256Hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
    std::string out;
    for (unsigned int i = 0; i < len; ++i) out += fmt::format("{:02x}", digest[i]);
    return out;
}

std::string hashPersonToken(std::string_view token) {
    return sha256Hex(token);
}

}  // namespace wp
