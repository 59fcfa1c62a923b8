// CallSession's state, features, privilege and the other TAPI values are typed properties: the metaobject
// names their enum or flag type (C++ and tools read names) and QML compares them with Tapi's names.
#include "SimFixture.h"

#include "audio/CallAudioRouter.h"
#include "core/Tapi.h"
#include "providers/LineCapabilities.h"
#include "session/CallEngine.h"
#include "session/CallSession.h"

#include <QtCore/qmetaobject.h>
#include <QtQml/qqmlcomponent.h>
#include <QtQml/qqmlcontext.h>
#include <QtQml/qqmlengine.h>
#include <QtQml/qqmlexpression.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <memory>

using namespace Tapi;

namespace {
// A QML object bound to one session, as a console component is.
constexpr auto SessionViewQml = R"(
import QtQml
import Hookline.Engine

QtObject {
    required property CallSession session
    readonly property bool held: session.state === Tapi.OnHold
    readonly property bool canUnhold: (session.features & Tapi.FeatureUnhold) !== 0
}
)";

struct SessionView
{
    std::unique_ptr<QQmlEngine> engine;
    std::unique_ptr<QObject> object;
};

SessionView sessionView(CallSession *session)
{
    SessionView view;
    view.engine = std::make_unique<QQmlEngine>();
    // The engine library carries its module (qmldir, type information) in its resources, as the console loads
    // it.
    view.engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    QQmlComponent component(view.engine.get());
    component.setData(SessionViewQml,
                      QUrl::fromLocalFile(QStringLiteral("/SessionView.qml")) /* local: compiled at once */);
    if (!component.isReady()) {
        qWarning().noquote() << component.status() << component.errorString();
        return view;
    }
    view.object.reset(
        component.createWithInitialProperties({{QStringLiteral("session"), QVariant::fromValue(session)}}));
    if (!view.object)
        qWarning().noquote() << component.errorString();
    return view;
}
} // namespace

class TestTypedProperties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metaObjectTypes_data();
    void metaObjectTypes();
    void cppReadsNames();
    void qmlReadsNames_data();
    void qmlReadsNames();
    void qmlBindingsFollow();
    void capabilityTypes_data();
    void capabilityTypes();
    void capabilityNames();
    void signalArgumentTypes_data();
    void signalArgumentTypes();
};

void TestTypedProperties::metaObjectTypes_data()
{
    QTest::addColumn<QByteArray>("property");
    QTest::addColumn<QByteArray>("typeName");
    QTest::addColumn<bool>("isFlag");
    QTest::addColumn<bool>("constant"); // else NOTIFY

    const auto row = [](const char *property, const char *typeName, bool isFlag, bool constant) {
        QTest::newRow(property) << QByteArray(property) << QByteArray(typeName) << isFlag << constant;
    };
    row("state", "Tapi::CallState", false, false);
    row("disconnectMode", "Tapi::DisconnectMode", false, false);
    row("privilege", "Tapi::CallPrivilege", false, false);
    row("direction", "Tapi::Direction", false, true);
    row("callState3", "Tapi::CallState3", false, false);
    row("eventCause3", "Tapi::EventCause3", false, false);
    row("features", "QFlags<Tapi::CallFeature>", true, false);
}

// The property of `mo` named `property`, checked to be a Tapi enum (or flags) of type `typeName`; the test
// has failed when it is not.
static QMetaProperty checkTapiTyped(const QMetaObject &mo, const QByteArray &property,
                                    const QByteArray &typeName, bool isFlag)
{
    const QMetaProperty p = mo.property(mo.indexOfProperty(property.constData()));
    [&] {
        QVERIFY2(p.isValid(), property.constData());
        QCOMPARE(QByteArray(p.metaType().name()), typeName);
        QVERIFY(p.isEnumType());
        QCOMPARE(p.isFlagType(), isFlag);
        QCOMPARE(QByteArray(p.enumerator().scope()), QByteArray("Tapi"));
    }();
    return p;
}

