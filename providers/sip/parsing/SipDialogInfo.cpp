#include "SipDialogInfo.h"

#include <QtCore/qset.h>
#include <QtCore/qxmlstream.h>

namespace {

constexpr QLatin1StringView Namespace("urn:ietf:params:xml:ns:dialog-info");

constexpr std::pair<SipDialogInfo::DialogState, QLatin1StringView> StateNames[] = {
    {SipDialogInfo::DialogState::Trying, QLatin1StringView("trying")},
    {SipDialogInfo::DialogState::Proceeding, QLatin1StringView("proceeding")},
    {SipDialogInfo::DialogState::Early, QLatin1StringView("early")},
    {SipDialogInfo::DialogState::Confirmed, QLatin1StringView("confirmed")},
    {SipDialogInfo::DialogState::Terminated, QLatin1StringView("terminated")},
};

// Reads one document; every method returns false once the input is refused.
class Reader
{
public:
    explicit Reader(QByteArrayView xml)
        : m_xml(xml.toByteArray())
    {
        m_reader.addData(m_xml);
    }

    std::optional<SipDialogInfo> read()
    {
        SipDialogInfo info;
        if (!nextStart() || !isOurs(u"dialog-info"))
            return std::nullopt;
        const QXmlStreamAttributes attributes = m_reader.attributes();
        bool ok = false;
        info.version = attributes.value(QLatin1StringView("version")).toUInt(&ok);
        const QStringView state = attributes.value(QLatin1StringView("state"));
        if (!ok || (state != u"full" && state != u"partial"))
            return std::nullopt;
        info.full = state == u"full";
        if (!field(attributes.value(QLatin1StringView("entity")), &info.entity) || info.entity.isEmpty())
            return std::nullopt;
        QSet<QString> ids;
        while (true) {
            const int child = nextChild();
            if (child < 0)
                return std::nullopt;
            if (child == 0)
                break;
            if (!isOurs(u"dialog")) {
                if (!skip())
                    return std::nullopt;
                continue;
            }
            SipDialogInfo::Dialog dialog;
            if (info.dialogs.size() >= SipDialogInfo::MaxDialogs || !readDialog(&dialog)
                || ids.contains(dialog.id))
                return std::nullopt;
            ids.insert(dialog.id);
            info.dialogs.append(dialog);
        }
        // Nothing but comments and white space may follow the root element.
        while (!m_reader.atEnd()) {
            m_reader.readNext();
            if (m_reader.isStartElement() || m_reader.isDTD()
                || (m_reader.isCharacters() && !m_reader.isWhitespace()))
                return std::nullopt;
        }
        if (m_reader.hasError() && m_reader.error() != QXmlStreamReader::PrematureEndOfDocumentError)
            return std::nullopt;
        return info;
    }

private:
    bool isOurs(QStringView name) const
    {
        return m_reader.name() == name && m_reader.namespaceUri() == Namespace;
    }

    static bool field(QStringView value, QString *out)
    {
        if (value.size() > SipDialogInfo::MaxFieldChars)
            return false;
        *out = value.trimmed().toString();
        return true;
    }

    // The root's start element: only the prolog (declaration, comments, white space) may come first.
    bool nextStart()
    {
        while (!m_reader.atEnd()) {
            m_reader.readNext();
            if (m_reader.isDTD() || m_reader.isEntityReference()
                || (m_reader.isCharacters() && !m_reader.isWhitespace()))
                return false;
            if (m_reader.isStartElement()) {
                ++m_depth;
                return true;
            }
        }
        return false;
    }

    // The next child element of the current one: 1 at its start, 0 at the current one's end, -1 refused.
    int nextChild()
    {
        while (!m_reader.atEnd()) {
            m_reader.readNext();
            if (m_reader.hasError() || m_reader.isDTD() || m_reader.isEntityReference())
                return -1;
            if (m_reader.isStartElement())
                return ++m_depth > SipDialogInfo::MaxDepth ? -1 : 1;
            if (m_reader.isEndElement()) {
                --m_depth;
                return 0;
            }
        }
        return -1;
    }

    // Past the end of the current element, whatever it holds (within the depth bound).
    bool skip()
    {
        while (true) {
            const int child = nextChild();
            if (child < 0)
                return false;
            if (child == 0)
                return true;
            if (!skip())
                return false;
        }
    }

    // The current element's text; refused when it holds elements.
    bool text(QString *out)
    {
        QString collected;
        while (!m_reader.atEnd()) {
            m_reader.readNext();
            if (m_reader.hasError() || m_reader.isStartElement() || m_reader.isDTD()
                || m_reader.isEntityReference())
                return false;
            if (m_reader.isCharacters()) {
                collected += m_reader.text();
                if (collected.size() > SipDialogInfo::MaxFieldChars)
                    return false;
            }
            if (m_reader.isEndElement()) {
                --m_depth;
                *out = collected.trimmed();
                return true;
            }
        }
        return false;
    }

    // <local> or <remote>: the identity (text, display attribute); targets and the rest are skipped.
    bool readParticipant(QString *uri, QString *name)
    {
        while (true) {
            const int child = nextChild();
            if (child < 0)
                return false;
            if (child == 0)
                return true;
            if (isOurs(u"identity")) {
                if (!field(m_reader.attributes().value(QLatin1StringView("display")), name) || !text(uri))
                    return false;
            } else if (!skip()) {
                return false;
            }
        }
    }

