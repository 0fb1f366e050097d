#include "central/backup_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

#include "central/secret_file.h"
#include "common/wire.h"

namespace wp {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "WPBACKUP";
constexpr unsigned char kVersion = 1;
constexpr size_t kKeySize = 32, kNonceSize = 12, kTagSize = 16;
constexpr size_t kHeaderSize = 8 + 1 + 8 + kKeySize + kNonceSize;  // 61
constexpr std::string_view kHkdfInfo = "wijkpunt-central backup v1";

struct PkeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

// Bytes that held a key or plaintext: zeroed when they go.
struct SecretBytes {
    std::vector<unsigned char> bytes;
    explicit SecretBytes(size_t n = 0) : bytes(n) {}
    ~SecretBytes() {
        if (!bytes.empty()) OPENSSL_cleanse(bytes.data(), bytes.size());
    }
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    unsigned char* data() { return bytes.data(); }
    size_t size() const { return bytes.size(); }
};

// Writes bytes into a new file (0600, never an existing one); a partly written file is removed.
Status writeNewPrivateFile(const fs::path& file, const unsigned char* data, size_t size) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return Status::ioError(fmt::format("{}: cannot create: {}", file.string(), std::strerror(errno)));
    size_t done = 0;
    while (done < size) {
        ssize_t n = ::write(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<size_t>(n);
    }
    bool ok = done == size && ::fsync(fd) == 0;
    int err = errno;
    ok = ::close(fd) == 0 && ok;
    if (ok) return Status::ok();
    fs::remove(file);
    return Status::ioError(fmt::format("{}: cannot write: {}", file.string(), std::strerror(err)));
}

Result<std::string> readWhole(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::notFound(fmt::format("{}: cannot read: {}", file.string(), std::strerror(errno)));
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Result<Pkey> readPem(const fs::path& file, bool isPrivate) {
    std::FILE* f = std::fopen(file.c_str(), "rb");
    if (f == nullptr)
        return Status::notFound(fmt::format("{}: cannot read: {}", file.string(), std::strerror(errno)));
    EVP_PKEY* k = isPrivate ? PEM_read_PrivateKey(f, nullptr, nullptr, nullptr)
                            : PEM_read_PUBKEY(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    if (k == nullptr || EVP_PKEY_get_id(k) != EVP_PKEY_X25519) {
        EVP_PKEY_free(k);
        return Status::invalidInput(
            fmt::format("{}: no X25519 {} key (PEM), as `wijkpunt-central backup-key "
                        "create` makes",
                        file.string(), isPrivate ? "private" : "public"));
    }
    return Pkey(k);
}

Status rawPublic(EVP_PKEY* k, unsigned char* out) {
    size_t len = kKeySize;
    if (EVP_PKEY_get_raw_public_key(k, out, &len) != 1 || len != kKeySize)
        return Status::internal("cannot read an X25519 public key");
    return Status::ok();
}

// The AES key from our private key, the peer's public key and both public keys in the header's order.
Status deriveKey(EVP_PKEY* own, EVP_PKEY* peer, const unsigned char* ephemeralPublic,
                 const unsigned char* recipientPublic, SecretBytes& key) {
    SecretBytes shared(kKeySize);
    PkeyCtx dh(EVP_PKEY_CTX_new(own, nullptr));
    size_t sharedLen = shared.size();
    if (!dh || EVP_PKEY_derive_init(dh.get()) != 1 || EVP_PKEY_derive_set_peer(dh.get(), peer) != 1 ||
        EVP_PKEY_derive(dh.get(), shared.data(), &sharedLen) != 1 || sharedLen != kKeySize)
        return Status::internal("X25519 key agreement failed");
    std::array<unsigned char, 2 * kKeySize> salt{};
    std::memcpy(salt.data(), ephemeralPublic, kKeySize);
    std::memcpy(salt.data() + kKeySize, recipientPublic, kKeySize);
    PkeyCtx kdf(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
    key.bytes.assign(kKeySize, 0);
    size_t keyLen = key.size();
    if (!kdf || EVP_PKEY_derive_init(kdf.get()) != 1 ||
        EVP_PKEY_CTX_set_hkdf_md(kdf.get(), EVP_sha256()) != 1 ||
        EVP_PKEY_CTX_set1_hkdf_salt(kdf.get(), salt.data(), static_cast<int>(salt.size())) != 1 ||
        EVP_PKEY_CTX_set1_hkdf_key(kdf.get(), shared.data(), static_cast<int>(shared.size())) != 1 ||
        EVP_PKEY_CTX_add1_hkdf_info(kdf.get(), reinterpret_cast<const unsigned char*>(kHkdfInfo.data()),
                                    static_cast<int>(kHkdfInfo.size())) != 1 ||
        EVP_PKEY_derive(kdf.get(), key.data(), &keyLen) != 1)
        return Status::internal("HKDF failed");
    return Status::ok();
}

struct Header {
    TimePoint createdAt;
    const unsigned char* ephemeralPublic;
    const unsigned char* nonce;
};

Result<Header> parseHeader(const fs::path& file, std::string_view bytes) {
    if (bytes.size() < kHeaderSize + kTagSize || bytes.substr(0, kMagic.size()) != kMagic)
        return Status::invalidInput(fmt::format("{}: no wijkpunt-central backup", file.string()));
    auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    if (p[8] != kVersion)
        return Status::invalidInput(
            fmt::format("{}: a backup of version {}, which this program does not read", file.string(), p[8]));
    std::uint64_t ms = 0;
    for (int i = 0; i < 8; ++i) ms = (ms << 8) | p[9 + i];
    return Header{fromUnixMillis(static_cast<std::int64_t>(ms)), p + 17, p + 17 + kKeySize};
}

}  // namespace

Status createBackupKeyPair(const fs::path& privateKey, const fs::path& publicKey) {
    if (fs::exists(publicKey))
        return Status::conflict(fmt::format("{} exists; not overwriting it", publicKey.string()));
    PkeyCtx gen(EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!gen || EVP_PKEY_keygen_init(gen.get()) != 1 || EVP_PKEY_keygen(gen.get(), &raw) != 1)
        return Status::internal("cannot make an X25519 key");
    Pkey key(raw);
    auto pem = [](auto write) -> std::string {
        BIO* bio = BIO_new(BIO_s_mem());
        std::string out;
        if (bio != nullptr && write(bio) == 1) {
            char* data = nullptr;
            long n = BIO_get_mem_data(bio, &data);
            out.assign(data, static_cast<size_t>(n));
        }
        BIO_free(bio);
        return out;
    };
    std::string priv = pem([&](BIO* b) {
        return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
    std::string pub = pem([&](BIO* b) { return PEM_write_bio_PUBKEY(b, key.get()); });
    if (priv.empty() || pub.empty()) return Status::internal("cannot write an X25519 key as PEM");
    Status s =
        writeNewPrivateFile(privateKey, reinterpret_cast<const unsigned char*>(priv.data()), priv.size());
    OPENSSL_cleanse(priv.data(), priv.size());
    if (!s) return s;
    if (Status p =
            writeNewPrivateFile(publicKey, reinterpret_cast<const unsigned char*>(pub.data()), pub.size());
        !p)
        return p;
    // The public key is no secret: others may read it.
    fs::permissions(publicKey, fs::perms::group_read | fs::perms::others_read, fs::perm_options::add);
    return Status::ok();
}

Status writeEncryptedBackup(const fs::path& file, std::string_view database,
                            const fs::path& recipientPublicKey, TimePoint createdAt) {
    auto recipient = readPem(recipientPublicKey, false);
    if (!recipient) return recipient.status();
    PkeyCtx gen(EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!gen || EVP_PKEY_keygen_init(gen.get()) != 1 || EVP_PKEY_keygen(gen.get(), &raw) != 1)
        return Status::internal("cannot make an X25519 key");
    Pkey ephemeral(raw);

    std::vector<unsigned char> out(kHeaderSize + database.size() + kTagSize);
    std::memcpy(out.data(), kMagic.data(), kMagic.size());
    out[8] = kVersion;
    auto ms = static_cast<std::uint64_t>(toUnixMillis(createdAt));
    for (int i = 0; i < 8; ++i) out[9 + i] = static_cast<unsigned char>(ms >> (56 - 8 * i));
    unsigned char* ephemeralPublic = out.data() + 17;
    unsigned char* nonce = ephemeralPublic + kKeySize;
    std::array<unsigned char, kKeySize> recipientPublic{};
    if (Status s = rawPublic(ephemeral.get(), ephemeralPublic); !s) return s;
    if (Status s = rawPublic(recipient->get(), recipientPublic.data()); !s) return s;
    if (RAND_bytes(nonce, static_cast<int>(kNonceSize)) != 1) return Status::internal("no random bytes");
    SecretBytes key;
    if (Status s = deriveKey(ephemeral.get(), recipient->get(), ephemeralPublic, recipientPublic.data(), key);
        !s)
        return s;

    CipherCtx c(EVP_CIPHER_CTX_new());
    int n = 0;
    bool ok =
        c && EVP_EncryptInit_ex(c.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceSize), nullptr) == 1 &&
        EVP_EncryptInit_ex(c.get(), nullptr, nullptr, key.data(), nonce) == 1 &&
        EVP_EncryptUpdate(c.get(), nullptr, &n, out.data(), static_cast<int>(kHeaderSize)) == 1;
    unsigned char* cipher = out.data() + kHeaderSize;
    const auto* plain = reinterpret_cast<const unsigned char*>(database.data());
    // EVP takes int lengths: feed the database in pieces.
    constexpr size_t kPiece = 1 << 20;
    size_t written = 0;
    for (size_t at = 0; ok && at < database.size(); at += kPiece) {
        int len = static_cast<int>(std::min(kPiece, database.size() - at));
        ok = EVP_EncryptUpdate(c.get(), cipher + written, &n, plain + at, len) == 1;
        written += static_cast<size_t>(n);
    }
    ok = ok && EVP_EncryptFinal_ex(c.get(), cipher + written, &n) == 1;
    written += static_cast<size_t>(n);
    ok =
        ok && written == database.size() &&
        EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagSize), cipher + written) == 1;
    if (!ok) return Status::internal("AES-256-GCM encryption failed");
    return writeNewPrivateFile(file, out.data(), out.size());
}

Result<TimePoint> backupCreatedAt(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::notFound(fmt::format("{}: cannot read: {}", file.string(), std::strerror(errno)));
    std::string head(kHeaderSize + kTagSize, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    auto header = parseHeader(file, head);
    if (!header) return header.status();
    return header->createdAt;
}

Status restoreBackup(const fs::path& backup, const fs::path& privateKey, const fs::path& out) {
    if (Status s = checkPrivateFile(privateKey); !s) return s;
    auto own = readPem(privateKey, true);
    if (!own) return own.status();
    if (fs::exists(out)) return Status::conflict(fmt::format("{} exists; not overwriting it", out.string()));
    auto bytes = readWhole(backup);
    if (!bytes) return bytes.status();
    auto header = parseHeader(backup, bytes.value());
    if (!header) return header.status();
    Pkey ephemeral(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, header->ephemeralPublic, kKeySize));
    if (!ephemeral) return Status::invalidInput(fmt::format("{}: damaged backup header", backup.string()));
    std::array<unsigned char, kKeySize> recipientPublic{};
    if (Status s = rawPublic(own->get(), recipientPublic.data()); !s) return s;
    SecretBytes key;
    if (Status s =
            deriveKey(own->get(), ephemeral.get(), header->ephemeralPublic, recipientPublic.data(), key);
        !s)
        return s;

    const auto* all = reinterpret_cast<const unsigned char*>(bytes->data());
    size_t cipherSize = bytes->size() - kHeaderSize - kTagSize;
    const unsigned char* cipher = all + kHeaderSize;
    std::array<unsigned char, kTagSize> tag{};
    std::memcpy(tag.data(), cipher + cipherSize, kTagSize);
    SecretBytes plain(cipherSize + 16);
    CipherCtx c(EVP_CIPHER_CTX_new());
    int n = 0;
    bool ok =
        c && EVP_DecryptInit_ex(c.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceSize), nullptr) == 1 &&
        EVP_DecryptInit_ex(c.get(), nullptr, nullptr, key.data(), header->nonce) == 1 &&
        EVP_DecryptUpdate(c.get(), nullptr, &n, all, static_cast<int>(kHeaderSize)) == 1;
    constexpr size_t kPiece = 1 << 20;
    size_t written = 0;
    for (size_t at = 0; ok && at < cipherSize; at += kPiece) {
        int len = static_cast<int>(std::min(kPiece, cipherSize - at));
        ok = EVP_DecryptUpdate(c.get(), plain.data() + written, &n, cipher + at, len) == 1;
        written += static_cast<size_t>(n);
    }
    ok =
        ok && EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagSize), tag.data()) == 1;
    if (!ok) return Status::internal("AES-256-GCM decryption failed");
    if (EVP_DecryptFinal_ex(c.get(), plain.data() + written, &n) != 1)
        return Status::invalidInput(fmt::format(
            "{}: authentication failed: the backup was changed or damaged, or is encrypted to another key",
            backup.string()));
    written += static_cast<size_t>(n);
    return writeNewPrivateFile(out, plain.data(), written);
}

Result<int> pruneBackups(const fs::path& folder, TimePoint cutoff) {
    std::error_code ec;
    int deleted = 0;
    if (!fs::exists(folder, ec)) return 0;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file()) continue;
        auto created = backupCreatedAt(entry.path());
        if (!created || created.value() >= cutoff) continue;
        if (!fs::remove(entry.path(), ec))
            return Status::ioError(fmt::format("{}: cannot delete: {}", entry.path().string(), ec.message()));
        ++deleted;
    }
    if (ec) return Status::ioError(fmt::format("{}: cannot list: {}", folder.string(), ec.message()));
    return deleted;
}

}  // namespace wp
