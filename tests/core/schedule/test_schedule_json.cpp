// The schedule file format: round trip of every family's example, and malformed documents rejected
// with a message naming the JSON path and the problem.
#include <QtTest>

#include "lrscope_test.h"
#include "schedule/schedule_document.h"
#include "schedule/schedule_registry.h"

using namespace lrscope;

class TestScheduleJson : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void everyFamilyHasAnExampleThatRoundTrips_data() {
    QTest::addColumn<QString>("family");
    for (const ScheduleFamily& f : scheduleFamilies()) QTest::newRow(qPrintable(f.name)) << f.name;
  }
  void everyFamilyHasAnExampleThatRoundTrips() {
    QFETCH(QString, family);
    const QString path = test::resourcePath(QStringLiteral("schedules/%1.json").arg(family));
    Result<ScheduleDocument> doc = readScheduleFile(path);
    QVERIFY2(doc.ok(), qPrintable(doc.error()));
    QCOMPARE(doc->schedule.family(), family);
    // Write and read back: identical parameters and identical samples, bit for bit.
    const QByteArray written = writeScheduleDocument(doc->schedule, doc->name);
    Result<ScheduleDocument> again = parseScheduleDocument(written, QStringLiteral("round-trip"));
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QVERIFY(again->schedule == doc->schedule);
    QCOMPARE(again->name, doc->name);
    QCOMPARE(again->schedule.totalSteps(), doc->schedule.totalSteps());
    const std::vector<double> a = doc->schedule.sample();
    const std::vector<double> b = again->schedule.sample();
    QVERIFY(a == b);
    QCOMPARE(writeScheduleDocument(again->schedule, again->name), written);
    // The example documents are stored normalised (all defaults written out).
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value("schedule").toObject(),
             doc->schedule.toJson());
  }

  void doublesRoundTripExactly() {
    const QJsonObject o{{"family", "constant"}, {"total_steps", 10}, {"peak_lr", 0.1 + 0.2}};
    Result<Schedule> s = Schedule::fromJson(o);
    QVERIFY(s.ok());
    Result<ScheduleDocument> back = parseScheduleDocument(writeScheduleDocument(*s), "x");
    QVERIFY(back.ok());
    QCOMPARE(back->schedule.lr(5), 0.1 + 0.2);
  }

  void malformedDocuments_data();
  void malformedDocuments() {
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    Result<ScheduleDocument> doc = parseScheduleDocument(json, QStringLiteral("doc.json"));
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().contains(message), qPrintable(QStringLiteral("got: ") + doc.error()));
  }

  void binaryGarbageIsRejected() {
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i) garbage.append(char((i * 7919) % 256));
    QVERIFY(!parseScheduleDocument(garbage, "g.json").ok());
    const QByteArray utf16 = QByteArray("\xff\xfe{\0\"\0", 6);
    Result<ScheduleDocument> doc = parseScheduleDocument(utf16, "u.json");
    QVERIFY(!doc.ok());
    QVERIFY(doc.error().startsWith("u.json: line 1, column"));
  }

  void missingFileNamesThePath() {
    Result<ScheduleDocument> doc = readScheduleFile(QStringLiteral("/nonexistent/s.json"));
    QVERIFY(!doc.ok());
    QVERIFY(doc.error().startsWith("/nonexistent/s.json: cannot open"));
  }
};

