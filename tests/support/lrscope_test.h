#pragma once
// Helpers shared by the Qt Test suites: data folders, relative comparisons, CLI runs.
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace lrscope::test {

// Fixtures committed with the tests (tests/data).
QString testDataPath(const QString& relative);

// The application's bundled resources (resources/).
QString resourcePath(const QString& relative);

// The shared real-data folder (../shared/data beside the checkout); empty when absent.
QString sharedDataPath(const QString& relative);

// |a - b| <= rel * max(|a|, |b|) + abs.
bool closeTo(double a, double b, double rel, double abs = 0.0);

struct ProcessResult {
  int exitCode = -1;
  QByteArray out;
  QByteArray err;
};

// Runs the lrscope executable built with the tests, with optional standard input.
ProcessResult runLrscope(const QStringList& args, const QByteArray& stdinData = {});

// While it lives, child processes run as on a machine without a display: QT_QPA_PLATFORM,
// DISPLAY and WAYLAND_DISPLAY are unset (and restored afterwards).
class WithoutDisplay {
 public:
  WithoutDisplay();
  ~WithoutDisplay();
  WithoutDisplay(const WithoutDisplay&) = delete;
  WithoutDisplay& operator=(const WithoutDisplay&) = delete;

 private:
  QHash<QByteArray, QByteArray> saved_;
};

}  // namespace lrscope::test

// Skips the current test function with a clear message when the shared data folder is absent.
#define LRSCOPE_REQUIRE_SHARED_DATA(relative)                                           \
  do {                                                                                  \
    if (lrscope::test::sharedDataPath(relative).isEmpty())                              \
      QSKIP(qPrintable(QStringLiteral("shared data '%1' not found beside the checkout " \
                                      "(../shared/data); real-data checks skipped")     \
                           .arg(QStringLiteral(relative))));                            \
  } while (false)
