// readDigits (eight digits per step) against a plain digit-by-digit loop: every length from 0 to
// 22 digits, every byte value as the terminator, the field ending exactly at the buffer's end or
// followed by more bytes; and the CSV reader's integer columns read exactly through it.
#include <QTemporaryDir>
#include <QtTest>
#include <random>

#include "io/decimal_digits.h"
#include "io/log_registry.h"
#include "io_test_files.h"

using namespace lrscope;

namespace {

int referenceDigits(const std::string& s, std::size_t end, std::uint64_t& value) {
  value = 0;
  int n = 0;
  for (std::size_t i = 0; i < end && n < 19 && s[i] >= '0' && s[i] <= '9'; ++i, ++n)
    value = value * 10 + static_cast<std::uint64_t>(s[i] - '0');
  return n;
}

}  // namespace

class TestDecimalDigits : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void matchesADigitLoop() {
    std::mt19937_64 random(7);
    int checked = 0;
    for (int length = 0; length <= 22; ++length)
      for (int terminator = 0; terminator < 256; ++terminator)
        for (int tail : {0, 1, 7, 16}) {
          std::string s;
          for (int i = 0; i < length; ++i) s += char('0' + random() % 10);
          s += char(terminator);
          for (int i = 0; i < tail; ++i) s += char('0' + random() % 10);
          // The field may end right after the digits, at the terminator, or later.
          for (std::size_t end : {std::size_t(length), s.size()}) {
            std::uint64_t got = 0, want = 0;
            const int n = readDigits(s.data(), s.data() + end, got);
            const int expected = referenceDigits(s, end, want);
            if (n != expected || got != want)
              QFAIL(qPrintable(QStringLiteral("'%1' (end %2): %3 digits = %4, expected %5 = %6")
                                   .arg(QString::fromLatin1(s.data(), qsizetype(s.size())))
                                   .arg(end)
                                   .arg(n)
                                   .arg(got)
                                   .arg(expected)
                                   .arg(want)));
            ++checked;
          }
        }
    QCOMPARE(checked, 23 * 256 * 4 * 2);
  }

  // Integer columns: exact up to 15 digits as doubles and 18 as steps; longer integers, floats,
  // signs and exponents after integers in the same column still read exactly (fast_float).
  void csvIntegerColumnsReadExactly() {
    QTemporaryDir dir;
    const QByteArray csv =
        "step,tokens,loss\n"
        "0,0,1.5\n"
        "7,123456789012345,1.25\n"
        "123456789012345678,99999999,1\n"
        "123456789012345679,12345678901234567,2\n"
        "123456789012345680,1e3,3\n"
        "123456789012345681,-42,4\n"
        "123456789012345682,7,5\n";
    const LoadedLogs logs = readLogs({test::writeFile(dir, "ints.csv", csv)});
    QVERIFY2(logs.errors.isEmpty(), qPrintable(logs.errors.join('\n')));
    const Series* tokens = logs.runs.at(0).find(QStringLiteral("tokens"));
    QVERIFY(tokens);
    const std::vector<std::int64_t> steps = {0,
                                             7,
                                             123456789012345678,
                                             123456789012345679,
                                             123456789012345680,
                                             123456789012345681,
                                             123456789012345682};
    QCOMPARE(tokens->steps, steps);
    const std::vector<double> values = {
        0, 123456789012345, 99999999, 12345678901234567.0, 1000, -42, 7};
    QCOMPARE(tokens->values, values);
  }
};

QTEST_GUILESS_MAIN(TestDecimalDigits)
#include "test_decimal_digits.moc"
