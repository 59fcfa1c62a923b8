#pragma once

#include "providers/LineEventSink.h"
#include "providers/LineProvider.h"

#include <QtCore/qobject.h>

// The smallest real line provider: one line, no calls. Lets the registry test see an instance work.
class TestLineProvider : public QObject, public LineProvider
{
public:
    using QObject::QObject;
    QString providerId() const override { return QStringLiteral("testline"); }
    void start(LineEventSink *sink) override
    {
        LineDescriptor line;
        line.id = QStringLiteral("test-1");
        line.name = QStringLiteral("Test line");
        sink->lineAdded(this, line);
    }
    void execute(const LineCommand &) override { }
    void stop() override { }
};
