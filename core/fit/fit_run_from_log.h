#pragma once
// From a loaded log (io/run.h) to what a law is fitted on (FitRun), the same for the command line
// and the GUI.
//   Loss: the series named options.lossSeries; by default "loss", else "val/loss", else the first
//   series whose name contains "loss" (any case); the first of these with points. Its points are
//   kept as logged, NaN included (the fitter skips points that are not finite and > 0).
//   LR of every step: the schedule the run used wins (options.schedule, else the one attached to
//   the run, io/run_schedule.h); else the run's "lr" series rebuilt for every step
//   (io/lr_reconstruction.h: sharp drops stay sharp) up to the later of its last LR and loss step.
//   Warmup W: options.warmupSteps; else the schedule's declared warmup when it has one
//   (Schedule::warmupSteps); else detected from the per-step LR (law/warmup.h). When the LR is
//   rebuilt from a log whose LR starts after step 0 and W > 1 is given, the steps before the first
//   LR sample get the linear warmup 0 -> lr[W] (the MPL data hold only post-warmup rows).
//   Errors name the run and its source: no loss series (listing the run's series), neither an lr
//   series nor a schedule, an LR that cannot be rebuilt, a schedule ending before the last loss.
#include <QStringList>
#include <cstdint>

#include "common/result.h"
#include "fit/fitter.h"
#include "io/run.h"

namespace lrscope {

struct FitRunOptions {
  QString lossSeries;                  // empty: loss, else val/loss, else the first *loss* series
  std::int64_t warmupSteps = -1;       // -1: declared by the schedule, else detected
  const Schedule* schedule = nullptr;  // the run's schedule when the caller keeps it apart
};

// `notes` (optional) collects what was assumed: the linear warmup filled in, LR samples left out.
Result<FitRun> fitRunFromLog(const Run& run, FitRole role, const FitRunOptions& options = {},
                             QStringList* notes = nullptr);

// The loss series fitRunFromLog fits (see above); null when the run has none with points.
const Series* fitLossSeries(const Run& run, const QString& name = {});

// The warmup a law uses for `lr` sampled from `schedule`: the declared one when > 0, else
// detected from the LR.
std::int64_t scheduleWarmupSteps(const Schedule& schedule, const std::vector<double>& lr);

}  // namespace lrscope
