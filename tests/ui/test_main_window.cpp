// The main window driven like a user: pick a family, type parameters, add the schedule, see it in
// the workspace and as a graph; bad input shows the JSON path in the editor; files open and save.
#include <qcustomplot.h>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include "lr_plot_view.h"
#include "lrscope_test.h"
#include "main_window.h"
#include "schedule/schedule_document.h"
#include "schedule_editor.h"
#include "schedule_file_controller.h"
#include "workspace.h"

using namespace lrscope;
using namespace lrscope::ui;

namespace {

void typeInto(QWidget* root, const char* name, const QString& text) {
  auto* line = root->findChild<QLineEdit*>(QString::fromLatin1(name));
  QVERIFY2(line, name);
  line->selectAll();
  QTest::keyClick(line, Qt::Key_Delete);
  QTest::keyClicks(line, text);
}

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // The window opens at 1600x900 or, on a smaller screen, within it (every dock visible).
  void windowFitsTheScreen() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QSize available = window.screen()->availableGeometry().size();
    QVERIFY(available.width() < 1600);  // the offscreen platform's screen: 800x800
    QVERIFY(window.width() <= available.width());
    QVERIFY(window.height() <= available.height());
  }

  void typeParametersAndAddASchedule() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* family = window.findChild<QComboBox*>("family");
    QVERIFY(family);
    family->setCurrentText("wsd");
    typeInto(&window, "total_steps", "1000");
    typeInto(&window, "peak_lr", "0.002");
    typeInto(&window, "min_lr", "0.0002");
    typeInto(&window, "warmup_steps", "100");
    typeInto(&window, "decay_steps", "200");
    auto* add = window.findChild<QPushButton*>("addSchedule");
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);

    QCOMPARE(window.workspace()->schedules().size(), 1);
    const Schedule& s = window.workspace()->schedules()[0].schedule;
    QCOMPARE(s.family(), QString("wsd"));
    QCOMPARE(s.totalSteps(), 1000);
    QCOMPARE(s.lr(50), 0.002 * 50 / 100);
    QCOMPARE(s.lr(500), 0.002);
    QCOMPARE(s.lr(900), 0.0002 + (0.002 - 0.0002) * (1.0 - 100.0 / 200.0));

    QCustomPlot* plot = window.lrPlot()->plot();
    QCOMPARE(plot->graphCount(), 1);
    QCPGraph* graph = plot->graph(0);
    QCOMPARE(graph->dataCount(), 1000);
    QCOMPARE(graph->data()->at(900)->key, 900.0);
    QCOMPARE(graph->data()->at(900)->value, s.lr(900));
  }

  void badInputShowsThePathAndDisablesAdd() {
    MainWindow window;
    window.show();
    window.findChild<QComboBox*>("family")->setCurrentText("cosine");
    typeInto(&window, "total_steps", "100");
    typeInto(&window, "warmup_steps", "10");
    typeInto(&window, "min_lr", "1");
    auto* add = window.findChild<QPushButton*>("addSchedule");
    QVERIFY(!add->isEnabled());
    QVERIFY2(window.scheduleEditor()->errorText().contains("$.min_lr: min_lr (1) is above peak_lr"),
             qPrintable(window.scheduleEditor()->errorText()));
    typeInto(&window, "min_lr", "abc");
    QVERIFY(
        window.scheduleEditor()->errorText().contains("$.min_lr: expected a number, got a string"));
    typeInto(&window, "min_lr", "0");
    QVERIFY(add->isEnabled());
    QVERIFY(window.scheduleEditor()->errorText().isEmpty());
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(window.workspace()->schedules().size(), 1);
  }

  void selectingAScheduleFillsTheEditor() {
    MainWindow window;
    window.workspace()->loadDemo();
    QVERIFY(window.workspace()->schedules().size() >= 2);
    auto* list = window.findChild<QListWidget*>("scheduleList");
    QCOMPARE(list->count(), int(window.workspace()->schedules().size()));
    list->setCurrentRow(1);
    const Schedule& second = window.workspace()->schedules()[1].schedule;
    QCOMPARE(window.findChild<QComboBox*>("family")->currentText(), second.family());
    QVERIFY(window.scheduleEditor()->schedule().has_value());
    QVERIFY(*window.scheduleEditor()->schedule() == second);
    QCOMPARE(window.lrPlot()->plot()->graphCount(), int(window.workspace()->schedules().size()));
    QTest::mouseClick(window.findChild<QPushButton*>("removeSchedule"), Qt::LeftButton);
    QCOMPARE(window.lrPlot()->plot()->graphCount(), list->count());
  }

  void openSaveAndExportFiles() {
    QTemporaryDir dir;
    MainWindow window;
    window.workspace()->loadDemo();
    const int count = int(window.workspace()->schedules().size());
    QVERIFY(window.files()->save(0, dir.filePath("s.json")));
    QVERIFY(window.files()->open(dir.filePath("s.json")));
    QCOMPARE(window.workspace()->schedules().size(), count + 1);
    QVERIFY(window.workspace()->schedules().last().schedule ==
            window.workspace()->schedules()[0].schedule);
    QVERIFY(window.files()->exportTo(0, "csv", dir.filePath("s.csv")));
    QVERIFY(QFileInfo(dir.filePath("s.csv")).size() > 0);
    // A broken file is reported with its name and the JSON path; nothing is added.
    QFile bad(dir.filePath("bad.json"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"format":"lrscope-schedule","version":1,"schedule":{"family":"nope"}})");
    bad.close();
    QSignalSpy spy(window.files(), &ScheduleFileController::message);
    QVERIFY(!window.files()->open(bad.fileName()));
    QCOMPARE(window.workspace()->schedules().size(), count + 1);
    QVERIFY(
        spy.last().at(0).toString().contains("bad.json: $.schedule.family: unknown family 'nope'"));
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
