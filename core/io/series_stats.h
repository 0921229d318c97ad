#pragma once
// What `lrscope inspect` (and the GUI's run list) says about a series: its size, step range,
// logging interval, gaps, NaN/inf counts and the restarts resolved while reading.
//   interval: the median step difference (the logging interval);
//   gap: a step difference over 1.5 x the interval (a missing point or more).
#include <cstdint>

#include "io/series.h"

namespace lrscope {

struct SeriesStats {
  std::size_t points = 0;
  std::int64_t firstStep = 0, lastStep = 0;
  std::int64_t interval = 0;
  std::int64_t gaps = 0;
  std::int64_t largestGapFrom = 0, largestGapTo = 0;  // the widest gap's neighbouring steps
  std::int64_t nan = 0, inf = 0;
  int restarts = 0;
  std::int64_t replacedPoints = 0;
};

SeriesStats seriesStats(const Series& series);

}  // namespace lrscope
