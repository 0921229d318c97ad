#include "main_window.h"

#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace lrscope::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(QStringLiteral("LRScope"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/lrscope.svg")));
  resize(1200, 800);

  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
  menuBar()->addMenu(tr("&View"));
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About LRScope"), this, [this] {
    QMessageBox::about(this, tr("About LRScope"),
                       tr("LRScope %1\nExplore learning-rate schedules and the loss curves they "
                          "produce.")
                           .arg(QStringLiteral(LRSCOPE_VERSION)));
  });
  statusBar()->showMessage(tr("Ready"));
}

}  // namespace lrscope::ui
