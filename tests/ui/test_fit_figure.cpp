// The fit figure (`lrscope fit --plot`): each run's predicted curve over its 95% prediction
// interval, drawn as a translucent band when the fit has one, and no band when it has none.
#include <qcustomplot.h>
#include <QtTest>
#include <cmath>
#include <random>

#include "fit/fitter.h"
#include "fit_figure.h"
#include "law/power_law_area.h"
#include "lrscope_test.h"

using namespace lrscope;

namespace {

// A power law in LR area with log-normal noise of sd 2e-3.
FitRun noisyRun() {
  const PowerLawArea law;
  FitRun run;
  run.name = QStringLiteral("run");
  run.schedule = {std::make_shared<PerStepLr>(std::vector<double>(5000, 1e-3)), 0};
  for (int s = 24; s < 5000; s += 25) run.steps.push_back(s);
  run.loss = law.predictAt(run.schedule, run.steps, {2.0, 1.5, 0.5}).value();
  std::mt19937 random(3);
  std::normal_distribution<double> gauss(0.0, 2e-3);
  for (double& y : run.loss) y *= std::exp(gauss(random));
  return run;
}

// The graph whose fill reaches down to another: the band's upper edge.
const QCPGraph* bandUpperEdge(QCustomPlot& plot) {
  for (int g = 0; g < plot.graphCount(); ++g)
    if (plot.graph(g)->channelFillGraph()) return plot.graph(g);
  return nullptr;
}

}  // namespace

class TestFitFigure : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // The band follows the dense predicted curve, half-width at least 1.96 s times the loss (the
  // residual scale's share; the parameter term only widens it), and is translucent.
  void predictedCurveOverItsInterval() {
    const PowerLawArea law;
    const std::vector<FitRun> runs = {noisyRun()};
    const FitResult fit = fitLaw(law, runs);
    QVERIFY(fit.status == FitStatus::Converged && fit.residualScale > 0);
    QCustomPlot plot;
    ui::drawFitFigure(&plot, law, fit, runs);
    const QCPGraph* upper = bandUpperEdge(plot);
    QVERIFY(upper);
    const QCPGraph* lower = upper->channelFillGraph();
    QVERIFY(upper->brush().color().alpha() < 255);
    QCOMPARE(upper->data()->size(), lower->data()->size());
    QVERIFY(upper->data()->size() > 1000);  // the dense curve's steps, not only the observed ones
    for (int i = 0; i < upper->data()->size(); i += 97) {
      const double step = upper->data()->at(i)->key;
      const double predicted =
          law.predictAt(runs[0].schedule, {std::int64_t(step)}, fit.values()).value()[0];
      const double half = upper->data()->at(i)->value - predicted;
      QVERIFY(test::closeTo(predicted - lower->data()->at(i)->value, half, 1e-9));
      QVERIFY(half >= 1.96 * fit.residualScale * predicted * (1 - 1e-9));
      QVERIFY(half < 2 * 1.96 * fit.residualScale * predicted);
    }
  }

  // Every parameter held: no covariance, so no band.
  void noBandWithoutCovariance() {
    const PowerLawArea law;
    const std::vector<FitRun> runs = {noisyRun()};
    FitOptions options;
    options.fixed = {{"L0", 2.0}, {"A", 1.5}, {"alpha", 0.5}};
    const FitResult fit = fitLaw(law, runs, options);
    QVERIFY(fit.runs[0].lower.empty());
    QCustomPlot plot;
    ui::drawFitFigure(&plot, law, fit, runs);
    QVERIFY(!bandUpperEdge(plot));
    QVERIFY(plot.graphCount() > 0);
  }
};

QTEST_MAIN(TestFitFigure)
#include "test_fit_figure.moc"
