#pragma once

#include "LibreHeaders.h"
#include "SipAccountConfig.h"

#include <QtCore/qstring.h>

#include <functional>
#include <memory>

// The TLS context of one SIP account with transport tls (libre's `struct tls`, OpenSSL underneath).
// libre 1.1's SIP transport connects without checking the server's certificate; this context makes
// OpenSSL check it in every handshake: it must chain to the account's CA file (or the system's trust
// store) and name the first hop (the proxy, else the registrar) as a DNS name or IP address. A
// handshake that fails the check leaves its reason here, so the line's out-of-service reason can say
// why. With TLS 1.3 a server that wants the client's certificate refuses it (none, or one it does not
// accept) only after the client's handshake has finished, and libre 1.1 would notice only when its
// request times out: so a server's fatal alert is a refusal (its reason kept, the refusal handler
// called at once), and a server that asks for the client's certificate is reported too (the account
// then waits a few seconds for an answer: the alert may be lost when the server closes the connection
// before the client has read it). Lives on libre's thread (the handshakes run there).
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
    // Why the server refused the last connection ("the server refused the TLS connection: certificate
    // required (no tlsCertificateFile)"); empty when none did since clearFailure().
    QString refusal() const { return m_refusal; }
    void clearFailure()
    {
        m_failure.clear();
        m_refusal.clear();
    }
    // Called from inside OpenSSL when a refusal arrives: it must not touch libre's objects (start a timer).
    void setRefusalHandler(std::function<void()> handler) { m_refusalHandler = std::move(handler); }
    // Called from inside OpenSSL when a server asks for the client's certificate (same caution).
    void setCertificateRequestHandler(std::function<void()> handler)
    {
        m_certificateRequestHandler = std::move(handler);
    }
    // The reason to give when a server that asked for the client's certificate never answers.
    QString unansweredReason() const;

    // The host the server's certificate must name: `host`, `host:port` or `[v6]:port` without the port.
    static QByteArray hostOf(const QString &hostPort);

private:
    LibreTlsContext() = default;
    static int verify(int ok, struct x509_store_ctx_st *store);
    static void info(const struct ssl_st *ssl, int where, int value);
    static void message(int written, int version, int contentType, const void *buffer, size_t length,
                        struct ssl_st *ssl, void *arg);
    QString certificateNote() const;

    struct tls *m_tls = nullptr;
    QString m_failure;
    QString m_refusal;
    QString m_certificateFile; // the account's tlsCertificateFile (empty: none)
    std::function<void()> m_refusalHandler;
    std::function<void()> m_certificateRequestHandler;
};
