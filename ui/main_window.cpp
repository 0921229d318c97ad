#include "main_window.h"

#include <qcustomplot.h>
#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <algorithm>

#include "fit_controller.h"
#include "fit_panel.h"
#include "log_load_controller.h"
#include "log_reload_controller.h"
#include "loss_plot_view.h"
#include "lr_plot_view.h"
#include "progress_indicator.h"
#include "run_list.h"
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

// The loss and LR plots share their step axis (zoom one, the other follows) and its position.
void linkStepAxes(QCustomPlot* a, QCustomPlot* b) {
  auto link = [](QCustomPlot* from, QCustomPlot* to) {
    QObject::connect(from->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), to,
                     [to](const QCPRange& range) {
                       to->xAxis->setRange(range);
                       to->replot(QCustomPlot::rpQueuedReplot);
                     });
  };
  link(a, b);
  link(b, a);
  // One left margin for both, wide enough for tick labels like 0.0000125, so that the stacked
  // step axes line up pixel for pixel.
  const QFontMetrics metrics(a->yAxis->tickLabelFont());
  const int left =
      metrics.horizontalAdvance(QStringLiteral("0.0000125")) + 2 * metrics.height() + 12;
  for (QCustomPlot* plot : {a, b}) {
    plot->axisRect()->setAutoMargins(QCP::msTop | QCP::msRight | QCP::msBottom);
    plot->axisRect()->setMargins(QMargins(left, 0, 0, 0));
  }
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      workspace_(new Workspace(this)),
      editor_(new ScheduleEditor),
      list_(new ScheduleList(workspace_)),
      runs_(new RunList(workspace_)),
      lrPlot_(new LrPlotView(workspace_)),
      lossPlot_(new LossPlotView(workspace_)),
      files_(new ScheduleFileController(workspace_, this)),
      logs_(new LogLoadController(workspace_, this)),
      reload_(new LogReloadController(workspace_, this)),
      progress_(new ProgressIndicator),
      fits_(new FitController(this)),
      fitPanel_(new FitPanel(workspace_, fits_)) {
  setWindowTitle(QStringLiteral("LRScope"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/lrscope.svg")));
  setAcceptDrops(true);
  // 1600x900, or less on a smaller screen (a laptop's 1366x768 must show every dock).
  if (const QScreen* display = screen())
    resize(QSize(1600, 900).boundedTo(display->availableGeometry().size() * 0.95));
  else
    resize(1600, 900);
  auto* plots = new QSplitter(Qt::Vertical);
  plots->addWidget(lossPlot_);
  plots->addWidget(lrPlot_);
  plots->setSizes({500, 300});
  setCentralWidget(plots);
  linkStepAxes(lossPlot_->plot(), lrPlot_->plot());
  createDocks();
  createMenus();
  connectLogLoading();
  statusBar()->addPermanentWidget(progress_);
  connect(files_, &ScheduleFileController::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  // Start the editor on the bundled cosine example rather than an empty form.
  QFile example(QStringLiteral(":/schedules/cosine.json"));
  if (example.open(QIODevice::ReadOnly))
    if (Result<ScheduleDocument> doc = parseScheduleDocument(example.readAll(), example.fileName()))
      editor_->setSchedule(doc->schedule);
  statusBar()->showMessage(tr("Ready. Open a training log (Ctrl+L) or drop files here."));
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (docksSized_) return;
  docksSized_ = true;
  // Wide enough for the five metrics, the noise floor and the band coverage side by side.
  if (auto* fitDock = findChild<QDockWidget*>(QStringLiteral("fitDock")))
    resizeDocks({fitDock}, {std::clamp(width() * 9 / 25, 440, 600)}, Qt::Horizontal);
}

void MainWindow::createDocks() {
  addDockWidget(Qt::LeftDockWidgetArea, dock(tr("Runs"), QStringLiteral("runDock"), runs_));
  addDockWidget(Qt::LeftDockWidgetArea,
                dock(tr("Schedule"), QStringLiteral("scheduleDock"), editor_));
  addDockWidget(Qt::LeftDockWidgetArea,
                dock(tr("Schedules"), QStringLiteral("scheduleListDock"), list_));
  addDockWidget(Qt::RightDockWidgetArea,
                dock(tr("Fit a loss law"), QStringLiteral("fitDock"), fitPanel_));
  connect(editor_, &ScheduleEditor::addRequested, this, [this](const Schedule& s) {
    workspace_->addSchedule(
        QStringLiteral("%1 #%2").arg(s.family()).arg(workspace_->schedules().size() + 1), s);
  });
  connect(list_, &ScheduleList::scheduleSelected, this, [this](int index) {
    if (index >= 0 && index < workspace_->schedules().size())
      editor_->setSchedule(workspace_->schedules()[index].schedule);
  });
}

void MainWindow::connectLogLoading() {
  connect(logs_, &LogLoadController::started, progress_,
          [this] { progress_->start(tr("Reading logs")); });
  connect(logs_, &LogLoadController::progress, progress_, &ProgressIndicator::setFraction);
  connect(progress_, &ProgressIndicator::cancelRequested, logs_, &LogLoadController::cancel);
  connect(logs_, &LogLoadController::finished, this,
          [this](int added, const QStringList& errors, bool cancelled) {
            progress_->stop();
            statusBar()->showMessage(
                cancelled ? tr("Reading cancelled.") : tr("Loaded %n run(s).", "", added), 8000);
            if (!errors.isEmpty() && isVisible())
              QMessageBox::warning(this, tr("Some logs could not be read"),
                                   errors.join(QLatin1Char('\n')));
          });
  connect(reload_, &LogReloadController::reloaded, this,
          [this](int updated, const QStringList& errors) {
            statusBar()->showMessage(errors.isEmpty()
                                         ? tr("Reloaded %n run(s) from their logs.", "", updated)
                                         : errors.join(QStringLiteral("; ")),
                                     5000);
          });
}

void MainWindow::openLogsWithDialog() {
  const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open training logs"));
  if (!paths.isEmpty()) logs_->load(paths);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls())
    if (url.isLocalFile()) paths << url.toLocalFile();
  if (!paths.isEmpty()) logs_->load(paths);
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("Open &logs..."), QKeySequence(Qt::CTRL | Qt::Key_L), this,
                  &MainWindow::openLogsWithDialog);
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
  file->addAction(tr("&Reload logs"), QKeySequence::Refresh, reload_,
                  &LogReloadController::checkNow);
  QAction* follow = file->addAction(tr("&Follow growing logs"));
  follow->setObjectName(QStringLiteral("followLogsAction"));
  follow->setCheckable(true);
  follow->setChecked(reload_->isEnabled());
  connect(follow, &QAction::toggled, reload_, &LogReloadController::setEnabled);
  file->addAction(tr("&Demo runs"), workspace_, &Workspace::loadDemo);
  file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* logLoss = view->addAction(tr("Logarithmic &loss axis"));
  logLoss->setCheckable(true);
  connect(logLoss, &QAction::toggled, lossPlot_, &LossPlotView::setLogScale);
  QAction* logLr = view->addAction(tr("Logarithmic &LR axis"));
  logLr->setCheckable(true);
  connect(logLr, &QAction::toggled, lrPlot_, &LrPlotView::setLogScale);
  view->addAction(tr("&Reset view"), QKeySequence(Qt::Key_Home), this, [this] {
    lossPlot_->resetView();
    lrPlot_->resetView();
  });

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About LRScope"), this, [this] {
    QMessageBox::about(
        this, tr("About LRScope"),
        tr("LRScope %1\nExplore learning-rate schedules and the loss curves they produce.")
            .arg(QStringLiteral(LRSCOPE_VERSION)));
  });
}

}  // namespace lrscope::ui
