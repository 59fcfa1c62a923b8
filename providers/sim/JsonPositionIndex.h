#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qhash.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

// QJsonDocument reports where syntax breaks, but not where a well-formed value sits. This index
// walks the (already validated) text once and remembers the offset of every value by JSON pointer
// ("/steps/3/agent"), so semantic errors can name a line and column too. Offsets become lines and
// columns through a table built in the same pass (line starts, and characters counted every few
// bytes), so a lookup costs a binary search and a short count, never a rescan of the file.
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
    Position positionOf(qsizetype offset) const;
    // One-off lookup (a syntax error's offset): builds the tables for this text.
    static Position positionOfOffset(const QByteArray &json, qsizetype offset);
    // How deep arrays and objects nest in well-formed JSON, and the offset of the first bracket past
    // `limit` (-1 when none is).
    static qsizetype firstTooDeep(const QByteArray &json, int limit);

private:
    void buildLineTable();
    void value(const QString &path, int depth);
    void skipWhitespace();
    void skipNested();
    QString string();

    const QByteArray &m_json;
    qsizetype m_pos = 0;
    QHash<QString, qsizetype> m_offsets;
    QList<qsizetype> m_lineStarts; // offset of each line's first byte
    QList<qsizetype> m_charsAtStride; // characters (not UTF-8 continuation bytes) before offset k * Stride
};
