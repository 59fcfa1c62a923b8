#include "audio/DtmfFeedback.h"
#include "core/QmlInstance.h"

#include "audio/AudioDevices.h"
#include "audio/PcmOutput.h"
#include "audio/Resampler.h"
#include "core/Logging.h"

#include <QtCore/qpointer.h>
#include <QtQml/qjsengine.h>

#include <spandsp.h>

#include <vector>

namespace {

constexpr int GeneratorRate = 8000; // spandsp's tone generators run at 8 kHz
} // namespace

DtmfFeedback::DtmfFeedback(AudioDevices *devices, QObject *parent)
    : QObject(parent)
    , m_devices(devices)
    , m_output(new PcmOutput(QStringLiteral("dial-pad tones"), this))
{
    connect(m_output, &PcmOutput::started, this, [this] { setError({}); });
    connect(m_output, &PcmOutput::failed, this, [this](const QString &message) {
        qCWarning(lcAudio).noquote() << "dial-pad tone:" << message;
        setError(message);
    });
}

DtmfFeedback::~DtmfFeedback() = default;

void DtmfFeedback::setQmlInstance(DtmfFeedback *feedback)
{
    QmlInstance<DtmfFeedback>::set(feedback);
}

DtmfFeedback *DtmfFeedback::create(QQmlEngine *, QJSEngine *)
{
    return QmlInstance<DtmfFeedback>::get();
}

bool DtmfFeedback::isDigit(QChar digit)
{
    return digit.isDigit() ? digit.unicode() < 128 : QStringLiteral("*#ABCD").contains(digit);
}

bool DtmfFeedback::play(const QString &digit)
{
    if (digit.size() != 1 || !isDigit(digit.at(0)))
        return false;
    const QChar key = digit.at(0);
    m_output->play(
        m_devices->device(AudioDevices::Playback),
        [key](int rate, QString *error) { return render(key, rate, error); }, false);
    return true;
}

QByteArray DtmfFeedback::render(QChar digit, int sampleRate, QString *error)
{
    if (!isDigit(digit)) {
        *error = QStringLiteral("'%1' is not a DTMF digit").arg(digit);
        return {};
    }
    dtmf_tx_state_t *generator = dtmf_tx_init(nullptr);
    if (!generator) {
        *error = QStringLiteral("spandsp cannot make a DTMF generator");
        return {};
    }
    dtmf_tx_set_timing(generator, ToneMs, 0);
    const char key = char(digit.toLatin1());
    dtmf_tx_put(generator, &key, 1);
    std::vector<int16_t> tone(size_t(GeneratorRate * ToneMs / 1000));
    const int made = dtmf_tx(generator, tone.data(), int(tone.size()));
    dtmf_tx_free(generator);
    tone.resize(size_t(qMax(0, made)));
    std::vector<int16_t> converted;
    Resampler resampler(GeneratorRate, sampleRate, Resampler::Voice);
    if (!resampler.isValid()) {
        *error = resampler.errorString();
        return {};
    }
    resampler.process(tone, converted);
    resampler.flush(converted);
    return QByteArray(reinterpret_cast<const char *>(converted.data()),
                      qsizetype(converted.size() * sizeof(int16_t)));
}

void DtmfFeedback::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorStringChanged();
}
