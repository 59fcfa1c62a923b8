#pragma once

#include "audio/PlaybackMix.h"
#include "audio/Resampler.h"

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <vector>

// Conferences the console hosts (a line whose parties each have their own voice path, e.g. SIP): every
// party hears the agent and all the other parties, never itself. Lives on the audio thread with the
// bridges. Each cycle, after the bridges took their far ends, collect() gets each party's block; at
// distribute() every talking party's block (converted to one mixing rate) is added to every other talking
// party of its conference, at its own cursor (PlaybackMix: parties whose audio arrives in bursts at
// different moments are not cut into pieces) and converted to the listener's line rate; mixInto() then
// adds it to the agent's block on its way to that party's line. The agent hears every party anyway (the
// earpiece mix), and a party's recording gets what went to its line: the agent and the others.
// A party may be heard by the others or not (a supervisor coaching the agent: listening or whispering,
// it hears the agent and the far ends, but no far end hears it; setHeardByParties(false)).
class ConferenceMix
{
public:
    static constexpr int MixRate = 48000;
    // How far the mix waits for a party behind the others, and the most it keeps, as the earpiece's mix.
    static constexpr int AlignMs = 40;
    static constexpr int CapMs = 60;
    // The others' audio reaches a party's line only once this much waits (again after running dry):
    // parties whose converters or providers deliver in bursts then play without gaps.
    static constexpr int PrefillMs = 40;
    // What waits at a party's line rate for the agent's next block at most; older audio is dropped.
    static constexpr int MaxQueuedMs = 100;

    // `conference` 0 takes the party out of any conference; a new line rate rebuilds its converters.
    void setConference(int partyId, int conference, int lineRate);
    void remove(int partyId);
    bool contains(int partyId) const { return m_parties.count(partyId) != 0; }
    int conferenceOf(int partyId) const;
    // Whether the other parties hear this one (default true); it hears them either way.
    void setHeardByParties(int partyId, bool heard);
    bool heardByParties(int partyId) const;

    // The party's far end this cycle, at its line rate; `talking`: the party takes part now (Active).
    void collect(int partyId, std::span<const int16_t> fromLine, bool talking);
    void distribute();
    // Adds (saturating) what the other parties said to `block`, which goes to the party's line now.
    void mixInto(int partyId, std::span<int16_t> block);
    // Samples waiting for the party's line (for tests).
    std::size_t queued(int partyId) const;

private:
    struct Party
    {
        int conference = 0;
        int lineRate = 0;
        bool talking = false;
        bool heardByParties = true;
        std::unique_ptr<Resampler> up; // line rate -> MixRate (none when equal)
        std::unique_ptr<Resampler> down; // MixRate -> line rate (none when equal)
        std::vector<int16_t> block; // this cycle's far end at MixRate
        PlaybackMix others; // the other parties, at MixRate
        std::vector<int16_t> taken; // scratch
        std::vector<int16_t> queued; // the others, at the line rate, for the next blocks to the line
        bool primed = false; // PrefillMs reached since queued last ran dry
    };
    void silence(int partyId, Party &party);

    std::map<int, Party> m_parties;
};
