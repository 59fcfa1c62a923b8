// The SIP provider's own parsing and mapping: User-to-User (RFC 7433), Reason (RFC 3326), the audio
// part of SDP, account settings, and TAPI's disconnect modes on SIP (docs/provider-guide.md).
#include "SipAccountConfig.h"
#include "SipDisconnectMapping.h"
#include "SipDtmfInfo.h"
#include "SipReason.h"
#include "SipSdp.h"
#include "SipUserToUser.h"
#include "core/Tapi.h"
#include "settings/SettingsSchema.h"

#include <QtTest/qtest.h>

using namespace Tapi;

class tst_SipHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void userToUser_data();
    void userToUser();
    void userToUserFormat();
    void reason_data();
    void reason();
    void reasonFormat();
    void sdp_data();
    void sdp();
    void sdpBuildRoundTrip();
    void sdpTelephoneEventAndHold();
    void answerDirection_data();
    void answerDirection();
    void dtmfInfo_data();
    void dtmfInfo();
    void farEndMode_data();
    void farEndMode();
    void causeForMode();
    void accountConfig_data();
    void accountConfig();
    void accountKeysAreTheSchemas();
};

void tst_SipHeaders::userToUser_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("purpose");
    QTest::newRow("canonical") << QByteArray("3030313233;encoding=hex;purpose=isdn-uui") << true
                               << QByteArray("00123") << "isdn-uui";
    QTest::newRow("no encoding means hex") << QByteArray("6869") << true << QByteArray("hi") << "isdn-uui";
    QTest::newRow("quoted, params spaced") << QByteArray(" \"4142\" ; purpose=\"call-info\" ;encoding=HEX")
                                           << true << QByteArray("AB") << "call-info";
    QTest::newRow("upper-case hex") << QByteArray("FF00;encoding=hex") << true << QByteArray("\xff\x00", 2)
                                    << "isdn-uui";
    QTest::newRow("odd digits") << QByteArray("303;encoding=hex") << false << QByteArray() << QString();
    QTest::newRow("not hex") << QByteArray("zz;encoding=hex") << false << QByteArray() << QString();
    QTest::newRow("other encoding") << QByteArray("aGk=;encoding=base64") << false << QByteArray()
                                    << QString();
    QTest::newRow("empty") << QByteArray(";encoding=hex") << false << QByteArray() << QString();
    QTest::newRow("unterminated quote")
        << QByteArray("\"4142;encoding=hex") << false << QByteArray() << QString();
    QTest::newRow("129 octets") << QByteArray(258, 'a') << false << QByteArray() << QString();
    QTest::newRow("128 octets") << QByteArray(256, 'a') << true << QByteArray(128, '\xaa') << "isdn-uui";
}

void tst_SipHeaders::userToUser()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, valid);
    const std::optional<SipUserToUser> parsed = SipUserToUser::parse(header);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QTEST(parsed->data, "data");
    QTEST(parsed->purpose, "purpose");
}

void tst_SipHeaders::userToUserFormat()
{
    const QByteArray uui("\x00\x01zZ", 4);
    QCOMPARE(SipUserToUser::format(uui), QByteArray("00017a5a;encoding=hex;purpose=isdn-uui"));
    QCOMPARE(SipUserToUser::parse(SipUserToUser::format(uui))->data, uui);
}

void tst_SipHeaders::reason_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("q850");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QByteArray("Q.850;cause=16") << 16 << QString();
    QTest::newRow("with text") << QByteArray("Q.850 ; cause=17 ;text=\"User busy\"") << 17 << "User busy";
    QTest::newRow("lower-case protocol") << QByteArray("q.850;cause=21") << 21 << QString();
    QTest::newRow("SIP then Q.850") << QByteArray(
        "SIP;cause=200;text=\"Call completed, elsewhere\", Q.850;cause=31")
                                    << 31 << QString();
    QTest::newRow("escaped quote") << QByteArray("Q.850;cause=16;text=\"say \\\"bye\\\"\"") << 16
                                   << "say \"bye\"";
    QTest::newRow("SIP only") << QByteArray("SIP;cause=487") << -1 << QString();
    QTest::newRow("cause out of range") << QByteArray("Q.850;cause=128") << -1 << QString();
    QTest::newRow("cause not a number") << QByteArray("Q.850;cause=abc") << -1 << QString();
    QTest::newRow("no cause") << QByteArray("Q.850;text=\"x\"") << -1 << QString();
    QTest::newRow("empty") << QByteArray("") << -1 << QString();
}