void TestTypedProperties::metaObjectTypes()
{
    QFETCH(QByteArray, property);
    QFETCH(QByteArray, typeName);
    QFETCH(bool, isFlag);
    QFETCH(bool, constant);

    const QMetaProperty p = checkTapiTyped(CallSession::staticMetaObject, property, typeName, isFlag);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(p.isConstant(), constant);
    QCOMPARE(p.hasNotifySignal(), !constant);
    QVERIFY(p.isFinal());
}

// What a trace or a debugger sees: the property's value read through the metaobject has a name.
void TestTypedProperties::cppReadsNames()
{
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    const QMetaObject &mo = CallSession::staticMetaObject;
    const auto keyOf = [&](const char *name) {
        const QMetaProperty p = mo.property(mo.indexOfProperty(name));
        const QVariant value = p.read(a);
        return QByteArray(p.isFlagType() ? p.enumerator().valueToKeys(value.toInt())
                                         : QByteArray(p.enumerator().valueToKey(value.toInt())));
    };
    QCOMPARE(keyOf("state"), QByteArray("Connected"));
    QCOMPARE(keyOf("privilege"), QByteArray("PrivilegeOwner"));
    QCOMPARE(keyOf("direction"), QByteArray("Inbound"));
    QCOMPARE(keyOf("callState3"), QByteArray("CsConnected"));
    const QList<QByteArray> features = keyOf("features").split('|');
    QVERIFY2(features.contains("FeatureHold"), keyOf("features").constData());
    QVERIFY2(features.contains("FeatureDrop"), keyOf("features").constData());
    QVERIFY2(!features.contains("FeatureAnswer"), keyOf("features").constData());
    // The typed accessors compare with the enumerators directly.
    QCOMPARE(a->state(), Connected);
    QVERIFY(a->features().testFlag(FeatureHold));
    QVERIFY(!a->features().testFlag(FeatureAnswer));
}

void TestTypedProperties::qmlReadsNames_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("expected");

    const auto row = [](const char *tag, SimFixture::Stage stage, const char *expression, bool expected) {
        QTest::newRow(tag) << int(stage) << QString::fromLatin1(expression) << expected;
    };
    row("offering: state", SimFixture::StageOffering, "session.state === Tapi.Offering", true);
    row("offering: not connected", SimFixture::StageOffering, "session.state === Tapi.Connected", false);
    row("offering: can answer", SimFixture::StageOffering, "(session.features & Tapi.FeatureAnswer) !== 0",
        true);
    row("offering: cannot hold", SimFixture::StageOffering, "(session.features & Tapi.FeatureHold) !== 0",
        false);
    row("connected: state", SimFixture::StageConnected, "session.state === Tapi.Connected", true);
    row("connected: active mode", SimFixture::StageConnected, "(session.mode & Tapi.ConnectedActive) !== 0",
        true);
    row("connected: can hold", SimFixture::StageConnected, "(session.features & Tapi.FeatureHold) !== 0",
        true);
    row("connected: cannot answer", SimFixture::StageConnected,
        "(session.features & Tapi.FeatureAnswer) !== 0", false);
    row("connected: owner", SimFixture::StageConnected, "session.privilege === Tapi.PrivilegeOwner", true);
    row("connected: not monitor", SimFixture::StageConnected, "session.privilege === Tapi.PrivilegeMonitor",
        false);
    row("connected: inbound", SimFixture::StageConnected, "session.direction === Tapi.Inbound", true);
    row("connected: TAPI 3 state", SimFixture::StageConnected, "session.callState3 === Tapi.CsConnected",
        true);
    row("connected: numbers in JS", SimFixture::StageConnected,
        "typeof session.state === 'number' && typeof session.features === 'number'", true);
    row("on hold: state", SimFixture::StageOnHold, "session.state === Tapi.OnHold", true);
    row("on hold: can unhold", SimFixture::StageOnHold, "(session.features & Tapi.FeatureUnhold) !== 0",
        true);
    row("dialing: outbound", SimFixture::StageDialing, "session.direction === Tapi.Outbound", true);
    row("far end busy: disconnect mode", SimFixture::StageDisconnectedBusy,
        "session.state === Tapi.Disconnected && session.disconnectMode === Tapi.DisconnectBusy", true);
    row("far end busy: not normal", SimFixture::StageDisconnectedBusy,
        "session.disconnectMode === Tapi.DisconnectNormal", false);
    row("line: private address", SimFixture::StageConnected,
        "session.line.capabilities.addressSharing === Tapi.SharingPrivate", true);
    row("line: not bridged", SimFixture::StageConnected,
        "session.line.capabilities.addressSharing === Tapi.SharingBridgedShared", false);
    row("line: answer mode", SimFixture::StageConnected,
        "session.line.capabilities.answerMode === Tapi.AnswerNone", true);
    row("line: removal", SimFixture::StageConnected,
        "session.line.capabilities.removeFromConfCaps === Tapi.RemoveAny"
        " && session.line.capabilities.removeFromConfState === Tapi.Idle",
        true);
    row("line: features", SimFixture::StageConnected,
        "(session.line.capabilities.callFeatures & Tapi.FeatureSetupConf) !== 0", true);
}

