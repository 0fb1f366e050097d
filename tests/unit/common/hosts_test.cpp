// Host accounts: PBKDF2 known answers, PIN hashing and checking, the hosts.toml loader and its
// file:line:col errors, and the demo file with its documented PINs.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "common/hosts.h"
#include "common/services.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using testing::TempDir;

std::string hex(const std::vector<std::uint8_t>& bytes) {
    std::string out;
    for (std::uint8_t b : bytes) out += fmt::format("{:02x}", b);
    return out;
}

std::vector<std::uint8_t> bytes(std::string_view s) {
    return {s.begin(), s.end()};
}

std::vector<Service> services() {
    std::vector<Service> out;
    for (auto [id, prefix] : {std::pair{"huurloket", "H"}, {"wijkteam", "W"}, {"gemeente", "G"}}) {
        Service s;
        s.id = id;
        s.prefix = prefix;
        out.push_back(s);
    }
    return out;
}

// A valid pin= value with few iterations is refused by the loader; with enough it is accepted. Tests that
// only need the loader's other checks use this one (made once: 200,000 iterations take a moment).
const std::string& goodHash() {
    static const std::string hash = hashPin("12345", kMinPinIterations, bytes("0123456789abcdef")).value();
    return hash;
}

TEST(Pbkdf2, KnownAnswersForHmacSha256) {
    // The PBKDF2-HMAC-SHA256 vectors in the style of RFC 6070 (password "password", salt "salt"), and the one
    // of RFC 7914 section 11.
    EXPECT_EQ(hex(pbkdf2HmacSha256("password", bytes("salt"), 1, 32)),
              "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
    EXPECT_EQ(hex(pbkdf2HmacSha256("password", bytes("salt"), 2, 32)),
              "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43");
    EXPECT_EQ(hex(pbkdf2HmacSha256("password", bytes("salt"), 4096, 32)),
              "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
    EXPECT_EQ(hex(pbkdf2HmacSha256("passwd", bytes("salt"), 1, 64)),
              "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
              "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
}

TEST(Base64, RoundTripsAndRefusesJunk) {
    EXPECT_EQ(base64Encode(bytes("")), "");
    EXPECT_EQ(base64Encode(bytes("f")), "Zg==");
    EXPECT_EQ(base64Encode(bytes("fo")), "Zm8=");
    EXPECT_EQ(base64Encode(bytes("foo")), "Zm9v");
    EXPECT_EQ(base64Encode(bytes("foobar")), "Zm9vYmFy");
    for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar"})
        EXPECT_EQ(base64Decode(base64Encode(bytes(s))), bytes(s)) << s;
    EXPECT_FALSE(base64Decode("Zg=").has_value());       // not a multiple of 4
    EXPECT_FALSE(base64Decode("Z===").has_value());      // three '='
    EXPECT_FALSE(base64Decode("Zg==Zg==").has_value());  // padding in the middle
    EXPECT_FALSE(base64Decode("Zm9*").has_value());
}

TEST(PinHash, HashThenVerify) {
    auto hash = hashPin("54321", 1000, bytes("a salt of 16 byt"));
    ASSERT_TRUE(hash.isOk()) << hash.status().message();
    EXPECT_TRUE(hash->starts_with("pbkdf2-sha256$1000$"));
    HostAccount jan{"jan", "Jan", {"huurloket"}, hash.value()};
    EXPECT_TRUE(verifyPin(jan, "54321"));
    EXPECT_FALSE(verifyPin(jan, "54320"));
    EXPECT_FALSE(verifyPin(jan, "543210"));
    EXPECT_FALSE(verifyPin(jan, ""));
    // The same PIN with another salt gives another hash; both verify.
    auto other = hashPin("54321", 1000, randomPinSalt());
    ASSERT_TRUE(other.isOk());
    EXPECT_NE(other.value(), hash.value());
    EXPECT_TRUE(verifyPin({"jan", "Jan", {}, other.value()}, "54321"));
}

TEST(PinHash, RefusesBadPinsSaltsAndHashes) {
    EXPECT_FALSE(hashPin("1234", 1000, randomPinSalt()).isOk());
    EXPECT_FALSE(hashPin("1234567", 1000, randomPinSalt()).isOk());
    EXPECT_FALSE(hashPin("12a45", 1000, randomPinSalt()).isOk());
    EXPECT_FALSE(hashPin("12345", 0, randomPinSalt()).isOk());
    EXPECT_FALSE(hashPin("12345", 1000, bytes("short")).isOk());
    EXPECT_TRUE(isValidPin("12345"));
    EXPECT_TRUE(isValidPin("123456"));
    EXPECT_FALSE(isValidPin("１２３４５"));  // full-width digits are not digits here

    for (std::string bad : std::vector<std::string>{
             "", "sha1$1000$c2FsdHNhbHQ=$AAAA", "pbkdf2-sha256$x$c2FsdHNhbHQ=$AAAA",
             "pbkdf2-sha256$1000$c2FsdA==$" + base64Encode(std::vector<std::uint8_t>(32)),
             "pbkdf2-sha256$1000$c2FsdHNhbHQ=$AAAA", "pbkdf2-sha256$1000$c2FsdHNhbHQ="}) {
        EXPECT_FALSE(parsePinHash(bad).isOk()) << bad;
        EXPECT_FALSE(verifyPin({"x", "X", {}, bad}, "12345")) << bad;
    }
}

TEST(HostsLoader, ReadsHosts) {
    TempDir dir;
    auto file = dir.write("hosts.toml", fmt::format(R"(
[[host]]
id = "fatima"
name = "Fatima"
services = ["huurloket", "wijkteam"]
pin = "{}"
)",
                                                    goodHash()));
    auto hosts = loadHosts(file, services());
    ASSERT_TRUE(hosts.isOk()) << hosts.status().message();
    ASSERT_EQ(hosts->size(), 1u);
    EXPECT_EQ(hosts->at(0).id, "fatima");
    EXPECT_EQ(hosts->at(0).name, "Fatima");
    EXPECT_EQ(hosts->at(0).services, (std::vector<std::string>{"huurloket", "wijkteam"}));
    EXPECT_TRUE(hosts->at(0).serves("wijkteam"));
    EXPECT_FALSE(hosts->at(0).serves("gemeente"));
    EXPECT_TRUE(verifyPin(hosts->at(0), "12345"));
}

TEST(HostsLoader, NamesFileLineAndColumnOfEveryProblem) {
    TempDir dir;
    std::string weak = hashPin("12345", 1000, bytes("0123456789abcdeX")).value();
    auto file = dir.write("hosts.toml", fmt::format(R"([[host]]
id = "Fatima"
name = "Fatima"
services = ["huurloket", "bakker"]
pin = "{}"

[[host]]
id = "jan"
name = "Jan"
services = []
pin = "12345"

[[host]]
id = "jan"
services = ["gemeente"]
pin = "{}"
)",
                                                    weak, goodHash()));
    auto hosts = loadHosts(file, services());
    ASSERT_FALSE(hosts.isOk());
    EXPECT_EQ(hosts.status().code(), Status::Code::InvalidInput);
    const std::string& m = hosts.status().message();
    std::string f = file.string();
    EXPECT_NE(m.find(f + ":2:6: id 'Fatima' must be lowercase"), std::string::npos) << m;
    EXPECT_NE(m.find(f + ":4:26: 'bakker' is no service"), std::string::npos) << m;
    EXPECT_NE(m.find(f + ":5:7: the PIN hash uses 1000 iterations; at least 200000"), std::string::npos) << m;
    EXPECT_NE(m.find(f + ":10:12: a host needs at least one service"), std::string::npos) << m;
    EXPECT_NE(m.find(f + ":11:7: a PIN hash looks like"), std::string::npos) << m;
    EXPECT_NE(m.find(f + ":14:6: host id 'jan' appears twice"), std::string::npos) << m;
    EXPECT_NE(m.find(f + ":13:1: missing key 'name'"), std::string::npos) << m;
}

TEST(HostsLoader, TwoHostsMayNotShareASalt) {
    TempDir dir;
    auto file = dir.write("hosts.toml", fmt::format(R"([[host]]
id = "a"
name = "A"
services = ["huurloket"]
pin = "{0}"

[[host]]
id = "b"
name = "B"
services = ["huurloket"]
pin = "{0}"
)",
                                                    goodHash()));
    auto hosts = loadHosts(file, services());
    ASSERT_FALSE(hosts.isOk());
    EXPECT_NE(hosts.status().message().find(file.string() + ":11:7: this PIN hash shares its salt"),
              std::string::npos)
        << hosts.status().message();
}

