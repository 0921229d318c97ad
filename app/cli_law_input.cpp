#include "cli_law_input.h"

#include <QFileInfo>
#include <algorithm>

#include "io/run_schedule.h"
#include "law/warmup.h"

namespace lrscope::cli {

namespace {

// The schedule's warmup_steps when it has one.
std::int64_t declaredWarmup(const Schedule& schedule) {
  const QJsonValue w = schedule.toJson().value(QStringLiteral("warmup_steps"));
  return w.isDouble() ? static_cast<std::int64_t>(w.toDouble()) : -1;
}

Result<FitRun> fitRun(Run& run, FitRole role, const LawInputOptions& options, QStringList& notes) {
  const QString label = QStringLiteral("%1 (%2)").arg(run.name, run.source);
  const QStringList candidates =
      options.lossSeries.isEmpty() ? QStringList{QStringLiteral("loss"), QStringLiteral("val/loss")}
                                   : QStringList{options.lossSeries};
  const Series* loss = nullptr;
  for (const QString& name : candidates)
    if (!loss) loss = run.find(name);
  if (!loss || loss->empty()) {
    QStringList names;
    for (const Series& s : run.series) names << s.name;
    return Error{
        QStringLiteral("%1: no %2 series (series: %3); choose one with --loss NAME")
            .arg(label, candidates.join(QStringLiteral(" or ")), names.join(QStringLiteral(", ")))};
  }
  const QString attached = options.schedules.value(QFileInfo(run.source).canonicalFilePath());
  if (!attached.isEmpty()) {
    const auto ok = attachScheduleFile(run, attached);
    if (!ok) return Error{QStringLiteral("%1: %2").arg(label, ok.error())};
    for (const QString& w : *ok) notes << QStringLiteral("%1: %2").arg(label, w);
  }
  const std::int64_t lastStep = loss->steps.back();
  const auto schedule = runSchedule(run, LrRebuildOptions{lastStep + 1});
  if (!schedule) return Error{QStringLiteral("%1: %2").arg(label, schedule.error())};
  std::vector<double> lr = schedule->sample();
  if (static_cast<std::int64_t>(lr.size()) <= lastStep)
    return Error{
        QStringLiteral("%1: the schedule has %2 steps but the loss is logged up to step %3")
            .arg(label)
            .arg(lr.size())
            .arg(lastStep)};
  std::int64_t warmup = options.warmupSteps >= 0 ? options.warmupSteps
                        : run.schedule           ? declaredWarmup(schedule.value())
                                                 : -1;
  const Series* logged = run.find(QStringLiteral("lr"));
  if (!run.schedule && logged && !logged->empty() && logged->steps.front() > 0 && warmup > 1) {
    fillLinearWarmup(lr, warmup, logged->steps.front());
    notes << QStringLiteral(
                 "%1: LR logged from step %2 on; steps before it use a linear warmup "
                 "0 -> %3 over %4 steps")
                 .arg(label)
                 .arg(logged->steps.front())
                 .arg(lr[std::min<std::int64_t>(warmup, lr.size() - 1)])
                 .arg(warmup);
  }
  if (warmup < 0) warmup = detectWarmupSteps(lr);
  FitRun fit;
  fit.name = run.name;
  fit.source = run.source;
  fit.role = role;
  fit.schedule = {std::make_shared<PerStepLr>(std::move(lr)), warmup};
  fit.steps = loss->steps;
  fit.loss = loss->values;
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
  std::int64_t declared = -1;
  if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
    const auto document = readScheduleFile(path);
    if (!document) return Error{document.error()};
    lr = document->schedule.sample();
    declared = declaredWarmup(document->schedule);
  } else {
    LoadedLogs logs = readLogs({path});
    if (!logs.errors.isEmpty()) return Error{logs.errors.join(QLatin1Char('\n'))};
    if (logs.runs.empty()) return Error{QStringLiteral("%1: no schedule found").arg(path)};
    const auto schedule = runSchedule(logs.runs.front());
    if (!schedule) return Error{QStringLiteral("%1: %2").arg(path, schedule.error())};
    lr = schedule->sample();
  }
  if (lr.empty()) return Error{QStringLiteral("%1: the schedule has no steps").arg(path)};
  const std::int64_t warmup = warmupSteps >= 0 ? warmupSteps
                              : declared >= 0  ? declared
                                               : detectWarmupSteps(lr);
  LawSchedule schedule{std::make_shared<PerStepLr>(std::move(lr)), warmup};
  if (auto ok = validateLawSchedule(schedule); !ok)
    return Error{QStringLiteral("%1: %2").arg(path, ok.error())};
  return schedule;
}

}  // namespace lrscope::cli
