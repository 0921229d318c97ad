#include "log_load_controller.h"

#include <QtConcurrent/QtConcurrentRun>

#include "workspace.h"

namespace lrscope::ui {

namespace {
constexpr int kProgressSteps = 1000;
}

LogLoadController::LogLoadController(Workspace* workspace, QObject* parent)
    : QObject(parent), workspace_(workspace) {
  connect(&watcher_, &QFutureWatcher<LoadedLogs>::progressValueChanged, this,
          [this](int value) { Q_EMIT progress(double(value) / kProgressSteps); });
  connect(&watcher_, &QFutureWatcher<LoadedLogs>::finished, this, &LogLoadController::onFinished);
}

LogLoadController::~LogLoadController() {
  cancel();
  watcher_.waitForFinished();
}

bool LogLoadController::load(const QStringList& paths) {
  if (isLoading() || paths.isEmpty()) return false;
  cancel_ = std::make_shared<CancelToken>();
  watcher_.setFuture(QtConcurrent::run([paths, token = cancel_](QPromise<LoadedLogs>& promise) {
    promise.setProgressRange(0, kProgressSteps);
    const Progress progress{
        [&promise](double f) { promise.setProgressValue(int(f * kProgressSteps)); }, token.get()};
    promise.addResult(readLogs(paths, progress));
  }));
  Q_EMIT started();
  return true;
}

void LogLoadController::cancel() {
  if (cancel_) cancel_->cancel();
}

void LogLoadController::onFinished() {
  const QFuture<LoadedLogs> future = watcher_.future();
  if (future.resultCount() == 0) {
    Q_EMIT finished(0, {tr("reading stopped without a result")}, true);
    return;
  }
  LoadedLogs logs = future.result();
  const int count = static_cast<int>(logs.runs.size());
  if (!logs.cancelled && count > 0) workspace_->addRuns(std::move(logs.runs));
  Q_EMIT finished(logs.cancelled ? 0 : count, logs.errors, logs.cancelled);
}

}  // namespace lrscope::ui
