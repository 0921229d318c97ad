#include "io/log_loader.h"

#include <QPromise>
#include <QRunnable>
#include <memory>

namespace lrscope {

QFuture<LoadedLogs> loadLogsInBackground(const QStringList& paths, const ReadOptions& options,
                                         std::function<void(double)> onProgress,
                                         QThreadPool* pool) {
  auto promise = std::make_shared<QPromise<LoadedLogs>>();
  QFuture<LoadedLogs> future = promise->future();
  promise->setProgressRange(0, kLoadProgressRange);
  promise->start();
  pool->start([promise, paths, options, onProgress = std::move(onProgress)] {
    CancelToken cancel;
    Progress progress;
    progress.cancel = &cancel;
    progress.report = [&](double fraction) {
      if (promise->isCanceled()) cancel.cancel();
      promise->setProgressValue(static_cast<int>(fraction * kLoadProgressRange));
      if (onProgress) onProgress(fraction);
    };
    progress(0.0);
    LoadedLogs logs = readLogs(paths, progress, options);
    if (!logs.cancelled && !promise->isCanceled()) promise->addResult(std::move(logs));
    promise->finish();
  });
  return future;
}

}  // namespace lrscope
