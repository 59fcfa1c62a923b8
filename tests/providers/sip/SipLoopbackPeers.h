#pragma once

#include <QtCore/qprocess.h>
#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qtemporarydir.h>

#include <memory>

// The far side of the SIP tests, on 127.0.0.1 only: Kamailio as registrar (digest authentication
// against SQLite subscribers) and relay, and sipp runs that play one scenario each. Every process is
// started here with free ports, bounded by its own timeout, and ended by its PID (terminate, then kill).
class SipLoopbackPeers
{
public:
    struct Subscriber
    {
        QString user;
        QString password;
    };

    SipLoopbackPeers();
    ~SipLoopbackPeers();

    bool isValid() const { return m_dir.isValid(); }
    // A port free for both UDP and TCP on 127.0.0.1.
    static quint16 freePort();
    static bool udpPortInUse(quint16 port);
    // An even UDP port nobody holds now with the one above it free too (RTP and RTCP); 0 if none found.
    static quint16 freeRtpPortPair();

    // A TLS port of Kamailio and the certificate (with its chain) and private key it shows there.
    struct TlsListener
    {
        quint16 port = 0;
        QString certificate;
        QString privateKey;
        QString clientCa; // not empty: clients must show a certificate from this CA
    };
    // Before prepareKamailio(): Kamailio also listens for TLS on these ports (kamailio-tls.cfg.in).
    void setTlsListeners(const QList<TlsListener> &listeners) { m_tlsListeners = listeners; }
    QString directory() const { return m_dir.path(); }

    quint16 kamailioPort() const { return m_kamailioPort; }
    quint16 farEndPort() const { return m_farEndPort; }
    // The longest registration Kamailio grants, in seconds (before prepareKamailio(); 8 by default, so
    // that the tests see refreshes).
    void setMaxExpires(int seconds) { m_maxExpires = seconds; }
    // Writes the database and the configuration (tests/providers/sip/kamailio.cfg.in).
    bool prepareKamailio(const QList<Subscriber> &subscribers, QString *error);
    bool startKamailio(QString *error);
    void stopKamailio();
    QString kamailioLog() const;
    // The contacts Kamailio's location table holds for `user` now (kamcmd ul.lookup over the control
    // socket); empty when the user is not registered, or with *error when kamcmd cannot tell.
    QStringList registeredContacts(const QString &user, QString *error) const;

    // Runs a scenario of tests/providers/sip/sipp. Caller side: sends to Kamailio for `service`;
    // far-end side (service empty): listens on farEndPort(). With echo, RTP is sent back (-rtp_echo).
    // `calls`: how many calls the scenario plays before sipp ends (a far-end scenario may play two roles).
    // `keys`: more [keyword]s for the scenario (sipp -key name value); `variables`: values of the
    // scenario's global variables (sipp -set name value), which its actions may compare with.
    QProcess *startSipp(const QString &scenario, const QString &service, bool echo = false, int calls = 1,
                        const QList<std::pair<QString, QString>> &keys = {},
                        const QList<std::pair<QString, QString>> &variables = {});
    // Waits for sipp's end (it has its own 15 s timeout); returns its exit code, -1 if it had to be
    // killed. Its output goes to *output.
    int finishSipp(QProcess *sipp, QString *output);
    // Ends sipp at once by its PID (SIGKILL): a far end that vanishes from the network mid-call.
    void killSipp(QProcess *sipp);

private:
    static void end(QProcess *process);
    QString controlSocket() const;

    QTemporaryDir m_dir;
    quint16 m_kamailioPort = 0;
    quint16 m_farEndPort = 0;
    QList<TlsListener> m_tlsListeners;
    int m_maxExpires = 8;
    std::unique_ptr<QProcess> m_kamailio;
    std::unique_ptr<QProcess> m_sipp;
};
