// MonitoredAddressModel: the engine's MONITORED lines with their busy/idle status, following what a
// provider reports (lineAdded, lineStatusChanged, addressStatusChanged, lineClosed), checked by
// QAbstractItemModelTester, with the model's signals in the exact order they come.
#include "SimSwitch.h"

#include "core/Tapi.h"
#include "lines/Line.h"
#include "session/CallEngine.h"
#include "session/models/MonitoredAddressModel.h"

#include <QtTest/qabstractitemmodeltester.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

using Status = MonitoredAddressModel::Status;

namespace {

LineDescriptor monitored(const QString &id, const QString &user, bool inService = false)
{
    LineDescriptor d;
    d.id = id;
    d.name = user;
    d.address = user;
    d.caps.addressSharing = Tapi::SharingMonitored;
    d.inService = inService;
    d.outOfServiceReason =
        inService ? QString() : QStringLiteral("subscribing to the dialog state of %1").arg(user);
    return d;
}

LineDescriptor plain(const QString &id)
{
    LineDescriptor d;
    d.id = id;
    d.name = id;
    d.address = id;
    return d;
}

// Every signal of the model, in order, as text: "inserted 0-0", "removed 1-1", "changed 0 [status]",
// "count 2".
class ModelRecorder
{
public:
    explicit ModelRecorder(MonitoredAddressModel *model)
        : m_model(model)
    {
        QObject::connect(model, &QAbstractItemModel::rowsInserted, model,
                         [this](const QModelIndex &, int first, int last) {
                             events << QStringLiteral("inserted %1-%2").arg(first).arg(last);
                         });
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, model,
                         [this](const QModelIndex &, int first, int last) {
                             events << QStringLiteral("removed %1-%2").arg(first).arg(last);
                         });
        QObject::connect(model, &QAbstractItemModel::dataChanged, model,
                         [this](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                             QStringList names;
                             for (int role : roles)
                                 names << QString::fromLatin1(m_model->roleNames().value(role));
                             events << QStringLiteral("changed %1-%2 [%3]")
                                           .arg(from.row())
                                           .arg(to.row())
                                           .arg(names.join(QLatin1Char(',')));
                         });
        QObject::connect(model, &MonitoredAddressModel::countChanged, model,
                         [this] { events << QStringLiteral("count %1").arg(m_model->rowCount()); });
    }
    QStringList take() { return std::exchange(events, {}); }
    QStringList events;

private:
    MonitoredAddressModel *m_model;
};

QVariant at(const MonitoredAddressModel &model, int row, int role)
{
    return model.data(model.index(row), role);
}

} // namespace

class TestMonitoredAddressModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheProvider();
    void status_data();
    void status();
    void engineSetLate();
    void ringingToldApart();
};

