// Runs in the GUI: logs read on a worker thread (progress, cancel, errors), the loss plot, the
// run list's visibility ticks, the linked step axes, and the generated demo.
#include <qcustomplot.h>
#include <QListWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "log_load_controller.h"
#include "loss_plot_view.h"
#include "lr_plot_view.h"
#include "lrscope_test.h"
#include "main_window.h"
#include "workspace.h"

using namespace lrscope::ui;

namespace {

QString writeCsv(const QTemporaryDir& dir, const QString& name, int rows) {
  QFile file(dir.filePath(name));
  if (!file.open(QIODevice::WriteOnly)) return {};
  QByteArray text = "step,lr,loss\n";
  for (int s = 0; s < rows; ++s)
    text += QByteArray::number(s) + ",0.001," +
            (s % 10 == 0 ? QByteArray::number(3.0 - s * 1e-6, 'g', 17) : QByteArray()) + "\n";
  file.write(text);
  return file.fileName();
}

}  // namespace

class TestRunsAndLossPlot : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void loadingALogShowsItsLoss() {
    QTemporaryDir dir;
    const QString path = writeCsv(dir, "run_a.csv", 1000);
    MainWindow window;
    QSignalSpy finished(window.logs(), &LogLoadController::finished);
    QVERIFY(window.logs()->load({path}));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toInt(), 1);
    QCOMPARE(window.workspace()->runs().size(), 1);
    QCustomPlot* plot = window.lossPlot()->plot();
    QCOMPARE(plot->graphCount(), 1);
    QCOMPARE(plot->graph(0)->dataCount(), 100);  // the loss is logged every 10 steps
    QCOMPARE(plot->graph(0)->data()->at(5)->key, 50.0);
    QCOMPARE(plot->graph(0)->data()->at(5)->value, 3.0 - 50e-6);
    // Its logged LR (every step) in the LR plot, in the run's colour.
    QCustomPlot* lrPlot = window.lrPlot()->plot();
    QCOMPARE(lrPlot->graphCount(), 1);
    QCOMPARE(lrPlot->graph(0)->name(), QStringLiteral("run_a · lr"));
    QCOMPARE(lrPlot->graph(0)->dataCount(), 1000);
    QCOMPARE(lrPlot->graph(0)->pen().color(), window.workspace()->runs()[0].color);
    // Untick the run: its curves leave both plots; tick it again: they are back.
    auto* list = window.findChild<QListWidget*>("runList");
    list->item(0)->setCheckState(Qt::Unchecked);
    QCOMPARE(plot->graphCount(), 0);
    QCOMPARE(lrPlot->graphCount(), 0);
    list->item(0)->setCheckState(Qt::Checked);
    QCOMPARE(plot->graphCount(), 1);
    QCOMPARE(lrPlot->graphCount(), 1);
  }

  void unreadablePathIsReportedAndNothingAdded() {
    MainWindow window;
    QSignalSpy finished(window.logs(), &LogLoadController::finished);
    QVERIFY(window.logs()->load({"/nonexistent/run.csv"}));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toInt(), 0);
    const QStringList errors = finished.first().at(1).toStringList();
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors[0].contains("/nonexistent/run.csv"), qPrintable(errors[0]));
    QCOMPARE(window.workspace()->runs().size(), 0);
  }

  void cancelStopsALongLoadWithoutAddingRuns() {
    QTemporaryDir dir;
    const QString path = writeCsv(dir, "big.csv", 3000000);
    MainWindow window;
    QSignalSpy finished(window.logs(), &LogLoadController::finished);
    QVERIFY(window.logs()->load({path}));
    QVERIFY(!window.logs()->load({path}));  // one load at a time
    window.logs()->cancel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(2).toBool(), true);
    QCOMPARE(window.workspace()->runs().size(), 0);
  }

  void demoShowsRunsAndSchedulesOnLinkedAxes() {
    MainWindow window;
    window.workspace()->loadDemo();
    QCOMPARE(window.workspace()->runs().size(), 4);
    QCOMPARE(window.lossPlot()->plot()->graphCount(), 4);
    QCOMPARE(window.lrPlot()->plot()->graphCount(), 4);
    // The cosine demo ends lower than the constant one: decay makes the loss drop.
    const auto* cosine = window.lossPlot()->plot()->graph(0)->data().data();
    const auto* constant = window.lossPlot()->plot()->graph(1)->data().data();
    QVERIFY((cosine->constEnd() - 1)->value < (constant->constEnd() - 1)->value - 0.05);
    window.lossPlot()->plot()->xAxis->setRange(5000, 9000);
    QCOMPARE(window.lrPlot()->plot()->xAxis->range().lower, 5000.0);
    QCOMPARE(window.lrPlot()->plot()->xAxis->range().upper, 9000.0);
    // Stacked, the two step axes start and end at the same pixel columns.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (QCustomPlot* plot : {window.lossPlot()->plot(), window.lrPlot()->plot()}) plot->replot();
    const QRect loss = window.lossPlot()->plot()->axisRect()->rect();
    const QRect lr = window.lrPlot()->plot()->axisRect()->rect();
    QCOMPARE(window.lossPlot()->plot()->mapTo(&window, loss.topLeft()).x(),
             window.lrPlot()->plot()->mapTo(&window, lr.topLeft()).x());
    QCOMPARE(loss.width(), lr.width());
  }
};

QTEST_MAIN(TestRunsAndLossPlot)
#include "test_runs_and_loss_plot.moc"
