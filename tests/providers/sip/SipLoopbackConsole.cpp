#include "SipLoopbackConsole.h"

#include "EventRecorder.h"
#include "LibreSipStack.h"
#include "SipLineProvider.h"
#include "SipLoopbackPeers.h"
#include "lines/Line.h"
#include "providers/LineAudioEndpoint.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <cmath>
#include <vector>

SipLoopbackConsole::SipLoopbackConsole(SipLoopbackPeers *peers)
    : m_peers(peers)
{ }

SipLoopbackConsole::~SipLoopbackConsole()
{
    stop();
}

std::unique_ptr<SipLoopbackConsole>
SipLoopbackConsole::registeredAgent(SipLoopbackPeers *peers, QString *error,
                                    const QList<SipLoopbackPeers::Subscriber> &others)
{
    if (!peers->prepareKamailio(
            QList<SipLoopbackPeers::Subscriber> {{QStringLiteral("agent1"), QStringLiteral("secret1")}}
                + others,
            error)
        || !peers->startKamailio(error))
        return nullptr;
    auto console = std::make_unique<SipLoopbackConsole>(peers);
    // The account's default codecs: opus, G722, PCMU, PCMA.
    if (!console->start({{{QStringLiteral("user"), QStringLiteral("agent1")},
                          {QStringLiteral("password"), QStringLiteral("secret1")}}},
                        error))
        return nullptr;
    Line *line = console->line(QStringLiteral("agent1"));
    if (!line || !QTest::qWaitFor([line] { return line->inService(); }, 15000)) {
        *error = QStringLiteral("agent1 did not register:\n") + peers->kamailioLog();
        return nullptr;
    }
    return console;
}

bool SipLoopbackConsole::start(const QList<QVariantMap> &accounts, QString *error)
{
    const QString registrar = QStringLiteral("127.0.0.1:%1").arg(m_peers->kamailioPort());
    QList<SipAccountConfig> configs;
    for (QVariantMap map : accounts) {
        if (!map.contains(QStringLiteral("registrar"))) // a TLS account names its port of Kamailio
            map.insert(QStringLiteral("registrar"), registrar);
        SipAccountConfig account;
        if (!SipAccountConfig::fromVariantMap(map, &account, error))
            return false;
        configs.append(account);
    }
    m_engine = std::make_unique<CallEngine>(nullptr);
    m_recorder = std::make_unique<EventRecorder>();
    m_recorder->setCategories(EventRecorder::States);
    m_recorder->attach(m_engine.get(), nullptr);
    auto *stack = new LibreSipStack;
    stack->setRetryInterval(1);
    m_provider = std::make_unique<SipLineProvider>(configs, stack);
    m_engine->attachProvider(m_provider.get());
    return true;
}

void SipLoopbackConsole::stop()
{
    m_engine.reset(); // stops the provider first, as the console does
    m_recorder.reset();
    m_provider.reset();
}

Line *SipLoopbackConsole::line(const QString &user) const
{
    return m_engine ? m_engine->line(QStringLiteral("sip/") + user) : nullptr;
}

CallSession *SipLoopbackConsole::waitForOffer(QSignalSpy &added)
{
    if (!added.count() && !added.wait(10000))
        return nullptr;
    auto *session = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(session, QStringLiteral("A"));
    return session;
}

CallSession *SipLoopbackConsole::makeCall(const QString &number, Line *line, const QByteArray &uui)
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    if (m_engine->makeCall(line ? line : this->line(QStringLiteral("agent1")), number, uui) <= 0
        || (!added.count() && !added.wait(5000)))
        return nullptr;
    auto *session = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(session, QStringLiteral("A"));
    return session;
}