void TestMonitoredAddressModel::followsTheProvider()
{
    SimSwitch sim;
    CallEngine engine(nullptr);
    MonitoredAddressModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ModelRecorder recorder(&model);
    QSignalSpy engineSpy(&model, &MonitoredAddressModel::engineChanged);
    model.setEngine(&engine);
    QCOMPARE(engineSpy.size(), 1);
    QCOMPARE(model.rowCount(), 0);

    // A line that is not a monitored address is not listed.
    engine.lineAdded(&sim, plain(QStringLiteral("sip/agent1")));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(recorder.take().isEmpty());

    // Announced out of service while its subscription starts: unknown, saying why.
    engine.lineAdded(&sim, monitored(QStringLiteral("sip/agent1/monitor/201"), QStringLiteral("201")));
    QCOMPARE(recorder.take(), QStringList({QStringLiteral("inserted 0-0"), QStringLiteral("count 1")}));
    QCOMPARE(at(model, 0, MonitoredAddressModel::LineIdRole).toString(),
             QStringLiteral("sip/agent1/monitor/201"));
    QCOMPARE(at(model, 0, MonitoredAddressModel::NameRole).toString(), QStringLiteral("201"));
    QCOMPARE(at(model, 0, MonitoredAddressModel::AddressRole).toString(), QStringLiteral("201"));
    QCOMPARE(at(model, 0, MonitoredAddressModel::StatusRole).toInt(), int(Status::Unknown));
    QCOMPARE(at(model, 0, MonitoredAddressModel::ReasonRole).toString(),
             QStringLiteral("subscribing to the dialog state of 201"));
    QCOMPARE(at(model, 0, MonitoredAddressModel::LineRole).value<Line *>(), engine.lines().at(1));

    // A second one, then a plain line between, then a third: the engine's order.
    engine.lineAdded(&sim, monitored(QStringLiteral("sip/agent1/monitor/202"), QStringLiteral("202")));
    engine.lineAdded(&sim, plain(QStringLiteral("sip/agent2")));
    engine.lineAdded(&sim, monitored(QStringLiteral("sip/agent2/monitor/301"), QStringLiteral("301"), true));
    QCOMPARE(recorder.take(),
             QStringList({QStringLiteral("inserted 1-1"), QStringLiteral("count 2"),
                          QStringLiteral("inserted 2-2"), QStringLiteral("count 3")}));
    QCOMPARE(at(model, 2, MonitoredAddressModel::StatusRole).toInt(), int(Status::Idle));
    QCOMPARE(at(model, 2, MonitoredAddressModel::ReasonRole).toString(), QString());

    // The subscription becomes active: idle; its dialogs: busy, then idle again.
    engine.lineStatusChanged(QStringLiteral("sip/agent1/monitor/201"), true, {});
    QCOMPARE(at(model, 0, MonitoredAddressModel::StatusRole).toInt(), int(Status::Idle));
    QCOMPARE(at(model, 0, MonitoredAddressModel::ReasonRole).toString(), QString());
    engine.addressStatusChanged(QStringLiteral("sip/agent1/monitor/201"), true);
    QCOMPARE(at(model, 0, MonitoredAddressModel::StatusRole).toInt(), int(Status::Busy));
    engine.addressStatusChanged(QStringLiteral("sip/agent1/monitor/202"), true); // busy, still unknown
    QCOMPARE(at(model, 1, MonitoredAddressModel::StatusRole).toInt(), int(Status::Unknown));
    engine.addressStatusChanged(QStringLiteral("sip/agent1/monitor/201"), false);
    QCOMPARE(at(model, 0, MonitoredAddressModel::StatusRole).toInt(), int(Status::Idle));
    QCOMPARE(recorder.take(),
             QStringList({
                 QStringLiteral("changed 0-0 [status,reason]"),
                 QStringLiteral("changed 0-0 [status]"),
                 QStringLiteral("changed 1-1 [status]"),
                 QStringLiteral("changed 0-0 [status]"),
             }));
    // A subscription lost: unknown with the provider's reason, though the address was busy.
    engine.lineStatusChanged(QStringLiteral("sip/agent1/monitor/202"), true, {});
    QCOMPARE(at(model, 1, MonitoredAddressModel::StatusRole).toInt(), int(Status::Busy));
    engine.lineStatusChanged(QStringLiteral("sip/agent1/monitor/202"), false,
                             QStringLiteral("403 Forbidden"));
    QCOMPARE(at(model, 1, MonitoredAddressModel::StatusRole).toInt(), int(Status::Unknown));
    QCOMPARE(at(model, 1, MonitoredAddressModel::ReasonRole).toString(), QStringLiteral("403 Forbidden"));
    QCOMPARE(recorder.take(),
             QStringList({QStringLiteral("changed 1-1 [status,reason]"),
                          QStringLiteral("changed 1-1 [status,reason]")}));

    // Closed: unknown, no reason of the provider's.
    engine.lineClosed(QStringLiteral("sip/agent2/monitor/301"));
    QCOMPARE(at(model, 2, MonitoredAddressModel::StatusRole).toInt(), int(Status::Unknown));
    QCOMPARE(at(model, 2, MonitoredAddressModel::ReasonRole).toString(), QString());
    QCOMPARE(recorder.take(), QStringList({QStringLiteral("changed 2-2 [status,reason]")}));

    // A line that stops being a monitored address leaves the list.
    Line *second = engine.lines().at(2);
    LineCapabilities caps = second->capabilities();
    caps.addressSharing = Tapi::SharingPrivate;
    second->setCapabilities(caps);
    QCOMPARE(recorder.take(), QStringList({QStringLiteral("removed 1-1"), QStringLiteral("count 2")}));
    QCOMPARE(at(model, 1, MonitoredAddressModel::LineIdRole).toString(),
             QStringLiteral("sip/agent2/monitor/301"));
    engine.addressStatusChanged(QStringLiteral("sip/agent1/monitor/202"), false);
    QVERIFY(recorder.take().isEmpty());

    // A line that becomes one is listed, in the engine's order (sip/agent2 comes before its monitor line).
    Line *plainLine = engine.lines().at(3);
    QCOMPARE(plainLine->lineId(), QStringLiteral("sip/agent2"));
    LineCapabilities monitoredCaps = plainLine->capabilities();
    monitoredCaps.addressSharing = Tapi::SharingMonitored;
    plainLine->setCapabilities(monitoredCaps);
    QCOMPARE(recorder.take(), QStringList({QStringLiteral("inserted 1-1"), QStringLiteral("count 3")}));
    QCOMPARE(at(model, 1, MonitoredAddressModel::LineIdRole).toString(), QStringLiteral("sip/agent2"));
    plainLine->setCapabilities(caps); // private again
    QCOMPARE(recorder.take(), QStringList({QStringLiteral("removed 1-1"), QStringLiteral("count 2")}));

    // Without an engine the list is empty.
    model.setEngine(nullptr);
    QCOMPARE(recorder.take(),
             QStringList(
                 {QStringLiteral("removed 1-1"), QStringLiteral("removed 0-0"), QStringLiteral("count 0")}));
    QCOMPARE(engineSpy.size(), 2);
}

