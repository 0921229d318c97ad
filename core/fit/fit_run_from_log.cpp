#include "fit/fit_run_from_log.h"

#include <algorithm>

#include "io/lr_reconstruction.h"
#include "law/warmup.h"

namespace lrscope {

namespace {

Error missingLoss(const Run& run, const QString& label, const QString& name) {
  QStringList names;
  for (const Series& s : run.series)
    names << (s.empty() ? QStringLiteral("%1 (empty)").arg(s.name) : s.name);
  const QString wanted =
      name.isEmpty() ? QStringLiteral("loss or val/loss series, nor any series named *loss*")
                     : QStringLiteral("'%1' series").arg(name);
  return Error{
      QStringLiteral("%1: no %2 with points (series: %3)")
          .arg(label, wanted,
               names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")))};
}

}  // namespace

const Series* fitLossSeries(const Run& run, const QString& name) {
  if (!name.isEmpty()) {
    const Series* s = run.find(name);
    return s && !s->empty() ? s : nullptr;
  }
  for (const QString& candidate : {QStringLiteral("loss"), QStringLiteral("val/loss")})
    if (const Series* s = run.find(candidate); s && !s->empty()) return s;
  for (const Series& s : run.series)
    if (!s.empty() && s.name.contains(QLatin1String("loss"), Qt::CaseInsensitive)) return &s;
  return nullptr;
}

std::int64_t scheduleWarmupSteps(const Schedule& schedule, const std::vector<double>& lr) {
  const std::int64_t declared = schedule.warmupSteps();
  return declared > 0 ? declared : detectWarmupSteps(lr);
}

Result<FitRun> fitRunFromLog(const Run& run, FitRole role, const FitRunOptions& options,
                             QStringList* notes) {
  const QString label =
      run.source.isEmpty() ? run.name : QStringLiteral("%1 (%2)").arg(run.name, run.source);
  const auto note = [&](const QString& text) {
    if (notes) *notes << QStringLiteral("%1: %2").arg(label, text);
  };
  const Series* loss = fitLossSeries(run, options.lossSeries);
  if (!loss) return missingLoss(run, label, options.lossSeries);
  const std::int64_t lastLossStep = loss->steps.back();

  const Schedule* schedule = options.schedule ? options.schedule
                             : run.schedule   ? &run.schedule->schedule
                                              : nullptr;
  const Series* logged = run.find(QStringLiteral("lr"));
  std::vector<double> lr;
  if (schedule) {
    lr = schedule->sample();
  } else if (logged) {
    LrRebuildOptions rebuild;
    rebuild.totalSteps = std::max(lastLossStep, logged->empty() ? 0 : logged->steps.back()) + 1;
    Result<RebuiltLr> rebuilt = rebuildLrSchedule(*logged, rebuild);
    if (!rebuilt) return Error{QStringLiteral("%1: %2").arg(label, rebuilt.error())};
    for (const QString& text : rebuilt->notes) note(text);
    lr = rebuilt->schedule.sample();
  } else {
    return Error{QStringLiteral("%1: no lr series and no schedule attached; attach the schedule "
                                "the run used")
                     .arg(label)};
  }
  if (static_cast<std::int64_t>(lr.size()) <= lastLossStep)
    return Error{
        QStringLiteral("%1: the schedule has %2 steps but the loss is logged up to step %3")
            .arg(label)
            .arg(lr.size())
            .arg(lastLossStep)};

  std::int64_t warmup = options.warmupSteps;
  if (!schedule && warmup > 1 && logged->steps.front() > 0) {
    fillLinearWarmup(lr, warmup, logged->steps.front());
    note(QStringLiteral("LR logged from step %1 on; steps before it use a linear warmup 0 -> %2 "
                        "over %3 steps")
             .arg(logged->steps.front())
             .arg(lr[std::min<std::int64_t>(warmup, lr.size() - 1)])
             .arg(warmup));
  }
  if (warmup < 0) warmup = schedule ? scheduleWarmupSteps(*schedule, lr) : detectWarmupSteps(lr);

  FitRun fit;
  fit.name = run.name;
  fit.source = run.source;
  fit.role = role;
  fit.schedule = {std::make_shared<PerStepLr>(std::move(lr)), warmup};
  fit.steps = loss->steps;
  fit.loss = loss->values;
  return fit;
}

}  // namespace lrscope
