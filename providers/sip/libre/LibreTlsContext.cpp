#include "LibreTlsContext.h"

#include <QtCore/qfileinfo.h>

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>

// re_tls.h declares it only when libre's own build defines USE_OPENSSL; Debian's libre exports it.
extern "C" struct ssl_ctx_st *tls_openssl_context(const struct tls *tls);

namespace {

// Where an SSL_CTX keeps its LibreTlsContext, for the verify callback.
int contextIndex()
{
    static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

QString readableProblem(const QString &key, const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QStringLiteral("%1 %2 does not exist").arg(key, path);
    if (!info.isReadable())
        return QStringLiteral("%1 %2 cannot be read").arg(key, path);
    return QString();
}

// An alert's description; OpenSSL 3.0 has no text for TLS 1.3's own alerts (RFC 8446 section 6).
QString alertText(int value)
{
    switch (value & 0xff) {
    case 109:
        return QStringLiteral("missing extension");
    case 116:
        return QStringLiteral("certificate required");
    case 120:
        return QStringLiteral("no application protocol");
    default:
        return QString::fromUtf8(SSL_alert_desc_string_long(value));
    }
}

} // namespace

QByteArray LibreTlsContext::hostOf(const QString &hostPort)
{
    const QByteArray text = hostPort.toUtf8();
    if (text.startsWith('[')) {
        const qsizetype end = text.indexOf(']');
        return end > 0 ? text.mid(1, end - 1) : text;
    }
    const qsizetype colon = text.indexOf(':');
    return colon >= 0 ? text.left(colon) : text;
}

std::unique_ptr<LibreTlsContext> LibreTlsContext::create(const SipAccountConfig &config, QString *error)
{
    std::unique_ptr<LibreTlsContext> context(new LibreTlsContext);
    if (!config.tlsCertificateFile.isEmpty()) {
        if (QString problem =
                readableProblem(QStringLiteral("tlsCertificateFile"), config.tlsCertificateFile);
            !problem.isEmpty()) {
            *error = problem;
            return nullptr;
        }
    }
    const QByteArray certificate = config.tlsCertificateFile.toLocal8Bit();
    int err = tls_alloc(&context->m_tls, TLS_METHOD_SSLV23,
                        certificate.isEmpty() ? nullptr : certificate.constData(), nullptr);
    if (err) {
        *error = certificate.isEmpty()
            ? QStringLiteral("cannot set up TLS: %1").arg(QString::fromLocal8Bit(strerror(err)))
            : QStringLiteral("tlsCertificateFile %1 holds no PEM certificate chain with its private key")
                  .arg(config.tlsCertificateFile);
        return nullptr;
    }
    SSL_CTX *ctx = tls_openssl_context(context->m_tls);
    if (!config.tlsCaFile.isEmpty()) {
        if (QString problem = readableProblem(QStringLiteral("tlsCaFile"), config.tlsCaFile);
            !problem.isEmpty()) {
            *error = problem;
            return nullptr;
        }
        if (tls_add_ca(context->m_tls, config.tlsCaFile.toLocal8Bit().constData()) != 0) {
            *error = QStringLiteral("tlsCaFile %1 holds no PEM certificate").arg(config.tlsCaFile);
            return nullptr;
        }
    } else if (SSL_CTX_set_default_verify_paths(ctx) != 1) {
        *error = QStringLiteral("the system's trusted certificates cannot be read");
        return nullptr;
    }
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    // The first hop's name: an IP address is matched against the certificate's IP addresses, a name
    // against its DNS names (RFC 5922 section 7.1 asks for the subjectAltName).
    const QByteArray host = hostOf(config.proxy.isEmpty() ? config.registrar : config.proxy);
    X509_VERIFY_PARAM *param = SSL_CTX_get0_param(ctx);
    in6_addr address {};
    const bool isAddress = inet_pton(AF_INET, host.constData(), &address) == 1
        || inet_pton(AF_INET6, host.constData(), &address) == 1;
    const int set = isAddress ? X509_VERIFY_PARAM_set1_ip_asc(param, host.constData())
                              : X509_VERIFY_PARAM_set1_host(param, host.constData(), size_t(host.size()));
    if (set != 1) {
        *error = QStringLiteral("cannot check certificates for host %1").arg(QString::fromUtf8(host));
        return nullptr;
    }
    SSL_CTX_set_ex_data(ctx, contextIndex(), context.get());
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, &LibreTlsContext::verify);
    SSL_CTX_set_info_callback(ctx, &LibreTlsContext::info);
    SSL_CTX_set_msg_callback(ctx, &LibreTlsContext::message);
    context->m_certificateFile = config.tlsCertificateFile;
    return context;
}