void TestTypedProperties::qmlReadsNames()
{
    QFETCH(int, stage);
    QFETCH(QString, expression);
    QFETCH(bool, expected);

    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::Stage(stage));
    QVERIFY(a);
    const SessionView view = sessionView(a);
    QVERIFY(view.object);
    QQmlExpression expr(qmlContext(view.object.get()), view.object.get(), expression);
    bool undefined = true;
    const QVariant result = expr.evaluate(&undefined);
    QVERIFY2(!expr.hasError(), qPrintable(expr.error().toString()));
    QVERIFY(!undefined);
    QCOMPARE(result.metaType(), QMetaType::fromType<bool>());
    QCOMPARE(result.toBool(), expected);
}

// A binding over a typed property re-evaluates on its NOTIFY signal.
void TestTypedProperties::qmlBindingsFollow()
{
    SimFixture fx;
    CallSession *a = fx.stage(SimFixture::StageConnected);
    QVERIFY(a);
    const SessionView view = sessionView(a);
    QVERIFY(view.object);
    QCOMPARE(view.object->property("held").toBool(), false);
    QCOMPARE(view.object->property("canUnhold").toBool(), false);
    QSignalSpy heldChanged(view.object.get(), SIGNAL(heldChanged()));
    QSignalSpy canUnholdChanged(view.object.get(), SIGNAL(canUnholdChanged()));

    QCOMPARE(fx.completionOf(a->hold()), int(Success));
    QCOMPARE(a->state(), OnHold);
    QCOMPARE(heldChanged.size(), 1);
    QCOMPARE(canUnholdChanged.size(), 1);
    QCOMPARE(view.object->property("held").toBool(), true);
    QCOMPARE(view.object->property("canUnhold").toBool(), true);

    QCOMPARE(fx.completionOf(a->unhold()), int(Success));
    QCOMPARE(view.object->property("held").toBool(), false);
    QCOMPARE(view.object->property("canUnhold").toBool(), false);
}

// LINEDEVCAPS / LINEADDRESSCAPS fields that hold a mode, a state or features are typed too.
void TestTypedProperties::capabilityTypes_data()
{
    QTest::addColumn<QByteArray>("property");
    QTest::addColumn<QByteArray>("typeName");
    QTest::addColumn<bool>("isFlag");

    const auto row = [](const char *property, const char *typeName, bool isFlag) {
        QTest::newRow(property) << QByteArray(property) << QByteArray(typeName) << isFlag;
    };
    row("removeFromConfCaps", "Tapi::RemoveFromConfCaps", false);
    row("removeFromConfState", "Tapi::CallState", false);
    row("addressSharing", "Tapi::AddressSharing", false);
    row("answerMode", "Tapi::AnswerMode", false);
    row("callFeatures", "QFlags<Tapi::CallFeature>", true);
}

