#include "ProbeDescriptorFile.h"

#include "DescriptorJson.h"
#include "DescriptorLimits.h"
#include "ReportDescriptorParser.h"

#include <QtCore/qfile.h>

namespace hookline::hid {

int probeDescriptorFile(const QString &path, QTextStream &out, QTextStream &err)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) << Qt::endl;
        return ProbeUnreadable;
    }
    // One byte more than allowed, so an oversized file is reported as such without slurping a
    // device node or a huge file into memory.
    const QByteArray bytes = file.read(DescriptorLimits::maxDescriptorBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        err << QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) << Qt::endl;
        return ProbeUnreadable;
    }

    const DescriptorParseResult result = ReportDescriptorParser::parse(QByteArrayView(bytes));
    out << DescriptorJson::toDocument(result).toJson(QJsonDocument::Indented);
    out.flush();

    if (!result.isValid()) {
        err << QStringLiteral("%1: malformed HID report descriptor: %2").arg(path, result.error.message())
            << Qt::endl;
        return ProbeMalformed;
    }
    if (!result.hasUsableTelephonyCollection()) {
        err << QStringLiteral("%1: no usable telephony collection (Application collection on usage page 0x0B "
                              "with usage Headset 0x05, Phone 0x01 or Handset 0x04 and at least one call "
                              "control); %2 telephony collection(s) found")
                   .arg(path)
                   .arg(result.collections.size())
            << Qt::endl;
        return ProbeNoTelephony;
    }
    return ProbeUsable;
}

} // namespace hookline::hid
