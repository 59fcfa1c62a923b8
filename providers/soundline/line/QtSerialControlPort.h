#pragma once

#include "SerialControlPort.h"
#include "SoundLineConfig.h"

class QSerialPort;
class QTimer;

// A serial line interface through QSerialPort. Qt 6.4 has no signal for modem-control changes, so
// the pins are polled with pinoutSignals() every 20 ms on the worker thread this object lives on.
// A port whose driver cannot report pins (a pseudo-terminal: ENOTTY) stays open for presence only;
// that limitation is logged once and ring then comes from the audio.
class QtSerialControlPort : public SerialControlPort
{
    Q_OBJECT

public:
    QtSerialControlPort(const SoundLineConfig &config, QObject *parent = nullptr);
    ~QtSerialControlPort() override;

    bool open(QString *error) override;
    void close() override;
    bool isOpen() const override;
    bool setOffHook(bool offHook) override;

private:
    void poll();
    void fail(const QString &reason);

    SoundLineConfig m_config;
    QSerialPort *m_port;
    QTimer *m_poll;
    bool m_pinsReadable = true;
    bool m_ring = false;
    bool m_loop = false;
    bool m_firstPoll = true;
    int m_polls = 0;
};
