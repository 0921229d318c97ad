#include "io/lr_reconstruction.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace lrscope {

LrSamples usableLrSamples(const Series& lr) {
  LrSamples out;
  for (std::size_t i = 0; i < lr.size(); ++i) {
    if (!std::isfinite(lr.values[i]) || lr.values[i] < 0.0) {
      ++out.left;
      continue;
    }
    out.steps.push_back(lr.steps[i]);
    out.values.push_back(lr.values[i]);
  }
  return out;
}

std::vector<bool> lrDrops(const LrSamples& s, double jumpRatio, double jumpMinimum) {
  const std::size_t n = s.steps.size();
  std::vector<double> slope(n > 0 ? n - 1 : 0);
  for (std::size_t i = 0; i + 1 < n; ++i)
    slope[i] =
        std::abs(s.values[i + 1] - s.values[i]) / static_cast<double>(s.steps[i + 1] - s.steps[i]);
  std::vector<bool> drops(slope.size(), false);
  if (slope.size() < 2) return drops;
  for (std::size_t i = 0; i < slope.size(); ++i) {
    const double change = std::abs(s.values[i + 1] - s.values[i]);
    const double left = i > 0 ? slope[i - 1] : 0.0;
    const double right = i + 1 < slope.size() ? slope[i + 1] : 0.0;
    drops[i] = s.steps[i + 1] - s.steps[i] > 1 &&
               change > jumpMinimum * std::max(s.values[i], s.values[i + 1]) &&
               slope[i] > jumpRatio * std::max(left, right);
  }
  return drops;
}

Result<RebuiltLr> rebuildLrSchedule(const Series& lr, const LrRebuildOptions& options) {
  const LrSamples s = usableLrSamples(lr);
  if (s.steps.empty())
    return Error{QStringLiteral("series '%1': no finite, non-negative value to rebuild the LR from")
                     .arg(lr.name)};
  QStringList notes;
  int drops = 0;
  if (s.left > 0)
    notes << QStringLiteral("series '%1': %2 NaN, inf or negative values left out")
                 .arg(lr.name)
                 .arg(s.left);
  const std::int64_t last = s.steps.back();
  const std::int64_t total = options.totalSteps > 0 ? options.totalSteps : last + 1;
  if (total > kMaxScheduleSteps)
    return Error{QStringLiteral("series '%1': %2 steps is more than LRScope samples (%3)")
                     .arg(lr.name)
                     .arg(total)
                     .arg(kMaxScheduleSteps)};

  QJsonObject json;
  const bool everyStep = s.steps.front() == 0 &&
                         last + 1 == static_cast<std::int64_t>(s.steps.size()) && total == last + 1;
  if (everyStep) {
    QJsonArray values;
    for (double v : s.values) values.append(v);
    json = {{"family", "sampled"}, {"values", values}};
  } else {
    const std::vector<bool> drop = lrDrops(s, options.jumpRatio, options.jumpMinimum);
    std::vector<std::pair<double, double>> points;
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
      if (i > 0 && drop[i - 1]) {
        points.emplace_back(static_cast<double>(s.steps[i] - 1), s.values[i - 1]);
        ++drops;
      }
      points.emplace_back(static_cast<double>(s.steps[i]), s.values[i]);
    }
    // Drop interior points on the line through their neighbours.
    const double tolerance = 1e-12 * *std::max_element(s.values.begin(), s.values.end());
    std::vector<std::pair<double, double>> kept;
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (i > 0 && i + 1 < points.size()) {
        const auto [x0, y0] = points[i - 1];
        const auto [x1, y1] = points[i + 1];
        const double onLine = y0 + (y1 - y0) * (points[i].first - x0) / (x1 - x0);
        if (std::abs(onLine - points[i].second) <= tolerance) continue;
      }
      kept.push_back(points[i]);
    }
    QJsonArray array;
    for (const auto& [x, y] : kept) array.append(QJsonArray{x, y});
    json = {{"family", "piecewise_linear"},
            {"points", array},
            {"total_steps", static_cast<double>(total)},
            {"interpolation", "linear"}};
  }
  Result<Schedule> schedule = Schedule::fromJson(json, QStringLiteral("rebuilt LR"));
  if (!schedule.ok())
    return Error{QStringLiteral("series '%1': %2").arg(lr.name, schedule.error())};
  return RebuiltLr{std::move(schedule).value(), static_cast<int>(s.steps.size()), drops, notes};
}

}  // namespace lrscope
