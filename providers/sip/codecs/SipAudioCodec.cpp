#include "SipAudioCodec.h"

#include "G711Codec.h"
#include "G722Codec.h"
#include "OpusCodec.h"

std::unique_ptr<SipAudioCodec> SipAudioCodec::create(const SipSdp::Format &format)
{
    switch (format.codec) {
    case SipSdp::Codec::Pcmu:
        return std::make_unique<G711Codec>(G711Codec::MuLaw);
    case SipSdp::Codec::Pcma:
        return std::make_unique<G711Codec>(G711Codec::ALaw);
    case SipSdp::Codec::G722:
        if (auto codec = std::make_unique<G722Codec>(); codec->isValid())
            return codec;
        break;
    case SipSdp::Codec::Opus:
        if (auto codec = std::make_unique<OpusCodec>(format.parameters); codec->isValid())
            return codec;
        break;
    case SipSdp::Codec::None:
        break;
    }
    return nullptr;
}
