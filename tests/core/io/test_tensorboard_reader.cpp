// TensorBoard event files: CRC-32C and protobuf wire primitives, TFRecord framing, the doc's
// checked 3-record example, simple_value and TF2 tensor scalars, restarts, NaN, run folders, and
// the bad-input table (each a clear message naming file, record and field, or a warning with the
// good data kept). Fixtures: tests/data/io/tensorboard (written by make_fixtures.py).
#include <QBuffer>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <limits>

#include "io/crc32c.h"
#include "io/log_registry.h"
#include "io/protobuf_wire.h"
#include "io/tensorboard_event.h"
#include "io/tensorboard_reader.h"
#include "io/tfrecord.h"
#include "lrscope_test.h"
#include "tfevents_encoder.h"

using namespace lrscope;
namespace tfe = lrscope::test::tfevents;

namespace {

constexpr double kT0 = 1700000000.0;

QString fixture(const QString& relative) {
  return test::testDataPath(QStringLiteral("io/tensorboard/") + relative);
}

Result<std::vector<Run>> load(const QString& path, const Progress& progress = {}) {
  return TensorBoardReader().read(path, progress);
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Bit-by-bit CRC-32C, the definition, to check the table-driven one against.
std::uint32_t crc32cBitwise(const QByteArray& data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char ch : data) {
    crc ^= std::uint8_t(ch);
    for (int i = 0; i < 8; ++i) crc = (crc >> 1) ^ ((crc & 1u) ? 0x82F63B78u : 0u);
  }
  return ~crc;
}

std::vector<std::int64_t> steps(std::initializer_list<std::int64_t> s) {
  return s;
}

bool anyContains(const QStringList& list, const QString& needle) {
  for (const QString& s : list)
    if (s.contains(needle)) return true;
  return false;
}

}  // namespace

