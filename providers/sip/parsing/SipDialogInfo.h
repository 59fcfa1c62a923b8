#pragma once

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qstring.h>

#include <optional>

// One dialog-info document (RFC 4235, application/dialog-info+xml): the dialogs of one address as a
// NOTIFY of the "dialog" event package reports them. parse() takes what the network sends and refuses
// (nullopt) anything that is not a well-formed document of that namespace within the size bounds below:
// a DTD, a missing version/state/entity, a dialog without id or state, an unknown state, two dialogs with
// one id. Elements of other namespaces (extensions) are skipped. format() writes one canonical document.
struct SipDialogInfo
{
    static constexpr qsizetype MaxBodyBytes = 64 * 1024;
    static constexpr qsizetype MaxDialogs = 64;
    static constexpr qsizetype MaxFieldChars = 512; // an attribute or an identity
    static constexpr int MaxDepth = 16; // element nesting

    enum class DialogState { Trying, Proceeding, Early, Confirmed, Terminated };
    enum class Direction { Unknown, Initiator, Recipient };

    struct Dialog
    {
        QString id;
        QString callId, localTag, remoteTag; // empty when the notifier leaves them out
        Direction direction = Direction::Unknown;
        DialogState state = DialogState::Trying;
        QString localUri; // the local participant's identity (the watched address's side)
        QString remoteUri, remoteName; // the other party: its identity and display name

        bool operator==(const Dialog &) const = default;
    };

    quint32 version = 0;
    bool full = true; // state="full"; false: "partial" (only the dialogs that changed)
    QString entity; // the watched address
    QList<Dialog> dialogs;

    static std::optional<SipDialogInfo> parse(QByteArrayView xml);
    QByteArray format() const;
    // The user part of a SIP URI ("sip:9100@host;x" -> "9100"); the text itself when it has none.
    static QString userOf(const QString &uri);
    static QString stateName(DialogState state);

    bool operator==(const SipDialogInfo &) const = default;
};
