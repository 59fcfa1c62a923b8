#pragma once

#include <QtCore/qglobal.h>

// A provider whose call audio moves in packets on a clock of its own (SIP's RTP: one packet each way per
// packet time) may hand that clock to the audio thread that reads its LineAudioEndpoint: the reader then
// runs the packet work inside its own cycle, and the provider's thread stops waking for it. One thread
// wakes per packet time instead of two, and the reader's cycle both hears the far end's packet and sends
// the agent's audio it has just written (docs/benchmarks.md, "SIP packets on the mixer's clock").
//
// Called on the reader's thread only, through LineAudioEndpoint (which keeps the clock from going while
// a call is under way); the provider guards its own state against its other thread.
class LinePacketClock
{
public:
    virtual ~LinePacketClock() = default;

    // The reader takes the clock (true) or gives it back (false): while it is taken, the provider's own
    // clock does no packet work. A provider whose stream is not running yet takes it once it runs.
    virtual void setDriven(bool driven) = 0;
    // When the next packet time is due (std::chrono::steady_clock, ns); 0 while the stream is not running.
    virtual qint64 nextPacketNs() const = 0;
    // Before the reader takes fromLine: the packets that arrived, decoded into fromLine for every packet
    // time due by `nowNs` (steady clock, ns); returns how many packet times were due.
    virtual int receivePackets(qint64 nowNs) = 0;
    // After the reader wrote toLine: one packet of toLine sent for each packet time receivePackets()
    // found due.
    virtual void sendPackets() = 0;
};
