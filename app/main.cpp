// lrscope: with no arguments (or --demo) the GUI; otherwise a command-line subcommand.
#include <QApplication>
#include <QCoreApplication>

#include "cli.h"
#include "main_window.h"
#include "workspace.h"

int main(int argc, char* argv[]) {
  const bool gui = argc == 1 || (argc == 2 && QByteArray(argv[1]) == "--demo");
  if (!gui) {
    QCoreApplication app(argc, argv);
    return lrscope::cli::run(QCoreApplication::arguments().mid(1));
  }
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("LRScope"));
  QApplication::setApplicationVersion(QStringLiteral(LRSCOPE_VERSION));
  lrscope::ui::MainWindow window;
  if (argc == 2) window.workspace()->loadDemo();
  window.show();
  return QApplication::exec();
}
