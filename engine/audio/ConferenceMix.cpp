#include "audio/ConferenceMix.h"

#include <algorithm>

void ConferenceMix::setConference(int partyId, int conference, int lineRate)
{
    if (conference == 0) {
        remove(partyId);
        return;
    }
    Party &party = m_parties[partyId];
    if (party.conference != conference)
        silence(partyId, party);
    party.conference = conference;
    if (party.lineRate != lineRate) {
        party.lineRate = lineRate;
        party.up.reset(lineRate != MixRate ? new Resampler(lineRate, MixRate) : nullptr);
        party.down.reset(lineRate != MixRate ? new Resampler(MixRate, lineRate) : nullptr);
        party.queued.clear();
        party.queued.reserve(std::size_t(lineRate) * MaxQueuedMs / 1000 * 2);
        party.block.reserve(MixRate / 10);
        party.others.setLimits(std::size_t(MixRate) * AlignMs / 1000, std::size_t(MixRate) * CapMs / 1000);
    }
}

void ConferenceMix::remove(int partyId)
{
    auto found = m_parties.find(partyId);
    if (found == m_parties.end())
        return;
    silence(partyId, found->second);
    m_parties.erase(found);
}

int ConferenceMix::conferenceOf(int partyId) const
{
    const auto found = m_parties.find(partyId);
    return found == m_parties.end() ? 0 : found->second.conference;
}

void ConferenceMix::setHeardByParties(int partyId, bool heard)
{
    auto found = m_parties.find(partyId);
    if (found == m_parties.end() || found->second.heardByParties == heard)
        return;
    found->second.heardByParties = heard;
    if (!heard) {
        // The others stop waiting for it; its few milliseconds already mixed play out.
        for (auto &[id, other] : m_parties)
            other.others.forget(partyId);
    }
}

bool ConferenceMix::heardByParties(int partyId) const
{
    const auto found = m_parties.find(partyId);
    return found != m_parties.end() && found->second.heardByParties;
}

void ConferenceMix::silence(int partyId, Party &party)
{
    // The party's audio already in the others' mixes stays; it starts afresh wherever it talks next.
    for (auto &[id, other] : m_parties)
        other.others.forget(partyId);
    party.others.clear();
    party.queued.clear();
    party.primed = false;
    party.block.clear();
}

void ConferenceMix::collect(int partyId, std::span<const int16_t> fromLine, bool talking)
{
    auto found = m_parties.find(partyId);
    if (found == m_parties.end())
        return;
    Party &party = found->second;
    if (party.talking != talking) {
        party.talking = talking;
        silence(partyId, party);
    }
    party.block.clear();
    if (!talking || fromLine.empty())
        return;
    if (party.up)
        party.up->process(fromLine, party.block);
    else
        party.block.assign(fromLine.begin(), fromLine.end());
}

void ConferenceMix::distribute()
{
    for (auto &[id, source] : m_parties) {
        if (!source.talking || source.block.empty())
            continue;
        if (!source.heardByParties) {
            source.block.clear();
            continue;
        }
        for (auto &[otherId, listener] : m_parties) {
            if (otherId != id && listener.talking && listener.conference == source.conference)
                listener.others.add(id, source.block);
        }
        source.block.clear();
    }
    for (auto &[id, party] : m_parties) {
        if (!party.talking)
            continue;
        party.others.take(party.others.ready(), party.taken);
        if (party.taken.empty())
            continue;
        if (party.down)
            party.down->process(party.taken, party.queued);
        else
            party.queued.insert(party.queued.end(), party.taken.begin(), party.taken.end());
        const std::size_t most = std::size_t(party.lineRate) * MaxQueuedMs / 1000;
        if (party.queued.size() > most)
            party.queued.erase(party.queued.begin(),
                               party.queued.begin() + std::ptrdiff_t(party.queued.size() - most));
    }
}

void ConferenceMix::mixInto(int partyId, std::span<int16_t> block)
{
    auto found = m_parties.find(partyId);
    if (found == m_parties.end() || !found->second.talking)
        return;
    Party &party = found->second;
    std::vector<int16_t> &queued = party.queued;
    if (!party.primed && queued.size() < std::size_t(party.lineRate) * PrefillMs / 1000)
        return;
    party.primed = queued.size() >= block.size();
    const std::size_t count = std::min(block.size(), queued.size());
    for (std::size_t i = 0; i < count; ++i)
        block[i] = int16_t(std::clamp<int32_t>(int32_t(block[i]) + queued[i], -32768, 32767));
    queued.erase(queued.begin(), queued.begin() + std::ptrdiff_t(count));
}

std::size_t ConferenceMix::queued(int partyId) const
{
    const auto found = m_parties.find(partyId);
    return found == m_parties.end() ? 0 : found->second.queued.size();
}
