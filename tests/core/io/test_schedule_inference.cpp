// Inferring the schedule family and parameters from logged LR samples: logs generated from known
// schedules (parameters recovered within the stated tolerance), a noisy log, the real LR columns
// of mpl-luo2025 (whose schedules the README gives), and bad input.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>

#include "io/csv_reader.h"
#include "io/schedule_inference.h"
#include "lrscope_test.h"

using namespace lrscope;

namespace {

Schedule make(const QJsonObject& json) {
  Result<Schedule> s = Schedule::fromJson(json);
  if (!s.ok()) qFatal("bad test schedule: %s", qPrintable(s.error()));
  return std::move(s).value();
}

Series logged(const Schedule& schedule, std::int64_t every, std::int64_t last, double noise = 0.0) {
  Series s;
  s.name = "lr";
  std::uint64_t state = 42;
  for (std::int64_t n = 0; n <= last; n += every) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const double u = static_cast<double>(state >> 11) / 9007199254740992.0 - 0.5;  // [-0.5, 0.5)
    s.steps.push_back(n);
    s.values.push_back(schedule.lr(n) * (1.0 + 2.0 * noise * u));
  }
  return s;
}

double number(const ScheduleFit& fit, const char* key) {
  return fit.schedule.toJson().value(key).toDouble();
}

}  // namespace

