#pragma once

#include "SipStack.h"

#include <QtCore/qstringlist.h>

// The SIP stack's simulated twin: records what the provider asked for (one line per command, e.g.
// "reject 1099511627776 603 cause=21 uui=6869") and lets a test play the network's side with the
// same signals the real stack emits. Commands are answered with commandDone on the next event-loop
// turn, as the real stack does from its own thread; setFailNext() makes the next one fail.
class SimSipStack : public SipStack
{
    Q_OBJECT

public:
    using SipStack::SipStack;

    void start(const QList<SipAccountConfig> &accounts) override;
    void stop() override;
    void placeCall(quint64 token, int account, const QString &target, const QByteArray &uui) override;
    void answer(quint64 token, const QByteArray &uui) override;
    void reject(quint64 token, int status, int cause, const QByteArray &uui) override;
    void hangup(quint64 token, int cause, const QByteArray &uui) override;
    void hold(quint64 token, bool onHold) override;
    void sendDigits(quint64 token, const QString &digits) override;
    void transfer(quint64 token, const QString &target) override;
    void transferReplacing(quint64 token, quint64 consultToken) override;
    void sendUserUserInfo(quint64 token, const QByteArray &uui) override;
    void resubscribe(int account, const QString &uri) override;

    QStringList commands() const { return m_commands; }
    QList<SipAccountConfig> accounts() const { return m_accounts; }
    void setFailNext(int error) { m_failNext = error; }
    // Holds back the completion of hold/unhold and transfer until farEndAnswers() (the far end's answer).
    void setFarEndAnswersLater(bool later) { m_farEndAnswersLater = later; }
    void farEndAnswers(quint64 token, int error = 0) { Q_EMIT commandDone(token, error); }
    // An INVITE arrives for `account`; returns its token.
    quint64 offer(int account, const QString &number, const QString &name, const QByteArray &uui = {});

private:
    void done(quint64 token);

    QList<SipAccountConfig> m_accounts;
    QStringList m_commands;
    quint64 m_nextInbound = InboundTokenBase;
    int m_failNext = 0;
    bool m_farEndAnswersLater = false;
};