void TestScheduleJson::malformedDocuments_data() {
  QTest::addColumn<QByteArray>("json");
  QTest::addColumn<QString>("message");
  const QByteArray head = R"({"format":"lrscope-schedule","version":1,"schedule":)";
  auto doc = [&](const char* schedule) { return head + schedule + "}"; };
  QTest::newRow("empty") << QByteArray("") << "doc.json: the file is empty";
  QTest::newRow("whitespace") << QByteArray(" \n\t") << "doc.json: the file is empty";
  QTest::newRow("truncated") << QByteArray(R"({"format":"lrscope-schedule","version":1,"sch)")
                             << "doc.json: line 1, column";
  QTest::newRow("syntax on line 3")
      << QByteArray("{\n\"format\": \"lrscope-schedule\",\n\"version\" 1}")
      << "doc.json: line 3, column 12: invalid JSON (missing name separator)";
  QTest::newRow("not an object") << QByteArray("[1,2]") << "doc.json: $: expected a JSON object";
  QTest::newRow("wrong format") << QByteArray(R"({"format":"other","version":1})")
                                << "doc.json: $.format: expected \"lrscope-schedule\"";
  QTest::newRow("future version") << QByteArray(R"({"format":"lrscope-schedule","version":2})")
                                  << "doc.json: $.version: expected 1";
  QTest::newRow("name not string")
      << QByteArray(R"({"format":"lrscope-schedule","version":1,"name":3})")
      << "doc.json: $.name: expected a string";
  QTest::newRow("no schedule") << QByteArray(R"({"format":"lrscope-schedule","version":1})")
                               << "doc.json: $.schedule: expected an object";
  QTest::newRow("missing family") << doc(R"({"total_steps":10})")
                                  << "doc.json: $.schedule.family: missing";
  QTest::newRow("family not string")
      << doc(R"({"family":5})") << "doc.json: $.schedule.family: expected a string, got a number";
  QTest::newRow("unknown family") << doc(R"({"family":"banana"})")
                                  << "doc.json: $.schedule.family: unknown family 'banana'";
  QTest::newRow("missing key") << doc(R"({"family":"cosine"})")
                               << "doc.json: $.schedule.total_steps: missing (required)";
  QTest::newRow("wrong type") << doc(R"({"family":"cosine","total_steps":100,"peak_lr":"big"})")
                              << "doc.json: $.schedule.peak_lr: expected a number, got a string";
  QTest::newRow("fractional steps")
      << doc(R"({"family":"cosine","total_steps":100.5})")
      << "doc.json: $.schedule.total_steps: expected an integer, got 100.5";
  QTest::newRow("negative steps") << doc(R"({"family":"cosine","total_steps":-5})")
                                  << "doc.json: $.schedule.total_steps: must be >= 1, got -5";
  QTest::newRow("negative warmup")
      << doc(R"({"family":"cosine","total_steps":100,"warmup_steps":-1})")
      << "doc.json: $.schedule.warmup_steps: must be >= 0, got -1";
  QTest::newRow("huge steps")
      << doc(R"({"family":"constant","total_steps":1e300})")
      << "doc.json: $.schedule.total_steps: expected an integer, got 1.0000000000000001e+300";
  QTest::newRow("too many steps")
      << doc(R"({"family":"constant","total_steps":1000000000000})")
      << "doc.json: $.schedule: the schedule must have between 1 and 100000000 steps";
  QTest::newRow("peak below min")
      << doc(R"({"family":"cosine","total_steps":100,"peak_lr":1e-4,"min_lr":1e-3})")
      << "doc.json: $.schedule.min_lr: min_lr (0.001) is above peak_lr (0.0001)";
  QTest::newRow("negative lr") << doc(R"({"family":"constant","total_steps":100,"peak_lr":-1})")
                               << "doc.json: $.schedule.peak_lr: must be >= 0, got -1";
  QTest::newRow("warmup too long")
      << doc(R"({"family":"cosine","total_steps":100,"warmup_steps":100})")
      << "doc.json: $.schedule.warmup_steps: must be shorter than total_steps (100), got 100";
  QTest::newRow("unknown key")
      << doc(R"({"family":"constant","total_steps":10,"peak":1})")
      << "doc.json: $.schedule.peak: unknown parameter for family 'constant'";
  QTest::newRow("bad choice")
      << doc(R"({"family":"wsd","total_steps":10,"decay_shape":"wiggly"})")
      << "doc.json: $.schedule.decay_shape: unknown value 'wiggly' (expected one of: linear";
  QTest::newRow("both decay lengths")
      << doc(R"({"family":"wsd","total_steps":10,"decay_steps":2,"decay_fraction":0.2})")
      << "doc.json: $.schedule.decay_fraction: give decay_steps or decay_fraction, not both";
  QTest::newRow("exponential needs floor")
      << doc(R"({"family":"wsd","total_steps":10,"decay_shape":"exponential"})")
      << "doc.json: $.schedule.min_lr: must be > 0 for the exponential decay shape";
  QTest::newRow("points not pairs") << doc(R"({"family":"piecewise_linear","points":[[0,1],[5]]})")
                                    << "doc.json: $.schedule.points[1]: expected a [step, lr] pair";
  QTest::newRow("points not increasing")
      << doc(R"({"family":"piecewise_linear","points":[[0,1],[0,2]]})")
      << "doc.json: $.schedule.points[1]: steps must increase";
  QTest::newRow("point lr string")
      << doc(R"({"family":"piecewise_linear","points":[[0,"x"]]})")
      << "doc.json: $.schedule.points[0][1]: expected a number, got a string";
  QTest::newRow("empty values") << doc(R"({"family":"sampled","values":[]})")
                                << "doc.json: $.schedule.values: needs at least one value";
  QTest::newRow("null in values") << doc(R"({"family":"sampled","values":[1e-3,null]})")
                                  << "doc.json: $.schedule.values[1]: expected a number, got null";
  QTest::newRow("phases empty") << doc(R"({"family":"sequence","phases":[]})")
                                << "doc.json: $.schedule.phases: needs at least one phase";
  QTest::newRow("bad nested phase")
      << doc(R"({"family":"sequence","phases":[{"family":"constant","total_steps":5},{"family":"cosine","total_steps":"x"}]})")
      << "doc.json: $.schedule.phases[1].total_steps: expected an integer, got a string";
  QTest::newRow("phase not object")
      << doc(R"({"family":"sequence","phases":[3]})")
      << "doc.json: $.schedule.phases[0]: expected a schedule object, got a number";
}

QTEST_APPLESS_MAIN(TestScheduleJson)
#include "test_schedule_json.moc"