LibreTlsContext::~LibreTlsContext()
{
    // libre's transport and connections hold references of their own; the callback must not find us.
    if (m_tls)
        SSL_CTX_set_ex_data(tls_openssl_context(m_tls), contextIndex(), nullptr);
    mem_deref(m_tls);
}

int LibreTlsContext::verify(int ok, X509_STORE_CTX *store)
{
    if (ok)
        return ok;
    auto *ssl = static_cast<SSL *>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    auto *context = ssl
        ? static_cast<LibreTlsContext *>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), contextIndex()))
        : nullptr;
    if (context && context->m_failure.isEmpty()) {
        // The first failure is the cause; OpenSSL stops the handshake at it.
        QString subject;
        if (X509 *certificate = X509_STORE_CTX_get_current_cert(store)) {
            char name[256] = {};
            X509_NAME_oneline(X509_get_subject_name(certificate), name, int(sizeof name) - 1);
            subject = QString::fromUtf8(name);
        }
        const int code = X509_STORE_CTX_get_error(store);
        context->m_failure = QString::fromUtf8(X509_verify_cert_error_string(code));
        if (!subject.isEmpty())
            context->m_failure += QStringLiteral(", certificate %1").arg(subject);
    }
    return 0;
}

void LibreTlsContext::info(const SSL *ssl, int where, int value)
{
    // A fatal alert from the server (SSL_CB_READ_ALERT; warnings such as close_notify are not refusals).
    if ((where & SSL_CB_READ_ALERT) != SSL_CB_READ_ALERT || qstrcmp(SSL_alert_type_string(value), "F") != 0)
        return;
    auto *context = static_cast<LibreTlsContext *>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), contextIndex()));
    if (!context)
        return;
    // The alert's description: "certificate required" (TLS 1.3, RFC 8446 6.2), "handshake failure"
    // (TLS 1.2 without a client certificate), "unknown CA", "bad certificate", ...
    context->m_refusal = QStringLiteral("the server refused the TLS connection: %1 (%2)")
                             .arg(alertText(value), context->certificateNote());
    if (context->m_refusalHandler)
        context->m_refusalHandler();
}

void LibreTlsContext::message(int written, int, int contentType, const void *buffer, size_t length, SSL *ssl,
                              void *)
{
    // A CertificateRequest from the server (handshake message type 13; TLS 1.3's arrive decrypted here).
    if (written || contentType != SSL3_RT_HANDSHAKE || length < 1
        || static_cast<const unsigned char *>(buffer)[0] != SSL3_MT_CERTIFICATE_REQUEST)
        return;
    auto *context = static_cast<LibreTlsContext *>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), contextIndex()));
    if (context && context->m_certificateRequestHandler)
        context->m_certificateRequestHandler();
}

QString LibreTlsContext::certificateNote() const
{
    return m_certificateFile.isEmpty()
        ? QStringLiteral("no tlsCertificateFile: it may want the client's certificate")
        : QStringLiteral("with the certificate of tlsCertificateFile %1").arg(m_certificateFile);
}

QString LibreTlsContext::unansweredReason() const
{
    return QStringLiteral("the server asked for the client's TLS certificate and did not answer (%1)")
        .arg(certificateNote());
}
