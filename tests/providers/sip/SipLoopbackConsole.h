#pragma once

#include "SipLoopbackPeers.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

#include <memory>

class CallEngine;
class CallSession;
class EventRecorder;
class Line;
class LineAudioEndpoint;
class QProcess;
class QSignalSpy;
class SipLineProvider;

// The console side of the loopback SIP tests: the real CallEngine with the SIP line provider on libre
// (LibreSipStack, registration retried every second), an EventRecorder of the session states, and
// the steps the tests share (wait for an offer, answer one a sipp scenario sends, place a call, check
// sipp's verdict, hear a tone come back through sipp's RTP echo).
class SipLoopbackConsole
{
public:
    explicit SipLoopbackConsole(SipLoopbackPeers *peers);
    ~SipLoopbackConsole();

    // Accounts as in the settings (`registrar` is filled in with the test's Kamailio); false with *error
    // when one is refused.
    bool start(const QList<QVariantMap> &accounts, QString *error);

    // The set-up several audio tests share: `peers`' Kamailio started with agent1 (password secret1) and a
    // console whose agent1 account is registered there (its line in service, waiting 15 s at most). Null
    // with *error (Kamailio's log when the registration does not come) on any failure. `others`: more
    // subscribers of that Kamailio (far ends that register, reached by their user).
    static std::unique_ptr<SipLoopbackConsole>
    registeredAgent(SipLoopbackPeers *peers, QString *error,
                    const QList<SipLoopbackPeers::Subscriber> &others = {});

    CallEngine *engine() const { return m_engine.get(); }
    EventRecorder *recorder() const { return m_recorder.get(); }
    SipLineProvider *provider() const { return m_provider.get(); }
    // The line of account `user`.
    Line *line(const QString &user) const;

    // The session of the first call `added` saw (waiting up to 10 s), named "A" for the recorder.
    CallSession *waitForOffer(QSignalSpy &added);
    // makeCall on `line` (agent1's when null) with `uui` in the set-up, the session named "A".
    CallSession *makeCall(const QString &number, Line *line = nullptr, const QByteArray &uui = {});
    // Starts `scenario` toward `account`, answers its offer and waits for CONNECTED; with `endpoint` also
    // for the call's audio. Null on any failure.
    CallSession *answerOffer(const QString &scenario, const QString &account, bool echo, QProcess **sipp,
                             std::shared_ptr<LineAudioEndpoint> *endpoint = nullptr);
    // An outbound call to a sipp far end (a uas_ scenario listening on the peers' farEndPort()): what it
    // plays and how the call is placed. `calls`, `keys` and `variables` as SipLoopbackPeers::startSipp takes
    // them; makeCall on `line` with `uui`; with `connected`, the call is also waited for in CONNECTED (10 s).
    struct FarEndCall
    {
        int calls = 1;
        QList<std::pair<QString, QString>> keys;
        QList<std::pair<QString, QString>> variables;
        Line *line = nullptr;
        QByteArray uui;
        bool connected = true;
    };
    // Starts `scenario` (its process in *sipp), waits until it listens and calls `number` there as `call`
    // says. Null on any failure (*sipp is ended with the peers).
    CallSession *callFarEnd(const QString &scenario, const QString &number, QProcess **sipp,
                            const FarEndCall &call);
    CallSession *callFarEnd(const QString &scenario, const QString &number, QProcess **sipp)
    {
        return callFarEnd(scenario, number, sipp, FarEndCall());
    }
    // The consult call of an attended transfer: setupTransfer on the CONNECTED `original` (ONHOLDPENDTRANSFER
    // within 5 s), the one new session (in DIALTONE, named "K" for the recorder) dials `number` and is
    // CONNECTED within 10 s. Null with *error saying which step failed.
    CallSession *consult(CallSession *original, const QString &number, QString *error);
    // Fails the current test unless sipp finished its scenario with success.
    void finishSipp(QProcess *sipp);
    // Writes a 1 kHz tone to the line and waits (5 s at most) until it comes back loud in fromLine.
    static bool hearsEchoedTone(LineAudioEndpoint &endpoint);

    // Detaches the provider (libre's thread ends).
    void stop();

private:
    SipLoopbackPeers *m_peers;
    std::unique_ptr<CallEngine> m_engine;
    std::unique_ptr<EventRecorder> m_recorder;
    std::unique_ptr<SipLineProvider> m_provider;
};
