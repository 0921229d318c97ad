#include "log_reload_controller.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

#include "workspace.h"

namespace lrscope::ui {

namespace {

constexpr int kDefaultIntervalMs = 2000;
constexpr qint64 kMaxFilesStamped = 10000;

LogReloadController::Stamp stampOf(const QString& source) {
  const QFileInfo info(source);
  if (!info.exists()) return {};
  if (!info.isDir()) return {info.size(), info.lastModified().toMSecsSinceEpoch(), 1};
  LogReloadController::Stamp stamp{0, 0, 0};
  QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext() && stamp.files < kMaxFilesStamped) {
    const QFileInfo file(it.next());
    stamp.bytes += file.size();
    stamp.modified = std::max(stamp.modified, file.lastModified().toMSecsSinceEpoch());
    ++stamp.files;
  }
  return stamp;
}

// A text log whose last byte is not a line end: its last line is still being written (a row
// cut there would read as a complete one with a shortened number).
bool endsMidLine(const LogReloadController::Source& source) {
  static const QStringList lineFormats = {"csv", "lightning", "wandb-csv", "wandb-jsonl", "text"};
  if (!lineFormats.contains(source.format)) return false;
  QFile file(source.path);
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
  connect(&watcher_, &QFutureWatcher<Check>::finished, this, &LogReloadController::applyCheck);
  timer_.start();
}

LogReloadController::~LogReloadController() {
  cancel_->cancel();
  watcher_.waitForFinished();
}

void LogReloadController::setEnabled(bool on) {
  if (on)
    timer_.start();
  else
    timer_.stop();
}

bool LogReloadController::checkNow() {
  if (watcher_.isRunning()) return false;
  std::vector<Source> sources;
  for (const RunEntry& entry : workspace_->runs()) {
    const QString& path = entry.run.source;  // empty for the generated demo runs
    if (!path.isEmpty() && std::none_of(sources.cbegin(), sources.cend(),
                                        [&path](const Source& s) { return s.path == path; }))
      sources.push_back({path, entry.run.format});
  }
  Check previous{stamps_, unfinished_, {}, false};
  watcher_.setFuture(QtConcurrent::run(&LogReloadController::check, std::move(sources),
                                       std::move(previous), cancel_.get()));
  return true;
}

LogReloadController::Check LogReloadController::check(const std::vector<Source>& sources,
                                                      Check previous, const CancelToken* cancel) {
  Check next{{}, {}, {}, false};
  QStringList changed;
  for (const Source& source : sources) {
    const Stamp now = stampOf(source.path);
    const auto known = previous.stamps.constFind(source.path);
    if (known == previous.stamps.cend()) {  // first sight: as it was loaded
      next.stamps.insert(source.path, now);
      continue;
    }
    next.stamps.insert(source.path, *known);
    if (now == *known || now.bytes < 0) continue;  // unchanged, or gone: its runs stay
    if (endsMidLine(source) && previous.unfinished.value(source.path) != now) {
      next.unfinished.insert(source.path, now);  // the logger is writing a line: wait once
      continue;
    }
    next.stamps.insert(source.path, now);  // a change during the reading shows next time
    changed << source.path;
  }
  // A folder read again reads what lies below it: its sources are not read a second time.
  changed.removeIf([&changed](const QString& path) {
    return std::any_of(changed.cbegin(), changed.cend(), [&path](const QString& folder) {
      return path.startsWith(folder + QLatin1Char('/'));
    });
  });
  if (!changed.isEmpty()) {
    next.logs = readLogs(changed, Progress{{}, cancel});
    next.read = !next.logs.cancelled;
  }
  return next;
}

void LogReloadController::applyCheck() {
  const QFuture<Check> future = watcher_.future();
  if (future.resultCount() == 0) return;
  Check result = future.result();
  stamps_ = std::move(result.stamps);
  unfinished_ = std::move(result.unfinished);
  if (result.read) {
    int updated = 0;
    std::vector<Run> added;
    QHash<QString, int> runsPerSource;
    for (const Run& run : result.logs.runs) ++runsPerSource[run.source];
    for (Run& run : result.logs.runs) {
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
    Q_EMIT reloaded(updated, result.logs.errors);
  }
  Q_EMIT checked();
}

}  // namespace lrscope::ui
