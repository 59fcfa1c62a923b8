#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qhash.h>
#include <QtCore/qmutex.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtQml/qqmlregistration.h>

#include <memory>

class AgentState;
class AudioDevices;
class PcmOutput;
class QJSEngine;
class QQmlEngine;
class ConsoleSettings;

// Rings on the agent's ringer device while AgentState shows an alerting session (an offered call the
// agent can take), and stops when there is none: answered, rejected, dropped, the far end gave up, or the
// agent became unavailable. The tone is the shipped ringtone or the file the setting `audio/ringtone`
// names; a file that does not decode falls back to the shipped one and says why (toneError). Decoding and
// playback run on the ringer's own thread (PcmOutput).
class RingtonePlayer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool ringing READ isRinging NOTIFY ringingChanged FINAL)
    Q_PROPERTY(QString toneName READ toneName NOTIFY toneChanged FINAL)
    Q_PROPERTY(QString toneError READ toneError NOTIFY toneChanged FINAL)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged FINAL)

public:
    static constexpr auto ShippedTone = ":/hookline/sounds/ringtone.flac";

    // `devices` and `settings` outlive this object. No default arguments: Qt 6.4 would construct a
    // default-constructible QML singleton itself.
    RingtonePlayer(AudioDevices *devices, ConsoleSettings *settings, QObject *parent);
    ~RingtonePlayer() override;

    // The instance QML sees; the composition root sets it before the QML loads.
    static void setQmlInstance(RingtonePlayer *player);
    static RingtonePlayer *create(QQmlEngine *, QJSEngine *);

    // Follows the agent's alerting session from now on.
    void attach(AgentState *agent);

    // True while it should ring and the ringer device took the tone.
    bool isRinging() const { return m_ringing; }
    // The file in use (the setting's, or the shipped tone's resource path).
    QString toneName() const { return m_toneName; }
    // Why the setting's file is not used; empty when it is (or none is set).
    QString toneError() const { return m_toneError; }
    // The last playback failure (no ringer device, the device refused); empty while all is well.
    QString errorString() const { return m_error; }

    // Re-reads the ringtone setting (done whenever it changes); an alert in progress rings on.
    Q_INVOKABLE void reloadTone();

Q_SIGNALS:
    void ringingChanged();
    void toneChanged();
    void errorStringChanged();

private:
    void update();
    void setRinging(bool ringing);
    void setError(const QString &error);

    AudioDevices *m_devices;
    ConsoleSettings *m_settings;
    QPointer<AgentState> m_agent;
    PcmOutput *m_output;
    // The tone's file bytes, shared with the ringer thread, which decodes them at the device's rate.
    std::shared_ptr<const QByteArray> m_tone;
    QString m_toneName;
    QString m_toneError;
    QString m_error;
    bool m_wanted = false; // an alerting session asks for the ringer
    bool m_ringing = false;
};
