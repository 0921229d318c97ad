#pragma once
// inferSchedule: the schedule family and parameters closest to logged LR samples, with the
// residual, for logs that hold the LR only every N steps (or to name what a run used).
// Families tried, all with a linear warmup (zero_start: lr = peak n / W for n < W):
//   constant, linear, cosine (min_lr free), wsd with each decay shape (linear, cosine, 1-sqrt,
//   square, mirror_cosine, exponential, inverse) and multi_step (milestones where the samples
//   show a drop, one gamma: the geometric mean of the drops).
// Method: the integer parameters (warmup W, total N, decay start N - D) by a coarse-to-fine grid
// search over the ranges the samples allow; for each, peak_lr and min_lr by least squares (they
// enter affinely; the exponential and inverse shapes take the peak from the stable phase and
// fit min_lr in log / reciprocal space). Samples beyond 1000 are thinned evenly for the search;
// the residuals are then measured with the built Schedule on every sample.
//   - N is not identifiable from a linear decay alone: give `totalSteps` when the log stops
//     before the schedule ends; otherwise it is searched (cosine, wsd) or the last step + 1.
//   - A warmup that was not logged (samples start at the peak) is searched from the decay's shape
//     (cosine, linear) or set to 0 where nothing depends on it.
//   - Choice: the lowest RMS wins, but a simpler family within 5% (+1e-9 of the peak) of it is
//     preferred (constant < linear, cosine < multi_step < wsd).
#include <QJsonObject>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "common/result.h"
#include "io/series.h"
#include "schedule/schedule.h"

namespace lrscope {

struct InferOptions {
  std::int64_t totalSteps = 0;  // the schedule's length when known
};

struct ScheduleCandidate {
  Schedule schedule;
  double rms = 0.0;
};

struct ScheduleFit {
  Schedule schedule;
  double rms = 0.0;          // sqrt(mean((schedule - sample)^2)) over the finite samples
  double relativeRms = 0.0;  // rms / largest sample
  double maxError = 0.0;     // largest |schedule - sample|
  std::vector<ScheduleCandidate> candidates;  // the best of each family tried, lowest rms first
  QStringList notes;
};

Result<ScheduleFit> inferSchedule(const Series& lr, const InferOptions& options = {});

}  // namespace lrscope
