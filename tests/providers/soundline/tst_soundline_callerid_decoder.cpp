// The caller-ID message decoder on hand-made messages (as adsi_rx delivers them: no checksum),
// including corrupt ones: the decoder must refuse them without reading past the message.
#include "CallerIdDecoder.h"

#include <QtTest/qtest.h>

namespace {
QByteArray mdmf(std::initializer_list<QPair<int, QByteArray>> fields, int type = 0x80)
{
    QByteArray body;
    for (const auto &[code, value] : fields)
        body += char(code) + QByteArray(1, char(value.size())) + value;
    return QByteArray(1, char(type)) + char(body.size()) + body;
}
} // namespace

class TestCallerIdDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
};

void TestCallerIdDecoder::decode_data()
{
    QTest::addColumn<int>("standard");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("isCallerId");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("numberAbsence");
    QTest::addColumn<QString>("nameAbsence");

    const int cls = int(CallerIdStandard::Bell202);
    const int clip = int(CallerIdStandard::V23);
    const int dtmf = int(CallerIdStandard::Dtmf);
    QTest::newRow("class mdmf") << cls << mdmf({{1, "03141530"}, {2, "6095551212"}, {7, "ACME SUPPORT"}})
                                << true << true << "6095551212"
                                << "ACME SUPPORT"
                                << "03141530"
                                << ""
                                << "";
    QTest::newRow("class mdmf private")
        << cls << mdmf({{1, "03141530"}, {4, "P"}, {8, "P"}}) << true << true << ""
        << ""
        << "03141530"
        << "private"
        << "private";
    QTest::newRow("class mdmf out of area") << cls << mdmf({{4, "O"}, {8, "O"}}) << true << true << ""
                                            << ""
                                            << ""
                                            << "out_of_area"
                                            << "out_of_area";
    QTest::newRow("class sdmf") << cls
                                << QByteArray("\x04\x12"
                                              "031415306095551212",
                                              20)
                                << true << true << "6095551212"
                                << ""
                                << "03141530"
                                << ""
                                << "";
    QTest::newRow("class sdmf private") << cls
                                        << QByteArray("\x04\x09"
                                                      "03141530P",
                                                      11)
                                        << true << true << ""
                                        << ""
                                        << "03141530"
                                        << "private"
                                        << "";
    QTest::newRow("class message waiting is not caller id")
        << cls << mdmf({{0x0b, "\xff"}}, 0x82) << true << false << ""
        << ""
        << ""
        << ""
        << "";
    QTest::newRow("clip mdmf") << clip << mdmf({{0x11, "\x01"}, {1, "03141530"}, {2, "01632960123"}}) << true
                               << true << "01632960123"
                               << ""
                               << "03141530"
                               << ""
                               << "";
    QTest::newRow("control characters in a name are neutralised")
        << cls << mdmf({{7, QByteArray("A\x1b[2JB\n", 7)}}) << true << true << ""
        << "A?[2JB?"
        << ""
        << ""
        << "";
    QTest::newRow("field runs past the end") << cls
                                             << QByteArray("\x80\x05\x02\x09"
                                                           "123",
                                                           7)
                                             << false << false << ""
                                             << ""
                                             << ""
                                             << ""
                                             << "";
    QTest::newRow("field header cut in half") << cls << QByteArray("\x80\x01\x02", 3) << false << false << ""
                                              << ""
                                              << ""
                                              << ""
                                              << "";
    QTest::newRow("type byte only") << cls << QByteArray("\x80", 1) << false << false << ""
                                    << ""
                                    << ""
                                    << ""
                                    << "";
    QTest::newRow("empty") << cls << QByteArray() << false << false << ""
                           << ""
                           << ""
                           << ""
                           << "";
    QTest::newRow("dtmf A...C") << dtmf << QByteArray("A12345678C") << true << true << "12345678"
                                << ""
                                << ""
                                << ""
                                << "";
    QTest::newRow("dtmf B10C private") << dtmf << QByteArray("B10C") << true << true << ""
                                       << ""
                                       << ""
                                       << "private"
                                       << "";
    QTest::newRow("dtmf D...# absence") << dtmf << QByteArray("D00#") << true << true << ""
                                        << ""
                                        << ""
                                        << "out_of_area"
                                        << "";
    QTest::newRow("dtmf single byte") << dtmf << QByteArray("C") << true << true << ""
                                      << ""
                                      << ""
                                      << ""
                                      << "";
}

void TestCallerIdDecoder::decode()
{
    QFETCH(int, standard);
    QFETCH(QByteArray, message);
    QFETCH(bool, ok);
    QFETCH(bool, isCallerId);
    QFETCH(QString, number);
    QFETCH(QString, name);
    QFETCH(QString, date);
    QFETCH(QString, numberAbsence);
    QFETCH(QString, nameAbsence);
    CallerIdMessage decoded;
    QCOMPARE(decodeCallerIdMessage(CallerIdStandard(standard),
                                   reinterpret_cast<const uint8_t *>(message.constData()),
                                   size_t(message.size()), &decoded),
             ok);
    if (!ok)
        return;
    QCOMPARE(decoded.isCallerId, isCallerId);
    QCOMPARE(decoded.number, number);
    QCOMPARE(decoded.name, name);
    QCOMPARE(decoded.date, date);
    QCOMPARE(decoded.numberAbsence, numberAbsence);
    QCOMPARE(decoded.nameAbsence, nameAbsence);
}

QTEST_GUILESS_MAIN(TestCallerIdDecoder)
#include "tst_soundline_callerid_decoder.moc"
