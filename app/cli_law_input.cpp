#include "cli_law_input.h"

#include <QFileInfo>
#include <algorithm>

#include "io/run_schedule.h"
#include "law/warmup.h"

namespace lrscope::cli {

namespace {

// The run's schedule JSON given with --schedule, attached, then the fit run.
Result<FitRun> fitRun(Run& run, FitRole role, const LawInputOptions& options, QStringList& notes) {
  const QString attached = options.schedules.value(QFileInfo(run.source).canonicalFilePath());
  if (!attached.isEmpty()) {
    const auto ok = attachScheduleFile(run, attached);
    if (!ok) return Error{QStringLiteral("%1 (%2): %3").arg(run.name, run.source, ok.error())};
    for (const QString& w : *ok)
      notes << QStringLiteral("%1 (%2): %3").arg(run.name, run.source, w);
  }
  auto fit = fitRunFromLog(run, role, options.run, &notes);
  if (!fit && !fitLossSeries(run, options.run.lossSeries))
    return Error{fit.error() + QStringLiteral("; choose one with --loss NAME")};
  return fit;
}

}  // namespace

Result<bool> loadFitRuns(const QStringList& paths, FitRole role, const LawInputOptions& options,
                         std::vector<FitRun>& runs, QStringList& notes) {
  LoadedLogs logs = readLogs(paths, {}, options.read);
  if (!logs.errors.isEmpty()) return Error{logs.errors.join(QLatin1Char('\n'))};
  if (logs.runs.empty())
    return Error{QStringLiteral("no run found in %1").arg(paths.join(QStringLiteral(", ")))};
  for (Run& run : logs.runs) {
    auto fit = fitRun(run, role, options, notes);
    if (!fit) return Error{fit.error()};
    for (const QString& w : run.warnings) notes << QStringLiteral("%1: %2").arg(run.name, w);
    // Runs of different files may share a name (a folder per run): keep names unique.
    const auto clash = [&](const QString& name) {
      return std::any_of(runs.begin(), runs.end(), [&](const FitRun& r) { return r.name == name; });
    };
    if (clash(fit->name)) fit.value().name = QStringLiteral("%1 (%2)").arg(fit->name, fit->source);
    runs.push_back(std::move(fit).value());
  }
  return true;
}

Result<LawSchedule> loadLawSchedule(const QString& path, std::int64_t warmupSteps) {
  std::vector<double> lr;
  std::int64_t warmup = warmupSteps;
  if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
    const auto document = readScheduleFile(path);
    if (!document) return Error{document.error()};
    lr = document->schedule.sample();
    if (warmup < 0) warmup = scheduleWarmupSteps(document->schedule, lr);
  } else {
    LoadedLogs logs = readLogs({path});
    if (!logs.errors.isEmpty()) return Error{logs.errors.join(QLatin1Char('\n'))};
    if (logs.runs.empty()) return Error{QStringLiteral("%1: no schedule found").arg(path)};
    const auto schedule = runSchedule(logs.runs.front());
    if (!schedule) return Error{QStringLiteral("%1: %2").arg(path, schedule.error())};
    lr = schedule->sample();
  }
  if (lr.empty()) return Error{QStringLiteral("%1: the schedule has no steps").arg(path)};
  if (warmup < 0) warmup = detectWarmupSteps(lr);
  LawSchedule schedule{std::make_shared<PerStepLr>(std::move(lr)), warmup};
  if (auto ok = validateLawSchedule(schedule); !ok)
    return Error{QStringLiteral("%1: %2").arg(path, ok.error())};
  return schedule;
}

}  // namespace lrscope::cli
