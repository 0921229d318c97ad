// Synthetic recovery: for every law, curves generated from known parameters plus noise are fitted
// back from several starting points (data-seeded multi-start and explicit starts).
#include <QtTest>
#include <cmath>
#include <numbers>
#include <random>

#include "fit/fitter.h"
#include "law/law_registry.h"
#include "lrscope_test.h"

using namespace lrscope;
using lrscope::test::closeTo;

namespace {

// Warmup W then a shape: "constant", "cosine" (to 10%), "two-stage" (drop to `low` at 40%),
// "wsd" (linear decay over the last 20%), "rewarm" (PT cosine to 10%, then re-warm to 2 low).
std::vector<double> schedule(const QString& shape, int total, int warmup, double peak,
                             double low = 0.3) {
  std::vector<double> lr(total);
  for (int n = 0; n < total; ++n) {
    const double p = double(n - warmup) / (total - warmup);
    double f = 1.0;
    if (shape == QLatin1String("cosine"))
      f = 0.1 + 0.9 * 0.5 * (1 + std::cos(std::numbers::pi * p));
    if (shape == QLatin1String("two-stage")) f = p < 0.4 ? 1.0 : low;
    if (shape == QLatin1String("wsd")) f = p < 0.8 ? 1.0 : 1.0 - (p - 0.8) / 0.2 * 0.95;
    if (shape == QLatin1String("rewarm"))
      f = n < total / 2 ? 0.1 + 0.9 * 0.5 * (1 + std::cos(std::numbers::pi * n / (total / 2.0)))
                        : std::min(2 * low, 0.1 + (2 * low - 0.1) * (n - total / 2) / 200.0);
    lr[n] = n < warmup ? peak * n / std::max(warmup - 1, 1) : peak * f;
  }
  return lr;
}

// Runs with losses from the law at `truth`, times (1 + noise * N(0,1)), every `every` steps.
std::vector<FitRun> synthesize(const LossLaw& law, const std::vector<double>& truth,
                               const QStringList& shapes, int total, int warmup, double noise,
                               int every = 100) {
  std::mt19937 random(12345);
  std::normal_distribution<double> gauss;
  std::vector<FitRun> runs;
  for (const QString& shape : shapes) {
    FitRun run;
    run.name = shape;
    const double low = shape.endsWith(QLatin1String("2")) ? 0.1 : 0.3;
    run.schedule = {
        std::make_shared<PerStepLr>(schedule(shape.section(':', 0, 0), total, warmup, 3e-4, low)),
        warmup};
    for (int s = warmup + every - 1; s < total; s += every) run.steps.push_back(s);
    run.loss = law.predictAt(run.schedule, run.steps, truth).value();
    for (double& y : run.loss) y *= 1 + noise * gauss(random);
    runs.push_back(run);
  }
  return runs;
}

struct Case {
  QString law;
  QJsonObject options;
  std::vector<double> truth;
  QStringList shapes;
  std::vector<std::pair<QString, double>> fixed;
  QStringList recovered;  // parameters checked against the truth (the rest are weakly identified)
  double tolerance;       // relative, on the recovered parameters
};

}  // namespace

class TestFitSynthetic : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void recoversParameters_data() {
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(cases().size()); ++i) QTest::newRow(qPrintable(cases()[i].law)) << i;
  }
  void recoversParameters() {
    QFETCH(int, index);
    const Case& c = cases()[index];
    const auto law = createLossLaw(c.law, c.options);
    QVERIFY(law.ok());
    const auto runs = synthesize(**law, c.truth, c.shapes, 8000, 200, 2e-4);
    // Several starting points: the data-seeded multi-start, and the truth scaled by 0.8 and 1.25.
    for (double scale : {0.0, 0.8, 1.25}) {
      FitOptions options;
      options.priorStrength = 0.0;  // recovery is a test of the minimiser itself
      options.fixed = c.fixed;
      if (scale > 0) {
        options.multiStart = false;
        for (int j = 0; j < (*law)->parameterCount(); ++j)  // laws' held parameters stay true
          options.initial.push_back(
              {(*law)->parameters()[j].name,
               c.truth[j] * ((*law)->parameters()[j].fittedByDefault ? scale : 1.0)});
      }
      const FitResult fit = fitLaw(**law, runs, options);
      QVERIFY2(fit.status == FitStatus::Converged, qPrintable(fit.message));
      for (const QString& name : c.recovered) {
        const int j = (*law)->parameterIndex(name);
        QVERIFY2(closeTo(fit.parameters[j].value, c.truth[j], c.tolerance),
                 qPrintable(QStringLiteral("start x%1: %2 = %3, truth %4 (+- %5)")
                                .arg(scale)
                                .arg(name)
                                .arg(fit.parameters[j].value)
                                .arg(c.truth[j])
                                .arg(fit.parameters[j].standardError)));
      }
      // The fit reproduces the noiseless curves to well below the noise (2e-4 relative).
      for (const RunFit& run : fit.runs) QVERIFY2(run.metrics.prede < 4e-4, qPrintable(run.name));
    }
  }

 private:
  static const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        {"mpl",
         {},
         {2.5, 0.6, 0.45, 450, 2.0, 0.6, 0.65},
         {"constant", "cosine", "two-stage", "two-stage:2"},
         {},
         {"L0", "A", "alpha", "B", "beta"},
         0.1},
        {"mpl",
         {{"convention", "reference"}},
         {2.4, 0.6, 0.45, 450, 2.0, 0.6, 0.65},
         {"constant", "cosine", "two-stage", "wsd"},
         {},
         {"L0", "A", "alpha", "B"},
         0.1},
        {"momentum",
         {},
         {2.6, 0.45, 0.55, 0.4, 0.999},
         {"constant", "cosine", "wsd"},
         {},
         {"L0", "A", "alpha", "C"},
         0.05},
        {"power-area", {}, {2.6, 0.5, 0.5}, {"constant", "cosine"}, {}, {"L0", "A", "alpha"}, 0.05},
        {"power-steps", {}, {2.6, 8.0, 0.4}, {"constant"}, {}, {"L0", "A", "alpha"}, 0.05},
        {"convex-bound",
         {},
         {1.2, 0, 0, 0, 0, 20.0, 2.5, 1.0},
         {"constant", "cosine", "wsd"},
         {{"G1", 0}, {"G2", 0}, {"A1", 0}, {"A2", 0}},
         {"D", "B", "C"},
         0.1},
        {"cpt",
         {{"cpt_start", 4000}},
         {2.6, 0.45, 0.55, 0.4, 0.999, 0.08, 20.0, 0.7},
         {"rewarm", "rewarm:2", "constant"},
         {},
         {"L0", "A", "alpha", "C", "B"},
         0.15},
    };
    return all;
  }
};

QTEST_GUILESS_MAIN(TestFitSynthetic)
#include "test_fit_synthetic.moc"