void TestMonitoredAddressModel::status_data()
{
    QTest::addColumn<bool>("inService");
    QTest::addColumn<bool>("inUse");
    QTest::addColumn<bool>("closed");
    QTest::addColumn<int>("expected");
    QTest::addColumn<bool>("ringing"); // reported ringing after the rest
    QTest::newRow("subscribing") << false << false << false << int(Status::Unknown) << false;
    QTest::newRow("subscribing, busy reported") << false << true << false << int(Status::Unknown) << false;
    QTest::newRow("subscribing, ringing reported") << false << false << false << int(Status::Unknown) << true;
    QTest::newRow("idle") << true << false << false << int(Status::Idle) << false;
    QTest::newRow("busy") << true << true << false << int(Status::Busy) << false;
    QTest::newRow("ringing") << true << false << false << int(Status::Ringing) << true;
    QTest::newRow("closed while busy") << true << true << true << int(Status::Unknown) << false;
}

void TestMonitoredAddressModel::status()
{
    QFETCH(bool, inService);
    QFETCH(bool, inUse);
    QFETCH(bool, closed);
    QFETCH(int, expected);
    SimSwitch sim;
    CallEngine engine(nullptr);
    MonitoredAddressModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEngine(&engine);
    const QString id = QStringLiteral("sip/a/monitor/500");
    engine.lineAdded(&sim, monitored(id, QStringLiteral("500")));
    engine.lineStatusChanged(id, inService, inService ? QString() : QStringLiteral("no answer"));
    engine.addressStatusChanged(id, inUse);
    if (closed)
        engine.lineClosed(id);
    QFETCH(bool, ringing);
    if (ringing)
        engine.addressRingingChanged(id, true);
    QCOMPARE(at(model, 0, MonitoredAddressModel::StatusRole).toInt(), expected);
    QCOMPARE(int(MonitoredAddressModel::statusOf(engine.lines().at(0))), expected);
}

