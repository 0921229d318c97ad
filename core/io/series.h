#pragma once
// Series: one logged quantity of a run ("loss", "val/loss", "lr", ...), points sorted by step.
// Steps may be sparse and differ per series. NaN/inf values are kept as gaps (never dropped, never
// plotted as numbers); `wallTime` is seconds since the epoch where the format has it, else empty.
#include <QString>
#include <cstdint>
#include <vector>

namespace lrscope {

struct Series {
  QString name;
  std::vector<std::int64_t> steps;
  std::vector<double> values;
  std::vector<double> wallTime;     // empty, or one per point (NaN where a point has none)
  QString key;                      // the column, tag or key it was read from, when not `name`
  int restarts = 0;                 // times the step went backwards in the log (resolved)
  std::int64_t replacedPoints = 0;  // earlier points dropped by restarts and duplicate steps

  std::size_t size() const { return steps.size(); }
  bool empty() const { return steps.empty(); }
};

}  // namespace lrscope