class TestTensorBoardReader : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void crc32cMatchesCheckValueAndDefinition() {
    QCOMPARE(crc32c("123456789", 9), 0xE3069283u);
    QCOMPARE(crc32c("", 0), 0u);
    QByteArray data;
    for (int n = 0; n < 70; ++n) {  // every tail length of the 8-byte slicing
      QCOMPARE(crc32c(data.constData(), std::size_t(data.size())), crc32cBitwise(data));
      data.append(char((n * 37 + 11) & 0xFF));
    }
    const std::uint32_t whole = crc32c(data.constData(), 70);
    QCOMPARE(crc32c(data.constData() + 13, 57, crc32c(data.constData(), 13)), whole);
    // the doc's table: masked CRC of the 8-byte length 24
    const QByteArray length24 = tfe::littleEndian(std::uint64_t(24));
    QCOMPARE(maskCrc32c(crc32c(length24.constData(), 8)), 0x224b7fa3u);
    for (std::uint32_t c : {0u, 1u, 0xE3069283u, 0xFFFFFFFFu})
      QCOMPARE(unmaskCrc32c(maskCrc32c(c)), c);
  }

  void wireReaderDecodesAndBoundsChecks() {
    const QByteArray ok = QByteArray::fromHex("08ac02") + tfe::fieldVarint(2, std::uint64_t(-1)) +
                          tfe::fieldBytes(3, "ab") + tfe::fieldFloat(4, 0.5f) +
                          tfe::fieldDouble(5, -2.0);
    wire::Reader r(reinterpret_cast<const unsigned char*>(ok.constData()), std::size_t(ok.size()));
    wire::Field f;
    QVERIFY(r.next(f));
    QCOMPARE(f.number, 1u);
    QCOMPARE(f.bits, std::uint64_t(300));
    QVERIFY(r.next(f));
    QCOMPARE(std::int64_t(f.bits), std::int64_t(-1));  // 10-byte varint
    QVERIFY(r.next(f));
    QCOMPARE(QByteArray(f.bytes().data(), qsizetype(f.size)), QByteArray("ab"));
    QVERIFY(r.next(f));
    QCOMPARE(f.asFloat(), 0.5f);
    QVERIFY(r.next(f));
    QCOMPARE(f.asDouble(), -2.0);
    QVERIFY(!r.next(f));
    QVERIFY(r.error() == nullptr);

    const struct {
      QByteArray bytes;
      const char* error;
    } bad[] = {
        {QByteArray::fromHex("08"), "varint cut off by the end of the message"},
        {QByteArray(11, char(0xFF)), "varint longer than 10 bytes"},
        {QByteArray::fromHex("1a05616263"), "length runs past the end of the message"},
        {QByteArray::fromHex("0d0000"), "32-bit value cut off by the end of the message"},
        {QByteArray::fromHex("0b"), "groups (wire types 3/4) are not supported"},
        {QByteArray::fromHex("0e"), "invalid wire type 6 or 7"},
        {QByteArray::fromHex("0001"), "invalid field number"},
    };
    for (const auto& b : bad) {
      wire::Reader br(reinterpret_cast<const unsigned char*>(b.bytes.constData()),
                      std::size_t(b.bytes.size()));
      while (br.next(f)) {
      }
      QVERIFY2(br.error() && QByteArray(br.error()) == b.error, b.error);
    }
  }

  void tfRecordFramingAcrossChunkSizes() {
    const QByteArray doc =
        readAll(fixture(QStringLiteral("doc_example/events.out.tfevents.1700000000.doc")));
    QCOMPARE(doc.size(), 144);
    for (std::size_t chunk :
         {std::size_t(16), std::size_t(17), std::size_t(31), std::size_t(1) << 20}) {
      QBuffer buffer;
      buffer.setData(doc);
      QVERIFY(buffer.open(QIODevice::ReadOnly));
      TfRecordReader reader(buffer, doc.size(), chunk);
      std::span<const unsigned char> data;
      std::vector<std::size_t> lengths;
      TfRecordReader::Status status;
      while ((status = reader.next(data)) == TfRecordReader::Status::Record)
        lengths.push_back(data.size());
      QCOMPARE(int(status), int(TfRecordReader::Status::End));
      QCOMPARE(lengths, (std::vector<std::size_t>{24, 26, 46}));  // the doc's table
      QCOMPARE(reader.offset(), qint64(144));
    }
  }

  void docCheckedExample() {
    const auto runs =
        load(fixture(QStringLiteral("doc_example/events.out.tfevents.1700000000.doc")));
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->size(), std::size_t(1));
    const Run& run = runs->front();
    QCOMPARE(run.name, QStringLiteral("doc_example"));
    QCOMPARE(run.format, QStringLiteral("tensorboard"));
    QVERIFY2(run.warnings.isEmpty(), qPrintable(run.warnings.join('\n')));
    QCOMPARE(run.series.size(), std::size_t(1));
    const Series& loss = run.series.front();
    QCOMPARE(loss.name, QStringLiteral("loss"));
    QCOMPARE(loss.steps, steps({1, 2}));
    QCOMPARE(loss.values,
             (std::vector<double>{2.5, 1.25}));  // simple_value, then TF2 tensor_content
    QCOMPARE(loss.wallTime, (std::vector<double>{kT0 + 1.5, kT0 + 2.0}));
  }

  void simpleValueScalarsSeveralTagsAndNaN() {
    const auto runs = load(fixture(QStringLiteral("simple/events.out.tfevents.1700000000.host")));
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(run.name, QStringLiteral("simple"));
    QCOMPARE(run.series.size(), std::size_t(3));  // graph_def event and histogram value skipped
    const Series* loss = run.find(QStringLiteral("loss"));
    QVERIFY(loss);
    QCOMPARE(loss->key, QStringLiteral("train/loss"));
    QCOMPARE(loss->steps, steps({0, 1, 2, 3, 4, 5}));
    QCOMPARE(loss->values, (std::vector<double>{4.0, 3.5, 3.0, 2.5, 2.0, 1.5}));
    QCOMPARE(loss->wallTime,
             (std::vector<double>{kT0 + 1, kT0 + 2, kT0 + 3, kT0 + 4, kT0 + 5, kT0 + 6}));
    const Series* lr = run.find(QStringLiteral("lr"));
    QVERIFY(lr);
    QCOMPARE(lr->steps, steps({0, 1, 2, 3, 4, 5}));
    for (std::size_t s = 0; s < 6; ++s) QCOMPARE(lr->values[s], double(s + 1) / 1024.0);
    const Series* grad = run.find(QStringLiteral("grad_norm"));
    QVERIFY(grad);
    QCOMPARE(grad->steps, steps({0, 1, 2, 3, 4}));
    QCOMPARE(grad->values[0], 1.5);
    QVERIFY(std::isnan(grad->values[1]));
    QCOMPARE(grad->values[2], std::numeric_limits<double>::infinity());
    QCOMPARE(grad->values[3], 0.75);
    QCOMPARE(grad->values[4], -std::numeric_limits<double>::infinity());
    // the wording is RunBuilder's (shared by all readers); check what it must name
    QCOMPARE(run.warnings.size(), 1);
    for (const char* part :
         {"simple/events.out.tfevents.1700000000.host", "'grad_norm'", "1 NaN", "2 inf"})
      QVERIFY2(run.warnings.front().contains(QLatin1String(part)),
               qPrintable(run.warnings.front()));
  }

  void tf2TensorScalars() {
    const auto runs = load(fixture(QStringLiteral("tf2/events.out.tfevents.1700000000.host.v2")));
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QStringList names;
    for (const Series& s : run.series) names << s.name;
    // text, a [2,3] histogram tensor and the hparams plugin's scalars are not scalar series
    QCOMPARE(names, (QStringList{"loss", "val/loss", "acc", "lr", "tokens", "half", "bf16"}));
    const auto check = [&](const char* name, std::vector<std::int64_t> st, std::vector<double> v) {
      const Series* s = run.find(QString::fromLatin1(name));
      QVERIFY(s);
      QCOMPARE(s->steps, st);
      QCOMPARE(s->values, v);
    };
    check("loss", {1, 2}, {1.25, 1.0});      // tensor_content DT_FLOAT
    check("val/loss", {1, 2}, {0.1, 0.05});  // double_val packed, then unpacked: exact doubles
    check("acc", {3, 4}, {0.5, 0.75});       // float_val packed, then unpacked
    check("lr", {1}, {3e-4});                // tensor_content DT_DOUBLE
    check("tokens", {5}, {123456789012.0});  // int64_val
    check("half", {6}, {1.0});               // half_val 0x3C00
    check("bf16", {6}, {1.5});               // half_val 0x3FC0 as bfloat16
    QCOMPARE(run.find(QStringLiteral("val/loss"))->wallTime,
             (std::vector<double>{kT0 + 1, kT0 + 2}));
  }

  void restartAcrossFilesLaterPointsWin() {
    const auto runs = load(fixture(QStringLiteral("restart")));
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->size(), std::size_t(1));
    const Run& run = runs->front();
    const Series* loss = run.find(QStringLiteral("loss"));
    QVERIFY(loss);
    QCOMPARE(loss->steps, steps({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    QCOMPARE(loss->values, (std::vector<double>{10, 9, 8, 7, 6, 105, 106, 107, 108, 209}));
    QCOMPARE(loss->wallTime.back(), kT0 + 200);
    QCOMPARE(loss->restarts, 1);
    QCOMPARE(loss->replacedPoints, std::int64_t(6));
    // reported by RunBuilder (its wording): the restart's steps, and the repeated step
    QVERIFY2(anyContains(run.warnings, QStringLiteral("from 9 to 5")),
             qPrintable(run.warnings.join('\n')));
    QVERIFY(anyContains(run.warnings, QStringLiteral("repeated step")));
  }

  void folderOfRunsIsATreeLikeTensorBoard() {
    const auto runs = load(fixture(QStringLiteral("runs")));
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->size(), std::size_t(2));  // notes.txt ignored
    QCOMPARE((*runs)[0].name, QStringLiteral("run_a"));
    QCOMPARE((*runs)[0].find(QStringLiteral("loss"))->values, (std::vector<double>{3, 2, 1}));
    QCOMPARE((*runs)[1].name, QStringLiteral("run_b/train"));
    QCOMPARE((*runs)[1].find(QStringLiteral("loss"))->steps, steps({0, 10, 20, 30}));
    QVERIFY((*runs)[1].source.endsWith(QStringLiteral("runs/run_b/train")));
  }

  void collidingTagNamesAndNegativeSteps() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.out.tfevents.1.x"));
    QVERIFY(writeFile(path, tfe::record(tfe::fileVersionEvent(kT0)) +
                                tfe::record(tfe::event(-1, kT0,
                                                       {tfe::simpleValue("train/loss", 1.0f),
                                                        tfe::simpleValue("loss", 2.0f),
                                                        tfe::simpleValue("Loss", 3.0f)}))));
    const auto runs = load(path);
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(run.series.size(), std::size_t(3));
    QCOMPARE(run.series[0].name, QStringLiteral("loss"));
    QCOMPARE(run.series[0].key, QStringLiteral("train/loss"));
    QCOMPARE(run.series[1].name, QStringLiteral("loss (2)"));
    QCOMPARE(run.series[2].name, QStringLiteral("Loss"));
    QCOMPARE(run.series[2].values, std::vector<double>{3.0});
    QCOMPARE(run.series[0].steps, steps({-1}));
  }

  void badInput_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("lossPoints");
    // clang-format off
    QTest::newRow("empty") << "bad/empty/events.out.tfevents.empty" << false
        << "events.out.tfevents.empty: empty file (0 bytes)" << 0;
    QTest::newRow("binary garbage") << "bad/garbage/events.out.tfevents.garbage" << false
        << "events.out.tfevents.garbage: record 1 at byte 0: length CRC mismatch (stored 0x" << 0;
    QTest::newRow("truncated last record") << "bad/truncated/events.out.tfevents.truncated" << true
        << "events.out.tfevents.truncated: record 3 at byte 82: the file ends inside this record (its "
           "length field says 46 data bytes, 36 are left): truncated, or still being written; "
           "reading of this file stopped, the 2 record(s) before it kept" << 1;
    QTest::newRow("wrong length CRC") << "bad/length_crc/events.out.tfevents.length_crc" << true
        << "record 3 at byte 82: length CRC mismatch (stored 0xfa57cbc4, computed 0xfa57cbc5); "
           "reading of this file stopped, the 2 record(s) before it kept" << 1;
    QTest::newRow("wrong data CRC") << "bad/data_crc/events.out.tfevents.data_crc" << true
        << "record 3 at byte 82: data CRC mismatch over 46 bytes (stored 0x10a7099e" << 1;
    QTest::newRow("huge length field") << "bad/huge_length/events.out.tfevents.huge_length" << true
        << "record 3 at byte 82: the file ends inside this record (its length field says "
           "9223372036854775807 data bytes, 28 are left)" << 1;
    QTest::newRow("garbage protobuf") << "bad/garbage_protobuf/events.out.tfevents.garbage_protobuf"
        << true << "record 2 at byte 40: Event: malformed at byte 10: varint longer than 10 bytes; "
                   "event skipped" << 1;
    QTest::newRow("wrong wire type") << "bad/wire_types/events.out.tfevents.wire_types" << true
        << "record 2 at byte 40: Event.step (field 2): wire type length-delimited, expected varint; "
           "event skipped" << 1;
    QTest::newRow("wrong nested wire type") << "bad/wire_types/events.out.tfevents.wire_types" << true
        << "record 3 at byte 83: Event.summary.value[0].tensor.dtype (field 1): wire type 32-bit, "
           "expected varint; event skipped" << 1;
    // clang-format on
  }

  void badInput() {
    QFETCH(QString, file);
    QFETCH(bool, ok);
    QFETCH(QString, message);
    QFETCH(int, lossPoints);
    const auto runs = load(fixture(file));
    QCOMPARE(runs.ok(), ok);
    if (!ok) {
      QVERIFY2(runs.error().contains(message), qPrintable(runs.error()));
      QVERIFY(runs.error().contains(fixture(file)));
      return;
    }
    const Run& run = runs->front();
    QVERIFY2(anyContains(run.warnings, message), qPrintable(run.warnings.join('\n')));
    QVERIFY(anyContains(run.warnings, fixture(file)));
    const Series* loss = run.find(QStringLiteral("loss"));
    QVERIFY(loss);
    QCOMPARE(int(loss->size()), lossPoints);
    QCOMPARE(loss->values.front(), 2.5);  // the good record 2 of the doc example
  }

  void manyBadEventsAreSummarised() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.out.tfevents.1.x"));
    QByteArray bytes = tfe::record(tfe::event(1, kT0, {tfe::simpleValue("loss", 1.0f)}));
    for (int i = 0; i < 12; ++i) bytes += tfe::record(tfe::fieldBytes(2, "x"));  // step as bytes
    QVERIFY(writeFile(path, bytes));
    const auto runs = load(path);
    QVERIFY(runs.ok());
    const QStringList& w = runs->front().warnings;
    QCOMPARE(w.size(), 6);
    QVERIFY2(w.last().endsWith(QStringLiteral(": 7 more undecodable events skipped")),
             qPrintable(w.last()));
  }

  void folderWithOneBadFileKeepsTheGoodOne() {
    QTemporaryDir dir;
    QVERIFY(writeFile(
        dir.filePath(QStringLiteral("events.out.tfevents.1.a")),
        readAll(fixture(QStringLiteral("doc_example/events.out.tfevents.1700000000.doc")))));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("events.out.tfevents.2.b")),
                      readAll(fixture(QStringLiteral("bad/garbage/events.out.tfevents.garbage")))));
    const auto runs = load(dir.path());
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->front().find(QStringLiteral("loss"))->size(), std::size_t(2));
    QVERIFY(
        anyContains(runs->front().warnings, QStringLiteral("events.out.tfevents.2.b: record 1 at "
                                                           "byte 0: length CRC mismatch")));
  }

  void missingPathsAndFoldersWithoutEvents() {
    QTemporaryDir dir;
    auto runs = load(dir.filePath(QStringLiteral("nope")));
    QVERIFY(!runs.ok());
    QVERIFY2(runs.error().endsWith(QStringLiteral("nope: no such file or folder")),
             qPrintable(runs.error()));
    runs = load(dir.path());
    QVERIFY(!runs.ok());
    QVERIFY2(runs.error().contains(QStringLiteral("no TensorBoard event files")),
             qPrintable(runs.error()));
  }

  void progressAndCancel() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.out.tfevents.1.big"));
    QByteArray bytes = tfe::record(tfe::fileVersionEvent(kT0));
    for (int s = 0; s < 80000; ++s)
      bytes += tfe::record(tfe::event(s, kT0 + s, {tfe::simpleValue("loss", float(s))}));
    QVERIFY(bytes.size() > 3 << 20);
    QVERIFY(writeFile(path, bytes));

    std::vector<double> reported;
    Progress progress;
    progress.report = [&](double f) { reported.push_back(f); };
    const auto runs = load(path, progress);
    QVERIFY(runs.ok());
    QCOMPARE(runs->front().find(QStringLiteral("loss"))->size(), std::size_t(80000));
    QVERIFY(reported.size() >= 3);
    QVERIFY(std::is_sorted(reported.begin(), reported.end()));
    QVERIFY(reported.front() > 0.0);
    QCOMPARE(reported.back(), 1.0);

    CancelToken token;
    Progress cancelling;
    cancelling.cancel = &token;
    cancelling.report = [&](double f) {
      if (f > 0.3) token.cancel();
    };
    const auto cancelled = load(path, cancelling);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error(), kCancelledMessage);
  }

  void canReadByNameFolderAndContent() {
    const TensorBoardReader reader;
    const QByteArray doc =
        readAll(fixture(QStringLiteral("doc_example/events.out.tfevents.1700000000.doc")));
    QCOMPARE(reader.canRead(QStringLiteral("/x/events.out.tfevents.123.host"), {}), 1.0);
    QCOMPARE(reader.canRead(QStringLiteral("/x/renamed.bin"), doc), 0.8);
    QCOMPARE(reader.canRead(QStringLiteral("/x/renamed.bin"), doc.left(11)), 0.0);
    QCOMPARE(reader.canRead(QStringLiteral("/x/metrics.csv"), "step,loss\n0,1.5\n"), 0.0);
    QCOMPARE(reader.canRead(fixture(QStringLiteral("runs/run_a")), {}), 0.9);
    QCOMPARE(reader.canRead(fixture(QStringLiteral("runs")), {}), 0.0);  // walked, run by run
  }

  void registryDetectsAndReadsTensorBoard() {
    QCOMPARE(detectLogFormat(fixture(QStringLiteral("simple/events.out.tfevents.1700000000.host"))),
             QStringLiteral("tensorboard"));
    // a folder of runs is walked by the registry; each run folder is claimed by the reader
    const LoadedLogs logs = readLogs({fixture(QStringLiteral("runs"))});
    QVERIFY2(logs.errors.isEmpty(), qPrintable(logs.errors.join('\n')));
    QCOMPARE(logs.runs.size(), std::size_t(2));
    QCOMPARE(logs.runs[0].name, QStringLiteral("run_a"));
    QCOMPARE(logs.runs[1].name, QStringLiteral("train"));
    QCOMPARE(logs.runs[1].format, QStringLiteral("tensorboard"));
  }
};

QTEST_GUILESS_MAIN(TestTensorBoardReader)
#include "test_tensorboard_reader.moc"
