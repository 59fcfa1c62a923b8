#include "PreservingIniFormat.h"

#include <QtCore/qfile.h>
#include <QtCore/qfiledevice.h>
#include <QtCore/qlist.h>
#include <QtCore/qtemporarydir.h>

namespace {
// Qt's own INI reader and writer, through a scratch file: the values read and written are exactly the
// ones QSettings::IniFormat gives (escapes, @Variant, lists, key encoding).
class ScratchIni
{
public:
    ScratchIni() = default;
    bool valid() const { return m_dir.isValid(); }

    QSettings::SettingsMap parse(const QByteArray &text)
    {
        QSettings::SettingsMap map;
        const QString path = next();
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return map;
        file.close();
        QSettings settings(path, QSettings::IniFormat);
        const QStringList keys = settings.allKeys();
        for (const QString &key : keys)
            map.insert(key, settings.value(key));
        return map;
    }

    // The lines QSettings writes for one key: "[section]" (maybe) and "key=value".
    QList<QByteArray> lines(const QString &key, const QVariant &value)
    {
        const QString path = next();
        {
            QSettings settings(path, QSettings::IniFormat);
            settings.setValue(key, value);
            settings.sync();
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QList<QByteArray> result;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                result.append(line);
        }
        return result;
    }

private:
    QString next() { return m_dir.filePath(QStringLiteral("%1.ini").arg(++m_count)); }
    QTemporaryDir m_dir;
    int m_count = 0;
};

bool isSection(const QByteArray &trimmed)
{
    return trimmed.startsWith('[') && trimmed.endsWith(']');
}

bool isComment(const QByteArray &trimmed)
{
    return trimmed.isEmpty() || trimmed.startsWith(';') || trimmed.startsWith('#');
}

// A value read back as text ("60") is the same as the number written (60).
bool sameValue(const QVariant &a, const QVariant &b)
{
    return a == b || (a.canConvert<QString>() && b.canConvert<QString>() && a.toString() == b.toString());
}
} // namespace

QSettings::Format PreservingIniFormat::format()
{
    static const QSettings::Format registered = QSettings::registerFormat(
        QStringLiteral("conf"), &PreservingIniFormat::read, &PreservingIniFormat::write);
    return registered;
}

bool PreservingIniFormat::read(QIODevice &device, QSettings::SettingsMap &map)
{
    ScratchIni scratch;
    if (!scratch.valid())
        return false;
    map = scratch.parse(device.readAll());
    return true;
}

bool PreservingIniFormat::write(QIODevice &device, const QSettings::SettingsMap &map)
{
    // QSettings writes through a QSaveFile (or the file itself) named after the settings file: its text is
    // still the user's until this write commits.
    QByteArray original;
    if (auto *file = qobject_cast<QFileDevice *>(&device)) {
        QFile current(file->fileName());
        if (current.open(QIODevice::ReadOnly))
            original = current.readAll();
    }
    const QByteArray text = merged(original, map);
    return device.write(text) == text.size();
}

QByteArray PreservingIniFormat::merged(const QByteArray &original, const QSettings::SettingsMap &map)
{
    ScratchIni scratch;
    if (!scratch.valid())
        return {};
    const QSettings::SettingsMap before = scratch.parse(original);
    QList<QByteArray> lines = original.split('\n');
    const bool endedWithNewline = original.isEmpty() || original.endsWith('\n');
    if (endedWithNewline && !lines.isEmpty())
        lines.removeLast(); // the empty piece after the last newline
    QHash<QString, qsizetype> lastLineOfSection; // raw "[section]" text -> index of its last line
    QSet<QString> seen;
    QList<QByteArray> out;
    QByteArray section = "[General]";
    for (const QByteArray &line : std::as_const(lines)) {
        const QByteArray trimmed = line.trimmed();
        if (isSection(trimmed)) {
            section = trimmed;
            out.append(line);
            lastLineOfSection.insert(QString::fromUtf8(section), out.size() - 1);
            continue;
        }
        const qsizetype equals = line.indexOf('=');
        if (isComment(trimmed) || equals < 0) {
            out.append(line);
            if (!trimmed.isEmpty())
                lastLineOfSection.insert(QString::fromUtf8(section), out.size() - 1);
            continue;
        }
        // Which key this line is, as Qt reads it: the line alone under its section.
        const QSettings::SettingsMap one = scratch.parse(section + '\n' + line.left(equals) + "=x\n");
        if (one.size() != 1) {
            out.append(line); // not a key Qt reads: the user's text stays
            continue;
        }
        const QString key = one.firstKey();
        seen.insert(key);
        const auto now = map.constFind(key);
        if (now == map.cend())
            continue; // removed
        const auto was = before.constFind(key);
        if (was != before.cend() && sameValue(was.value(), now.value())) {
            out.append(line);
        } else {
            const QList<QByteArray> written = scratch.lines(key, now.value());
            const QByteArray value = written.isEmpty() ? QByteArray() : written.last();
            out.append(line.left(equals) + value.mid(value.indexOf('=')));
        }
        lastLineOfSection.insert(QString::fromUtf8(section), out.size() - 1);
    }
    // Keys the file did not have: under their section, or in a new one at the end.
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (seen.contains(it.key()))
            continue;
        const QList<QByteArray> written = scratch.lines(it.key(), it.value());
        if (written.size() < 2)
            continue;
        const QString newSection = QString::fromUtf8(written.first().trimmed());
        const auto at = lastLineOfSection.constFind(newSection);
        if (at != lastLineOfSection.cend()) {
            const qsizetype index = at.value() + 1;
            out.insert(index, written.last());
            for (auto &last : lastLineOfSection) {
                if (last >= index)
                    ++last;
            }
            lastLineOfSection[newSection] = index;
        } else {
            if (!out.isEmpty() && !out.last().trimmed().isEmpty())
                out.append(QByteArray());
            out.append(written.first());
            out.append(written.last());
            lastLineOfSection.insert(newSection, out.size() - 1);
        }
    }
    QByteArray text = out.join('\n');
    if (!out.isEmpty() && endedWithNewline)
        text += '\n';
    return text;
}
