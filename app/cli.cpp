#include "cli.h"

#include <QFile>
#include <cstdio>

namespace lrscope::cli {

namespace {

const char* kUsage =
    "usage: lrscope [LOG...]              open the GUI (on these training logs)\n"
    "       lrscope --demo                open the GUI on the bundled demo\n"
    "       lrscope --version | --help\n"
    "       lrscope schedule list\n"
    "       lrscope schedule make FAMILY key=value ... [-o FILE]\n"
    "       lrscope schedule sample FILE [--every K]\n"
    "       lrscope schedule export FILE --to pytorch|optax|csv [-o FILE]\n"
    "       lrscope inspect PATH... [--format NAME] [--column C=ROLE]... [--infer-lr]\n"
    "       lrscope fit --law NAME --train LOG... [--test LOG...] [--report FILE] ...\n"
    "       lrscope predict --report FILE --schedule S.json|S.csv [--steps LIST] [-o FILE]\n";

}  // namespace

QTextStream& out() {
  static QTextStream stream(stdout);
  return stream;
}

QTextStream& err() {
  static QTextStream stream(stderr);
  return stream;
}

int fail(const QString& message, int status) {
  out().flush();
  err() << "lrscope: " << message << Qt::endl;
  return status;
}

bool readInput(const QString& path, QByteArray& data) {
  QFile file;
  const bool ok = path == QLatin1String("-")
                      ? file.open(stdin, QIODevice::ReadOnly)
                      : (file.setFileName(path), file.open(QIODevice::ReadOnly));
  if (!ok) {
    fail(path + QStringLiteral(": cannot open (") + file.errorString() + QLatin1Char(')'));
    return false;
  }
  data = file.readAll();
  return true;
}

bool writeOutput(const QString& path, const QByteArray& data) {
  if (path.isEmpty()) {
    out().flush();
    std::fwrite(data.constData(), 1, static_cast<std::size_t>(data.size()), stdout);
    std::fflush(stdout);
    return true;
  }
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
    fail(path + QStringLiteral(": cannot write (") + file.errorString() + QLatin1Char(')'));
    return false;
  }
  return true;
}

bool isCommand(const QString& word) {
  static const QStringList commands = {"schedule", "inspect", "fit", "predict", "help"};
  return word.startsWith(QLatin1Char('-')) || commands.contains(word);
}

int run(const QStringList& args) {
  const QString command = args.value(0);
  if (command == QLatin1String("--version") || command == QLatin1String("-V")) {
    out() << "lrscope " << LRSCOPE_VERSION << Qt::endl;
    return 0;
  }
  if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
      command == QLatin1String("help")) {
    out() << kUsage;
    return 0;
  }
  if (command == QLatin1String("schedule")) return runSchedule(args.mid(1));
  if (command == QLatin1String("inspect")) return runInspect(args.mid(1));
  if (command == QLatin1String("fit")) return runFit(args.mid(1));
  if (command == QLatin1String("predict")) return runPredict(args.mid(1));
  err() << kUsage;
  return fail(QStringLiteral("unknown command '%1'").arg(command), 2);
}

}  // namespace lrscope::cli
