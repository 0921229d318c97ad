#pragma once
// LogReloadController: follows the logs of the workspace's runs while training writes them, the
// way TensorBoard reloads. Every interval (2 s by default) a worker thread compares each run
// source's size and modification time (a folder: the files under it, up to 10,000) with those of
// its last reading; a changed source is read again there, and its runs replace the ones it gave
// before, matched by name (one run from one source: that run), keeping their name, colour,
// visibility, attached schedule and predicted curve; a run the source gained is added; one it
// lost stays as it was. A source is first stamped at the check after it was loaded. A text log
// whose last line has no line end yet is being written: it is read one interval later (when the
// line is complete, or the writer has stopped there). Nothing touches the disk on the GUI thread.
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>

#include "common/progress.h"
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
  // Starts one check on the worker; false while the previous one is still running.
  bool checkNow();

 Q_SIGNALS:
  void checked();  // a check ended (whether or not it read anything)
  // A check re-read sources: `updated` runs replaced or added; errors name what failed.
  void reloaded(int updated, const QStringList& errors);

 public:
  struct Stamp {
    qint64 bytes = -1;
    qint64 modified = -1;  // newest modification, ms since the epoch
    qint64 files = 0;
    bool operator==(const Stamp&) const = default;
  };
  struct Source {
    QString path;
    QString format;  // the reader that gave its runs
  };
  struct Check {
    QHash<QString, Stamp> stamps;      // source -> at its last reading (or first sight)
    QHash<QString, Stamp> unfinished;  // text logs seen ending mid-line, waited for once
    LoadedLogs logs;
    bool read = false;
  };
  // One check (the worker's part): new stamps, and the changed sources read again.
  static Check check(const std::vector<Source>& sources, Check previous, const CancelToken* cancel);

 private:
  void applyCheck();

  Workspace* workspace_;
  QTimer timer_;
  QHash<QString, Stamp> stamps_;
  QHash<QString, Stamp> unfinished_;
  QFutureWatcher<Check> watcher_;
  std::shared_ptr<CancelToken> cancel_ = std::make_shared<CancelToken>();
};

}  // namespace lrscope::ui
