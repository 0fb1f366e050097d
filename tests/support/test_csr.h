// Keys and certificate signing requests made in a test with OpenSSL, as a kiosk makes them to enroll or
// renew, and a throw-away CA to sign them with. Test support only.
#pragma once

#include <filesystem>
#include <string>

namespace wp::testing {

enum class TestKeyKind { EcP256, EcP384, Rsa1024, Rsa2048 };

// A fresh private key, PEM (PKCS#8).
std::string makeTestKey(TestKeyKind kind);
// A CSR for the key (PEM), signed with it, with subject "CN=..." from cn.
std::string makeTestCsr(const std::string& keyPem, const std::string& cn = "kiosk");
// The CSR with one byte of its signature flipped: it no longer verifies.
std::string tamperedTestCsr(const std::string& keyPem);
// A self-signed EC P-256 CA: writes DIR/NAME.crt and DIR/NAME.key (0600).
void makeTestCa(const std::filesystem::path& dir, const std::string& name);

}  // namespace wp::testing
