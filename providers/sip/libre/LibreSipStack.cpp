#include "LibreSipStack.h"

#include "LibreSipCore.h"
#include "SipLogging.h"

LibreSipStack::LibreSipStack(QObject *parent)
    : SipStack(parent)
{ }

LibreSipStack::~LibreSipStack()
{
    stop();
}

void LibreSipStack::start(const QList<SipAccountConfig> &accounts)
{
    QString error;
    if (!m_loop.start(&error)) {
        qCWarning(lcSip).noquote() << error;
        for (qsizetype i = 0; i < accounts.size(); ++i)
            Q_EMIT registrationChanged(int(i), false, error);
        return;
    }
    m_core = new LibreSipCore(this, m_retrySeconds);
    m_loop.post([core = m_core, accounts] { core->start(accounts); });
}

void LibreSipStack::stop()
{
    LibreSipCore *core = std::exchange(m_core, nullptr);
    m_loop.stop([core](std::function<void()> finished) {
        if (!core) {
            finished();
            return;
        }
        core->shutdown([core, finished] {
            delete core;
            finished();
        });
    });
}

void LibreSipStack::placeCall(quint64 token, int account, const QString &target, const QByteArray &uui)
{
    if (m_core)
        m_loop.post(
            [core = m_core, token, account, target, uui] { core->placeCall(token, account, target, uui); });
}

void LibreSipStack::answer(quint64 token, const QByteArray &uui)
{
    if (m_core)
        m_loop.post([core = m_core, token, uui] { core->answer(token, uui); });
}

void LibreSipStack::reject(quint64 token, int status, int cause, const QByteArray &uui)
{
    if (m_core)
        m_loop.post([core = m_core, token, status, cause, uui] { core->reject(token, status, cause, uui); });
}

void LibreSipStack::hangup(quint64 token, int cause, const QByteArray &uui)
{
    if (m_core)
        m_loop.post([core = m_core, token, cause, uui] { core->hangup(token, cause, uui); });
}

void LibreSipStack::hold(quint64 token, bool onHold)
{
    if (m_core)
        m_loop.post([core = m_core, token, onHold] { core->hold(token, onHold); });
}

void LibreSipStack::sendDigits(quint64 token, const QString &digits)
{
    if (m_core)
        m_loop.post([core = m_core, token, digits] { core->sendDigits(token, digits); });
}

void LibreSipStack::transfer(quint64 token, const QString &target)
{
    if (m_core)
        m_loop.post([core = m_core, token, target] { core->transfer(token, target); });
}

void LibreSipStack::transferReplacing(quint64 token, quint64 consultToken)
{
    if (m_core)
        m_loop.post([core = m_core, token, consultToken] { core->transferReplacing(token, consultToken); });
}

void LibreSipStack::sendUserUserInfo(quint64 token, const QByteArray &uui)
{
    if (m_core)
        m_loop.post([core = m_core, token, uui] { core->sendUserUserInfo(token, uui); });
}

void LibreSipStack::resubscribe(int account, const QString &uri)
{
    if (m_core)
        m_loop.post([core = m_core, account, uri] { core->resubscribe(account, uri); });
}
