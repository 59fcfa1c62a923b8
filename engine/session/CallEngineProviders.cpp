// Providers taken out while the console runs (an account removed or changed in the settings): their lines
// retire, wait for their calls to end, then leave the engine (docs/architecture.md, "Lines at run time").
#include "session/CallEngine.h"

#include "core/Logging.h"
#include "lines/Line.h"
#include "session/Call.h"
#include "session/PendingRequest.h"

#include <QtCore/qtimer.h>

using namespace Tapi;

namespace {

// A call this station takes part in: anything but IDLE, and an appearance of a call at another station
// (bridged, CONNECTED/INACTIVE) only while a request on it is outstanding (counted separately).
bool inProgressHere(const Call &call)
{
    if (call.state == Idle || call.state == NoState)
        return false;
    return !(call.state == Connected && (call.mode & ConnectedInactive));
}
} // namespace

void CallEngine::detachProvider(LineProvider *provider)
{
    if (!provider || isDetaching(provider)
        || std::find(m_providers.begin(), m_providers.end(), provider) == m_providers.end())
        return;
    m_detaching.push_back(provider);
    qCInfo(lcLine) << "detaching provider" << provider->providerId();
    for (Line *line : std::as_const(m_lineList)) {
        if (line->provider() == provider)
            line->markRetiring();
    }
    scheduleDetachCheck();
}

bool CallEngine::isDetaching(const LineProvider *provider) const
{
    return std::find(m_detaching.begin(), m_detaching.end(), provider) != m_detaching.end();
}

bool CallEngine::lineBusy(const Line *line) const
{
    for (const auto &[id, call] : m_calls) {
        if (call->line == line && (inProgressHere(*call) || call->pendingRequests > 0))
            return true;
    }
    for (const PendingRequest &request : m_requests) {
        if (request.line == line)
            return true;
    }
    return false;
}

void CallEngine::scheduleDetachCheck()
{
    if (m_detaching.empty() || m_detachCheckQueued)
        return;
    m_detachCheckQueued = true;
    // Never inside the report that ended the last call: the provider may be the one reporting.
    QTimer::singleShot(0, this, &CallEngine::finishDetaching);
}

void CallEngine::finishDetaching()
{
    m_detachCheckQueued = false;
    const std::vector<LineProvider *> waiting = m_detaching;
    for (LineProvider *provider : waiting) {
        QList<Line *> lines;
        for (Line *line : std::as_const(m_lineList)) {
            if (line->provider() == provider)
                lines.append(line);
        }
        if (std::any_of(lines.cbegin(), lines.cend(), [this](const Line *line) { return lineBusy(line); }))
            continue;
        std::erase(m_detaching, provider);
        std::erase(m_providers, provider);
        provider->stop(); // a SIP account un-registers
        for (Line *line : std::as_const(lines)) {
            // What is left is an appearance of a call at another station: nobody reports it any more.
            std::vector<Call *> left;
            for (auto &[id, call] : m_calls) {
                if (call->line == line && call->state != Idle && call->state != NoState)
                    left.push_back(call.get());
            }
            std::sort(left.begin(), left.end(), [](const Call *a, const Call *b) { return a->id < b->id; });
            for (Call *call : left)
                setState(call, Idle);
            m_lines.remove(line->lineId());
            m_lineList.removeOne(line);
            line->markRemoved();
            qCInfo(lcLine) << "line" << line->lineId() << "removed";
            Q_EMIT lineRemoved(line);
            freeIfRemoved(line);
        }
        if (!lines.isEmpty())
            Q_EMIT linesChanged();
        Q_EMIT providerDetached(provider);
    }
}

// A removed line can be reached only through the call records that name it: a handle lives no longer than
// its record (a record outlives its last handle only while a request on it is outstanding), so once no
// record names the line, the last session that could show it was terminated. Deleted later, not now: the
// terminated handles are deleted by a batch posted before (CallEngine::retire), a slot that took the line
// from lineRemoved may still hold it for this turn, and QML sees it go as any destroyed object (a null).
void CallEngine::freeIfRemoved(Line *line)
{
    if (!line || !line->isRemoved())
        return;
    for (const auto &[id, call] : m_calls) {
        if (call->line == line)
            return;
    }
    qCInfo(lcLine) << "line" << line->lineId() << "freed";
    line->deleteLater();
}
