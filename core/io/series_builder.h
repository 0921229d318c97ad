#pragma once
// RunBuilder: collects a run's points in log order, then resolves them into sorted Series.
// The rules every reader shares (docs/log-formats.md):
//   - Restarts, TensorBoard's way: when a step is at or below the last kept step of its series (a
//     resumed run logging again), the kept points at and after that step are dropped and the later
//     points replace them. Each restart is reported in Run::warnings with the steps involved.
//   - A repeated step with the very same value (Lightning's `epoch` on several rows of one step)
//     merges silently; with a different value the later one wins and it is reported.
//   - NaN and inf are kept as values (gaps when plotting) and counted in a warning per series.
//   - Series keep the order of their first appearance.
#include <QHash>
#include <QString>
#include <QStringList>
#include <cmath>
#include <cstdint>
#include <vector>

#include "io/run.h"

namespace lrscope {

class RunBuilder {
 public:
  // Index of the series `name`, created on first use; `key` is its name in the file, if different.
  int series(const QString& name, const QString& key = {});
  int seriesCount() const { return static_cast<int>(pending_.size()); }
  bool hasSeries(const QString& name) const { return index_.contains(name); }

  void add(int series, std::int64_t step, double value) {
    Pending& p = pending_[static_cast<std::size_t>(series)];
    p.ordered = p.ordered && (p.steps.empty() || step > p.steps.back());
    p.nonFinite += !std::isfinite(value);
    p.steps.push_back(step);
    p.values.push_back(value);
    if (!p.wallTime.empty()) p.wallTime.push_back(kNoTime);
  }
  void add(int series, std::int64_t step, double value, double wallTime);
  void reserve(int series, std::size_t points);
  // Appends the points `later` collected for the same series (registered with the same names in
  // the same order), as if they had been added here after the present ones. Only the series i
  // with i % parts == part: two threads can each append one part; `later` is spent afterwards.
  void append(RunBuilder& later, int part = 0, int parts = 1);

  // The resolved run; warnings name `source` ("<source>: series 'loss': ...").
  Run finish(const QString& name, const QString& source, const QString& format);

 private:
  static constexpr double kNoTime = __builtin_nan("");
  struct Pending {
    QString name;
    QString key;
    std::vector<std::int64_t> steps;
    std::vector<double> values;
    std::vector<double> wallTime;
    bool ordered = true;         // steps strictly increasing so far: nothing to resolve
    std::int64_t nonFinite = 0;  // NaN/inf values so far: nothing to count when 0
  };
  std::vector<Pending> pending_;
  QHash<QString, int> index_;
};

// Resolves one series' points, given in log order, by the rules above; appends its warnings.
Series resolveSeries(QString name, std::vector<std::int64_t> steps, std::vector<double> values,
                     std::vector<double> wallTime, const QString& source, QStringList& warnings);

}  // namespace lrscope
