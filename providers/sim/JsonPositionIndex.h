#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qhash.h>
#include <QtCore/qstring.h>

// QJsonDocument reports where syntax breaks, but not where a well-formed value sits. This index
// walks the (already validated) text once and remembers the offset of every value by JSON pointer
// ("/steps/3/agent"), so semantic errors can name a line and column too.
class JsonPositionIndex
{
public:
    struct Position
    {
        int line = 1;
        int column = 1;
    };

    explicit JsonPositionIndex(const QByteArray &json);
    Position position(const QString &pointer) const;
    static Position positionOfOffset(const QByteArray &json, qsizetype offset);

private:
    void value(const QString &path, int depth);
    void skipWhitespace();
    QString string();

    const QByteArray &m_json;
    qsizetype m_pos = 0;
    QHash<QString, qsizetype> m_offsets;
};
