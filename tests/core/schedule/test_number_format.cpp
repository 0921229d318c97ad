// exactNumber: Python-repr-style shortest round-trip decimals.
#include <QtTest>
#include <cstdlib>
#include <random>

#include "common/number_format.h"
#include "lrscope_test.h"

using lrscope::exactNumber;

class TestNumberFormat : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void knownValues_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("3e-4") << 3e-4 << "0.0003";
    QTest::newRow("1e-4") << 1e-4 << "0.0001";
    QTest::newRow("3e-5") << 3e-5 << "3e-05";
    QTest::newRow("integer") << 24000.0 << "24000";
    QTest::newRow("zero") << 0.0 << "0";
    QTest::newRow("negative") << -2.5 << "-2.5";
    QTest::newRow("0.1+0.2") << 0.1 + 0.2 << "0.30000000000000004";
    QTest::newRow("fraction") << 123.456 << "123.456";
    QTest::newRow("1e16") << 1e16 << "1e+16";
    QTest::newRow("below 1e16") << 1234567890123456.0 << "1234567890123456";
    QTest::newRow("tiny") << 5e-324 << "5e-324";
  }
  void knownValues() {
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(exactNumber(value), text);
  }

  void nonFinite() {
    QCOMPARE(exactNumber(std::nan("")), QString("nan"));
    QCOMPARE(exactNumber(-HUGE_VAL), QString("-inf"));
  }

  void randomValuesRoundTrip() {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
    std::uniform_int_distribution<int> exponent(-30, 30);
    for (int i = 0; i < 20000; ++i) {
      const double v = mantissa(rng) * std::pow(10.0, exponent(rng));
      const QByteArray text = exactNumber(v).toLatin1();
      QCOMPARE(std::strtod(text.constData(), nullptr), v);
    }
  }
};

QTEST_APPLESS_MAIN(TestNumberFormat)
#include "test_number_format.moc"
