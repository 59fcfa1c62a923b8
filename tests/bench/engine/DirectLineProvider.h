#pragma once

#include "providers/LineEventSink.h"
#include "providers/LineProvider.h"

#include <QtCore/qobject.h>

#include <vector>

// A line provider with no switch behind it: it completes every command it is given when flush() is
// called. The engine benchmark uses it so the figures are the engine's and the models' own cost.
class DirectLineProvider : public QObject, public LineProvider
{
public:
    explicit DirectLineProvider(const QString &lineId, QObject *parent = nullptr);

    QString providerId() const override { return QStringLiteral("bench"); }
    void start(LineEventSink *sink) override;
    void execute(const LineCommand &command) override;
    void stop() override { m_sink = nullptr; }

    CallId offer(const QString &number);
    // Completes every command received so far, in order, with success.
    void flush();

private:
    LineEventSink *m_sink = nullptr;
    QString m_lineId;
    std::vector<int> m_pending;
};
