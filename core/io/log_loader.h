#pragma once
// Loading logs off the calling thread, for the GUI: readLogs (io/log_registry.h) runs on a
// QThreadPool thread; the QFuture reports progress as a value in 0..kLoadProgressRange (watch it
// with a QFutureWatcher: progressValueChanged, finished) and gives the LoadedLogs as its result.
// future.cancel() stops the readers at their next chunk; a cancelled future has no result.
// `onProgress`, when given, is also called with the fraction in [0, 1] on the worker thread.
#include <QFuture>
#include <QStringList>
#include <QThreadPool>
#include <functional>

#include "io/log_registry.h"

namespace lrscope {

inline constexpr int kLoadProgressRange = 1000;

QFuture<LoadedLogs> loadLogsInBackground(const QStringList& paths, const ReadOptions& options = {},
                                         std::function<void(double)> onProgress = {},
                                         QThreadPool* pool = QThreadPool::globalInstance());

}  // namespace lrscope
