// looksBinary, the first check every text reader makes: each rule on its own (NUL byte, share of
// control characters, non-UTF-8 high bytes, UTF-16, zero padding) and the offset it reports.
#include <QtTest>

#include "io/line_reader.h"

using namespace lrscope;

namespace {

QByteArray textOf(int bytes) {
  QByteArray text;
  while (text.size() < bytes) text += "step,loss\n12,3.5\n";
  return text.left(bytes);
}

}  // namespace

class TestLooksBinary : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void rules_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("binary");
    QTest::addColumn<qint64>("where");
    QByteArray nul = textOf(5000);
    nul[3210] = '\0';
    nul[4000] = '\x01';
    QTest::newRow("NUL") << nul << true << qint64(3210);
    QByteArray fewControls = textOf(1000);
    fewControls[700] = '\x02';
    fewControls[900] = '\x03';
    QTest::newRow("0.2% controls") << fewControls << false << qint64(700);
    QByteArray manyControls = textOf(1000);
    for (int i = 500; i < 520; ++i) manyControls[i] = '\x07';
    QTest::newRow("2% controls") << manyControls << true << qint64(500);
    QTest::newRow("tabs, CR, form feed, escape")
        << QByteArray("a\tb\r\nc\f\x1B[0m\n").repeated(50) << false << qint64(-1);
    QTest::newRow("plain text") << textOf(1 << 20) << false << qint64(-1);
    QTest::newRow("UTF-8") << QByteArray("Schritt,Verlust \xC3\xA4\xC3\xB6\n").repeated(40) << false
                           << qint64(-1);
    QTest::newRow("Latin-1 bytes")
        << QByteArray("\xE4\xF6\xFC\xDF,1\n").repeated(40) << true << qint64(-1);
    QTest::newRow("UTF-16LE") << QByteArray("s\0t\0e\0p\0\n\0", 10).repeated(40) << false
                              << qint64(-1);
    QTest::newRow("zero padding") << textOf(3000) + QByteArray(500, '\0') << false << qint64(-1);
    QTest::newRow("empty") << QByteArray() << false << qint64(-1);
  }
  void rules() {
    QFETCH(QByteArray, bytes);
    QFETCH(bool, binary);
    QFETCH(qint64, where);
    qint64 at = -7;
    QCOMPARE(looksBinary(bytes, &at), binary);
    if (!QByteArray(QTest::currentDataTag()).startsWith("UTF-16")) QCOMPARE(at, where);
    QCOMPARE(looksBinary(bytes), binary);
  }
};

QTEST_GUILESS_MAIN(TestLooksBinary)
#include "test_looks_binary.moc"