void tst_SipHeaders::reason()
{
    QFETCH(QByteArray, header);
    QFETCH(int, q850);
    const std::optional<SipReason> reason = SipReason::findQ850(header);
    QCOMPARE(reason ? reason->cause : -1, q850);
    if (reason)
        QTEST(reason->text, "text");
}

void tst_SipHeaders::reasonFormat()
{
    QCOMPARE(SipReason::formatQ850(16), QByteArray("Q.850;cause=16"));
    QCOMPARE(SipReason::formatQ850(21, QStringLiteral("a \"b\"\r\n")),
             QByteArray("Q.850;cause=21;text=\"a \\\"b\\\"  \""));
    QCOMPARE(SipReason::findQ850(SipReason::formatQ850(21, QStringLiteral("x \"y\"")))->text,
             QStringLiteral("x \"y\""));
}

void tst_SipHeaders::sdp_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("chosen");
    QTest::addColumn<QByteArray>("direction");
    const QByteArray head = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\n";
    QTest::newRow("pcmu offer") << head + "c=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 8 101\r\n"
                                << true << QByteArray("10.0.0.1") << 4000 << 0 << QByteArray("sendrecv");
    QTest::newRow("alaw preferred") << head
            + "c=IN IP4 10.0.0.1\r\nm=audio 4002 RTP/AVP 8 0\r\na=sendonly\r\n"
                                    << true << QByteArray("10.0.0.1") << 4002 << 8 << QByteArray("sendonly");
    QTest::newRow("media-level address, LF only")
        << QByteArray("v=0\nc=IN IP4 1.1.1.1\nm=audio 5000 RTP/AVP 9 0\nc=IN IP4 2.2.2.2\n") << true
        << QByteArray("2.2.2.2") << 5000 << 0 << QByteArray("sendrecv");
    QTest::newRow("dynamic PCMA") << head
            + "c=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 96\r\na=rtpmap:96 PCMA/8000\r\n"
                                  << true << QByteArray("10.0.0.1") << 4000 << 96 << QByteArray("sendrecv");
    QTest::newRow("no common codec") << head + "c=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 18 111\r\n"
                                     << true << QByteArray("10.0.0.1") << 4000 << -1
                                     << QByteArray("sendrecv");
    QTest::newRow("refused stream") << head + "c=IN IP4 10.0.0.1\r\nm=audio 0 RTP/AVP 0\r\n"
                                    << true << QByteArray("10.0.0.1") << 0 << -1 << QByteArray("sendrecv");
    QTest::newRow("session inactive")
        << head + "c=IN IP4 10.0.0.1\r\na=inactive\r\nm=audio 4000 RTP/AVP 0\r\n"
        << true << QByteArray("10.0.0.1") << 4000 << 0 << QByteArray("inactive");
    QTest::newRow("video only") << head + "c=IN IP4 10.0.0.1\r\nm=video 4000 RTP/AVP 96\r\n"
                                << false << QByteArray() << 0 << -1 << QByteArray();
    QTest::newRow("no address") << head + "m=audio 4000 RTP/AVP 0\r\n"
                                << false << QByteArray() << 0 << -1 << QByteArray();
    QTest::newRow("bad port") << head + "c=IN IP4 1.1.1.1\r\nm=audio 70000 RTP/AVP 0\r\n"
                              << false << QByteArray() << 0 << -1 << QByteArray();
    QTest::newRow("bad payload type") << head + "c=IN IP4 1.1.1.1\r\nm=audio 4000 RTP/AVP 0 200\r\n"
                                      << false << QByteArray() << 0 << -1 << QByteArray();
    QTest::newRow("not RTP") << head + "c=IN IP4 1.1.1.1\r\nm=audio 4000 UDP/BFCP *\r\n"
                             << false << QByteArray() << 0 << -1 << QByteArray();
}

