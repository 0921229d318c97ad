#include "log_reload_controller.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

#include "io/log_loader.h"
#include "workspace.h"

namespace lrscope::ui {

namespace {
constexpr int kDefaultIntervalMs = 2000;
constexpr qint64 kMaxFilesStamped = 10000;
// A text log whose last byte is not a line end: its last line is still being written (a row
// cut there would read as a complete one with a shortened number).
bool endsMidLine(const Run& run) {
  static const QStringList lineFormats = {"csv", "lightning", "wandb-csv", "wandb-jsonl", "text"};
  if (!lineFormats.contains(run.format)) return false;
  QFile file(run.source);
  if (!file.open(QIODevice::ReadOnly) || file.size() == 0 || !file.seek(file.size() - 1))
    return false;
  char last = 0;
  return file.getChar(&last) && last != '\n' && last != '\r';
}

}  // namespace

LogReloadController::LogReloadController(Workspace* workspace, QObject* parent)
    : QObject(parent), workspace_(workspace) {
  timer_.setInterval(kDefaultIntervalMs);
  connect(&timer_, &QTimer::timeout, this, &LogReloadController::checkNow);
  connect(&watcher_, &QFutureWatcher<LoadedLogs>::finished, this, &LogReloadController::onRead);
  connect(workspace_, &Workspace::runsChanged, this, &LogReloadController::rememberNewSources);
  rememberNewSources();
  timer_.start();
}

LogReloadController::~LogReloadController() {
  watcher_.cancel();
  watcher_.waitForFinished();
}

void LogReloadController::setEnabled(bool on) {
  if (on)
    timer_.start();
  else
    timer_.stop();
}

LogReloadController::Stamp LogReloadController::stampOf(const QString& source) {
  const QFileInfo info(source);
  if (!info.exists()) return {};
  if (!info.isDir()) return {info.size(), info.lastModified().toMSecsSinceEpoch(), 1};
  Stamp stamp{0, 0, 0};
  QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext() && stamp.files < kMaxFilesStamped) {
    const QFileInfo file(it.next());
    stamp.bytes += file.size();
    stamp.modified = std::max(stamp.modified, file.lastModified().toMSecsSinceEpoch());
    ++stamp.files;
  }
  return stamp;
}

// Runs just loaded (or made by the demo, which has no file) were read as their sources are now.
void LogReloadController::rememberNewSources() {
  for (const RunEntry& entry : workspace_->runs()) {
    const QString& source = entry.run.source;
    if (!source.isEmpty() && !stamps_.contains(source)) stamps_.insert(source, stampOf(source));
  }
}

bool LogReloadController::checkNow() {
  if (watcher_.isRunning()) return false;
  QStringList changed;
  for (const RunEntry& entry : workspace_->runs()) {
    const QString& source = entry.run.source;
    const auto it = stamps_.find(source);
    if (it == stamps_.end() || changed.contains(source)) continue;
    const Stamp now = stampOf(source);
    if (now == *it || now.bytes < 0) continue;  // unchanged, or gone: the run stays as it was
    if (endsMidLine(entry.run) && unfinished_.value(source) != now) {
      unfinished_.insert(source, now);  // the logger is writing a line: wait one interval
      continue;
    }
    unfinished_.remove(source);
    *it = now;  // a change during the reading shows at the next check
    changed << source;
  }
  // A folder read again reads what lies below it: its sources are not read a second time.
  changed.removeIf([&changed](const QString& source) {
    return std::any_of(changed.cbegin(), changed.cend(), [&source](const QString& folder) {
      return source.startsWith(folder + QLatin1Char('/'));
    });
  });
  if (changed.isEmpty()) return true;
  watcher_.setFuture(loadLogsInBackground(changed));
  return true;
}

void LogReloadController::onRead() {
  const QFuture<LoadedLogs> future = watcher_.future();
  if (future.isCanceled() || future.resultCount() == 0) return;
  LoadedLogs logs = future.result();
  int updated = 0;
  std::vector<Run> added;
  QHash<QString, int> runsPerSource;
  for (const Run& run : logs.runs) ++runsPerSource[run.source];
  for (Run& run : logs.runs) {
    int id = workspace_->runId(run.source, run.name);
    // A run folder read on its own is named after the folder, not its path under the folder
    // first opened: one run from one source is the same run.
    const QList<int> ids = workspace_->runIdsFrom(run.source);
    if (id == 0 && ids.size() == 1 && runsPerSource.value(run.source) == 1) id = ids.front();
    ++updated;
    if (id > 0)
      workspace_->replaceRun(id, std::move(run));
    else
      added.push_back(std::move(run));
  }
  if (!added.empty()) workspace_->addRuns(std::move(added));
  Q_EMIT reloaded(updated, logs.errors);
}

}  // namespace lrscope::ui
