#include "io/run_schedule.h"

#include <cmath>

namespace lrscope {

QStringList attachSchedule(Run& run, ScheduleDocument document, const QString& source) {
  QStringList warnings;
  if (const Series* lr = run.find(QStringLiteral("lr"))) {
    const Schedule& schedule = document.schedule;
    std::int64_t firstStep = -1, mismatches = 0;
    double largest = 0.0;
    for (std::size_t i = 0; i < lr->size(); ++i) {
      const std::int64_t n = lr->steps[i];
      const double logged = lr->values[i];
      if (!std::isfinite(logged) || n < 0 || n >= schedule.totalSteps()) continue;
      const double difference = std::abs(schedule.lr(n) - logged);
      if (difference <= 0.01 * std::abs(logged)) continue;
      if (firstStep < 0) firstStep = n;
      ++mismatches;
      largest = std::max(largest, difference / std::max(std::abs(logged), 1e-300));
    }
    if (mismatches > 0)
      warnings << QStringLiteral(
                      "%1: schedule%2 differs from the logged lr by more than 1% at %3 logged "
                      "steps (first at step %4, largest %5%)")
                      .arg(run.name, source.isEmpty() ? QString() : QStringLiteral(" ") + source)
                      .arg(mismatches)
                      .arg(firstStep)
                      .arg(100.0 * largest, 0, 'g', 3);
  }
  run.schedule = std::move(document);
  run.scheduleSource = source;
  run.warnings += warnings;
  return warnings;
}

Result<QStringList> attachScheduleFile(Run& run, const QString& path) {
  Result<ScheduleDocument> document = readScheduleFile(path);
  if (!document.ok()) return Error{document.error()};
  return attachSchedule(run, std::move(document).value(), path);
}

Result<Schedule> runSchedule(const Run& run, const LrRebuildOptions& options) {
  if (run.schedule) return run.schedule->schedule;
  const Series* lr = run.find(QStringLiteral("lr"));
  if (!lr)
    return Error{
        QStringLiteral(
            "%1: no lr series and no schedule attached; attach the schedule JSON the run used")
            .arg(run.name)};
  Result<RebuiltLr> rebuilt = rebuildLrSchedule(*lr, options);
  if (!rebuilt.ok()) return Error{QStringLiteral("%1: %2").arg(run.name, rebuilt.error())};
  return std::move(rebuilt).value().schedule;
}

}  // namespace lrscope