void tst_SipHeaders::sdp()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const std::optional<SipSdp> sdp = SipSdp::parse(text);
    QCOMPARE(sdp.has_value(), valid);
    if (!valid)
        return;
    QTEST(sdp->address, "address");
    QTEST(int(sdp->port), "port");
    QTEST(sdp->firstCommon({SipSdp::Codec::Pcmu, SipSdp::Codec::Pcma}).payloadType, "chosen");
    QTEST(sdp->direction, "direction");
}

void tst_SipHeaders::sdpBuildRoundTrip()
{
    const QList<SipSdp::Format> g711 = SipSdp::offerFormats({SipSdp::Codec::Pcmu, SipSdp::Codec::Pcma});
    const QList<SipSdp::Format> alaw = SipSdp::offerFormats({SipSdp::Codec::Pcma});
    const QByteArray offer = SipSdp::build("127.0.0.1", 10002, 7, 1, g711);
    QVERIFY(offer.contains("m=audio 10002 RTP/AVP 0 8\r\n"));
    QVERIFY(offer.contains("a=rtpmap:8 PCMA/8000\r\n"));
    const std::optional<SipSdp> parsed = SipSdp::parse(offer);
    QVERIFY(parsed);
    QCOMPARE(parsed->address, QByteArray("127.0.0.1"));
    QCOMPARE(parsed->formats, g711);
    QCOMPARE(
        SipSdp::parse(SipSdp::build("::1", 4000, 1, 2, alaw))->firstCommon({SipSdp::Codec::Pcma}).payloadType,
        8);
}

void tst_SipHeaders::sdpTelephoneEventAndHold()
{
    // An offer carries telephone-event 101 (events 0-15) after the audio types, and the direction asked.
    const QByteArray offer =
        SipSdp::build("127.0.0.1", 10002, 7, 1,
                      SipSdp::offerFormats({SipSdp::Codec::Pcmu, SipSdp::Codec::Pcma}), 101, "sendonly");
    QVERIFY(offer.contains("m=audio 10002 RTP/AVP 0 8 101\r\n"));
    QVERIFY(offer.contains("a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n"));
    QVERIFY(offer.endsWith("a=sendonly\r\n"));
    const std::optional<SipSdp> parsed = SipSdp::parse(offer);
    QVERIFY(parsed);
    QCOMPARE(parsed->telephoneEvent, 101);
    QCOMPARE(parsed->direction, QByteArray("sendonly"));
    QCOMPARE(parsed->firstCommon(SipSdp::defaultPreference()).payloadType, 0); // telephone-event is not audio
    // Another dynamic type, any case; none without the rtpmap.
    QCOMPARE(SipSdp::parse("v=0\r\nc=IN IP4 1.1.1.1\r\nm=audio 4000 RTP/AVP 8 96\r\n"
                           "a=rtpmap:96 Telephone-Event/8000\r\n")
                 ->telephoneEvent,
             96);
    QCOMPARE(SipSdp::parse("v=0\r\nc=IN IP4 1.1.1.1\r\nm=audio 4000 RTP/AVP 8 96\r\n")->telephoneEvent, -1);
    QVERIFY(!SipSdp::build("::1", 4000, 1, 2, SipSdp::offerFormats({SipSdp::Codec::Pcma}))
                 .contains("telephone-event"));
}

