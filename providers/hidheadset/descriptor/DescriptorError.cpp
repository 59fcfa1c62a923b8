#include "DescriptorError.h"

namespace hookline::hid {

namespace {

QString codeDescription(DescriptorError::Code code)
{
    using Code = DescriptorError::Code;
    switch (code) {
    case Code::None:
        return QStringLiteral("no error");
    case Code::EmptyDescriptor:
        return QStringLiteral("empty descriptor");
    case Code::DescriptorTooLarge:
        return QStringLiteral("descriptor too large");
    case Code::TruncatedItem:
        return QStringLiteral("truncated item");
    case Code::LongItemOverrun:
        return QStringLiteral("long item overruns the descriptor");
    case Code::UnknownGlobalItem:
        return QStringLiteral("unknown global item");
    case Code::InvalidReportId:
        return QStringLiteral("invalid report ID");
    case Code::InvalidReportSize:
        return QStringLiteral("invalid report size");
    case Code::InvalidReportCount:
        return QStringLiteral("invalid report count");
    case Code::ReportTooLarge:
        return QStringLiteral("report size * report count overflows the report");
    case Code::PushOverflow:
        return QStringLiteral("too many nested Push items");
    case Code::PopWithoutPush:
        return QStringLiteral("Pop without Push");
    case Code::CollectionTooDeep:
        return QStringLiteral("collections nested too deeply");
    case Code::EndCollectionWithoutCollection:
        return QStringLiteral("End Collection without Collection");
    case Code::UnbalancedCollections:
        return QStringLiteral("unbalanced collections");
    case Code::DelimiterMismatch:
        return QStringLiteral("mismatched Delimiter");
    case Code::TooManyUsages:
        return QStringLiteral("too many usages for one main item");
    case Code::TooManyTelephonyCollections:
        return QStringLiteral("too many telephony collections");
    case Code::TooManyControls:
        return QStringLiteral("too many controls in a telephony collection");
    }
    return QStringLiteral("unknown error");
}

} // namespace

QString DescriptorError::codeName() const
{
    switch (code) {
    case Code::None:
        return QStringLiteral("none");
    case Code::EmptyDescriptor:
        return QStringLiteral("emptyDescriptor");
    case Code::DescriptorTooLarge:
        return QStringLiteral("descriptorTooLarge");
    case Code::TruncatedItem:
        return QStringLiteral("truncatedItem");
    case Code::LongItemOverrun:
        return QStringLiteral("longItemOverrun");
    case Code::UnknownGlobalItem:
        return QStringLiteral("unknownGlobalItem");
    case Code::InvalidReportId:
        return QStringLiteral("invalidReportId");
    case Code::InvalidReportSize:
        return QStringLiteral("invalidReportSize");
    case Code::InvalidReportCount:
        return QStringLiteral("invalidReportCount");
    case Code::ReportTooLarge:
        return QStringLiteral("reportTooLarge");
    case Code::PushOverflow:
        return QStringLiteral("pushOverflow");
    case Code::PopWithoutPush:
        return QStringLiteral("popWithoutPush");
    case Code::CollectionTooDeep:
        return QStringLiteral("collectionTooDeep");
    case Code::EndCollectionWithoutCollection:
        return QStringLiteral("endCollectionWithoutCollection");
    case Code::UnbalancedCollections:
        return QStringLiteral("unbalancedCollections");
    case Code::DelimiterMismatch:
        return QStringLiteral("delimiterMismatch");
    case Code::TooManyUsages:
        return QStringLiteral("tooManyUsages");
    case Code::TooManyTelephonyCollections:
        return QStringLiteral("tooManyTelephonyCollections");
    case Code::TooManyControls:
        return QStringLiteral("tooManyControls");
    }
    return QStringLiteral("unknown");
}

QString DescriptorError::message() const
{
    if (!isError())
        return codeDescription(code);
    QString text = QStringLiteral("%1 at byte offset %2").arg(codeDescription(code)).arg(byteOffset);
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    return text;
}

} // namespace hookline::hid
