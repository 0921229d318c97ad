#pragma once
// Inputs of `lrscope fit` and `lrscope predict`: logs to fit runs, schedule files to per-step LRs.
//   Loss: the series named by --loss, else "loss", else "val/loss".
//   Schedule: a schedule JSON attached with --schedule FILE=S.json, else the run's "lr" series
//   rebuilt for every step (io/lr_reconstruction.h), up to the last loss step.
//   Warmup W: --warmup-steps, else the attached schedule's warmup_steps, else detected from the LR
//   (law/warmup.h). When the logged LR starts after step 0 and W is given, the steps before the
//   first LR sample get the linear warmup 0 -> lr[W] (the MPL data hold only post-warmup rows).
#include <QHash>
#include <QStringList>
#include <vector>

#include "common/result.h"
#include "fit/fitter.h"
#include "io/log_registry.h"

namespace lrscope::cli {

struct LawInputOptions {
  QString lossSeries;
  std::int64_t warmupSteps = -1;      // -1: from the schedule or detected
  QHash<QString, QString> schedules;  // log file -> schedule JSON
  ReadOptions read;
};

// Appends every run found in `paths` with `role`; notes collects what was assumed on the way.
Result<bool> loadFitRuns(const QStringList& paths, FitRole role, const LawInputOptions& options,
                         std::vector<FitRun>& runs, QStringList& notes);

// A schedule JSON or a CSV with an lr column, as a law sees it.
Result<LawSchedule> loadLawSchedule(const QString& path, std::int64_t warmupSteps);

}  // namespace lrscope::cli
