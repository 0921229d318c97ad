#pragma once
// LogReloadController: follows the logs of the workspace's runs while training writes them, the
// way TensorBoard reloads. Every interval (2 s by default) it compares each run source's size and
// modification time (a folder: the files under it, up to 10,000) with those of its last reading;
// a changed source is read again on a worker thread and its runs replace the ones it gave before,
// matched by name (one run from one source: that run), keeping its name, colour, visibility,
// attached schedule and predicted curve; a run the source gained is added; one it lost stays as
// it was. A text log whose last line has no line end yet is being written: it is read one
// interval later (when the line is complete, or the writer has stopped there).
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include "io/log_registry.h"

namespace lrscope::ui {

class Workspace;

class LogReloadController : public QObject {
  Q_OBJECT
 public:
  explicit LogReloadController(Workspace* workspace, QObject* parent = nullptr);
  ~LogReloadController() override;

  void setEnabled(bool on);  // polling on or off (on by default)
  bool isEnabled() const { return timer_.isActive(); }
  void setInterval(int milliseconds) { timer_.setInterval(milliseconds); }
  // Compares every source now and re-reads the changed ones; false while a re-read is running.
  bool checkNow();

 Q_SIGNALS:
  // A re-read ended: `updated` runs replaced or added; errors name the sources that failed.
  void reloaded(int updated, const QStringList& errors);

 private:
  struct Stamp {
    qint64 bytes = -1;
    qint64 modified = -1;  // newest modification, ms since the epoch
    qint64 files = 0;
    bool operator==(const Stamp&) const = default;
  };
  static Stamp stampOf(const QString& source);
  void rememberNewSources();
  void onRead();

  Workspace* workspace_;
  QTimer timer_;
  QHash<QString, Stamp> stamps_;      // source -> at its last reading
  QHash<QString, Stamp> unfinished_;  // text logs seen ending mid-line, waited for once
  QFutureWatcher<LoadedLogs> watcher_;
};

}  // namespace lrscope::ui
