#pragma once

#include "LibreHeaders.h"
#include "SipAccountConfig.h"

#include <QtCore/qstring.h>

#include <memory>

// The TLS context of one SIP account with transport tls (libre's `struct tls`, OpenSSL underneath).
// libre 1.1's SIP transport connects without checking the server's certificate; this context makes
// OpenSSL check it in every handshake: it must chain to the account's CA file (or the system's trust
// store) and name the first hop (the proxy, else the registrar) as a DNS name or IP address. A
// handshake that fails the check leaves its reason here, so the line's out-of-service reason can say
// why. Lives on libre's thread (the handshakes run there).
class LibreTlsContext
{
public:
    // Reads the CA file and the account's own certificate; nullptr with *error saying which file failed.
    static std::unique_ptr<LibreTlsContext> create(const SipAccountConfig &config, QString *error);
    ~LibreTlsContext();
    LibreTlsContext(const LibreTlsContext &) = delete;
    LibreTlsContext &operator=(const LibreTlsContext &) = delete;

    struct tls *tls() const { return m_tls; }
    // Why the last certificate check failed ("hostname mismatch", "self-signed certificate", ...,
    // with the certificate's subject); empty when none failed since clearFailure().
    QString failure() const { return m_failure; }
    void clearFailure() { m_failure.clear(); }

    // The host the server's certificate must name: `host`, `host:port` or `[v6]:port` without the port.
    static QByteArray hostOf(const QString &hostPort);

private:
    LibreTlsContext() = default;
    static int verify(int ok, struct x509_store_ctx_st *store);

    struct tls *m_tls = nullptr;
    QString m_failure;
};