void TestMonitoredAddressModel::engineSetLate()
{
    // Lines announced before the model is given the engine are listed at once, in the engine's order.
    SimSwitch sim;
    CallEngine engine(nullptr);
    engine.lineAdded(&sim, monitored(QStringLiteral("sip/a/monitor/1"), QStringLiteral("1"), true));
    engine.lineAdded(&sim, plain(QStringLiteral("sip/a")));
    engine.lineAdded(&sim, monitored(QStringLiteral("sip/a/monitor/2"), QStringLiteral("2")));
    MonitoredAddressModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ModelRecorder recorder(&model);
    model.setEngine(&engine);
    QCOMPARE(recorder.take(),
             QStringList({QStringLiteral("inserted 0-0"), QStringLiteral("inserted 1-1"),
                          QStringLiteral("count 2")}));
    QCOMPARE(at(model, 0, Qt::DisplayRole).toString(), QStringLiteral("1"));
    QCOMPARE(at(model, 1, MonitoredAddressModel::NameRole).toString(), QStringLiteral("2"));
    QCOMPARE(model.roleNames().value(MonitoredAddressModel::StatusRole), QByteArray("status"));
}

void TestMonitoredAddressModel::ringingToldApart()
{
    // A provider that tells ringing apart (dialog-info): idle, ringing, answered (busy), idle; ringing
    // again and given up; busy first (dialling out). Each step one change of the row's status, while
    // Line.addressInUse stays the [D-13] busy/idle.
    SimSwitch sim;
    CallEngine engine(nullptr);
    MonitoredAddressModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEngine(&engine);
    const QString id = QStringLiteral("sip/agent1/monitor/201");
    engine.lineAdded(&sim, monitored(id, QStringLiteral("201"), true));
    Line *line = engine.line(id);
    QVERIFY(line);
    ModelRecorder recorder(&model);
    QStringList lineLog;
    QObject::connect(line, &Line::addressStatusChanged, line, [&] {
        lineLog << QStringLiteral("%1 %2").arg(line->addressInUse() ? "in use" : "free",
                                               line->addressRinging() ? "ringing" : "quiet");
    });
    auto status = [&] {
        return at(model, 0, MonitoredAddressModel::StatusRole).toInt();
    };
    QCOMPARE(status(), int(Status::Idle));

    engine.addressRingingChanged(id, true);
    QCOMPARE(status(), int(Status::Ringing));
    engine.addressRingingChanged(id, true); // nothing new
    engine.addressRingingChanged(id, false); // answered: busy
    QCOMPARE(status(), int(Status::Busy));
    engine.addressStatusChanged(id, true); // nothing new
    engine.addressStatusChanged(id, false);
    QCOMPARE(status(), int(Status::Idle));
    engine.addressRingingChanged(id, false); // nothing new: not ringing, and not in use
    engine.addressRingingChanged(id, true);
    engine.addressStatusChanged(id, false); // the caller gave up
    QCOMPARE(status(), int(Status::Idle));
    engine.addressStatusChanged(id, true); // dialling out
    QCOMPARE(status(), int(Status::Busy));
    engine.addressRingingChanged(id, true); // a call rings while it dials: what the provider says last
    QCOMPARE(status(), int(Status::Ringing));
    QCOMPARE(lineLog,
             (QStringList {"in use ringing", "in use quiet", "free quiet", "in use ringing", "free quiet",
                           "in use quiet", "in use ringing"}));
    QCOMPARE(recorder.take(), QStringList(7, QStringLiteral("changed 0-0 [status]")));

    // Not watched any more: unknown, ringing or not; watched again: ringing as it was.
    engine.lineStatusChanged(id, false, QStringLiteral("481 Subscription does not exist"));
    QCOMPARE(status(), int(Status::Unknown));
    engine.lineStatusChanged(id, true, {});
    QCOMPARE(status(), int(Status::Ringing));
    QCOMPARE(int(MonitoredAddressModel::statusOf(line)), int(Status::Ringing));
    QCOMPARE(recorder.take(), QStringList(2, QStringLiteral("changed 0-0 [status,reason]")));
}

QTEST_GUILESS_MAIN(TestMonitoredAddressModel)
#include "tst_monitored_address_model.moc"
