// Synthetic runs and the bundled demo: noiseless runs equal the law's prediction, noise has the
// requested size and is reproducible, the demo holds four well-formed runs.
#include <QtTest>
#include <cmath>

#include "law/law_registry.h"
#include "lrscope_test.h"
#include "sim/demo_runs.h"
#include "sim/synthetic_run.h"

using namespace lrscope;

namespace {

SyntheticRunSpec constantSpec(double noise, std::uint64_t seed) {
  const Schedule s =
      *Schedule::fromJson({{"family", "constant"}, {"total_steps", 5000}, {"peak_lr", 1e-3}});
  return {"c", s, *createLossLaw("power-area"), {2.0, 0.5, 0.5}, 0, 100, 0, noise, seed};
}

}  // namespace

class TestSyntheticRun : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void noiselessRunIsTheClosedForm() {
    // power-area: L0 + A * (lr * (s + 1))^-alpha for a constant LR without warmup.
    Result<Run> run = makeSyntheticRun(constantSpec(0.0, 1));
    QVERIFY2(run.ok(), qPrintable(run.error()));
    const Series* loss = run->find("loss");
    QVERIFY(loss);
    QCOMPARE(loss->size(), std::size_t(50));
    QCOMPARE(loss->steps[3], 300);
    for (std::size_t i = 0; i < loss->size(); ++i) {
      const double expected = 2.0 + 0.5 * std::pow(1e-3 * double(loss->steps[i] + 1), -0.5);
      QVERIFY(test::closeTo(loss->values[i], expected, 1e-12));
    }
    QCOMPARE(run->find("lr")->size(), std::size_t(5000));
  }

  void noiseIsReproducibleAndOfTheRequestedSize() {
    const Run clean = *makeSyntheticRun(constantSpec(0.0, 1));
    const Run a = *makeSyntheticRun(constantSpec(0.01, 7));
    const Run b = *makeSyntheticRun(constantSpec(0.01, 7));
    QVERIFY(a.find("loss")->values == b.find("loss")->values);
    double sum2 = 0;
    const auto& y = a.find("loss")->values;
    const auto& y0 = clean.find("loss")->values;
    for (std::size_t i = 0; i < y.size(); ++i) sum2 += std::pow(y[i] / y0[i] - 1.0, 2);
    const double rms = std::sqrt(sum2 / double(y.size()));
    QVERIFY2(rms > 0.006 && rms < 0.014,
             qPrintable(QString::number(rms)));  // 1 % +- sampling error
  }

  void badSpecsAreErrors() {
    SyntheticRunSpec spec = constantSpec(0.0, 1);
    spec.evalEvery = 0;
    QVERIFY(!makeSyntheticRun(spec).ok());
    spec = constantSpec(0.0, 1);
    spec.parameters = {1.0};
    QVERIFY(!makeSyntheticRun(spec).ok());
  }

  void demoHasFourRunsFromTheWarmupEnd() {
    const std::vector<DemoRun> demo = demoRuns();
    QCOMPARE(demo.size(), std::size_t(4));
    for (const DemoRun& d : demo) {
      const Series* loss = d.run.find("loss");
      QVERIFY(loss);
      QCOMPARE(loss->steps.front(), 2160);
      QCOMPARE(loss->steps.back(), 2160 + 170 * 128);  // 23920, the last logged step < 24000
      QCOMPARE(d.schedule.totalSteps(), 24000);
      for (double v : loss->values) QVERIFY(v > 2.5 && v < 4.0);
    }
    // Decay makes the loss drop: the cosine run ends below the constant run.
    QVERIFY(demo[0].run.find("loss")->values.back() <
            demo[1].run.find("loss")->values.back() - 0.05);
  }
};

QTEST_APPLESS_MAIN(TestSyntheticRun)
#include "test_synthetic_run.moc"
