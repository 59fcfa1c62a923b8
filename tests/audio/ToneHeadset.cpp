#include "ToneHeadset.h"

#include "ToneAnalysis.h"

CallAudioMixer::IoFactory toneHeadset(int sampleRate, double frequencyHz, double levelDbfs,
                                      std::atomic<BufferAgentAudioIo *> *made, std::size_t bufferSamples)
{
    return [=]() -> std::unique_ptr<AgentAudioIo> {
        auto io = std::make_unique<BufferAgentAudioIo>(sampleRate, bufferSamples);
        const QByteArray voice = ToneAnalysis::sine(frequencyHz, levelDbfs, sampleRate, 1.0);
        const auto samples = ToneAnalysis::samplesOf(voice);
        io->setCaptureSamples({samples.begin(), samples.end()}, true);
        if (made)
            *made = io.get();
        return io;
    };
}
