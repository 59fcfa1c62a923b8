#include "FakePhone.h"

FakePhone::FakePhone(QObject *parent)
    : QObject(parent)
{ }

void FakePhone::setLamp(const QString &phoneId, Lamp lamp, bool on)
{
    m_lamps[phoneId][lamp] = on;
}

void FakePhone::setRinger(const QString &phoneId, bool ringing)
{
    m_lamps[phoneId][-1] = ringing;
}
