#pragma once

#include "LineAudioPort.h"
#include "LineEvent.h"
#include "SerialControlPort.h"
#include "SoundLineConfig.h"
#include "providers/LineDescriptor.h"
#include "providers/LineProvider.h"

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>

#include <functional>
#include <memory>

class LineAudioEndpoint;
class QThread;
class SoundLineWorker;

// Sound-card phone lines as a LineProvider: one worker thread per line (audio, serial pins, DSP and
// the line state machine) reporting by queued signals; this object lives on the engine's thread and
// turns those reports into LineEventSink calls with the engine's call id. One call per line.
class SoundLineProvider : public QObject, public LineProvider
{
    Q_OBJECT

public:
    // Creates a line's ports; the provider takes ownership. Tests hand in their twins here.
    struct PortFactory
    {
        std::function<LineAudioPort *(const SoundLineConfig &)> audio;
        std::function<SerialControlPort *(const SoundLineConfig &)> control;
    };
    // The ports a configuration names: the file twin for "captureFile", QSerialPort for "serialPort".
    static PortFactory defaultPorts();

    SoundLineProvider(const QList<SoundLineConfig> &lines, const PortFactory &ports,
                      QObject *parent = nullptr);
    ~SoundLineProvider() override;

    QString providerId() const override { return QStringLiteral("soundline"); }
    void start(LineEventSink *sink) override;
    void execute(const LineCommand &command) override;
    void stop() override;

    static QString lineIdFor(const SoundLineConfig &config)
    {
        return QStringLiteral("soundline/") + config.id;
    }
    static LineDescriptor descriptorFor(const SoundLineConfig &config);
    // Why the agent cannot reject a call on this line (the UI shows it on the incoming banner).
    static QString rejectUnavailableReason(const SoundLineConfig &config);
    // What this line cannot do and why (no reject on analogue lines, monitoring only without a relay...).
    static QStringList limitations(const SoundLineConfig &config);
    QStringList limitations(const QString &lineId) const;
    SoundLineWorker *worker(const QString &lineId) const;

Q_SIGNALS:
    void lineEvent(const QString &lineId, const LineEvent &event);

private:
    struct Line
    {
        SoundLineConfig config;
        QThread *thread = nullptr;
        SoundLineWorker *worker = nullptr;
        CallId call = 0; // the call on this line, 0 when idle
        CallId voiceCall = 0; // the call the worker's voice path is attached to
        int makeCallRequest = 0;
        // An outbound call's voice path opens with the relay, before makeCall completes; the engine
        // has the call only from the completion on, so it is handed over then.
        std::shared_ptr<LineAudioEndpoint> pendingVoice;
    };
    void connectWorker(Line &line);
    void attachVoice(Line &line, const std::shared_ptr<LineAudioEndpoint> &endpoint);

    QList<SoundLineConfig> m_configs;
    PortFactory m_ports;
    LineEventSink *m_sink = nullptr;
    QHash<QString, Line> m_lines;
};
