#pragma once
// LogLoadController: reads training logs on a worker thread (core/io readLogs), reports progress
// and can be cancelled; the runs reach the Workspace on the GUI thread when reading ends.
#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <memory>

#include "common/progress.h"
#include "io/log_registry.h"

namespace lrscope::ui {

class Workspace;

class LogLoadController : public QObject {
  Q_OBJECT
 public:
  explicit LogLoadController(Workspace* workspace, QObject* parent = nullptr);
  ~LogLoadController() override;

  // Starts reading; returns false (and does nothing) while a load is still running.
  bool load(const QStringList& paths);
  void cancel();
  bool isLoading() const { return watcher_.isRunning(); }

 Q_SIGNALS:
  void started();
  void progress(double fraction);
  // runsAdded runs went to the workspace; errors name the paths that failed.
  void finished(int runsAdded, const QStringList& errors, bool cancelled);

 private:
  void onFinished();

  Workspace* workspace_;
  QFutureWatcher<LoadedLogs> watcher_;
  std::shared_ptr<CancelToken> cancel_;
};

}  // namespace lrscope::ui