void tst_SipHeaders::answerDirection_data()
{
    QTest::addColumn<QByteArray>("offered");
    QTest::addColumn<bool>("holding");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("holdsUs");
    QTest::newRow("sendrecv") << QByteArray("sendrecv") << false << QByteArray("sendrecv") << false;
    QTest::newRow("sendrecv, holding") << QByteArray("sendrecv") << true << QByteArray("sendonly") << false;
    QTest::newRow("sendonly") << QByteArray("sendonly") << false << QByteArray("recvonly") << true;
    QTest::newRow("sendonly, holding") << QByteArray("sendonly") << true << QByteArray("inactive") << true;
    QTest::newRow("inactive") << QByteArray("inactive") << false << QByteArray("inactive") << true;
    QTest::newRow("recvonly") << QByteArray("recvonly") << false << QByteArray("sendonly") << false;
}

void tst_SipHeaders::answerDirection()
{
    QFETCH(QByteArray, offered);
    QFETCH(bool, holding);
    QTEST(SipSdp::answerDirection(offered, holding), "answer");
    QTEST(SipSdp::isHoldOffer(offered), "holdsUs");
}

void tst_SipHeaders::dtmfInfo_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("digit"); // empty: none
    QTest::newRow("relay") << QByteArray("application/dtmf-relay")
                           << QByteArray("Signal=5\r\nDuration=160\r\n") << "5";
    QTest::newRow("relay spaced") << QByteArray("Application/DTMF-Relay")
                                  << QByteArray("Duration= 250\nsignal = #\n") << "#";
    QTest::newRow("relay code 10") << QByteArray("application/dtmf-relay") << QByteArray("Signal=10") << "*";
    QTest::newRow("relay letter") << QByteArray("application/dtmf-relay") << QByteArray("Signal=d") << "D";
    QTest::newRow("relay no signal") << QByteArray("application/dtmf-relay") << QByteArray("Duration=160")
                                     << "";
    QTest::newRow("relay bad") << QByteArray("application/dtmf-relay") << QByteArray("Signal=55") << "";
    QTest::newRow("dtmf") << QByteArray("application/dtmf") << QByteArray("7\r\n") << "7";
    QTest::newRow("dtmf 11") << QByteArray("application/dtmf") << QByteArray("11") << "#";
    QTest::newRow("dtmf bad") << QByteArray("application/dtmf") << QByteArray("x") << "";
    QTest::newRow("other type") << QByteArray("text/plain") << QByteArray("Signal=5") << "";
}

void tst_SipHeaders::dtmfInfo()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, body);
    QFETCH(QString, digit);
    const std::optional<QChar> parsed = SipDtmfInfo::parse(type, body);
    QCOMPARE(parsed ? QString(*parsed) : QString(), digit);
    QCOMPARE(SipDtmfInfo::isDtmfContentType(type), type.toLower().startsWith("application/dtmf"));
}

void tst_SipHeaders::farEndMode_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("cancelled");
    QTest::addColumn<int>("q850");
    QTest::addColumn<int>("sipCause");
    QTest::addColumn<int>("mode");
    QTest::newRow("BYE") << 0 << false << -1 << -1 << int(DisconnectNormal);
    QTest::newRow("BYE cause 16") << 0 << false << 16 << -1 << int(DisconnectNormal);
    QTest::newRow("BYE cause 17") << 0 << false << 17 << -1 << int(DisconnectBusy);
    QTest::newRow("BYE cause 99") << 0 << false << 99 << -1 << int(DisconnectNormal);
    QTest::newRow("CANCEL") << 0 << true << -1 << -1 << int(DisconnectCancelled);
    QTest::newRow("CANCEL cause 16") << 0 << true << 16 << -1 << int(DisconnectCancelled);
    QTest::newRow("CANCEL cause 19") << 0 << true << 19 << -1 << int(DisconnectNoAnswer);
    QTest::newRow("CANCEL elsewhere") << 0 << true << -1 << 200 << int(DisconnectPickup);
    QTest::newRow("486") << 486 << false << -1 << -1 << int(DisconnectBusy);
    QTest::newRow("603") << 603 << false << -1 << -1 << int(DisconnectReject);
    QTest::newRow("603 cause 17") << 603 << false << 17 << -1 << int(DisconnectBusy);
    QTest::newRow("404") << 404 << false << -1 << -1 << int(DisconnectBadAddress);
    QTest::newRow("480") << 480 << false << -1 << -1 << int(DisconnectUnavail);
    QTest::newRow("408") << 408 << false << -1 << -1 << int(DisconnectNoAnswer);
    QTest::newRow("488") << 488 << false << -1 << -1 << int(DisconnectIncompatible);
    QTest::newRow("503") << 503 << false << -1 << -1 << int(DisconnectCongestion);
    QTest::newRow("500") << 500 << false << -1 << -1 << int(DisconnectTempFailure);
    QTest::newRow("699") << 699 << false << -1 << -1 << int(DisconnectReject);
    QTest::newRow("499") << 499 << false << -1 << -1 << int(DisconnectUnknown);
    QTest::newRow("480 cause 1") << 480 << false << 1 << -1 << int(DisconnectBadAddress);
}

