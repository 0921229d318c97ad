// lrscope: with no arguments, --demo or paths of training logs the GUI; otherwise a command-line
// subcommand, without a GUI application object except for `fit --plot`.
#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>

#include "cli.h"
#include "log_load_controller.h"
#include "main_window.h"
#include "workspace.h"

namespace {

// `lrscope fit ... --plot FILE` draws with QCustomPlot, which needs a QApplication.
bool drawsFigure(int argc, char* argv[]) {
  if (argc < 2 || QByteArray(argv[1]) != "fit") return false;
  for (int i = 2; i < argc; ++i)
    if (QByteArray(argv[i]) == "--plot") return true;
  return false;
}

// `lrscope run.csv logs/`: the GUI on these logs (every argument an existing path, the first not
// a subcommand); anything else goes to the command line, which explains unknown words.
bool opensLogs(int argc, char* argv[]) {
  if (argc < 2 || lrscope::cli::isCommand(QString::fromLocal8Bit(argv[1]))) return false;
  for (int i = 1; i < argc; ++i)
    if (!QFileInfo::exists(QString::fromLocal8Bit(argv[i]))) return false;
  return true;
}

}  // namespace

int main(int argc, char* argv[]) {
  const bool demo = argc == 2 && QByteArray(argv[1]) == "--demo";
  const bool gui = argc == 1 || demo || opensLogs(argc, argv);
  if (!gui && drawsFigure(argc, argv)) {
    // A figure written to a file needs no screen: drawn offscreen it works without a display and
    // does not depend on the screen's DPI. A platform the user chose is kept.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    return lrscope::cli::run(QCoreApplication::arguments().mid(1));
  }
  if (!gui) {
    QCoreApplication app(argc, argv);
    return lrscope::cli::run(QCoreApplication::arguments().mid(1));
  }
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
      qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
    std::fputs(
        "lrscope: no display (DISPLAY and WAYLAND_DISPLAY are unset): open the GUI in a desktop "
        "session or under xvfb-run; the subcommands need none (lrscope --help)\n",
        stderr);
    return 1;
  }
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("LRScope"));
  QApplication::setApplicationVersion(QStringLiteral(LRSCOPE_VERSION));
  lrscope::ui::MainWindow window;
  if (demo)
    window.workspace()->loadDemo();
  else if (argc > 1)
    window.logs()->load(QApplication::arguments().mid(1));  // errors are shown as for File > Open
  window.show();
  return QApplication::exec();
}
