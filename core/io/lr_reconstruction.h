#pragma once
// From a logged LR series to a Schedule giving the LR of every step (what the loss laws need).
//
// rebuildLrSchedule: interpolates the samples (docs/log-formats.md, "LR reconstruction"):
//   - Samples on every step 0..N-1: family "sampled", the values as logged.
//   - Otherwise family "piecewise_linear" through the samples, linear between neighbours, except
//     across a drop: a segment (s0, v0) -> (s1, v1) more than one step long whose slope is over
//     `jumpRatio` times the slopes of both neighbouring segments and whose change is over
//     `jumpMinimum` of the larger LR is a step change. The LR then holds v0 up to s1 - 1 and is
//     v1 from s1 on (the logged value at s1 already is the new one), so a MultiStepLR drop stays
//     sharp instead of becoming a ramp. A segment with a missing neighbour counts that side as 0.
//   - Before the first sample the first value holds; after the last, the last. total_steps is
//     the option, else the last sample's step + 1.
//   - NaN/inf and negative samples are left out (noted). Interior points collinear with their
//     neighbours (to 1e-12 of the peak) are dropped: the schedule stays the same, the file small.
#include <QStringList>
#include <cstdint>

#include "common/result.h"
#include "io/series.h"
#include "schedule/schedule.h"

namespace lrscope {

struct LrRebuildOptions {
  std::int64_t totalSteps = 0;  // 0: last sample's step + 1
  double jumpRatio = 4.0;
  double jumpMinimum = 0.01;
};

struct RebuiltLr {
  Schedule schedule;
  int samples = 0;    // finite samples used
  int drops = 0;      // segments kept sharp
  QStringList notes;  // samples left out, ...
};

Result<RebuiltLr> rebuildLrSchedule(const Series& lr, const LrRebuildOptions& options = {});

// The (step, value) samples of `lr` usable as LRs: finite and >= 0; `left` counts the others.
struct LrSamples {
  std::vector<std::int64_t> steps;
  std::vector<double> values;
  int left = 0;
};
LrSamples usableLrSamples(const Series& lr);

// Segments i (samples i -> i+1) that are drops by the rule above.
std::vector<bool> lrDrops(const LrSamples& samples, double jumpRatio = 4.0,
                          double jumpMinimum = 0.01);

}  // namespace lrscope