void tst_SipHeaders::farEndMode()
{
    QFETCH(int, status);
    QFETCH(bool, cancelled);
    QFETCH(int, q850);
    QFETCH(int, sipCause);
    QTEST(SipDisconnectMapping::farEndMode(status, cancelled, q850, sipCause), "mode");
}

void tst_SipHeaders::causeForMode()
{
    QCOMPARE(SipDisconnectMapping::q850ForMode(DisconnectNormal), 16);
    QCOMPARE(SipDisconnectMapping::q850ForMode(DisconnectReject), 21);
    QCOMPARE(SipDisconnectMapping::q850ForMode(DisconnectBusy), 17);
    QCOMPARE(SipDisconnectMapping::q850ForMode(DisconnectCancelled), 16);
}

void tst_SipHeaders::accountConfig_data()
{
    QTest::addColumn<QVariantMap>("map");
    QTest::addColumn<QString>("error");
    const QVariantMap good {{"registrar", "127.0.0.1:5060"}, {"user", "agent1"}, {"password", "pw"}};
    auto with = [&](const QString &key, const QVariant &value) {
        QVariantMap map = good;
        if (value.isValid())
            map.insert(key, value);
        else
            map.remove(key);
        return map;
    };
    QTest::newRow("good") << good << QString();
    QTest::newRow("tcp") << with("transport", "TCP") << QString();
    QTest::newRow("no registrar") << with("registrar", QVariant())
                                  << "registrar: missing (host or host:port of the registrar)";
    QTest::newRow("registrar URI") << with("registrar", "sip:pbx")
                                   << "registrar: 'sip:pbx' is not host or host:port";
    QTest::newRow("registrar port") << with("registrar", "pbx:70000")
                                    << "registrar: 'pbx:70000' is not host or host:port";
    QTest::newRow("no user") << with("user", QVariant()) << "user: missing";
    QTest::newRow("bad user") << with("user", "a b") << "user: 'a b' is not a SIP user name";
    QTest::newRow("tls") << with("transport", "tls") << QString();
    QVariantMap tlsFiles = with("transport", "TLS");
    tlsFiles.insert("tlsCaFile", "/etc/hookline/pbx-ca.pem");
    tlsFiles.insert("tlsCertificateFile", "/etc/hookline/agent1.pem");
    QTest::newRow("tls with its files") << tlsFiles << QString();
    QTest::newRow("unknown transport")
        << with("transport", "sctp") << "transport: 'sctp' is not udp, tcp or tls";
    QVariantMap caWithoutTls = with("tlsCaFile", "/etc/hookline/pbx-ca.pem");
    QTest::newRow("CA file without tls") << caWithoutTls << "tlsCaFile: only for transport tls";
    caWithoutTls.insert("transport", "tcp");
    caWithoutTls.insert("tlsCertificateFile", "x.pem");
    caWithoutTls.remove("tlsCaFile");
    QTest::newRow("certificate without tls") << caWithoutTls << "tlsCertificateFile: only for transport tls";
    QTest::newRow("expires") << with("expires", "5") << "expires: '5' is not a number from 60 to 86400";
    QTest::newRow("reject status") << with("rejectStatus", "404") << "rejectStatus: '404' is not 486 or 603";
    QTest::newRow("unknown key") << with("registar", "x") << "registar: unknown key";
    QTest::newRow("display name quote")
        << with("displayName", "a\"b") << "displayName: quotes and line breaks are not allowed";
    QTest::newRow("proxy") << with("proxy", "proxy.example:5070") << QString();
    QTest::newRow("bad proxy") << with("proxy", "a b") << "proxy: 'a b' is not host or host:port";
    QTest::newRow("rtp timeout off") << with("rtpTimeout", "0") << QString();
    QTest::newRow("rtp timeout") << with("rtpTimeout", "-1")
                                 << "rtpTimeout: '-1' is not a number from 0 to 3600";
}

