#pragma once

#include <QtCore/qjsonobject.h>
#include <QtCore/qobject.h>

class CallEngine;
class CallSession;
class QIODevice;

// Writes one JSON line per engine event: requests issued and completed, state changes (with mode,
// TAPI 3 state and cause, privilege, conference parent), UUI delivered, sessions terminated, errors.
class TraceWriter : public QObject
{
    Q_OBJECT

public:
    TraceWriter(CallEngine *engine, QIODevice *out, QObject *parent = nullptr);
    void write(QJsonObject event);
    void setStartMs(qint64 ms) { m_startMs = ms; }

private:
    CallEngine *m_engine;
    QIODevice *m_out;
    qint64 m_startMs;
};
