#pragma once

#include "DescriptorParseResult.h"
#include "providers/PhoneDevice.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qhash.h>
#include <QtCore/qlist.h>
#include <QtCore/qset.h>

namespace hookline::hid {

// One user request decoded from an input report.
struct HeadsetRequest
{
    PhoneEventSink::Button button = PhoneEventSink::HookSwitch;
    int value = 0;

    friend bool operator==(const HeadsetRequest &, const HeadsetRequest &) = default;
};

// The call-control protocol of one headset, driven by its parsed report descriptor: no I/O, no
// threads, no clock of its own (callers pass the time), so replay tests can drive it exactly.
//
// Inputs are read by each control's descriptor flags (docs/device-facts.md 1.2): an absolute control is a
// state and is compared with the host's state (the matching lamp: Hook Switch with Off-Hook, Phone
// Mute with Mute, Hold with Hold); a relative toggle is a request on its 0->1 edge only, so a press
// and its release are one toggle; separate on/off buttons (-1..1) request a state. A change of an
// absolute control that equals the host's lamp is a confirmation (the echo of our own write), and
// any change within echoWindowMs after one of our writes changed that lamp (for the hook also the
// Hold lamp: Jabra reports Hook Switch = 0 once when Hold is set; gonicus/gonnect PR #52) is an
// echo too. Bits of other usages sharing the report (EPOS volume buttons) are never requests.
//
// Outputs are cached per control; a write always carries the complete cached state of every lamp in
// that report ID (one LED per report on Poly, all in one report on Jabra).
class HeadsetProtocol
{
public:
    static constexpr qint64 DefaultEchoWindowMs = 500;

    // Uses the call controls of every usable telephony collection in `descriptor`.
    explicit HeadsetProtocol(const DescriptorParseResult &descriptor);

    bool usesReportIds() const { return m_usesReportIds; }
    void setEchoWindowMs(qint64 ms) { m_echoWindowMs = ms; }
    qint64 echoWindowMs() const { return m_echoWindowMs; }

    // A report as hidraw delivers it. Short reads are decoded as far as they go (controls whose bits
    // are missing keep their last value); reports of other IDs yield nothing.
    QList<HeadsetRequest> decodeInput(QByteArrayView report, qint64 nowMs);

    QList<ControlKind> inputKinds() const;
    QList<ControlKind> outputKinds() const;
    bool hasOutput(ControlKind kind) const { return m_outputKinds.contains(kind); }
    // What the host last set for this lamp or the ringer, whether or not the device has it.
    bool hostOutput(ControlKind kind) const { return m_hostState.value(kind, false); }
    // Records the host's state of a lamp (or the ringer). Returns the report IDs whose content
    // changed (empty when the device has no such output or it already had that value).
    QList<quint8> setOutput(ControlKind kind, bool on);
    QList<quint8> outputReportIds() const;
    // The bytes to write for one output report: report ID (0 when unnumbered) + the cached state.
    QByteArray buildOutputReport(quint8 reportId) const;
    // Records that the report was written: lamps it changed start their echo window.
    void noteWritten(quint8 reportId, qint64 nowMs);

private:
    struct Input
    {
        TelephonyControl control;
        qint64 last = 0; // variable: the value; array: the usage selected (0 = none)
        // Array with logical minimum 0: the device has shown that it reports "nothing" as a value outside
        // the logical range, so 0 is a real selection (Jabra's Phone Key 0) rather than the idle value.
        bool zeroSelects = false;
    };

    void decodeVariable(Input &input, qint64 value, qint64 nowMs, QList<HeadsetRequest> &requests);
    void decodeArray(Input &input, QByteArrayView data, QList<HeadsetRequest> &requests);
    bool withinEchoWindow(ControlKind input, qint64 nowMs) const;

    bool m_usesReportIds = false;
    qint64 m_echoWindowMs = DefaultEchoWindowMs;
    QList<Input> m_inputs;
    QList<TelephonyControl> m_outputs;
    QSet<ControlKind> m_outputKinds;
    QHash<ControlKind, bool> m_hostState; // all off at first
    QHash<quint8, quint32> m_outputReportBytes;
    QHash<ControlKind, bool> m_writtenState; // what the device was last told (all off at first)
    QHash<ControlKind, qint64> m_lampChangedAt; // when a write last changed that lamp
};

} // namespace hookline::hid
