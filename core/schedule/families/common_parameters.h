#pragma once
// Parameters and pieces shared by several schedule families: the total length, the peak and floor
// LRs, the warmup ramp (docs/laws-and-schedules.md §7.2) and the decay shapes of §7.5.
#include <QVector>
#include <cstdint>

#include "schedule/expr.h"
#include "schedule/parameter_spec.h"
#include "schedule/schedule_parameters.h"

namespace lrscope::families {

ParameterSpec totalStepsParameter();
ParameterSpec peakLrParameter();
ParameterSpec minLrParameter();

// warmup_steps W (default 0), warmup_convention, warmup_shape, warmup_start_factor w0:
//   lr(n) = target * (w0 + (1 - w0) * shape(p)) for n < W, target = main(W), where
//   p = n/W        "zero_start" (HF, optax, Levanter: first LR is w0*target; default)
//   p = (n+1)/W    "one_step"   (HF warmup without a rate: first LR is target/W)
//   p = n/(W-1)    "linspace"   (numpy.linspace(0, target, W): MPL data; reaches target at W-1)
//   shape(p) = p "linear" | (1 - cos(pi p))/2 "cosine" | 1 - sqrt(1 - p) "1-sqrt" (HF WSD)
// w0 = 0.01 gives Hägele et al.'s warmup; w0 = s with W = K gives PyTorch LinearLR(s, 1, K).
QVector<ParameterSpec> warmupParameters();
Expr withWarmup(ScheduleParameters& p, const Expr& n, const Expr& main);
// The same ramp from `start` to `target` over `steps` updates, as its own phase (linear_warmup).
Expr warmupRamp(ScheduleParameters& p, const Expr& n, std::int64_t steps, const Expr& start,
                const Expr& target);

// Decay shapes f over progress p in [0, 1], from `peak` (p = 0) to `floor` (p = 1):
//   linear        floor + (peak-floor)(1 - p)
//   cosine        floor + (peak-floor)(1 + cos(pi p))/2
//   1-sqrt        floor + (peak-floor)(1 - sqrt(p))                  (Hägele et al. 2024)
//   square        floor + (peak-floor)(1 - p^2)
//   mirror_cosine floor + (peak-floor)(2(1-p) - (1 + cos(pi p))/2)    (epfml)
//   exponential   peak^(1-p) * floor^p          geometric, needs floor > 0 (MPL wsd data)
//   inverse       1 / ((1-p)/peak + p/floor)    harmonic, needs floor > 0 (Levanter "inv")
QStringList decayShapeNames();
ParameterSpec decayShapeParameter(const QString& defaultShape);
// Checks the floor for the shapes that need floor > 0 (reported on `floorName`).
Expr decayShape(ScheduleParameters& p, const QString& shape, const Expr& progress, double peak,
                double floor, const QString& floorName);

// decay_steps D / decay_fraction f, both optional (at most one may be given):
//   D = decay_steps, else floor(f * span), else floor(fallbackFraction * span).
QVector<ParameterSpec> decayLengthParameters(const QString& fractionMeaning);
std::int64_t decayLength(ScheduleParameters& p, std::int64_t span, double fallbackFraction);

// Peak/min sanity: min_lr <= peak_lr (reported on min_lr).
void requireMinBelowPeak(ScheduleParameters& p, double peak, double minLr);

// Progress p = (n - begin) / length as a formula.
Expr progress(const Expr& n, double begin, double length);

}  // namespace lrscope::families
