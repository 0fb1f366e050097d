// Backup files of wijkpunt-central: the database encrypted to a public key, so a backup that leaves the
// server (a disk, another machine) reads as nothing without the private key kept elsewhere.
//
// An envelope on OpenSSL: a fresh X25519 key pair per backup; the shared secret with the recipient's X25519
// key, through HKDF-SHA256 (salt: the ephemeral public key then the recipient's; info "wijkpunt-central
// backup v1"), gives a 256-bit AES-GCM key. The file (version 1), all integers big-endian:
//
//   offset  size  what
//   0       8     magic "WPBACKUP"
//   8       1     version, 1
//   9       8     created at: milliseconds since 1970 UTC (the server's clock; pruning reads it)
//   17      32    the ephemeral X25519 public key
//   49      12    the AES-256-GCM nonce (random)
//   61      n     the ciphertext: the bytes of an SQLite database file
//   61+n    16    the GCM tag
//
// The 61 header bytes are the GCM associated data, so a changed creation time, key or nonce fails the tag
// like a changed byte of the ciphertext. Files are created 0600 and never overwritten. Encryption and
// decryption work in memory (the whole database twice); plaintext is zeroed before its memory is freed.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"

namespace wp {

// Makes a key pair for backups: the private key (PEM, PKCS#8) into privateKey, created 0600, and its public
// key (PEM) into publicKey. Neither may exist.
Status createBackupKeyPair(const std::filesystem::path& privateKey, const std::filesystem::path& publicKey);

// Encrypts database (the bytes of a database file) to the X25519 public key in recipientPublicKey (PEM) and
// writes it into file, which must not exist.
Status writeEncryptedBackup(const std::filesystem::path& file, std::string_view database,
                            const std::filesystem::path& recipientPublicKey, TimePoint createdAt);

// The creation time in a backup file's header; InvalidInput when file is no backup of a known version.
Result<TimePoint> backupCreatedAt(const std::filesystem::path& file);

// Decrypts backup with the private key in privateKey (PEM; refused when group or others may read it,
// secret_file.h) into out, created 0600, which must not exist. InvalidInput when the file is no backup, and
// when it was changed or made for another key (the message says "authentication failed"); out is then not
// created.
Status restoreBackup(const std::filesystem::path& backup, const std::filesystem::path& privateKey,
                     const std::filesystem::path& out);

// Deletes the backup files in folder (files whose header is a backup's) created before cutoff; other files
// are left alone. Returns how many were deleted.
Result<int> pruneBackups(const std::filesystem::path& folder, TimePoint cutoff);

}  // namespace wp