void TestTypedProperties::capabilityTypes()
{
    QFETCH(QByteArray, property);
    QFETCH(QByteArray, typeName);
    QFETCH(bool, isFlag);

    const QMetaProperty p = checkTapiTyped(LineCapabilities::staticMetaObject, property, typeName, isFlag);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(p.isFinal());
}

void TestTypedProperties::capabilityNames()
{
    LineCapabilities caps;
    caps.removeFromConfCaps = RemoveLast;
    caps.removeFromConfState = OnHold;
    caps.addressSharing = SharingBridgedShared;
    caps.answerMode = AnswerHold;
    caps.callFeatures = FeatureAnswer | FeatureDrop;
    const QMetaObject &mo = LineCapabilities::staticMetaObject;
    const auto keyOf = [&](const char *name) {
        const QMetaProperty p = mo.property(mo.indexOfProperty(name));
        const QVariant value = p.readOnGadget(&caps);
        return QByteArray(p.isFlagType() ? p.enumerator().valueToKeys(value.toInt())
                                         : QByteArray(p.enumerator().valueToKey(value.toInt())));
    };
    QCOMPARE(keyOf("removeFromConfCaps"), QByteArray("RemoveLast"));
    QCOMPARE(keyOf("removeFromConfState"), QByteArray("OnHold"));
    QCOMPARE(keyOf("addressSharing"), QByteArray("SharingBridgedShared"));
    QCOMPARE(keyOf("answerMode"), QByteArray("AnswerHold"));
    QCOMPARE(keyOf("callFeatures"), QByteArray("FeatureAnswer|FeatureDrop"));
    QVERIFY(caps.isBridged());
}

// Signals that report a state or a privilege carry the enum, so a connected slot or a spy reads a name.
void TestTypedProperties::signalArgumentTypes_data()
{
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QList<QByteArray>>("typeNames");

    QTest::newRow("CallSession::stateChanged")
        << QByteArray("CallSession::stateChanged")
        << QList<QByteArray> {"Tapi::CallState", "int", "Tapi::CallPrivilege"};
    // The recorder's state crosses from the audio thread typed; the router names the session, not its id.
    QTest::newRow("CallAudioMixer::recordingStateChanged")
        << QByteArray("CallAudioMixer::recordingStateChanged")
        << QList<QByteArray> {"int", "Recorder::State", "QString", "QString"};
    QTest::newRow("CallAudioRouter::recordingFailed")
        << QByteArray("CallAudioRouter::recordingFailed") << QList<QByteArray> {"CallSession*", "QString"};
    QTest::newRow("CallEngine::sessionStateChanged")
        << QByteArray("CallEngine::sessionStateChanged")
        << QList<QByteArray> {"CallSession*", "Tapi::CallState", "Tapi::CallState", "int",
                              "Tapi::CallPrivilege"};
}

void TestTypedProperties::signalArgumentTypes()
{
    QFETCH(QByteArray, signature);
    QFETCH(QList<QByteArray>, typeNames);

    const QMetaObject &mo = signature.startsWith("CallSession::") ? CallSession::staticMetaObject
        : signature.startsWith("CallEngine::")                    ? CallEngine::staticMetaObject
        : signature.startsWith("CallAudioMixer::")                ? CallAudioMixer::staticMetaObject
                                                                  : CallAudioRouter::staticMetaObject;
    const QByteArray name = signature.mid(signature.indexOf("::") + 2);
    QMetaMethod signal;
    for (int i = mo.methodOffset(); i < mo.methodCount(); ++i) {
        if (mo.method(i).methodType() == QMetaMethod::Signal && mo.method(i).name() == name)
            signal = mo.method(i);
    }
    QVERIFY(signal.isValid());
    QCOMPARE(signal.parameterTypes(), typeNames);
}

QTEST_GUILESS_MAIN(TestTypedProperties)
#include "tst_typed_properties.moc"
