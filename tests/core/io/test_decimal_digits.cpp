// readDigits (eight digits per step) against a plain digit-by-digit loop: every length from 0 to
// 22 digits, every byte value as the terminator, the field ending exactly at the buffer's end or
// followed by more bytes; and the CSV reader's integer columns read exactly through it.
// readPlainDecimal against fast_float: bit for bit and to the same end, or declined.
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

  // Random plain decimals (sign, leading zeros on both sides, 0-22 fraction digits, 2^53 and
  // 19-digit limits) and their look-alikes (exponents, ".5", "+1", "nan"): every one it takes
  // is read as fast_float reads it, bit for bit, ending at the same byte; it declines only
  // exponents, over 19 significant digits, no leading digit, and the rare hard case.
  void plainDecimalsMatchFastFloat() {
    std::mt19937_64 random(11);
    const auto digits = [&random](int n) {
      std::string s;
      for (int i = 0; i < n; ++i) s += char('0' + random() % 10);
      return s;
    };
    std::vector<std::string> cases = {"-0.0",
                                      "1.",
                                      "0.000",
                                      "0",
                                      "9007199254740993",
                                      "9007199254740992.5",
                                      "123456789012345678.9",
                                      "1234567890123456789.0",
                                      "0.1",
                                      "0.30000000000000004",
                                      "0." + std::string(400, '0') + "1",
                                      "1e5",
                                      ".5",
                                      "+1",
                                      "nan",
                                      "-",
                                      "2.2250738585072014e-308",
                                      "1.7976931348623157",
                                      "0.00029999999999703907",
                                      "179769313486231570000000"};
    int plain = 0;  // generated without an exponent, at most 19 significant digits
    for (int i = 0; i < 200000; ++i) {
      std::string s = random() % 4 == 0 ? "-" : "";
      const std::string whole = digits(1 + static_cast<int>(random() % 4));
      s.append(random() % 8 == 0 ? random() % 3 : 0, '0');
      s += whole;
      int significant = std::stoull(whole) == 0 ? 0 : static_cast<int>(whole.size());
      if (random() % 8 != 0) {
        const std::string fraction = digits(static_cast<int>(random() % 23));
        const int zeros = static_cast<int>(random() % 7);  // significant after a non-zero whole
        s += '.';
        s.append(static_cast<std::size_t>(zeros), '0');
        s += fraction;
        significant += static_cast<int>(fraction.size()) + (significant > 0 ? zeros : 0);
      }
      const bool exponent = random() % 16 == 0;
      if (exponent) s += "e-" + digits(1);
      plain += !exponent && significant <= 18;
      cases.push_back(s);
    }
    int taken = 0;
    for (const std::string& c : cases) {
      const std::string text = c + ",7";
      const char* end = text.data() + text.size();
      const char* p = text.data();
      double got = 0, want = 0;
      const bool took = readPlainDecimal(p, end, got);
      const auto expected = fast_float::from_chars(text.data(), end, want);
      if (!took) {
        QVERIFY2(p == text.data(), c.c_str());
        continue;
      }
      ++taken;
      QVERIFY2(expected.ec == std::errc(), c.c_str());
      QVERIFY2(std::memcmp(&got, &want, sizeof got) == 0 && p == expected.ptr,
               qPrintable(QStringLiteral("'%1': %2 (%3 bytes), fast_float %4 (%5 bytes)")
                              .arg(QString::fromStdString(c))
                              .arg(got, 0, 'g', 17)
                              .arg(p - text.data())
                              .arg(want, 0, 'g', 17)
                              .arg(expected.ptr - text.data())));
    }
    // Taken: at least every plain one with up to 18 significant digits (a fraction's leading
    // zeros may count in the generator, not in the reader), but the rare hard case.
    QVERIFY2(plain > 100000 && taken >= plain - plain / 1000,
             qPrintable(QStringLiteral("%1 of %2").arg(taken).arg(plain)));
    for (const char* declined : {"1e5", ".5", "+1", "nan", "-", "1234567890123456789.0"}) {
      const std::string text = std::string(declined) + ",";
      const char* p = text.data();
      double value = 0;
      QVERIFY2(!readPlainDecimal(p, text.data() + text.size(), value), declined);
    }
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
