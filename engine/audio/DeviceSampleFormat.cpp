#include "audio/DeviceSampleFormat.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace DeviceSampleFormat {

QAudioFormat choose(const QAudioDevice &device, int rate)
{
    QAudioFormat format;
    format.setSampleFormat(QAudioFormat::Int16);
    format.setChannelCount(1);
    format.setSampleRate(rate);
    if (device.isFormatSupported(format))
        return format;
    format = device.preferredFormat();
    QAudioFormat int16 = format;
    int16.setSampleFormat(QAudioFormat::Int16);
    return device.isFormatSupported(int16) ? int16 : format;
}

int16_t toInt16(const char *sample, QAudioFormat::SampleFormat format)
{
    switch (format) {
    case QAudioFormat::UInt8:
        return int16_t((int(uint8_t(sample[0])) - 128) << 8);
    case QAudioFormat::Int16: {
        int16_t value;
        std::memcpy(&value, sample, sizeof value);
        return value;
    }
    case QAudioFormat::Int32: {
        int32_t value;
        std::memcpy(&value, sample, sizeof value);
        return int16_t(value >> 16);
    }
    case QAudioFormat::Float: {
        float value;
        std::memcpy(&value, sample, sizeof value);
        return int16_t(std::lround(std::clamp(value, -1.0f, 1.0f) * 32767.0f));
    }
    default:
        return 0;
    }
}

void fromInt16(int16_t value, char *sample, QAudioFormat::SampleFormat format)
{
    switch (format) {
    case QAudioFormat::UInt8:
        sample[0] = char(uint8_t((value >> 8) + 128));
        break;
    case QAudioFormat::Int16:
        std::memcpy(sample, &value, sizeof value);
        break;
    case QAudioFormat::Int32: {
        const int32_t wide = int32_t(value) << 16;
        std::memcpy(sample, &wide, sizeof wide);
        break;
    }
    case QAudioFormat::Float: {
        const float real = float(value) / 32768.0f;
        std::memcpy(sample, &real, sizeof real);
        break;
    }
    default:
        break;
    }
}

} // namespace DeviceSampleFormat