class TestScheduleInference : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // Exact samples: the integer parameters come back exactly, the LRs to rounding.
  void recoversGeneratedSchedules_data() {
    QTest::addColumn<QJsonObject>("truth");
    QTest::addColumn<int>("every");
    QTest::addColumn<bool>("giveTotal");
    QTest::newRow("cosine, N found from the curvature") << QJsonObject{{"family", "cosine"},
                                                                       {"total_steps", 10000},
                                                                       {"peak_lr", 3e-4},
                                                                       {"min_lr", 3e-5},
                                                                       {"warmup_steps", 500}}
                                                        << 50 << false;
    QTest::newRow("linear to zero") << QJsonObject{{"family", "linear"},
                                                   {"total_steps", 8000},
                                                   {"peak_lr", 1e-3},
                                                   {"warmup_steps", 400}}
                                    << 100 << true;
    QTest::newRow("constant after warmup") << QJsonObject{{"family", "constant"},
                                                          {"total_steps", 5000},
                                                          {"peak_lr", 6e-4},
                                                          {"warmup_steps", 1000}}
                                           << 100 << true;
    QTest::newRow("wsd 1-sqrt") << QJsonObject{{"family", "wsd"},        {"total_steps", 20000},
                                               {"peak_lr", 2e-3},        {"min_lr", 1e-5},
                                               {"warmup_steps", 1000},   {"decay_steps", 4000},
                                               {"decay_shape", "1-sqrt"}}
                                << 100 << true;
    QTest::newRow("wsd cosine, N searched")
        << QJsonObject{{"family", "wsd"},        {"total_steps", 12000}, {"peak_lr", 1e-3},
                       {"min_lr", 1e-4},         {"warmup_steps", 200},  {"decay_steps", 3000},
                       {"decay_shape", "cosine"}}
        << 50 << false;
    QTest::newRow("wsd exponential") << QJsonObject{{"family", "wsd"},
                                                    {"total_steps", 10000},
                                                    {"peak_lr", 1e-3},
                                                    {"min_lr", 1e-5},
                                                    {"warmup_steps", 300},
                                                    {"decay_steps", 2000},
                                                    {"decay_shape", "exponential"}}
                                     << 50 << true;
    QTest::newRow("multi_step (DeepSeek-like)")
        << QJsonObject{{"family", "multi_step"}, {"total_steps", 10000},
                       {"peak_lr", 4.2e-4},      {"milestones", QJsonArray{8000, 9000}},
                       {"gamma", 0.316},         {"warmup_steps", 2000}}
        << 100 << true;
  }

  void recoversGeneratedSchedules() {
    QFETCH(QJsonObject, truth);
    QFETCH(int, every);
    QFETCH(bool, giveTotal);
    const Schedule schedule = make(truth);
    const std::int64_t total = schedule.totalSteps();
    const Series lr = logged(schedule, every, total - 1);
    const auto fit = inferSchedule(lr, {giveTotal ? total : 0});
    QVERIFY2(fit.ok(), qPrintable(fit.error()));
    const QJsonObject found = fit->schedule.toJson();
    QCOMPARE(found.value("family"), truth.value("family"));
    for (const char* key :
         {"total_steps", "warmup_steps", "decay_steps", "decay_shape", "milestones"})
      if (truth.contains(key)) QVERIFY2(found.value(key) == make(truth).toJson().value(key), key);
    for (const char* key : {"peak_lr", "min_lr", "gamma"})
      if (truth.contains(key))
        QVERIFY2(
            test::closeTo(found.value(key).toDouble(), truth.value(key).toDouble(), 1e-9, 1e-15),
            key);
    QVERIFY2(fit->relativeRms < 1e-12, qPrintable(QString::number(fit->relativeRms)));
    QVERIFY(fit->maxError < 1e-12 * truth.value("peak_lr").toDouble());
    QCOMPARE(fit->candidates.front().rms, fit->rms);
  }

  // 0.1% multiplicative noise: the family and its parameters still come back (within 2%).
  void noisyCosine() {
    const Schedule truth = make({{"family", "cosine"},
                                 {"total_steps", 20000},
                                 {"peak_lr", 3e-4},
                                 {"min_lr", 3e-5},
                                 {"warmup_steps", 1000}});
    const auto fit = inferSchedule(logged(truth, 20, 19999, 0.001), {20000});
    QVERIFY2(fit.ok(), qPrintable(fit.error()));
    QCOMPARE(fit->schedule.family(), QStringLiteral("cosine"));
    QVERIFY(test::closeTo(number(*fit, "peak_lr"), 3e-4, 0.002));
    QVERIFY2(test::closeTo(number(*fit, "min_lr"), 3e-5, 0.02),
             qPrintable(QJsonDocument(fit->schedule.toJson()).toJson()));
    QVERIFY(std::abs(number(*fit, "warmup_steps") - 1000) <= 20);
    // The residual is the noise: uniform on +-0.1% of the LR, RMS about 0.058% of it.
    QVERIFY2(fit->relativeRms > 1e-4 && fit->relativeRms < 1e-3,
             qPrintable(QString::number(fit->relativeRms)));
  }

  // The README's schedules of the real runs (warmup not logged; total 24000 given).
  void realMplColumns_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QJsonObject>("expected");
    QTest::newRow("cosine_24000") << "csv_100/cosine_24000.csv"
                                  << QJsonObject{{"family", "cosine"},
                                                 {"warmup_steps", 2160},
                                                 {"peak_lr", 3e-4},
                                                 {"min_lr", 3e-5}};
    QTest::newRow("constant_24000")
        << "csv_400/constant_24000.csv" << QJsonObject{{"family", "constant"}, {"peak_lr", 3e-4}};
    QTest::newRow("wsd_20000_24000 (geometric)") << "csv_100/wsd_20000_24000.csv"
                                                 << QJsonObject{{"family", "wsd"},
                                                                {"decay_shape", "exponential"},
                                                                {"decay_steps", 4000},
                                                                {"peak_lr", 3e-4},
                                                                {"min_lr", 3e-5}};
    QTest::newRow("wsdld_20000_24000 (linear)") << "csv_25/wsdld_20000_24000.csv"
                                                << QJsonObject{{"family", "wsd"},
                                                               {"decay_shape", "linear"},
                                                               {"decay_steps", 4000},
                                                               {"peak_lr", 3e-4},
                                                               {"min_lr", 3e-5}};
    QTest::newRow("wsdcon_9 (two-stage)") << "csv_100/wsdcon_9.csv"
                                          << QJsonObject{{"family", "multi_step"},
                                                         {"milestones", QJsonArray{8000}},
                                                         {"gamma", 0.3},
                                                         {"peak_lr", 3e-4}};
  }

  void realMplColumns() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    QFETCH(QString, file);
    QFETCH(QJsonObject, expected);
    const auto runs = CsvReader().read(test::sharedDataPath("mpl-luo2025/" + file), {});
    QVERIFY(runs.ok());
    const auto fit = inferSchedule(*runs->front().find("lr"), {24000});
    QVERIFY2(fit.ok(), qPrintable(fit.error()));
    const QJsonObject found = fit->schedule.toJson();
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      if (it.value().isDouble())
        QVERIFY2(test::closeTo(found.value(it.key()).toDouble(), it.value().toDouble(), 1e-9),
                 qPrintable(it.key()));
      else
        QVERIFY2(found.value(it.key()) == it.value(), qPrintable(it.key()));
    }
    QVERIFY2(fit->relativeRms < 1e-12, qPrintable(QString::number(fit->relativeRms)));
  }

  // Without the total, the cosine's end is found from its shape.
  void realCosineWithoutTotal() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    const auto runs =
        CsvReader().read(test::sharedDataPath("mpl-luo2025/csv_400/cosine_72000.csv"), {});
    const auto fit = inferSchedule(*runs->front().find("lr"));
    QVERIFY2(fit.ok(), qPrintable(fit.error()));
    QCOMPARE(fit->schedule.family(), QStringLiteral("cosine"));
    QCOMPARE(number(*fit, "total_steps"), 72000.0);
    QCOMPARE(number(*fit, "warmup_steps"), 2160.0);
  }

  void badInput() {
    Series lr;
    lr.name = "lr";
    QVERIFY(!inferSchedule(lr).ok());
    lr.steps = {0, 1};
    lr.values = {std::nan(""), -HUGE_VAL};
    QCOMPARE(inferSchedule(lr).error(),
             QStringLiteral("series 'lr': no finite, non-negative value to infer a schedule from"));
    lr.steps = {7};
    lr.values = {2e-4};
    const auto one = inferSchedule(lr);
    QVERIFY(one.ok());
    QCOMPARE(one->schedule.family(), QStringLiteral("constant"));
    QCOMPARE(one->schedule.lr(7), 2e-4);
  }
};

QTEST_GUILESS_MAIN(TestScheduleInference)
#include "test_schedule_inference.moc"
