#pragma once
// The bundled demo: four 24,000-step runs (cosine to 10 %, constant, WSD with a linear cooldown
// over the last 4,000 steps, and a two-stage schedule) whose validation loss follows the
// Multi-Power Law with the parameters Luo et al. published for their 400M model (reference
// convention, docs/laws-and-schedules.md §1.6), logged every 128 steps after a 2,160-step warmup
// with 0.2 % noise. Generated here, so the app ships no third-party data.
#include <vector>

#include "io/run.h"
#include "schedule/schedule.h"

namespace lrscope {

struct DemoRun {
  Run run;
  Schedule schedule;
};

std::vector<DemoRun> demoRuns();

}  // namespace lrscope
