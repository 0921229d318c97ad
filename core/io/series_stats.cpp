#include "io/series_stats.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lrscope {

SeriesStats seriesStats(const Series& s) {
  SeriesStats st;
  st.points = s.size();
  st.restarts = s.restarts;
  st.replacedPoints = s.replacedPoints;
  for (double v : s.values) {
    st.nan += std::isnan(v);
    st.inf += std::isinf(v);
  }
  if (s.empty()) return st;
  st.firstStep = s.steps.front();
  st.lastStep = s.steps.back();
  if (s.size() < 2) return st;
  std::vector<std::int64_t> differences(s.size() - 1);
  for (std::size_t i = 0; i + 1 < s.size(); ++i) differences[i] = s.steps[i + 1] - s.steps[i];
  std::vector<std::int64_t> sorted = differences;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2),
                   sorted.end());
  st.interval = sorted[sorted.size() / 2];
  std::int64_t widest = 0;
  for (std::size_t i = 0; i < differences.size(); ++i) {
    if (2 * differences[i] <= 3 * st.interval) continue;
    ++st.gaps;
    if (differences[i] > widest) {
      widest = differences[i];
      st.largestGapFrom = s.steps[i];
      st.largestGapTo = s.steps[i + 1];
    }
  }
  return st;
}

}  // namespace lrscope