void tst_SipHeaders::accountKeysAreTheSchemas()
{
    // Every key the settings schema declares for an account is taken (at its default, with what it
    // depends on), and an account without them has the schema's defaults: one declaration of both.
    QVariantMap all {{"registrar", "127.0.0.1:5060"}, {"user", "agent1"}};
    for (const SettingsSchema::Spec &spec : SettingsSchema::array(SettingsSchema::SipAccounts).entry) {
        if (!all.contains(spec.name) && !spec.name.startsWith(QLatin1String("tls")))
            all.insert(spec.name, spec.defaultValue);
    }
    SipAccountConfig config;
    QString error;
    QVERIFY2(SipAccountConfig::fromVariantMap(all, &config, &error), qPrintable(error));
    QVERIFY2(!SipAccountConfig::fromVariantMap({{"registrar", "pbx"}, {"user", "a"}, {"secret", "x"}},
                                               &config, &error),
             "a key the schema does not declare is refused");
    QVERIFY2(SipAccountConfig::fromVariantMap({{"registrar", "pbx"}, {"user", "agent1"}}, &config, &error),
             qPrintable(error));
    auto schema = [](const char *name) {
        return SettingsSchema::entrySpec(SettingsSchema::SipAccounts, QLatin1String(name))->defaultValue;
    };
    QCOMPARE(config.expires, schema("expires").toInt());
    QCOMPARE(config.rejectStatus, schema("rejectStatus").toInt());
    QCOMPARE(config.localPort, schema("localPort").toInt());
    QCOMPARE(config.rtpTimeout, schema("rtpTimeout").toInt());
    QCOMPARE(config.transportName(), schema("transport").toString());
    QStringList codecs;
    for (SipSdp::Codec codec : config.codecs)
        codecs << QString::fromLatin1(SipSdp::codecName(codec));
    QCOMPARE(codecs.join(QLatin1Char(',')).toLower(),
             schema("codecs").toStringList().join(QLatin1Char(',')).toLower());
    QCOMPARE(SipAccountConfig().expires, schema("expires").toInt()); // the members start from the schema
}

void tst_SipHeaders::accountConfig()
{
    QFETCH(QVariantMap, map);
    QFETCH(QString, error);
    SipAccountConfig config;
    QString message;
    QCOMPARE(SipAccountConfig::fromVariantMap(map, &config, &message), error.isEmpty());
    QCOMPARE(message, error);
    if (error.isEmpty()) {
        QCOMPARE(config.lineId(), QStringLiteral("sip/agent1"));
        QCOMPARE(config.authUser, QStringLiteral("agent1"));
        QCOMPARE(config.rejectStatus, 603);
        QCOMPARE(config.rtpTimeout, map.contains("rtpTimeout") ? map.value("rtpTimeout").toInt() : 30);
        QCOMPARE(config.transportName(), map.value("transport", "udp").toString().toLower());
        QCOMPARE(config.tlsCaFile, map.value("tlsCaFile").toString());
        QCOMPARE(config.tlsCertificateFile, map.value("tlsCertificateFile").toString());
    }
}

QTEST_GUILESS_MAIN(tst_SipHeaders)
#include "tst_sip_headers.moc"
