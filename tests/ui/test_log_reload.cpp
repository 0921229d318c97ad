// Following logs as training writes them: a CSV that grows (a cut-off last line first skipped,
// then read whole), the run keeping its colour, visibility and predicted curve; a TensorBoard run
// folder opened through its parent keeping its name; the polling timer and the menu toggle.
#include <qcustomplot.h>
#include <QAction>
#include <QTemporaryDir>
#include <QtTest>

#include "../core/io/tfevents_encoder.h"
#include "log_load_controller.h"
#include "log_reload_controller.h"
#include "loss_plot_view.h"
#include "main_window.h"
#include "workspace.h"

using namespace lrscope::ui;
namespace tf = lrscope::test::tfevents;

namespace {

QByteArray rows(int from, int to) {
  QByteArray text;
  for (int s = from; s < to; ++s)
    text += QByteArray::number(s) + ",0.001," + QByteArray::number(3.0 - s * 1e-3, 'g', 17) + "\n";
  return text;
}

void append(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::Append));
  QCOMPARE(file.write(bytes), bytes.size());
}

std::size_t lossPoints(const Workspace& workspace, int index = 0) {
  const lrscope::Series* loss = workspace.runs()[index].run.find(QStringLiteral("loss"));
  return loss ? loss->size() : 0;
}

void loadInto(MainWindow& window, const QString& path) {
  QSignalSpy finished(window.logs(), &LogLoadController::finished);
  QVERIFY(window.logs()->load({path}));
  QVERIFY(finished.wait(10000));
}

// One check, waited for; true when it read something again.
bool checkOnce(MainWindow& window) {
  QSignalSpy checked(window.reloads(), &LogReloadController::checked);
  QSignalSpy reloaded(window.reloads(), &LogReloadController::reloaded);
  return window.reloads()->checkNow() && checked.wait(10000) && reloaded.size() == 1;
}

// Loads `path` and lets the reloader take its first look at it.
void loadAndStamp(MainWindow& window, const QString& path) {
  loadInto(window, path);
  QVERIFY(!checkOnce(window));
}

}  // namespace

class TestLogReload : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void growingCsvIsFollowed() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("train.csv"));
    {
      QFile file(path);
      QVERIFY(file.open(QIODevice::WriteOnly));
      file.write("step,lr,loss\n" + rows(0, 100));
    }
    MainWindow window;
    window.reloads()->setEnabled(false);
    loadAndStamp(window, path);
    QCOMPARE(window.workspace()->runs().size(), 1);
    QCOMPARE(lossPoints(*window.workspace()), std::size_t(100));
    const int id = window.workspace()->runs()[0].id;
    const QColor colour = window.workspace()->runs()[0].color;
    window.workspace()->setRunVisible(0, false);
    window.workspace()->setPredictions({{id, {{0, 99}, {3.0, 2.9}, {}, {}}}});

    QVERIFY(!checkOnce(window));  // nothing changed: nothing read

    // The trainer wrote 50 rows and is half-way through the next one ("2.85"): not read yet, as
    // "2.8" would be taken for the value.
    append(path, rows(100, 150) + "150,0.001,2.8");
    QVERIFY(!checkOnce(window));
    QCOMPARE(lossPoints(*window.workspace()), std::size_t(100));
    append(path, "5\n");  // the line completed
    QVERIFY(checkOnce(window));
    QCOMPARE(window.workspace()->runs().size(), 1);
    const RunEntry& entry = window.workspace()->runs()[0];
    QCOMPARE(lossPoints(*window.workspace()), std::size_t(151));
    QCOMPARE(entry.run.find(QStringLiteral("loss"))->values.back(), 2.85);
    QCOMPARE(entry.id, id);
    QCOMPARE(entry.color, colour);
    QVERIFY(!entry.visible);
    QVERIFY(window.workspace()->predictions().contains(id));

    // A writer that stopped inside a line: read one check later, as it is.
    append(path, "151,0.001,2.84");
    QVERIFY(!checkOnce(window));
    QVERIFY(checkOnce(window));
    QCOMPARE(lossPoints(*window.workspace()), std::size_t(152));
  }

  // A TensorBoard folder with event files of its own and a run folder below: opened whole, the
  // run below is "exp/run_a"; its folder read again alone would name it "run_a": it is the same
  // run and keeps its first name, nothing is duplicated.
  void tensorBoardRunFolderKeepsItsName() {
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("exp/run_a")));
    const QString top = dir.filePath(QStringLiteral("events.out.tfevents.0.host"));
    const QString file = dir.filePath(QStringLiteral("exp/run_a/events.out.tfevents.1.host"));
    for (const QString& path : {top, file}) {
      QByteArray bytes = tf::record(tf::fileVersionEvent(1.0));
      for (int s = 0; s < 10; ++s)
        bytes +=
            tf::record(tf::event(s, 1.0 + s, {tf::simpleValue("train/loss", 3.0f - s * 0.1f)}));
      append(path, bytes);
    }
    MainWindow window;
    window.reloads()->setEnabled(false);
    loadAndStamp(window, dir.path());
    QCOMPARE(window.workspace()->runs().size(), 2);
    QCOMPARE(window.workspace()->runs()[1].run.name, QStringLiteral("exp/run_a"));
    QCOMPARE(lossPoints(*window.workspace(), 1), std::size_t(10));

    append(file, tf::record(tf::event(10, 11.0, {tf::simpleValue("train/loss", 1.5f)})));
    QVERIFY(checkOnce(window));
    QCOMPARE(window.workspace()->runs().size(), 2);
    QCOMPARE(window.workspace()->runs()[1].run.name, QStringLiteral("exp/run_a"));
    QCOMPARE(lossPoints(*window.workspace(), 1), std::size_t(11));
    QCOMPARE(lossPoints(*window.workspace(), 0), std::size_t(10));
  }

  // Polling on by default; the File menu's toggle turns it off; the loss plot redraws.
  void timerFollowsAndMenuTogglesIt() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("live.csv"));
    append(path, "step,lr,loss\n" + rows(0, 20));
    MainWindow window;
    QVERIFY(window.reloads()->isEnabled());
    window.reloads()->setInterval(50);
    QSignalSpy checked(window.reloads(), &LogReloadController::checked);
    loadInto(window, path);
    const qsizetype before = checked.size();
    // Two checks: the second one surely began after the load and stamped the new source.
    QTRY_VERIFY(checked.size() > before + 1);
    append(path, rows(20, 40));
    QTRY_COMPARE_WITH_TIMEOUT(lossPoints(*window.workspace()), std::size_t(40), 10000);
    QTRY_COMPARE(window.lossPlot()->plot()->graph(0)->dataCount(), 40);

    auto* follow = window.findChild<QAction*>(QStringLiteral("followLogsAction"));
    QVERIFY(follow && follow->isChecked());
    follow->trigger();
    QVERIFY(!window.reloads()->isEnabled());
    append(path, rows(40, 60));
    QTest::qWait(300);
    QCOMPARE(lossPoints(*window.workspace()), std::size_t(40));
  }
};

QTEST_MAIN(TestLogReload)
#include "test_log_reload.moc"
