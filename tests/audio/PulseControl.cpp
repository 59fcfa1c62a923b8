#include "PulseControl.h"

#include <QtCore/qprocess.h>
#include <QtMultimedia/qmediadevices.h>

namespace PulseControl {

bool pactl(const QStringList &args, QString *output, QString *error)
{
    QProcess process;
    process.start(QStringLiteral("pactl"), args);
    // A short-lived child; the harness server answers in milliseconds.
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("pactl %1 failed: %2")
                         .arg(args.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAllStandardOutput());
    return true;
}

QString loadNullSink(const QString &sinkName, const QString &description, QString *error)
{
    QString module;
    if (!pactl({QStringLiteral("load-module"), QStringLiteral("module-null-sink"),
                QStringLiteral("sink_name=") + sinkName,
                QStringLiteral("sink_properties=device.description=") + description},
               &module, error))
        return {};
    return module.trimmed();
}

static QAudioDevice byDescription(const QList<QAudioDevice> &devices, const QString &description)
{
    for (const QAudioDevice &device : devices)
        if (device.description() == description)
            return device;
    return {};
}

QAudioDevice input(const QString &description)
{
    return byDescription(QMediaDevices::audioInputs(), description);
}

QAudioDevice output(const QString &description)
{
    return byDescription(QMediaDevices::audioOutputs(), description);
}

} // namespace PulseControl