CallSession *SipLoopbackConsole::answerOffer(const QString &scenario, const QString &account, bool echo,
                                             QProcess **sipp, std::shared_ptr<LineAudioEndpoint> *endpoint)
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    QSignalSpy audio(m_provider->stack(), &SipStack::callAudioReady);
    *sipp = m_peers->startSipp(scenario, account, echo);
    if (!*sipp)
        return nullptr;
    CallSession *a = waitForOffer(added);
    if (!a || a->answer() <= 0)
        return nullptr;
    QSignalSpy completed(a, &CallSession::requestCompleted);
    if (!completed.wait(5000) || a->state() != Tapi::Connected)
        return nullptr;
    if (endpoint) {
        if (!audio.count() && !audio.wait(5000))
            return nullptr;
        *endpoint = audio.at(0).at(1).value<std::shared_ptr<LineAudioEndpoint>>();
    }
    return a;
}

CallSession *SipLoopbackConsole::callFarEnd(const QString &scenario, const QString &number, QProcess **sipp,
                                            const FarEndCall &call)
{
    *sipp = m_peers->startSipp(scenario, QString(), false, call.calls, call.keys, call.variables);
    if (!*sipp || !QTest::qWaitFor([this] { return SipLoopbackPeers::udpPortInUse(m_peers->farEndPort()); }))
        return nullptr;
    CallSession *a = makeCall(number, call.line, call.uui);
    if (!a || (call.connected && !QTest::qWaitFor([a] { return a->state() == Tapi::Connected; }, 10000)))
        return nullptr;
    return a;
}

CallSession *SipLoopbackConsole::consult(CallSession *original, const QString &number, QString *error)
{
    QSignalSpy added(m_engine.get(), &CallEngine::sessionAdded);
    if (original->setupTransfer() <= 0) {
        *error = QStringLiteral("setupTransfer refused");
        return nullptr;
    }
    if (!QTest::qWaitFor([original] { return original->state() == Tapi::OnHoldPendTransfer; }, 5000)) {
        *error = QStringLiteral("the original is %1, not ONHOLDPENDTRANSFER").arg(original->stateName());
        return nullptr;
    }
    if (added.count() != 1) {
        *error = QStringLiteral("%1 new sessions, not one").arg(added.count());
        return nullptr;
    }
    auto *k = added.at(0).at(0).value<CallSession *>();
    m_recorder->name(k, QStringLiteral("K"));
    if (k->state() != Tapi::DialTone) {
        *error = QStringLiteral("the consult is %1, not DIALTONE").arg(k->stateName());
        return nullptr;
    }
    if (k->dial(number) <= 0) {
        *error = QStringLiteral("dial %1 refused").arg(number);
        return nullptr;
    }
    if (!QTest::qWaitFor([k] { return k->state() == Tapi::Connected; }, 10000)) {
        *error = QStringLiteral("the consult to %1 is %2, not CONNECTED").arg(number, k->stateName());
        return nullptr;
    }
    return k;
}

void SipLoopbackConsole::finishSipp(QProcess *sipp)
{
    QString output;
    const int code = m_peers->finishSipp(sipp, &output);
    QVERIFY2(code == 0, qPrintable(QStringLiteral("sipp exit %1:\n%2").arg(code).arg(output)));
}

bool SipLoopbackConsole::hearsEchoedTone(LineAudioEndpoint &endpoint)
{
    std::vector<int16_t> tone(4000);
    for (std::size_t i = 0; i < tone.size(); ++i)
        tone[i] = int16_t(8000 * std::sin(2 * M_PI * 1000 * double(i) / 8000));
    if (endpoint.toLine.write(tone) != tone.size())
        return false;
    double loudest = 0;
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        std::vector<int16_t> heard(endpoint.fromLine.available());
        endpoint.fromLine.read(heard);
        for (std::size_t i = 0; i + 160 <= heard.size(); i += 160) {
            double energy = 0;
            for (std::size_t j = i; j < i + 160; ++j)
                energy += double(heard[j]) * heard[j];
            loudest = std::max(loudest, std::sqrt(energy / 160));
        }
        if (loudest > 4000) // the tone's RMS is 5657; silence and G.711 noise are far below
            return true;
        QTest::qWait(20);
    }
    return false;
}
