#include "SoundLineSettings.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qsettings.h>

bool SoundLineSettings::read(QSettings &settings, QVariantList *lines, QString *refusal)
{
    lines->clear();
    const QString sizeKey = QStringLiteral("soundLines/size");
    const QVariant size = settings.value(sizeKey);
    if (!size.isValid())
        return true;
    bool isNumber = false;
    const int count = size.toString().trimmed().toInt(&isNumber);
    if (!isNumber || count < 0 || count > MaxLines) {
        *refusal =
            QCoreApplication::translate("SoundLineSettings", "%1=%2: expected a number of lines from 0 to %3")
                .arg(sizeKey, size.toString().left(40))
                .arg(MaxLines);
        return false;
    }
    // beginReadArray reads the same size again; the loop runs to the bounded count only.
    settings.beginReadArray(QStringLiteral("soundLines"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        QVariantMap line;
        const QStringList keys = settings.childKeys();
        for (const QString &key : keys)
            line.insert(key, settings.value(key));
        lines->append(line);
    }
    settings.endArray();
    return true;
}