    bool readDialog(SipDialogInfo::Dialog *dialog)
    {
        const QXmlStreamAttributes attributes = m_reader.attributes();
        if (!field(attributes.value(QLatin1StringView("id")), &dialog->id) || dialog->id.isEmpty()
            || !field(attributes.value(QLatin1StringView("call-id")), &dialog->callId)
            || !field(attributes.value(QLatin1StringView("local-tag")), &dialog->localTag)
            || !field(attributes.value(QLatin1StringView("remote-tag")), &dialog->remoteTag))
            return false;
        const QStringView direction = attributes.value(QLatin1StringView("direction"));
        if (direction == u"initiator")
            dialog->direction = SipDialogInfo::Direction::Initiator;
        else if (direction == u"recipient")
            dialog->direction = SipDialogInfo::Direction::Recipient;
        else if (!direction.isEmpty())
            return false;
        bool haveState = false;
        while (true) {
            const int child = nextChild();
            if (child < 0)
                return false;
            if (child == 0)
                return haveState;
            if (isOurs(u"state")) {
                QString state;
                if (haveState || !text(&state))
                    return false;
                for (const auto &[value, name] : StateNames) {
                    if (state == name) {
                        dialog->state = value;
                        haveState = true;
                    }
                }
                if (!haveState)
                    return false;
            } else if (isOurs(u"local")) {
                QString ignored;
                if (!readParticipant(&dialog->localUri, &ignored))
                    return false;
            } else if (isOurs(u"remote")) {
                if (!readParticipant(&dialog->remoteUri, &dialog->remoteName))
                    return false;
            } else if (!skip()) {
                return false;
            }
        }
    }

    QByteArray m_xml;
    QXmlStreamReader m_reader;
    int m_depth = 0;
};

} // namespace

std::optional<SipDialogInfo> SipDialogInfo::parse(QByteArrayView xml)
{
    if (xml.isEmpty() || xml.size() > MaxBodyBytes)
        return std::nullopt;
    return Reader(xml).read();
}

QByteArray SipDialogInfo::format() const
{
    QByteArray out;
    QXmlStreamWriter writer(&out);
    writer.writeStartDocument();
    writer.writeDefaultNamespace(Namespace);
    writer.writeStartElement(Namespace, QStringLiteral("dialog-info"));
    writer.writeAttribute(QStringLiteral("version"), QString::number(version));
    writer.writeAttribute(QStringLiteral("state"), full ? QStringLiteral("full") : QStringLiteral("partial"));
    writer.writeAttribute(QStringLiteral("entity"), entity);
    for (const Dialog &dialog : dialogs) {
        writer.writeStartElement(Namespace, QStringLiteral("dialog"));
        writer.writeAttribute(QStringLiteral("id"), dialog.id);
        if (!dialog.callId.isEmpty())
            writer.writeAttribute(QStringLiteral("call-id"), dialog.callId);
        if (!dialog.localTag.isEmpty())
            writer.writeAttribute(QStringLiteral("local-tag"), dialog.localTag);
        if (!dialog.remoteTag.isEmpty())
            writer.writeAttribute(QStringLiteral("remote-tag"), dialog.remoteTag);
        if (dialog.direction != Direction::Unknown)
            writer.writeAttribute(QStringLiteral("direction"),
                                  dialog.direction == Direction::Initiator ? QStringLiteral("initiator")
                                                                           : QStringLiteral("recipient"));
        writer.writeTextElement(Namespace, QStringLiteral("state"), stateName(dialog.state));
        if (!dialog.localUri.isEmpty()) {
            writer.writeStartElement(Namespace, QStringLiteral("local"));
            writer.writeTextElement(Namespace, QStringLiteral("identity"), dialog.localUri);
            writer.writeEndElement();
        }
        if (!dialog.remoteUri.isEmpty() || !dialog.remoteName.isEmpty()) {
            writer.writeStartElement(Namespace, QStringLiteral("remote"));
            writer.writeStartElement(Namespace, QStringLiteral("identity"));
            if (!dialog.remoteName.isEmpty())
                writer.writeAttribute(QStringLiteral("display"), dialog.remoteName);
            writer.writeCharacters(dialog.remoteUri);
            writer.writeEndElement();
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    return out;
}

QString SipDialogInfo::userOf(const QString &uri)
{
    QString rest = uri.trimmed();
    if (rest.startsWith(QLatin1Char('<')) && rest.endsWith(QLatin1Char('>')))
        rest = rest.mid(1, rest.size() - 2);
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    const QString scheme = rest.left(colon).toLower();
    if (colon < 0
        || (scheme != QLatin1String("sip") && scheme != QLatin1String("sips")
            && scheme != QLatin1String("tel")))
        return rest;
    rest = rest.mid(colon + 1);
    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    if (at >= 0)
        return rest.left(at).section(QLatin1Char(';'), 0, 0);
    return rest.section(QLatin1Char(';'), 0, 0);
}

QString SipDialogInfo::stateName(DialogState state)
{
    for (const auto &[value, name] : StateNames) {
        if (value == state)
            return name;
    }
    return QString();
}
