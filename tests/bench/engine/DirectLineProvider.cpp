#include "DirectLineProvider.h"

#include "providers/LineCapabilities.h"

DirectLineProvider::DirectLineProvider(const QString &lineId, QObject *parent)
    : QObject(parent)
    , m_lineId(lineId)
{ }

void DirectLineProvider::start(LineEventSink *sink)
{
    m_sink = sink;
    LineDescriptor line;
    line.id = m_lineId;
    line.name = QStringLiteral("Benchmark line");
    line.address = QStringLiteral("100");
    sink->lineAdded(this, line);
}

void DirectLineProvider::execute(const LineCommand &command)
{
    if (command.requestId != 0)
        m_pending.push_back(command.requestId);
}

CallId DirectLineProvider::offer(const QString &number)
{
    CallOffer offer;
    offer.callerNumber = number;
    offer.callerName = QStringLiteral("Benchmark caller");
    return m_sink->callOffered(m_lineId, offer);
}

void DirectLineProvider::flush()
{
    std::vector<int> pending;
    pending.swap(m_pending);
    for (int requestId : pending)
        m_sink->commandCompleted(requestId, 0, CommandOutcome());
}