TEST(HostsLoader, SyntaxErrorsAndMissingFiles) {
    TempDir dir;
    auto file = dir.write("hosts.toml", "[[host]]\nid = \"a\nname = 1\n");
    auto hosts = loadHosts(file, services());
    ASSERT_FALSE(hosts.isOk());
    EXPECT_TRUE(hosts.status().message().starts_with(file.string() + ":2:")) << hosts.status().message();

    EXPECT_EQ(loadHosts(dir.path() / "none.toml", services()).status().code(), Status::Code::NotFound);
    auto none = loadContentHosts(dir.path() / "no-content", services());
    ASSERT_TRUE(none.isOk());
    EXPECT_TRUE(none->empty());
}

TEST(HostsLoader, TheDemoFileLoadsAndItsDocumentedPinsWork) {
    std::filesystem::path content = std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "content";
    auto svc = loadServices(content / "services.toml");
    ASSERT_TRUE(svc.isOk()) << svc.status().message();
    auto hosts = loadContentHosts(content, svc.value());
    ASSERT_TRUE(hosts.isOk()) << hosts.status().message();
    const HostAccount* fatima = nullptr;
    const HostAccount* jan = nullptr;
    for (const HostAccount& h : hosts.value()) {
        if (h.name == "Fatima") fatima = &h;
        if (h.name == "Jan") jan = &h;
    }
    ASSERT_NE(fatima, nullptr);
    ASSERT_NE(jan, nullptr);
    EXPECT_TRUE(verifyPin(*fatima, "12345"));
    EXPECT_TRUE(verifyPin(*jan, "54321"));
    EXPECT_FALSE(verifyPin(*jan, "12345"));
    EXPECT_EQ(fatima->services, (std::vector<std::string>{"huurloket", "wijkteam"}));
    EXPECT_EQ(jan->services.size(), svc->size());
}

}  // namespace
}  // namespace wp
