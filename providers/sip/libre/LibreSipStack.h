#pragma once

#include "LibreLoop.h"
#include "SipStack.h"

#include <memory>

class LibreSipCore;

// The SIP stack on libre: one SIP socket, registration and INVITE sessions per account, G.711 RTP per
// call. The public methods post to libre's thread; LibreSipCore does the work there and emits this
// object's signals from it (Qt queues them to the receivers' threads).
class LibreSipStack : public SipStack
{
    Q_OBJECT

public:
    explicit LibreSipStack(QObject *parent = nullptr);
    ~LibreSipStack() override;

    // Seconds between registration attempts while a registrar refuses or does not answer.
    void setRetryInterval(int seconds) { m_retrySeconds = seconds; }

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

private:
    LibreLoop m_loop;
    LibreSipCore *m_core = nullptr; // used on libre's thread only
    int m_retrySeconds = 30;
};
