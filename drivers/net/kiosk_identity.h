// KioskIdentity: the kiosk's own key and certificate, how it enrolls with a one-time token and how it
// renews its certificate (the central server's /v1/enroll and /v1/kiosk/certificate).
//
// Files, all in identityDir (common/bundle.h): kiosk.key (EC P-256, PEM, mode 0600, made here and never
// sent), kiosk.crt (the certificate the server signed, PEM) and enrollment.toml (the kiosk code and the
// contact point's letters the server gave). The key is written before anything is sent; the certificate
// and enrollment.toml are each written atomically (a temporary file, fsync, rename), certificate first, so
// enrollment.toml present means the kiosk is enrolled. A renewal keeps the key and replaces the
// certificate atomically; connections opened after it use the new one.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "common/clock.h"
#include "common/status.h"
#include "kiosk/core/net/http_client.h"

namespace wp {

struct Enrollment {
    std::string kioskCode;  // "K3"
    std::string letters;    // "SGN"
    bool operator==(const Enrollment&) const = default;
};

// enrollment.toml of dir; nullopt when the kiosk has not enrolled.
Result<std::optional<Enrollment>> readEnrollment(const std::filesystem::path& dir);
Status writeEnrollment(const std::filesystem::path& dir, const Enrollment& enrollment);
// Writes contents to file through a temporary file in the same folder, fsync'd and renamed, with mode.
Status writeFileAtomically(const std::filesystem::path& file, std::string_view contents, unsigned mode);

// Makes a new EC P-256 key and writes it (PEM, 0600) to keyFile, or keeps the one there.
Status ensureKey(const std::filesystem::path& keyFile);
// A PEM certificate signing request signed with the key in keyFile (its subject is the server's to set).
Result<std::string> makeCsr(const std::filesystem::path& keyFile);
// The end of a PEM certificate's validity.
Result<TimePoint> certificateNotAfter(const std::filesystem::path& certFile);

// Why an enrollment did not happen: the server refused the token (do not try again with it) or anything
// else (the network, the server: try again later).
struct EnrollError {
    bool tokenRefused = false;
    std::string message;
};

// Where an identity lives: the key, the certificate, and the folder of enrollment.toml.
struct IdentityFiles {
    std::filesystem::path key, certificate, dir;
};

// Enrolls: the key (made when missing), a CSR, POST /v1/enroll with the token over `publicListener`,
// then the certificate and enrollment.toml written. nullopt when enrolled (and *enrolled set).
std::optional<EnrollError> enroll(HttpClient& publicListener, const IdentityFiles& files,
                                  const std::string& token, Enrollment* enrolled);

// Renews over `kioskListener` (mutual TLS with the current certificate): POST /v1/kiosk/certificate with a
// CSR of the same key, then the new certificate written atomically over certFile.
Status renewCertificate(HttpClient& kioskListener, const std::filesystem::path& keyFile,
                        const std::filesystem::path& certFile);

// Whether the certificate ends within `before` of now (a missing or unreadable one counts as ending).
bool certificateEndsWithin(const std::filesystem::path& certFile, TimePoint now, Millis before);

}  // namespace wp
