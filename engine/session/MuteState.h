#pragma once

#include <QtCore/qobject.h>
#include <QtQml/qqmlregistration.h>

// The one owner of the agent's microphone mute. The UI, the headset's Phone Mute button and a line
// that reports a hardware mute all ask here; the audio bridge and the headset's Mute LED follow
// mutedChanged. A toggle request flips once, whoever asks, so a press seen twice cannot double-flip.
class MuteState : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The engine owns the mute state: CallEngine.mute")
    Q_PROPERTY(bool muted READ isMuted NOTIFY mutedChanged FINAL)
    Q_PROPERTY(Source lastSource READ lastSource NOTIFY mutedChanged FINAL)

public:
    enum Source { User, Headset, Line, Engine };
    Q_ENUM(Source)

    explicit MuteState(QObject *parent = nullptr);

    bool isMuted() const { return m_muted; }
    Source lastSource() const { return m_lastSource; }

    // Returns true when the state changed. Asking for the state it already has changes nothing and
    // emits nothing: an echo of our own change is not a new request.
    Q_INVOKABLE bool setMuted(bool muted, Source source = User);
    Q_INVOKABLE bool toggle(Source source = User) { return setMuted(!m_muted, source); }

Q_SIGNALS:
    void mutedChanged(bool muted, MuteState::Source source);

private:
    bool m_muted = false;
    Source m_lastSource = Engine;
};
