// Every reader forced onto text it was not written for (headerless numbers, a lone header, a
// single column): a clear error or an empty result, never an index past a row. Found by the
// wandb-csv fuzzer: "0 1.5\n1 1.25\n2 1.0\n" read as a W&B export wrote past an empty row.
#include <QTemporaryDir>
#include <QtTest>

#include "io/log_registry.h"
#include "io_test_files.h"
#include "lrscope_test.h"

using namespace lrscope;

class TestReaderLayouts : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void everyReaderOnForeignText_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("text");
    const QByteArray inputs[] = {"0 1.5\n1 1.25\n2 1.0\n", "Step\n", "x\n1\n2\n", ",,,\n,,\n",
                                 "\n\n\n"};
    for (const QString& format : logFormatNames()) {
      if (format == QLatin1String("tensorboard") || format == QLatin1String("mlflow")) continue;
      int i = 0;
      for (const QByteArray& text : inputs)
        QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(format).arg(i++))) << format << text;
    }
  }
  void everyReaderOnForeignText() {
    QFETCH(QString, format);
    QFETCH(QByteArray, text);
    QTemporaryDir dir;
    const QString path = test::writeFile(dir, "input.txt", text);
    QVERIFY(!path.isEmpty());
    ReadOptions options;
    options.format = format;
    const LoadedLogs logs = readLogs({path}, {}, options);
    for (const QString& error : logs.errors) QVERIFY2(error.contains(path), qPrintable(error));
    for (const Run& run : logs.runs)
      for (const Series& s : run.series) QCOMPARE(s.steps.size(), s.values.size());
  }
};

QTEST_APPLESS_MAIN(TestReaderLayouts)
#include "test_reader_layouts.moc"
