#pragma once

#include "SipSdp.h"

#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

#include <optional>

// One SIP account as configured in the settings (array `sipAccounts`; docs/provider-guide.md, "SIP
// lines"). Each account is one line of the console. Its keys, ranges and defaults are the settings
// schema's (engine/settings/SettingsSchema.cpp, sipAccounts): the members start from the schema's defaults
// and fromVariantMap takes the keys and ranges from there; what spans keys is checked here.
struct SipAccountConfig
{
    // The schema's default of entry key `name` ("expires").
    static QVariant schemaDefault(const char *name);

    enum class Transport { Udp, Tcp, Tls };

    QString id; // the engine sees "sip/<id>"; default: the user
    QString registrar; // host[:port] of the registrar (required)
    QString proxy; // host[:port] of an outbound proxy; empty: requests go to the registrar
    QString user; // the address-of-record's user part
    QString authUser; // digest user name; default: user
    QString password;
    QString displayName;
    Transport transport = transportOf(schemaDefault("transport").toString()).value_or(Transport::Udp);
    // TLS (transport tls): the PEM file of the certificate authorities the registrar's or proxy's
    // certificate must chain to (empty: the system's trust store), and an optional PEM file with this
    // account's own certificate chain and private key (sent when the server asks for one).
    QString tlsCaFile;
    QString tlsCertificateFile;
    int expires = schemaDefault("expires").toInt(); // seconds asked for in REGISTER; libre refreshes early
    int rejectStatus = schemaDefault("rejectStatus").toInt(); // reject(): 603 Decline or 486 Busy Here
    int localPort = schemaDefault("localPort").toInt(); // SIP port this account listens on; 0: any free port
    // Seconds without RTP from a far end that should send: the call ends; 0: never.
    int rtpTimeout = schemaDefault("rtpTimeout").toInt();
    // The codecs this account takes, in the order it offers them (key `codecs`: "opus, G722, PCMU, PCMA").
    QList<SipSdp::Codec> codecs = defaultCodecs();
    // Dialog-info (RFC 4235; docs/provider-guide.md, "Monitored and shared addresses"). `monitor`: the
    // addresses whose busy/idle status this account watches, each a line of its own (users at the
    // registrar or sip: URIs; key `monitor`, a list or one comma-separated string). `sharedLine`: the
    // address-of-record is shared with other stations, whose calls appear here bridged and inactive.
    QStringList monitor; // SIP URIs
    bool sharedLine = false;

    QString lineId() const { return QStringLiteral("sip/") + id; }
    QString aor() const { return QStringLiteral("sip:%1@%2").arg(user, registrarHost()); }
    QString registrarHost() const;
    // The line's address, what another console dials to reach this account: the user when it is a
    // number as it is dialled ("2001", "+15550103": dialled at the dialler's registrar), else the
    // address-of-record as a SIP URI with the account's transport ("sip:alice@pbx.example:5060",
    // "sip:alice@pbx.example;transport=tcp"), which any SIP line dials as its request URI.
    QString lineAddress() const;
    // The line of monitored address `index`: "sip/<id>/monitor/<user>".
    QString monitorLineId(qsizetype index) const;
    // What the account subscribes to with Event: dialog: the monitored addresses, then its own address
    // when it is a shared line.
    QStringList dialogSubscriptions() const;
    QString transportName() const
    {
        return transport == Transport::Tls ? QStringLiteral("tls")
            : transport == Transport::Tcp  ? QStringLiteral("tcp")
                                           : QStringLiteral("udp");
    }

    static std::optional<Transport> transportOf(const QString &name);
    static QList<SipSdp::Codec> defaultCodecs();

    // Returns false with *error naming the offending key and value.
    static bool fromVariantMap(const QVariantMap &map, SipAccountConfig *config, QString *error);
};
