#include "main_window.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#include "lr_plot_view.h"
#include "schedule/schedule_document.h"
#include "schedule_editor.h"
#include "schedule_file_controller.h"
#include "schedule_list.h"
#include "workspace.h"

namespace lrscope::ui {

namespace {

QDockWidget* dock(const QString& title, const QString& name, QWidget* content) {
  auto* d = new QDockWidget(title);
  d->setObjectName(name);
  d->setWidget(content);
  return d;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      workspace_(new Workspace(this)),
      editor_(new ScheduleEditor),
      list_(new ScheduleList(workspace_)),
      lrPlot_(new LrPlotView(workspace_)),
      files_(new ScheduleFileController(workspace_, this)) {
  setWindowTitle(QStringLiteral("LRScope"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/lrscope.svg")));
  resize(1280, 800);
  setCentralWidget(lrPlot_);
  addDockWidget(Qt::LeftDockWidgetArea,
                dock(tr("Schedule"), QStringLiteral("scheduleDock"), editor_));
  addDockWidget(Qt::LeftDockWidgetArea,
                dock(tr("Schedules"), QStringLiteral("scheduleListDock"), list_));

  connect(editor_, &ScheduleEditor::addRequested, this, [this](const Schedule& s) {
    workspace_->addSchedule(
        QStringLiteral("%1 #%2").arg(s.family()).arg(workspace_->schedules().size() + 1), s);
  });
  connect(list_, &ScheduleList::scheduleSelected, this, [this](int index) {
    if (index >= 0 && index < workspace_->schedules().size())
      editor_->setSchedule(workspace_->schedules()[index].schedule);
  });
  connect(files_, &ScheduleFileController::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  createMenus();
  // Start the editor on the bundled cosine example rather than an empty form.
  QFile example(QStringLiteral(":/schedules/cosine.json"));
  if (example.open(QIODevice::ReadOnly))
    if (Result<ScheduleDocument> doc = parseScheduleDocument(example.readAll(), example.fileName()))
      editor_->setSchedule(doc->schedule);
  statusBar()->showMessage(tr("Ready"));
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open schedule..."), QKeySequence::Open, files_,
                  &ScheduleFileController::openWithDialog);
  file->addAction(tr("&Save schedule as..."), QKeySequence::SaveAs, this,
                  [this] { files_->saveWithDialog(list_->currentIndex()); });
  QMenu* exportMenu = file->addMenu(tr("&Export schedule"));
  for (const auto& [label, format] :
       {std::pair{tr("CSV (step,lr)..."), QStringLiteral("csv")},
        std::pair{tr("PyTorch LambdaLR..."), QStringLiteral("pytorch")},
        std::pair{tr("optax schedule..."), QStringLiteral("optax")}})
    exportMenu->addAction(
        label, this, [this, format] { files_->exportWithDialog(list_->currentIndex(), format); });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* logScale = view->addAction(tr("&Logarithmic LR axis"));
  logScale->setCheckable(true);
  connect(logScale, &QAction::toggled, lrPlot_, &LrPlotView::setLogScale);
  view->addAction(tr("&Reset view"), QKeySequence(Qt::Key_Home), lrPlot_, &LrPlotView::resetView);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About LRScope"), this, [this] {
    QMessageBox::about(
        this, tr("About LRScope"),
        tr("LRScope %1\nExplore learning-rate schedules and the loss curves they produce.")
            .arg(QStringLiteral(LRSCOPE_VERSION)));
  });
}

}  // namespace lrscope::ui
