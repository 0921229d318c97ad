#pragma once
// Synthetic training runs: the loss a law predicts under a schedule, logged every `evalEvery`
// updates from `firstStep` on, times (1 + relativeNoise * z) with z ~ N(0, 1) from a seeded
// generator, so the same spec always gives the same run. Used for the bundled demo (the app ships
// no third-party data) and for tests that need curves with known parameters.
// The run holds two series: "lr" at every step and "loss" at the logged steps.
#include <cstdint>
#include <memory>
#include <vector>

#include "common/result.h"
#include "io/run.h"
#include "law/loss_law.h"
#include "schedule/schedule.h"

namespace lrscope {

struct SyntheticRunSpec {
  QString name;
  Schedule schedule;
  std::shared_ptr<const LossLaw> law;
  std::vector<double> parameters;  // in law->parameters() order
  std::int64_t warmupSteps = 0;
  std::int64_t evalEvery = 128;
  std::int64_t firstStep = 0;
  double relativeNoise = 0.0;
  std::uint64_t seed = 1;
};

Result<Run> makeSyntheticRun(const SyntheticRunSpec& spec);

}  // namespace lrscope
