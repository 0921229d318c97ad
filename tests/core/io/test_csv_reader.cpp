// CSV/TSV/whitespace tables: dialect and header sniffing, column roles and overrides, long format,
// the shared restart/duplicate/NaN rules, the bad-input table (each case a clear message naming
// file, line and field, or a warning with the good data kept), the two-thread split of big files,
// and the 27 real curves of mpl-luo2025 against their point counts and step ranges.
#include <QTemporaryDir>
#include <QTest>
#include <charconv>
#include <cmath>
#include <numbers>

#include "io/csv_reader.h"
#include "io/log_registry.h"
#include "io_test_files.h"
#include "lrscope_test.h"

using namespace lrscope;
using lrscope::test::hasWarning;
using lrscope::test::valueAt;
using lrscope::test::writeFile;

namespace {

Result<std::vector<Run>> readCsv(const QString& path, const ColumnRoles& roles = {}) {
  return CsvReader(roles).read(path, {});
}

QStringList seriesNames(const Run& run) {
  QStringList names;
  for (const Series& s : run.series) names << s.name;
  return names;
}

}  // namespace

class TestCsvReader : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void readsBasicTable() {
    const auto runs = readCsv(test::testDataPath(QStringLiteral("io/csv/basic.csv")));
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->size(), std::size_t(1));
    const Run& run = runs->front();
    QCOMPARE(run.name, QStringLiteral("basic"));
    QCOMPARE(run.format, QStringLiteral("csv"));
    QCOMPARE(seriesNames(run), (QStringList{"lr", "loss", "val/loss"}));
    QCOMPARE(run.find("loss")->steps, (std::vector<std::int64_t>{0, 1, 2, 3}));
    QCOMPARE(run.find("loss")->values, (std::vector<double>{10.5, 9.25, 8.125, 7.0}));
    QCOMPARE(run.find("lr")->values[3], 0.0003);
    // Blank cells are missing values: val_loss has its one point only.
    QCOMPARE(run.find("val/loss")->steps, (std::vector<std::int64_t>{2}));
    QCOMPARE(run.find("val/loss")->key, QStringLiteral("val_loss"));
    QVERIFY2(run.warnings.isEmpty(), qPrintable(run.warnings.join('\n')));
  }

  void sniffsDialects_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("series");
    QTest::addColumn<std::int64_t>("lastStep");
    QTest::addColumn<double>("lastValue");  // of the last series
    QTest::newRow("tab, iter/learning_rate/train/loss")
        << "tabs.tsv" << QStringList{"lr", "loss"} << std::int64_t(20) << 4.25;
    QTest::newRow("semicolon after a comment, global_step, eval/loss")
        << "semicolon.csv" << QStringList{"lr", "val/loss"} << std::int64_t(100) << 3.0;
    QTest::newRow("blank runs, commented header: no header, first column steps")
        << "whitespace.dat" << QStringList{"column 2", "column 3"} << std::int64_t(10) << 3.5;
    QTest::newRow("quoted fields, text column ignored")
        << "quoted.csv" << QStringList{"lr", "loss"} << std::int64_t(2) << 2.0;
    QTest::newRow("headerless pairs")
        << "headerless.txt" << QStringList{"column 2"} << std::int64_t(2) << 1.0;
  }

  void sniffsDialects() {
    QFETCH(QString, file);
    QFETCH(QStringList, series);
    QFETCH(std::int64_t, lastStep);
    QFETCH(double, lastValue);
    const auto runs = readCsv(test::testDataPath("io/csv/" + file));
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(seriesNames(run), series);
    const Series& last = run.series.back();
    QCOMPARE(last.steps.back(), lastStep);
    QCOMPARE(last.values.back(), lastValue);
  }

  void quotedTextColumnIsIgnoredWithWarning() {
    const auto runs = readCsv(test::testDataPath("io/csv/quoted.csv"));
    QVERIFY(runs.ok());
    QVERIFY(hasWarning(runs->front(),
                       {"quoted.csv", "column 'note' holds text ('warm, up'); ignored"}));
  }

  void longFormatMakesOneRunPerValue() {
    const auto runs = readCsv(test::testDataPath("io/csv/long_format.csv"));
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->size(), std::size_t(2));
    QCOMPARE(runs->at(0).name, QStringLiteral("A"));
    QCOMPARE(runs->at(1).name, QStringLiteral("B"));
    QCOMPARE(runs->at(0).find("loss")->values, (std::vector<double>{3.0, 2.5}));
    QCOMPARE(runs->at(1).find("loss")->steps, (std::vector<std::int64_t>{0, 1, 2}));
  }

  void columnRolesCanBeOverridden() {
    QTemporaryDir dir;
    const QString path =
        writeFile(dir, "custom.csv", "k,my_rate,objective,junk\n5,0.1,2.0,x1\n6,0.2,1.5,x2\n");
    // By name alone: no step column (row numbers used, warned), every column its own series.
    auto plain = readCsv(path);
    QVERIFY(plain.ok());
    QCOMPARE(plain->front().find("objective")->steps, (std::vector<std::int64_t>{0, 1}));
    QVERIFY(hasWarning(plain->front(), {"custom.csv", "no step column", "--column NAME=step"}));
    ColumnRoles roles;
    QString error;
    QVERIFY(
        parseColumnRoles({"k=step", "my_rate=lr", "objective=loss", "junk=ignore"}, roles, error));
    auto mapped = readCsv(path, roles);
    QVERIFY(mapped.ok());
    const Run& run = mapped->front();
    QCOMPARE(seriesNames(run), (QStringList{"lr", "loss"}));
    QCOMPARE(run.find("loss")->steps, (std::vector<std::int64_t>{5, 6}));
    QCOMPARE(run.find("lr")->values, (std::vector<double>{0.1, 0.2}));
    QVERIFY2(run.warnings.isEmpty(), qPrintable(run.warnings.join('\n')));
    QVERIFY(!parseColumnRoles({"nonsense"}, roles, error));
    QVERIFY(error.contains("'nonsense': expected COLUMN=ROLE"));
  }

  void numbersParseExactly_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<double>("value");
    QTest::newRow("17 digits") << QByteArray("0.00029999999999999997") << 0.00029999999999999997;
    QTest::newRow("exponent") << QByteArray("1.2345678901234567e-5") << 1.2345678901234567e-5;
    QTest::newRow("plus, blanks") << QByteArray(" +2.5 ") << 2.5;
    QTest::newRow("integer") << QByteArray("524288000000") << 524288000000.0;
    QTest::newRow("negative") << QByteArray("-0.1") << -0.1;
    QTest::newRow("20 digits") << QByteArray("1.2345678901234567890") << 1.2345678901234567;
    QTest::newRow("huge exponent") << QByteArray("4.9e-324") << 4.9e-324;
    QTest::newRow("overflow") << QByteArray("1e999") << HUGE_VAL;
    QTest::newRow("underflow") << QByteArray("1e-999") << 0.0;
    QTest::newRow("Infinity") << QByteArray("-Infinity") << -HUGE_VAL;
  }

  // Against strtod-independent literals: the compiler's correctly rounded constants.
  void numbersParseExactly() {
    QFETCH(QByteArray, text);
    QFETCH(double, value);
    QTemporaryDir dir;
    const auto runs = readCsv(writeFile(dir, "n.csv", "step,x\n0," + text + "\n"));
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->front().find("x")->values.front(), value);
  }

  // 20000 random decimals of 1 to 19 digits, with and without exponents, through the whole
  // reading path: each value exactly what std::from_chars (correctly rounded) makes of its text.
  void randomDecimalsReadExactly() {
    QTemporaryDir dir;
    QByteArray csv = "step,x\n";
    std::vector<double> expected;
    std::uint64_t state = 12345;
    for (int i = 0; i < 20000; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      const int digits = 1 + static_cast<int>((state >> 33) % 19);
      QByteArray mantissa = QByteArray::number(static_cast<qulonglong>(state >> 1)).left(digits);
      const int point = static_cast<int>((state >> 20) % static_cast<std::uint64_t>(digits + 1));
      QByteArray text = mantissa.left(point) + "." + mantissa.mid(point);
      if (i % 3 == 0) text += "e" + QByteArray::number(static_cast<int>((state >> 40) % 40) - 20);
      double x = 0.0;
      std::from_chars(text.constData(), text.constData() + text.size(), x);
      expected.push_back(x);
      csv += QByteArray::number(i) + "," + text + "\n";
    }
    const auto runs = readCsv(writeFile(dir, "r.csv", csv));
    QVERIFY(runs.ok());
    QCOMPARE(runs->front().find("x")->values, expected);
  }

  void badInput_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");  // the error, or a warning when lossPoints >= 0
    QTest::addColumn<int>("lossPoints");   // -1: reading fails
    QTest::newRow("empty file") << QByteArray() << "bad.csv: the file is empty" << -1;
    QTest::newRow("blank lines only")
        << QByteArray("\n \r\n\n") << "bad.csv: the file is empty" << -1;
    QTest::newRow("header only") << QByteArray("step,loss\n")
                                 << "bad.csv: header only (line 1), no data rows" << -1;
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919) % 256);
    QTest::newRow("binary garbage") << garbage << "bad.csv: binary data" << -1;
    QTest::newRow("UTF-32") << QByteArray("\xFF\xFE\0\0s\0\0\0", 8)
                            << "bad.csv: UTF-32 text is not supported" << -1;
    QTest::newRow("nothing numeric") << QByteArray("step,loss\na,b\nc,d\n")
                                     << "bad.csv: no data point in 2 data rows (first problem: "
                                        "line 2: field 'step': 'a' is not an integer step"
                                     << -1;
    QTest::newRow("truncated last line")
        << QByteArray("step,lr,loss\n0,0.1,3.0\n1,0.1,2.9\n2,0.1")
        << "bad.csv: line 4: last line cut off (2 of 3 fields, no line end); skipped" << 2;
    QTest::newRow("string in a numeric column")
        << QByteArray("step,loss\n0,3.0\n1,abc\n2,2.5\n")
        << "bad.csv: line 3: field 'loss': 'abc' is not a number; cell skipped" << 2;
    QTest::newRow("string step")
        << QByteArray("step,loss\n0,3\nx,2\n1,2\n")
        << "bad.csv: line 3: field 'step': 'x' is not an integer step; row skipped" << 2;
    QTest::newRow("fractional step") << QByteArray("step,loss\n0,3\n1.5,2\n")
                                     << "line 3: field 'step': '1.5' is not an integer step" << 1;
    QTest::newRow("blank step") << QByteArray("step,loss\n0,3\n,2\n")
                                << "line 3: field 'step' (the step) is blank; row skipped" << 1;
    QTest::newRow("step overflow")
        << QByteArray("step,loss\n99999999999999999999,1\n0,2\n")
        << "line 2: field 'step': '99999999999999999999' is not an integer step" << 1;
    QTest::newRow("duplicate steps")
        << QByteArray("step,loss\n0,3\n1,2.5\n1,2.4\n2,2\n")
        << "bad.csv: series 'loss': 1 repeated steps with a different value (first at step 1); the "
           "later value kept"
        << 3;
    QTest::newRow("decreasing steps")
        << QByteArray("step,loss\n0,3\n1,2.5\n2,2.0\n1,2.6\n2,2.1\n3,1.9\n")
        << "bad.csv: series 'loss': step went back from 2 to 1 (a restart); the 2 earlier points "
           "at "
           "steps >= 1 were replaced by the later ones"
        << 4;
    QTest::newRow("NaN and inf")
        << QByteArray("step,loss\n0,nan\n1,inf\n2,-inf\n3,NaN\n4,1.5\n")
        << "bad.csv: series 'loss': NaN/inf values kept as gaps: 2 NaN, 2 inf (first "
           "at step 0)"
        << 5;
    QTest::newRow("huge values")
        << QByteArray("step,loss\n0,1e308\n1,1e999\n2,1e-999\n")
        << "series 'loss': NaN/inf values kept as gaps: 0 NaN, 1 inf (first at step 1)" << 3;
    QTest::newRow("missing columns")
        << QByteArray("step,lr,loss\n0,0.1,3\n1,0.1\n2,0.1,2.5\n")
        << "bad.csv: line 3: 2 fields where the header has 3; the missing "
           "ones are blank"
        << 2;
    QTest::newRow("extra fields")
        << QByteArray("step,loss\n0,3,9\n1,2\n")
        << "bad.csv: line 2: 3 fields where the header has 2; the extra ones "
           "are ignored"
        << 2;
    QTest::newRow("unclosed quote")
        << QByteArray("step,loss\n0,\"1.5\n1,2\n")
        << "bad.csv: line 2: a quote is not closed; read to the line end" << 2;
    QTest::newRow("NUL padding of a crashed writer")
        << QByteArray("step,loss\n0,1\n1,0.9\n\0\0\0\0\0\0", 26)
        << "bad.csv: line 4: holds NUL bytes (binary data); skipped" << 2;
  }

  void badInput() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QFETCH(int, lossPoints);
    QTemporaryDir dir;
    const QString path = writeFile(dir, "bad.csv", bytes);
    const auto runs = readCsv(path);
    if (lossPoints < 0) {
      QVERIFY2(!runs.ok(), "expected an error");
      QVERIFY2(runs.error().contains(message), qPrintable(runs.error()));
      QVERIFY(runs.error().startsWith(path));
      return;
    }
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QVERIFY2(hasWarning(run, {message}), qPrintable(run.warnings.join('\n')));
    QCOMPARE(static_cast<int>(run.find("loss")->size()), lossPoints);
  }

  void resolvedValuesAreTheLaterOnes() {
    QTemporaryDir dir;
    const auto runs =
        readCsv(writeFile(dir, "r.csv", "step,loss\n0,3\n1,2.5\n2,2.0\n1,2.6\n2,2.1\n3,1.9\n"));
    QVERIFY(runs.ok());
    const Series& loss = *runs->front().find("loss");
    QCOMPARE(loss.values, (std::vector<double>{3, 2.6, 2.1, 1.9}));
    QCOMPARE(loss.restarts, 1);
    QCOMPARE(loss.replacedPoints, std::int64_t(2));
    const auto nan = readCsv(writeFile(dir, "n.csv", "step,loss\n0,nan\n1,1\n"));
    QVERIFY(std::isnan(nan->front().find("loss")->values[0]));
  }

  void encodingsAndLineEnds_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("note");  // expected warning, empty for none
    const QString text = QStringLiteral("step,loss\n0,1.5\n1,1.25\n");
    QTest::newRow("UTF-8 BOM") << ("\xEF\xBB\xBF" + text.toUtf8()) << QString();
    QTest::newRow("CRLF") << QByteArray("step,loss\r\n0,1.5\r\n1,1.25\r\n") << QString();
    QTest::newRow("CR only") << QByteArray("step,loss\r0,1.5\r1,1.25\r") << QString();
    QTest::newRow("no final line end") << QByteArray("step,loss\n0,1.5\n1,1.25") << QString();
    QByteArray le("\xFF\xFE"), be;
    for (QChar c : text) {
      le += static_cast<char>(c.unicode() & 0xFF);
      le += static_cast<char>(c.unicode() >> 8);
      be += static_cast<char>(c.unicode() >> 8);
      be += static_cast<char>(c.unicode() & 0xFF);
    }
    QTest::newRow("UTF-16LE with BOM") << le << "decoded from UTF-16LE";
    QTest::newRow("UTF-16BE without BOM") << be << "decoded from UTF-16BE";
  }

  void encodingsAndLineEnds() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, note);
    QTemporaryDir dir;
    const QString path = writeFile(dir, "e.csv", bytes);
    QCOMPARE(detectLogFormat(path), QStringLiteral("csv"));
    const auto runs = readCsv(path);
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(seriesNames(run), QStringList{"loss"});
    QCOMPARE(run.find("loss")->steps, (std::vector<std::int64_t>{0, 1}));
    QCOMPARE(run.find("loss")->values, (std::vector<double>{1.5, 1.25}));
    if (note.isEmpty())
      QVERIFY2(run.warnings.isEmpty(), qPrintable(run.warnings.join('\n')));
    else
      QVERIFY(hasWarning(run, {"e.csv", note}));
  }

  void latin1HeaderIsDecoded() {
    QTemporaryDir dir;
    const auto runs = readCsv(writeFile(dir, "l.csv", "step,Lernrate \xB5\n0,1\n"));
    QVERIFY(runs.ok());
    QCOMPARE(runs->front().series.front().name, QStringLiteral("Lernrate \u00B5"));
  }

  // A 100 MB line between good rows: skipped with a warning naming its line, the rest kept.
  void hundredMegabyteLine() {
    QTemporaryDir dir;
    const QString path = dir.filePath("long.csv");
    {
      QFile file(path);
      QVERIFY(file.open(QIODevice::WriteOnly));
      file.write("step,loss\n0,1\n");
      const QByteArray block(1 << 20, '7');
      for (int i = 0; i < 100; ++i) file.write(block);
      file.write("\n1,0.5\n");
    }
    const auto runs = readCsv(path);
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(run.find("loss")->steps, (std::vector<std::int64_t>{0, 1}));
    QVERIFY(hasWarning(run, {"long.csv: line 3: longer than 16 MiB; skipped"}));
  }

  // Files over 8 MiB are parsed in chunks of about 4 MiB on two threads (this one: 3 chunks):
  // the result, warning line numbers in later chunks and a restart that crosses chunks must be
  // as if read in one go.
  void bigFileSplitReadsLikeOnePass() {
    QTemporaryDir dir;
    const int rows = 400000;
    const int badLine = 300002;    // line of the bad cell (row 300000, after the header)
    const int shortLine = 100002;  // a row with two fields
    QByteArray csv = "step,lr,loss\n";
    for (int i = 0; i < rows; ++i) {
      const int step = i < 350000 ? i : i - 200000;  // restart at row 350000 back to step 150000
      csv += QByteArray::number(step) + "," + QByteArray::number(1e-3 + i * 1e-9, 'g', 17);
      if (i + 2 != shortLine)
        csv += "," + ((i + 2 == badLine) ? QByteArray("oops")
                                         : QByteArray::number(10.0 - i * 1e-5, 'g', 17));
      csv += "\n";
    }
    QVERIFY(csv.size() > 8 << 20);
    const auto runs = readCsv(writeFile(dir, "big.csv", csv));
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    const Series& lr = *run.find("lr");
    // Steps 0..149999 from the first pass, then 150000..199999 from rows 350000..399999.
    QCOMPARE(lr.size(), std::size_t(200000));
    QCOMPARE(lr.steps.back(), std::int64_t(199999));
    QCOMPARE(lr.values[149999], 1e-3 + 149999 * 1e-9);
    QCOMPARE(lr.values[150000], 1e-3 + 350000 * 1e-9);
    QCOMPARE(lr.restarts, 1);
    QCOMPARE(run.find("loss")->size(), std::size_t(199999));  // none on the short row (step 100000)
    QCOMPARE(run.warnings.filter("fields where the header has 3").size(), 1);  // reported once
    QVERIFY(hasWarning(
        run, {QStringLiteral("big.csv: line %1: 2 fields where the header has 3").arg(shortLine)}));
    QVERIFY(hasWarning(
        run, {"series 'lr': step went back from 349999 to 150000", "the 200000 earlier points"}));
    QVERIFY2(
        hasWarning(run, {QStringLiteral("big.csv: line %1: field 'loss': 'oops' is not a number")
                             .arg(badLine)}),
        qPrintable(run.warnings.join('\n')));
  }

  // Plain rows are parsed straight from the reader's 1 MiB buffer; a row the buffer's end cuts,
  // and every line that is not a plain row (comments, empty lines, quotes, CRLF with a blank last
  // cell, spaces), goes through the line-by-line path. ~3 MB of mixed rows, read with eight
  // header widths so the buffer edges fall inside different rows and fields: every value as
  // written, nothing else.
  void rowsAcrossBufferEdgesReadAsWritten() {
    QTemporaryDir dir;
    for (int shift = 0; shift < 8; ++shift) {
      QByteArray csv = "step,lr,loss" + QByteArray(shift, ' ') + "\n";
      std::vector<double> lr, loss;
      std::vector<std::int64_t> lrSteps, lossSteps;
      std::uint64_t state = 12345 + shift;
      const auto random = [&state] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return state >> 33;
      };
      for (int i = 0; csv.size() < (3 << 20); ++i) {
        const double x = static_cast<double>(random() % 1000000007) * 1e-13;
        const double y = static_cast<double>(random() % 100000) / 1000.0;
        const QByteArray xs = QByteArray::number(x, 'g', 17), ys = QByteArray::number(y, 'g', 17);
        const QByteArray step = QByteArray::number(i);
        const int kind = static_cast<int>(random() % 16);
        if (kind > 1) lr.push_back(x), lrSteps.push_back(i);
        bool hasLoss = kind > 1;
        switch (kind) {
          case 0:
            csv += "# a comment, 1,2,3\n";
            break;
          case 1:
            csv += "\n";
            break;
          case 2:
            csv += step + "," + xs + "," + ys + "\r\n";
            break;
          case 3:
            csv += step + "," + xs + ",\r\n", hasLoss = false;
            break;
          case 4:
            csv += step + "," + xs + ",\n", hasLoss = false;
            break;
          case 5:
            csv += step + ",\"" + xs + "\"," + ys + "\n";
            break;
          case 6:
            csv += step + "," + xs + ", " + ys + "\n";
            break;
          default:
            break;
        }
        if (kind >= 7) csv += step + "," + xs + "," + ys + "\n";
        if (hasLoss) loss.push_back(y), lossSteps.push_back(i);
      }
      const auto runs = readCsv(writeFile(dir, QStringLiteral("edges%1.csv").arg(shift), csv));
      QVERIFY2(runs.ok(), qPrintable(runs.error()));
      const Series& lrSeries = *runs->front().find("lr");
      const Series& lossSeries = *runs->front().find("loss");
      QCOMPARE(lrSeries.values, lr);
      QCOMPARE(lrSeries.steps, lrSteps);
      QCOMPARE(lossSeries.values, loss);
      QCOMPARE(lossSeries.steps, lossSteps);
      QVERIFY2(runs->front().warnings.isEmpty(), qPrintable(runs->front().warnings.join('\n')));
    }
  }

  void detection() {
    QTemporaryDir dir;
    QCOMPARE(detectLogFormat(test::testDataPath("io/csv/basic.csv")), QStringLiteral("csv"));
    QCOMPARE(detectLogFormat(test::testDataPath("io/csv/whitespace.dat")), QStringLiteral("csv"));
    QCOMPARE(detectLogFormat(writeFile(dir, "notes.txt", "just some words\nand more words\n")),
             QString());
    const LoadedLogs logs = readLogs({writeFile(dir, "garbage.bin", QByteArray(100, '\x01'))});
    QCOMPARE(logs.errors.size(), 1);
    QVERIFY2(logs.errors[0].contains("garbage.bin: cannot tell the log format (known formats: "),
             qPrintable(logs.errors[0]));
  }

  // The real curves: counted with awk over the raw files (data rows, first and last step):
  //   for f in csv_*/*.csv; do awk -F, 'NR>1{n++; if(n==1)a=$1; b=$1} END{print n, a, b}' $f; done
  void realCurvesOfMplLuo2025() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    struct Expected {
      const char* file;
      int points;
      int first;
      int last;
    };
    const Expected expected[] = {
        {"csv_25/constant_24000.csv", 171, 2176, 23936},
        {"csv_25/constant_72000.csv", 546, 2176, 71936},
        {"csv_25/cosine_24000.csv", 171, 2160, 23920},
        {"csv_25/cosine_72000.csv", 546, 2160, 71920},
        {"csv_25/wsd_20000_24000.csv", 170, 2176, 23904},
        {"csv_25/wsdcon_18.csv", 95, 2176, 14144},
        {"csv_25/wsdcon_3.csv", 95, 2176, 14144},
        {"csv_25/wsdcon_9.csv", 95, 2176, 14144},
        {"csv_25/wsdld_20000_24000.csv", 170, 2176, 23904},
        {"csv_100/constant_24000.csv", 171, 2176, 23936},
        {"csv_100/constant_72000.csv", 546, 2176, 71936},
        {"csv_100/cosine_24000.csv", 171, 2160, 23920},
        {"csv_100/cosine_72000.csv", 546, 2160, 71920},
        {"csv_100/wsd_20000_24000.csv", 171, 2176, 23904},
        {"csv_100/wsdcon_18.csv", 109, 2176, 15936},
        {"csv_100/wsdcon_3.csv", 109, 2176, 15936},
        {"csv_100/wsdcon_9.csv", 109, 2176, 15936},
        {"csv_100/wsdld_20000_24000.csv", 171, 2176, 23904},
        {"csv_400/constant_24000.csv", 171, 2176, 23936},
        {"csv_400/constant_72000.csv", 546, 2176, 71936},
        {"csv_400/cosine_24000.csv", 171, 2160, 23920},
        {"csv_400/cosine_72000.csv", 546, 2176, 71936},
        {"csv_400/wsd_20000_24000.csv", 171, 2176, 23936},
        {"csv_400/wsdcon_18.csv", 109, 2176, 15936},
        {"csv_400/wsdcon_3.csv", 109, 2176, 15936},
        {"csv_400/wsdcon_9.csv", 109, 2176, 15936},
        {"csv_400/wsdld_20000_24000.csv", 171, 2176, 23936},
    };
    // The whole folder through the registry: 27 runs, README.md and LICENSE skipped.
    const LoadedLogs all = readLogs({test::sharedDataPath("mpl-luo2025")});
    QVERIFY2(all.errors.isEmpty(), qPrintable(all.errors.join('\n')));
    QCOMPARE(all.runs.size(), std::size_t(27));
    QCOMPARE(all.skipped.size(), 2);
    for (const Expected& e : expected) {
      const QString path = test::sharedDataPath(QStringLiteral("mpl-luo2025/") + e.file);
      const auto runs = readCsv(path);
      QVERIFY2(runs.ok(), qPrintable(runs.error()));
      const Run& run = runs->front();
      QVERIFY2(run.warnings.isEmpty(), qPrintable(run.warnings.join('\n')));
      for (const char* name : {"lr", "loss"}) {
        const Series& s = *run.find(name);
        QCOMPARE(static_cast<int>(s.size()), e.points);
        QCOMPARE(s.steps.front(), std::int64_t(e.first));
        QCOMPARE(s.steps.back(), std::int64_t(e.last));
      }
    }
    // The lr column is the README's schedule: cosine_24000 at step 2288 (exact to 1e-12).
    const auto cosine = readCsv(test::sharedDataPath("mpl-luo2025/csv_100/cosine_24000.csv"));
    const double expectedLr =
        3e-5 +
        0.5 * (3e-4 - 3e-5) * (1 + std::cos(std::numbers::pi * (2288 - 2160) / (24000.0 - 2160)));
    QVERIFY(test::closeTo(valueAt(cosine->front(), "lr", 2288), expectedLr, 1e-12));
    QCOMPARE(valueAt(cosine->front(), "loss", 2160), 3.7755);  // as printed in the file
  }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "test_csv_reader.moc"
