#include "DescriptorJson.h"

#include <QtCore/qjsonarray.h>

namespace hookline::hid {

namespace {

QJsonArray controlsToJson(const QList<TelephonyControl> &controls)
{
    QJsonArray array;
    for (const TelephonyControl &control : controls)
        array.append(DescriptorJson::controlToJson(control));
    return array;
}

} // namespace

QJsonObject DescriptorJson::toJson(const DescriptorParseResult &result)
{
    QJsonObject object;
    object.insert(QStringLiteral("valid"), result.isValid());
    if (!result.isValid())
        object.insert(QStringLiteral("error"), errorToJson(result.error));
    object.insert(QStringLiteral("descriptorBytes"), qint64(result.descriptorSize));
    object.insert(QStringLiteral("usesReportIds"), result.usesReportIds);

    QJsonArray reports;
    for (const ReportLayout &report : result.reports)
        reports.append(reportToJson(report));
    object.insert(QStringLiteral("reports"), reports);

    QJsonArray collections;
    for (const TelephonyCollection &collection : result.collections)
        collections.append(collectionToJson(collection));
    object.insert(QStringLiteral("collections"), collections);
    return object;
}

QJsonDocument DescriptorJson::toDocument(const DescriptorParseResult &result)
{
    return QJsonDocument(toJson(result));
}

QJsonObject DescriptorJson::errorToJson(const DescriptorError &error)
{
    return QJsonObject {
        {QStringLiteral("code"), error.codeName()},
        {QStringLiteral("byteOffset"), qint64(error.byteOffset)},
        {QStringLiteral("message"), error.message()},
    };
}

QJsonObject DescriptorJson::collectionToJson(const TelephonyCollection &collection)
{
    return QJsonObject {
        {QStringLiteral("usagePage"), collection.usagePage()},
        {QStringLiteral("usage"), collection.usageId()},
        {QStringLiteral("topLevelIndex"), collection.topLevelIndex},
        {QStringLiteral("byteOffset"), qint64(collection.byteOffset)},
        {QStringLiteral("usable"), collection.isUsable()},
        {QStringLiteral("inputs"), controlsToJson(collection.inputs)},
        {QStringLiteral("outputs"), controlsToJson(collection.outputs)},
    };
}

QJsonObject DescriptorJson::controlToJson(const TelephonyControl &control)
{
    QJsonObject object {
        {QStringLiteral("control"), controlKindName(control.kind)},
        {QStringLiteral("usagePage"), control.usagePage()},
        {QStringLiteral("usage"), control.usageId()},
        {QStringLiteral("reportId"), control.reportId},
        {QStringLiteral("bitOffset"), qint64(control.bitOffset)},
        {QStringLiteral("bitSize"), qint64(control.bitSize)},
        {QStringLiteral("reportCount"), qint64(control.reportCount)},
        {QStringLiteral("logicalMin"), control.logicalMinimum},
        {QStringLiteral("logicalMax"), control.logicalMaximum},
        {QStringLiteral("absolute"), control.isAbsolute()},
        {QStringLiteral("preferredState"), control.hasPreferredState()},
        {QStringLiteral("variable"), control.isVariable()},
        {QStringLiteral("nullState"), control.flags.hasNullState()},
        {QStringLiteral("flags"), qint64(control.flags.bits)},
        {QStringLiteral("onOffType"), onOffControlTypeName(control.onOffType)},
        {QStringLiteral("outsideCollection"), control.outsideCollection},
    };
    if (control.usageMaximum != control.usage)
        object.insert(QStringLiteral("usageMaximum"), quint16(control.usageMaximum & 0xFFFF));
    if (!control.isVariable()) {
        QJsonArray usages;
        for (const UsageRange &range : control.arrayUsages) {
            usages.append(QJsonObject {
                {QStringLiteral("usagePage"), range.page()},
                {QStringLiteral("usageMin"), quint16(range.minimum & 0xFFFF)},
                {QStringLiteral("usageMax"), quint16(range.maximum & 0xFFFF)},
            });
        }
        object.insert(QStringLiteral("arrayUsages"), usages);
    }
    return object;
}

QJsonObject DescriptorJson::reportToJson(const ReportLayout &report)
{
    return QJsonObject {
        {QStringLiteral("type"), reportTypeName(report.type)},
        {QStringLiteral("reportId"), report.reportId},
        {QStringLiteral("bitLength"), qint64(report.bitLength)},
        {QStringLiteral("byteLength"), qint64(report.byteLength())},
    };
}

} // namespace hookline::hid
