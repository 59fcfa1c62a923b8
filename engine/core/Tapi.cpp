#include "Tapi.h"

#include <QtCore/qmetaobject.h>
#include <QtCore/qstringlist.h>

namespace Tapi {
namespace {

template<typename E>
QMetaEnum metaEnum()
{
    return QMetaEnum::fromType<E>();
}

// "DisconnectNoAnswer" with prefix "Disconnect" -> "NOANSWER"; unknown values print as hex.
QString keyName(const QMetaEnum &e, int value, QLatin1StringView prefix)
{
    const char *key = e.valueToKey(value);
    if (!key)
        return QStringLiteral("0x%1").arg(uint(value), 0, 16);
    QString name = QString::fromLatin1(key);
    if (name.startsWith(prefix))
        name.remove(0, prefix.size());
    return name.toUpper();
}

int keyValue(const QMetaEnum &e, QStringView name, QLatin1StringView prefix, bool *ok)
{
    const QString wanted = name.toString().toUpper().remove(QLatin1Char('_'));
    for (int i = 0; i < e.keyCount(); ++i) {
        QString key = QString::fromLatin1(e.key(i));
        if (key.startsWith(prefix))
            key.remove(0, prefix.size());
        if (key.toUpper() == wanted) {
            *ok = true;
            return e.value(i);
        }
    }
    *ok = false;
    return 0;
}

QLatin1StringView modePrefix(int state)
{
    switch (state) {
    case Disconnected:
        return QLatin1StringView("Disconnect");
    case Busy:
        return QLatin1StringView("Busy");
    case DialTone:
        return QLatin1StringView("DialTone");
    case Offering:
        return QLatin1StringView("Offering");
    case Connected:
        return QLatin1StringView("Connected");
    case SpecialInfo:
        return QLatin1StringView("SpecialInfo");
    default:
        return {};
    }
}

QMetaEnum modeEnum(int state)
{
    switch (state) {
    case Disconnected:
        return metaEnum<DisconnectMode>();
    case Busy:
        return metaEnum<BusyMode>();
    case DialTone:
        return metaEnum<DialToneMode>();
    case Offering:
        return metaEnum<OfferingMode>();
    case Connected:
        return metaEnum<ConnectedMode>();
    case SpecialInfo:
        return metaEnum<SpecialInfoMode>();
    default:
        return {};
    }
}
} // namespace

QString stateName(int state)
{
    return keyName(metaEnum<CallState>(), state, {});
}

int stateFromName(QStringView name, bool *ok)
{
    return keyValue(metaEnum<CallState>(), name, {}, ok);
}

QString errorName(int error)
{
    return keyName(metaEnum<LineError>(), error, {});
}

int errorFromName(QStringView name, bool *ok)
{
    return keyValue(metaEnum<LineError>(), name, {}, ok);
}

QString disconnectModeName(int mode)
{
    return keyName(metaEnum<DisconnectMode>(), mode, QLatin1StringView("Disconnect"));
}

int disconnectModeFromName(QStringView name, bool *ok)
{
    return keyValue(metaEnum<DisconnectMode>(), name, QLatin1StringView("Disconnect"), ok);
}

QString modeName(int state, int mode)
{
    if (mode == 0)
        return {};
    const QMetaEnum e = modeEnum(state);
    if (!e.isValid())
        return QString::number(mode);
    return keyName(e, mode, modePrefix(state));
}

int modeFromName(int state, QStringView name, bool *ok)
{
    const QMetaEnum e = modeEnum(state);
    if (!e.isValid()) {
        *ok = false;
        return 0;
    }
    return keyValue(e, name, modePrefix(state), ok);
}

QStringList modeNames(int state)
{
    QStringList names;
    const QMetaEnum e = modeEnum(state);
    for (int i = 0; e.isValid() && i < e.keyCount(); ++i) {
        if (e.value(i) != 0)
            names << keyName(e, e.value(i), modePrefix(state));
    }
    return names;
}

QString privilegeName(int privilege)
{
    if (privilege == PrivilegeUnchanged)
        return {};
    return keyName(metaEnum<CallPrivilege>(), privilege, QLatin1StringView("Privilege"));
}

QString callState3Name(int state3)
{
    return keyName(metaEnum<CallState3>(), state3, QLatin1StringView("Cs"));
}

QString eventCause3Name(int cause)
{
    return keyName(metaEnum<EventCause3>(), cause, QLatin1StringView("Cec"));
}

QString featureNames(int features)
{
    const QMetaEnum e = metaEnum<CallFeatures>();
    QStringList names;
    for (int i = 0; i < e.keyCount(); ++i) {
        if (features & e.value(i))
            names << QString::fromLatin1(e.key(i)).mid(7).toUpper();
    }
    return names.join(QLatin1Char('|'));
}

CallState3 callState3For(int state, bool created)
{
    switch (state) {
    case NoState:
        return CsIdle;
    case Idle:
    case Busy:
    case Disconnected:
        return CsDisconnected;
    case Offering:
    case Accepted:
        return CsOffering;
    case DialTone:
    case Dialing:
    case Ringback:
    case Proceeding:
        return CsInProgress;
    case Connected:
    case Conferenced:
        return CsConnected;
    case OnHold:
    case OnHoldPendConf:
    case OnHoldPendTransfer:
        return CsHold;
    default:
        Q_UNUSED(created);
        return CsNone;
    }
}

EventCause3 eventCauseForDisconnectMode(int mode)
{
    switch (mode) {
    case DisconnectReject:
        return CecDisconnectRejected;
    case DisconnectBusy:
        return CecDisconnectBusy;
    case DisconnectNoAnswer:
        return CecDisconnectNoAnswer;
    case DisconnectBadAddress:
    case DisconnectUnreachable:
        return CecDisconnectBadAddress;
    case DisconnectBlocked:
        return CecDisconnectBlocked;
    case DisconnectCancelled:
        return CecDisconnectCancelled;
    case DisconnectNormal:
    case DisconnectUnknown:
    case DisconnectPickup:
    case DisconnectForwarded:
        return CecDisconnectNormal;
    default:
        return CecDisconnectFailed;
    }
}

EventCause3 eventCause3For(int state, int mode)
{
    switch (state) {
    case Busy:
        return CecDisconnectBusy;
    case Disconnected:
        return eventCauseForDisconnectMode(mode);
    default:
        return CecNone;
    }
}
} // namespace Tapi
