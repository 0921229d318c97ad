#pragma once
// Inputs of `lrscope fit` and `lrscope predict`: logs to fit runs, schedule files to per-step LRs.
//   Each run found in the logs becomes a FitRun as fit/fit_run_from_log.h says (loss series, LR,
//   warmup), after attaching the schedule JSON given with --schedule LOG=S.json to it.
#include <QHash>
#include <QStringList>
#include <vector>

#include "common/result.h"
#include "fit/fit_run_from_log.h"
#include "io/log_registry.h"

namespace lrscope::cli {

struct LawInputOptions {
  FitRunOptions run;                  // --loss, --warmup-steps
  QHash<QString, QString> schedules;  // log file -> schedule JSON
  ReadOptions read;
};

// Appends every run found in `paths` with `role`; notes collects what was assumed on the way.
Result<bool> loadFitRuns(const QStringList& paths, FitRole role, const LawInputOptions& options,
                         std::vector<FitRun>& runs, QStringList& notes);

// A schedule JSON or a CSV with an lr column, as a law sees it.
Result<LawSchedule> loadLawSchedule(const QString& path, std::int64_t warmupSteps);

}  // namespace lrscope::cli
