#include "SipWavFile.h"

#include <QtCore/qfile.h>

#include <algorithm>

namespace SipWavFile {

namespace {

void putLe(QByteArray &out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out += char((value >> (8 * i)) & 0xff);
}

quint32 le(const QByteArray &data, qsizetype at, int bytes)
{
    quint32 value = 0;
    for (int i = bytes - 1; i >= 0; --i)
        value = value << 8 | quint8(data.at(at + i));
    return value;
}

} // namespace

QByteArray mono(const QByteArray &pcm, int rate)
{
    QByteArray wav = "RIFF";
    putLe(wav, quint32(36 + pcm.size()), 4);
    wav += "WAVEfmt ";
    putLe(wav, 16, 4);
    putLe(wav, 1, 2); // PCM
    putLe(wav, 1, 2);
    putLe(wav, quint32(rate), 4);
    putLe(wav, quint32(rate * 2), 4);
    putLe(wav, 2, 2);
    putLe(wav, 16, 2);
    wav += "data";
    putLe(wav, quint32(pcm.size()), 4);
    return wav + pcm;
}

QByteArray channel(const QByteArray &wav, int channel, int *rate)
{
    if (wav.size() < 12 || !wav.startsWith("RIFF") || wav.mid(8, 4) != "WAVE")
        return {};
    int channels = 0;
    for (qsizetype pos = 12; pos + 8 <= wav.size();) {
        const QByteArray id = wav.mid(pos, 4);
        const qsizetype size = qsizetype(le(wav, pos + 4, 4));
        const qsizetype body = pos + 8;
        if (id == "fmt " && body + 16 <= wav.size()) {
            channels = int(le(wav, body + 2, 2));
            *rate = int(le(wav, body + 4, 4));
            if (le(wav, body, 2) != 1 || le(wav, body + 14, 2) != 16)
                return {};
        } else if (id == "data" && channels > channel) {
            const qsizetype end = size > 0 ? std::min(wav.size(), body + size) : wav.size();
            QByteArray out;
            out.reserve((end - body) / channels);
            for (qsizetype at = body + 2 * channel; at + 2 <= end; at += 2 * channels)
                out.append(wav.constData() + at, 2);
            return out;
        }
        pos = body + size + (size & 1);
    }
    return {};
}

QByteArray channelOfFile(const QString &path, int channelIndex, int *rate)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return channel(file.readAll(), channelIndex, rate);
}

} // namespace SipWavFile
