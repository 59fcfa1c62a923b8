#include "SimSipStack.h"

void SimSipStack::start(const QList<SipAccountConfig> &accounts)
{
    m_accounts = accounts;
    m_commands << QStringLiteral("start %1").arg(accounts.size());
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        for (const QString &uri : accounts.at(i).dialogSubscriptions())
            m_commands << QStringLiteral("subscribe dialog %1 account=%2").arg(uri).arg(i);
    }
}

void SimSipStack::resubscribe(int account, const QString &uri)
{
    m_commands << QStringLiteral("resubscribe dialog %1 account=%2").arg(uri).arg(account);
}

void SimSipStack::stop()
{
    m_commands << QStringLiteral("stop");
}

void SimSipStack::placeCall(quint64 token, int account, const QString &target, const QByteArray &uui)
{
    m_commands << QStringLiteral("invite %1 account=%2 to=%3 uui=%4")
                      .arg(token)
                      .arg(account)
                      .arg(target, QString::fromLatin1(uui.toHex()));
    done(token);
}

void SimSipStack::answer(quint64 token, const QByteArray &uui)
{
    m_commands << QStringLiteral("answer %1 uui=%2").arg(token).arg(QString::fromLatin1(uui.toHex()));
    done(token);
}

void SimSipStack::reject(quint64 token, int status, int cause, const QByteArray &uui)
{
    m_commands << QStringLiteral("reject %1 %2 cause=%3 uui=%4")
                      .arg(token)
                      .arg(status)
                      .arg(cause)
                      .arg(QString::fromLatin1(uui.toHex()));
    done(token);
}

void SimSipStack::hangup(quint64 token, int cause, const QByteArray &uui)
{
    m_commands << QStringLiteral("hangup %1 cause=%2 uui=%3")
                      .arg(token)
                      .arg(cause)
                      .arg(QString::fromLatin1(uui.toHex()));
    done(token);
}

void SimSipStack::hold(quint64 token, bool onHold)
{
    m_commands
        << QStringLiteral("%1 %2").arg(onHold ? QStringLiteral("hold") : QStringLiteral("resume")).arg(token);
    if (!m_farEndAnswersLater)
        done(token);
}

void SimSipStack::sendDigits(quint64 token, const QString &digits)
{
    m_commands << QStringLiteral("digits %1 %2").arg(token).arg(digits);
    done(token);
}

void SimSipStack::transfer(quint64 token, const QString &target)
{
    m_commands << QStringLiteral("transfer %1 %2").arg(token).arg(target);
    if (!m_farEndAnswersLater)
        done(token);
}

void SimSipStack::transferReplacing(quint64 token, quint64 consultToken)
{
    m_commands << QStringLiteral("transfer %1 replacing %2").arg(token).arg(consultToken);
    if (!m_farEndAnswersLater)
        done(token);
}

void SimSipStack::sendUserUserInfo(quint64 token, const QByteArray &uui)
{
    m_commands << QStringLiteral("info %1 uui=%2").arg(token).arg(QString::fromLatin1(uui.toHex()));
    done(token);
}

quint64 SimSipStack::offer(int account, const QString &number, const QString &name, const QByteArray &uui)
{
    const quint64 token = m_nextInbound++;
    Q_EMIT callIncoming(token, account, number, name, m_accounts.value(account).user, uui);
    return token;
}

void SimSipStack::done(quint64 token)
{
    const int error = std::exchange(m_failNext, 0);
    QMetaObject::invokeMethod(
        this, [this, token, error] { Q_EMIT commandDone(token, error); }, Qt::QueuedConnection);
}
