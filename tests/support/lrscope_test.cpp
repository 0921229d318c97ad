#include "lrscope_test.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <algorithm>
#include <cmath>

namespace lrscope::test {

QString testDataPath(const QString& relative) {
  return QDir(QStringLiteral(LRSCOPE_TEST_DATA_DIR)).filePath(relative);
}

QString resourcePath(const QString& relative) {
  return QDir(QStringLiteral(LRSCOPE_RESOURCES_DIR)).filePath(relative);
}

QString sharedDataPath(const QString& relative) {
  const QString path = QDir(QStringLiteral(LRSCOPE_SHARED_DATA_DIR)).filePath(relative);
  return QFileInfo::exists(path) ? QDir::cleanPath(path) : QString();
}

bool closeTo(double a, double b, double rel, double abs) {
  if (std::isnan(a) || std::isnan(b)) return false;
  if (a == b) return true;
  return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b)) + abs;
}

namespace {
constexpr const char* kDisplayVariables[] = {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"};
}

WithoutDisplay::WithoutDisplay() {
  for (const char* name : kDisplayVariables)
    if (qEnvironmentVariableIsSet(name)) saved_.insert(name, qgetenv(name));
  for (const char* name : kDisplayVariables) qunsetenv(name);
}

WithoutDisplay::~WithoutDisplay() {
  for (auto it = saved_.cbegin(); it != saved_.cend(); ++it) qputenv(it.key(), it.value());
}

ProcessResult runLrscope(const QStringList& args, const QByteArray& stdinData) {
  QProcess process;
  process.start(QStringLiteral(LRSCOPE_BINARY), args);
  ProcessResult result;
  if (!process.waitForStarted(10000)) return result;
  if (!stdinData.isEmpty()) process.write(stdinData);
  process.closeWriteChannel();
  process.waitForFinished(120000);
  result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
  result.out = process.readAllStandardOutput();
  result.err = process.readAllStandardError();
  return result;
}

}  // namespace lrscope::test
