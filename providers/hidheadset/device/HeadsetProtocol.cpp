#include "HeadsetProtocol.h"

#include "HeadsetLogging.h"
#include "HidUsages.h"

#include <algorithm>

namespace hookline::hid {

namespace {
using Button = PhoneEventSink::Button;

// The lamp that shows the host's idea of an absolute input's state.
ControlKind lampFor(ControlKind input)
{
    switch (input) {
    case ControlKind::HookSwitch:
        return ControlKind::LedOffHook;
    case ControlKind::PhoneMute:
        return ControlKind::LedMute;
    case ControlKind::Hold:
        return ControlKind::LedHold;
    default:
        return ControlKind::Other;
    }
}

bool buttonFor(ControlKind kind, Button *button)
{
    switch (kind) {
    case ControlKind::HookSwitch:
        *button = PhoneEventSink::HookSwitch;
        return true;
    case ControlKind::PhoneMute:
        *button = PhoneEventSink::Mute;
        return true;
    case ControlKind::Flash:
        *button = PhoneEventSink::Flash;
        return true;
    case ControlKind::Redial:
        *button = PhoneEventSink::Redial;
        return true;
    case ControlKind::Drop:
        *button = PhoneEventSink::Drop;
        return true;
    case ControlKind::RejectButton:
        *button = PhoneEventSink::Reject;
        return true;
    case ControlKind::Hold:
        *button = PhoneEventSink::Hold;
        return true;
    case ControlKind::Keypad:
        *button = PhoneEventSink::Keypad;
        return true;
    default:
        return false; // Line Busy, Speed Dial, Voice Mail, Programmable Button: no call action yet
    }
}

bool isOutputKind(ControlKind kind)
{
    switch (kind) {
    case ControlKind::Ringer:
    case ControlKind::LedMute:
    case ControlKind::LedOffHook:
    case ControlKind::LedRing:
    case ControlKind::LedHold:
    case ControlKind::LedMicrophone:
    case ControlKind::LedOnLine:
    case ControlKind::LedSpeaker:
    case ControlKind::LedHeadset:
        return true;
    default:
        return false;
    }
}

// Little-endian bit field starting at bitOffset; false when the data is too short for it.
bool readBits(QByteArrayView data, quint32 bitOffset, quint32 bitSize, bool isSigned, qint64 *value)
{
    if (bitSize == 0 || bitSize > 32 || quint64(bitOffset) + bitSize > quint64(data.size()) * 8)
        return false;
    quint64 raw = 0;
    for (quint32 bit = 0; bit < bitSize; ++bit) {
        const quint32 at = bitOffset + bit;
        if (quint8(data[at / 8]) & (1u << (at % 8)))
            raw |= quint64(1) << bit;
    }
    if (isSigned && bitSize < 64 && (raw & (quint64(1) << (bitSize - 1))))
        raw |= ~quint64(0) << bitSize;
    *value = qint64(raw);
    return true;
}

void writeBits(QByteArray &data, qsizetype dataStart, quint32 bitOffset, quint32 bitSize, quint64 value)
{
    for (quint32 bit = 0; bit < bitSize && bit < 64; ++bit) {
        const quint32 at = bitOffset + bit;
        const qsizetype byte = dataStart + at / 8;
        if (byte >= data.size())
            return;
        const char mask = char(1u << (at % 8));
        data[byte] = char((value >> bit) & 1 ? (data[byte] | mask) : (data[byte] & ~mask));
    }
}

// Array value -> the usage it selects, 0 when it selects nothing (null state / out of range).
quint32 arraySelection(const TelephonyControl &control, qint64 value, bool zeroSelects)
{
    if (value < control.logicalMinimum || value > control.logicalMaximum)
        return 0;
    // Many arrays idle at 0. With a logical minimum of 0 that value would name the first usage (Jabra's
    // keypad: Phone Key 0; EPOS: Programmable Button) and look held down forever, so 0 is "nothing", as on
    // keyboards, until the device shows it uses an out-of-range value as its null (zeroSelects).
    if (value == 0 && control.logicalMinimum == 0 && !zeroSelects)
        return 0;
    quint64 index = quint64(value - control.logicalMinimum);
    for (const UsageRange &range : control.arrayUsages) {
        if (index < range.count())
            return quint32(range.minimum + index);
        index -= range.count();
    }
    return 0;
}

int keypadCharacter(quint32 usage)
{
    static constexpr char keys[] = "0123456789*#ABCD";
    const quint16 id = usages::idOf(usage);
    if (usages::pageOf(usage) != usages::pageTelephony || id < usages::telephonyPhoneKeyFirst
        || id > usages::telephonyPhoneKeyLast)
        return 0;
    return keys[id - usages::telephonyPhoneKeyFirst];
}
} // namespace

HeadsetProtocol::HeadsetProtocol(const DescriptorParseResult &descriptor)
    : m_usesReportIds(descriptor.usesReportIds)
{
    auto seen = [](const QList<TelephonyControl> &list, const TelephonyControl &control) {
        return std::any_of(list.cbegin(), list.cend(), [&](const TelephonyControl &other) {
            return other.reportId == control.reportId && other.bitOffset == control.bitOffset
                && other.kind == control.kind && other.usage == control.usage;
        });
    };
    QList<TelephonyControl> inputs;
    for (const TelephonyCollection &collection : descriptor.collections) {
        if (!collection.isUsable())
            continue;
        for (const TelephonyControl &control : collection.inputs) {
            Button button;
            if (control.outsideCollection || !buttonFor(control.kind, &button) || seen(inputs, control))
                continue;
            inputs.append(control);
            m_inputs.append(Input {control, 0});
        }
        for (const TelephonyControl &control : collection.outputs) {
            if (control.outsideCollection || !isOutputKind(control.kind) || seen(m_outputs, control))
                continue;
            m_outputs.append(control);
            m_outputKinds.insert(control.kind);
            if (const auto report = descriptor.report(ReportType::Output, control.reportId))
                m_outputReportBytes.insert(control.reportId, report->byteLength());
        }
    }
}

QList<ControlKind> HeadsetProtocol::inputKinds() const
{
    QList<ControlKind> kinds;
    for (const Input &input : m_inputs) {
        if (!kinds.contains(input.control.kind))
            kinds.append(input.control.kind);
    }
    return kinds;
}

QList<ControlKind> HeadsetProtocol::outputKinds() const
{
    QList<ControlKind> kinds;
    for (const TelephonyControl &control : m_outputs) {
        if (!kinds.contains(control.kind))
            kinds.append(control.kind);
    }
    return kinds;
}

QList<HeadsetRequest> HeadsetProtocol::decodeInput(QByteArrayView report, qint64 nowMs)
{
    QList<HeadsetRequest> requests;
    quint8 reportId = 0;
    QByteArrayView data = report;
    if (m_usesReportIds) {
        if (report.isEmpty())
            return requests;
        reportId = quint8(report[0]);
        data = report.sliced(1);
    }
    for (Input &input : m_inputs) {
        const TelephonyControl &control = input.control;
        if (control.reportId != reportId)
            continue;
        if (!control.isVariable()) {
            decodeArray(input, data, requests);
            continue;
        }
        qint64 value = 0;
        if (!readBits(data, control.bitOffset, control.bitSize, control.logicalMinimum < 0, &value))
            continue; // short read: this control's bits did not come
        decodeVariable(input, value, nowMs, requests);
    }
    return requests;
}

void HeadsetProtocol::decodeVariable(Input &input, qint64 value, qint64 nowMs,
                                     QList<HeadsetRequest> &requests)
{
    const TelephonyControl &control = input.control;
    const qint64 previous = input.last;
    input.last = value;
    if (value == previous)
        return;
    Button button;
    buttonFor(control.kind, &button);
    // The host's state for this input (Off-Hook for the hook, Mute, Hold), also known when the
    // device has no such lamp: the binding sets every lamp, present or not.
    const ControlKind lamp = lampFor(control.kind);
    const bool isState = lamp != ControlKind::Other;
    const bool hostState = isState && hostOutput(lamp);

    switch (control.onOffType) {
    case OnOffControlType::ToggleSwitch:
    case OnOffControlType::Momentary: {
        const bool state = value != 0;
        if (isState) {
            if (state == hostState || withinEchoWindow(control.kind, nowMs)) {
                qCDebug(lcHeadset) << "echo of" << controlKindName(control.kind) << state;
                return;
            }
            // Hook reports the wanted state; a switch-type Mute/Hold that differs asks to toggle.
            requests.append({button, control.kind == ControlKind::HookSwitch ? int(state) : 1});
            return;
        }
        if (state) // a button: pressed on the rising edge
            requests.append({button, 1});
        return;
    }
    case OnOffControlType::SeparateOnOff: {
        if (value == 0)
            return;
        const bool wanted = value > 0;
        if (isState && wanted == hostState)
            return;
        requests.append({button, control.kind == ControlKind::HookSwitch ? int(wanted) : 1});
        return;
    }
    case OnOffControlType::ToggleButton:
    case OnOffControlType::Undefined:
        if (previous != 0 || value == 0)
            return; // only the 0 -> 1 edge is a request; the release is not a second one
        if (control.kind == ControlKind::HookSwitch)
            requests.append({button, int(!hostState)});
        else
            requests.append({button, 1});
        return;
    }
}

void HeadsetProtocol::decodeArray(Input &input, QByteArrayView data, QList<HeadsetRequest> &requests)
{
    const TelephonyControl &control = input.control;
    // Which of this entry's usages is selected now (first element that selects one of them).
    quint32 selected = 0;
    bool complete = true;
    for (quint32 element = 0; element < control.reportCount && element < 64; ++element) {
        qint64 value = 0;
        if (!readBits(data, control.bitOffset + element * control.bitSize, control.bitSize,
                      control.logicalMinimum < 0, &value)) {
            complete = false;
            break;
        }
        if (control.logicalMinimum == 0 && value > control.logicalMaximum)
            input.zeroSelects = true;
        const quint32 usage = arraySelection(control, value, input.zeroSelects);
        if (usage >= control.usage && usage <= control.usageMaximum) {
            selected = usage;
            break;
        }
    }
    if (!complete && selected == 0)
        return; // short read before anything was found: keep the last state
    const quint32 previous = quint32(input.last);
    input.last = selected;
    if (selected == 0 || selected == previous)
        return;
    Button button;
    buttonFor(control.kind, &button);
    if (control.kind == ControlKind::Keypad) {
        if (const int key = keypadCharacter(selected))
            requests.append({button, key});
        return;
    }
    requests.append(
        {button, control.kind == ControlKind::HookSwitch ? int(!hostOutput(ControlKind::LedOffHook)) : 1});
}

bool HeadsetProtocol::withinEchoWindow(ControlKind input, qint64 nowMs) const
{
    // Devices re-report their hook when Off-Hook changes and also when Hold does (Jabra reports
    // Hook Switch = 0 once on Hold; gonicus/gonnect PR #52). Ring changes cause no echo.
    QList<ControlKind> lamps {lampFor(input)};
    if (input == ControlKind::HookSwitch)
        lamps.append(ControlKind::LedHold);
    for (ControlKind lamp : lamps) {
        const auto it = m_lampChangedAt.constFind(lamp);
        if (it != m_lampChangedAt.cend() && nowMs - it.value() < m_echoWindowMs)
            return true;
    }
    return false;
}

QList<quint8> HeadsetProtocol::setOutput(ControlKind kind, bool on)
{
    QList<quint8> changed;
    if (m_hostState.value(kind, false) == on)
        return changed;
    m_hostState.insert(kind, on);
    for (const TelephonyControl &control : std::as_const(m_outputs)) {
        if (control.kind == kind && !changed.contains(control.reportId))
            changed.append(control.reportId);
    }
    return changed;
}

QList<quint8> HeadsetProtocol::outputReportIds() const
{
    QList<quint8> ids = m_outputReportBytes.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

QByteArray HeadsetProtocol::buildOutputReport(quint8 reportId) const
{
    const quint32 bytes = m_outputReportBytes.value(reportId, 0);
    QByteArray report(1 + qsizetype(bytes), '\0');
    report[0] = char(reportId);
    for (const TelephonyControl &control : m_outputs) {
        if (control.reportId != reportId)
            continue;
        const bool on = m_hostState.value(control.kind, false);
        // On is the top of the logical range (1 for every real LED); off its bottom.
        const qint64 value =
            on ? std::max<qint64>(control.logicalMaximum, 1) : std::max<qint64>(control.logicalMinimum, 0);
        writeBits(report, 1, control.bitOffset, control.bitSize, quint64(value));
    }
    return report;
}

void HeadsetProtocol::noteWritten(quint8 reportId, qint64 nowMs)
{
    for (const TelephonyControl &control : std::as_const(m_outputs)) {
        if (control.reportId != reportId)
            continue;
        const bool state = m_hostState.value(control.kind, false);
        if (m_writtenState.value(control.kind, false) != state) {
            m_writtenState.insert(control.kind, state);
            m_lampChangedAt.insert(control.kind, nowMs);
        }
    }
}

} // namespace hookline::hid
