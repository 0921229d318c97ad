#include "io/schedule_inference.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>

#include "io/lr_reconstruction.h"

namespace lrscope {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kSearchSamples = 1000;

const QStringList kShapes = {"linear",        "cosine",      "1-sqrt", "square",
                             "mirror_cosine", "exponential", "inverse"};

double shapeFactor(int shape, double p) {  // f(p), 1 at p = 0, 0 at p = 1 (common_parameters.h)
  p = std::clamp(p, 0.0, 1.0);
  switch (shape) {
    case 1:
      return 0.5 * (1.0 + std::cos(std::numbers::pi * p));
    case 2:
      return 1.0 - std::sqrt(p);
    case 3:
      return 1.0 - p * p;
    case 4:
      return 2.0 * (1.0 - p) - 0.5 * (1.0 + std::cos(std::numbers::pi * p));
    default:
      return 1.0 - p;
  }
}

struct Samples {
  std::vector<double> n, v;
  double peak = 0.0;
};

struct Level {
  double peak = 0.0, min = 0.0, sse = kInf;
};

// Least squares of sum (a peak + b min - v)^2 with 0 <= min <= peak.
Level solveAffine(const std::vector<double>& a, const std::vector<double>& b, const Samples& s) {
  double saa = 0, sab = 0, sbb = 0, sav = 0, sbv = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    saa += a[i] * a[i], sab += a[i] * b[i], sbb += b[i] * b[i];
    sav += a[i] * s.v[i], sbv += b[i] * s.v[i];
  }
  Level l;
  const double det = saa * sbb - sab * sab;
  if (det > 1e-12 * std::max(saa * sbb, 1e-300)) {
    l.peak = (sav * sbb - sbv * sab) / det;
    l.min = (saa * sbv - sab * sav) / det;
  }
  if (!(det > 1e-12 * std::max(saa * sbb, 1e-300)) || l.min < 0.0) {
    l.min = 0.0;
    l.peak = saa > 0 ? sav / saa : 0.0;
  }
  if (l.min > l.peak) {  // one level: (a + b) x
    double sxx = 0, sxv = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
      sxx += (a[i] + b[i]) * (a[i] + b[i]), sxv += (a[i] + b[i]) * s.v[i];
    l.peak = l.min = sxx > 0 ? sxv / sxx : 0.0;
  }
  l.sse = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i)
    l.sse += std::pow(a[i] * l.peak + b[i] * l.min - s.v[i], 2);
  return l;
}

// Minimises f over an integer box: a grid of about 10 points a side, then finer grids around the
// best point down to single steps, then a pattern search. Ties keep the earlier (smaller) point.
std::vector<std::int64_t> gridSearch(
    std::vector<std::pair<std::int64_t, std::int64_t>> box,
    const std::function<double(const std::vector<std::int64_t>&)>& f) {
  const std::size_t dims = box.size();
  const auto limits = box;
  std::vector<std::int64_t> best(dims), at(dims);
  for (std::size_t d = 0; d < dims; ++d) best[d] = box[d].first;
  double bestValue = kInf;
  for (;;) {
    std::vector<std::int64_t> step(dims);
    bool fine = true;
    for (std::size_t d = 0; d < dims; ++d) {
      step[d] = std::max<std::int64_t>(1, (box[d].second - box[d].first) / 10);
      fine = fine && step[d] == 1;
    }
    std::function<void(std::size_t)> visit = [&](std::size_t d) {
      if (d == dims) {
        const double value = f(at);
        if (value < bestValue * (1.0 - 1e-12)) bestValue = value, best = at;
        return;
      }
      for (std::int64_t x = box[d].first;; x += step[d]) {
        at[d] = std::min(x, box[d].second);
        visit(d + 1);
        if (at[d] == box[d].second) break;
      }
    };
    visit(0);
    if (fine) break;
    for (std::size_t d = 0; d < dims; ++d)
      box[d] = {std::max(box[d].first, best[d] - 2 * step[d]),
                std::min(box[d].second, best[d] + 2 * step[d])};
  }
  // Then a pattern search along every direction (diagonals follow the narrow valleys that
  // correlated parameters make), halving the move until it is one step.
  std::vector<std::int64_t> delta(dims);
  for (std::size_t d = 0; d < dims; ++d)
    delta[d] = std::max<std::int64_t>(1, (limits[d].second - limits[d].first) / 20);
  for (;;) {
    bool moved = false;
    for (int code = 0; code < static_cast<int>(std::pow(3, dims)); ++code) {
      int c = code;
      bool inside = true, zero = true;
      for (std::size_t d = 0; d < dims; ++d, c /= 3) {
        at[d] = best[d] + (c % 3 - 1) * delta[d];
        zero = zero && c % 3 == 1;
        inside = inside && at[d] >= limits[d].first && at[d] <= limits[d].second;
      }
      if (zero || !inside) continue;
      const double value = f(at);
      if (value < bestValue * (1.0 - 1e-12)) bestValue = value, best = at, moved = true;
    }
    if (moved) continue;
    bool done = true;
    for (std::size_t d = 0; d < dims; ++d) {
      done = done && delta[d] == 1;
      delta[d] = std::max<std::int64_t>(1, delta[d] / 2);
    }
    if (done) return best;
  }
}

class Inference {
 public:
  Inference(const LrSamples& all, const InferOptions& options) : options_(options) {
    const std::size_t n = all.steps.size();
    const std::size_t stride = std::max<std::size_t>(1, (n + kSearchSamples - 1) / kSearchSamples);
    for (std::size_t i = 0; i < n; ++i)
      if (i % stride == 0 || i + 1 == n || (i + 1 < n && i > 0 && drop(all, i))) {
        s_.n.push_back(static_cast<double>(all.steps[i]));
        s_.v.push_back(all.values[i]);
      }
    s_.peak = *std::max_element(all.values.begin(), all.values.end());
    last_ = all.steps.back();
    // Warmup range: from after the last sample below 98% of the peak that precedes the first
    // one above it, to the sample after the largest (noise can put the largest past the end).
    const auto k =
        static_cast<std::size_t>(std::max_element(s_.v.begin(), s_.v.end()) - s_.v.begin());
    const auto k0 = static_cast<std::size_t>(
        std::find_if(s_.v.begin(), s_.v.end(), [&](double v) { return v >= 0.98 * s_.peak; }) -
        s_.v.begin());
    warmup_ = {k0 > 0 ? static_cast<std::int64_t>(s_.n[k0 - 1]) + 1 : 0,
               static_cast<std::int64_t>(k + 1 < s_.n.size() ? s_.n[k + 1] : s_.n[k])};
    drops_ = lrDrops(all);
    all_ = all;
  }

  std::vector<QJsonObject> candidates() {
    std::vector<QJsonObject> out;
    out.push_back(constant());
    out.push_back(decay(QStringLiteral("linear"), 0));
    out.push_back(decay(QStringLiteral("cosine"), 1));
    for (int shape = 0; shape < kShapes.size(); ++shape) out.push_back(wsd(shape));
    if (QJsonObject m = multiStep(); !m.isEmpty()) out.push_back(m);
    return out;
  }

 private:
  static bool drop(const LrSamples& all, std::size_t i) {  // keep samples around big changes
    return std::abs(all.values[i] - all.values[i - 1]) >
           0.01 * std::max(all.values[i], all.values[i - 1]);
  }

  std::int64_t fixedTotal() const {
    return options_.totalSteps > 0 ? options_.totalSteps : last_ + 1;
  }
  std::pair<std::int64_t, std::int64_t> totalRange(std::int64_t from) const {
    if (options_.totalSteps > 0) return {options_.totalSteps, options_.totalSteps};
    return {last_ + 1, last_ + 1 + 2 * std::max<std::int64_t>(last_ - from, 1)};
  }

  double warm(double n, std::int64_t w) const {
    return w > 0 && n < static_cast<double>(w) ? n / static_cast<double>(w) : 1.0;
  }

  QJsonObject constant() {
    std::vector<double> a(s_.n.size()), b(s_.n.size(), 0.0);
    Level level;
    const auto best = gridSearch({warmup_}, [&](const std::vector<std::int64_t>& x) {
      for (std::size_t i = 0; i < a.size(); ++i) a[i] = warm(s_.n[i], x[0]);
      return solveAffine(a, b, s_).sse;
    });
    for (std::size_t i = 0; i < a.size(); ++i) a[i] = warm(s_.n[i], best[0]);
    level = solveAffine(a, b, s_);
    return {{"family", "constant"},
            {"total_steps", static_cast<double>(fixedTotal())},
            {"peak_lr", level.peak},
            {"warmup_steps", static_cast<double>(best[0])}};
  }

  // cosine / linear: the decay runs from W to N.
  QJsonObject decay(const QString& family, int shape) {
    std::vector<double> a(s_.n.size()), b(s_.n.size());
    auto fill = [&](std::int64_t w, std::int64_t total) {
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (w > 0 && s_.n[i] < static_cast<double>(w)) {
          a[i] = s_.n[i] / static_cast<double>(w), b[i] = 0.0;
          continue;
        }
        const double f =
            shapeFactor(shape, (s_.n[i] - static_cast<double>(w)) / static_cast<double>(total - w));
        a[i] = f, b[i] = 1.0 - f;
      }
    };
    const auto totals = family == QLatin1String("linear") ? std::pair(fixedTotal(), fixedTotal())
                                                          : totalRange(warmup_.second);
    const auto best = gridSearch({warmup_, totals}, [&](const std::vector<std::int64_t>& x) {
      if (x[1] <= x[0]) return kInf;
      fill(x[0], x[1]);
      return solveAffine(a, b, s_).sse;
    });
    fill(best[0], best[1]);
    const Level level = solveAffine(a, b, s_);
    return {{"family", family},
            {"total_steps", static_cast<double>(best[1])},
            {"peak_lr", level.peak},
            {"min_lr", level.min},
            {"warmup_steps", static_cast<double>(best[0])}};
  }

  // wsd: stable from W to S = N - D, then the shape from peak to min over [S, N].
  Level wsdLevel(int shape, std::int64_t w, std::int64_t start, std::int64_t total,
                 std::vector<double>& a, std::vector<double>& b) const {
    const double span = static_cast<double>(total - start);
    for (std::size_t i = 0; i < a.size(); ++i) {
      const double q = (s_.n[i] - static_cast<double>(start)) / span;
      const bool decaying = s_.n[i] >= static_cast<double>(start);
      const double f = decaying && shape < 5 ? shapeFactor(shape, q) : 1.0;
      a[i] = decaying ? f : warm(s_.n[i], w);
      b[i] = decaying ? 1.0 - f : 0.0;
    }
    if (shape < 5) return solveAffine(a, b, s_);
    // exponential / inverse: peak from the stable samples, min_lr in log / reciprocal space.
    Level l;
    double saa = 0, sav = 0, sqq = 0, sqc = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (s_.n[i] < static_cast<double>(start)) saa += a[i] * a[i], sav += a[i] * s_.v[i];
    l.peak = saa > 0 ? sav / saa : s_.peak;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const double q = (s_.n[i] - static_cast<double>(start)) / span;
      if (s_.n[i] < static_cast<double>(start) || s_.v[i] <= 0.0 || q <= 0.0) continue;
      sqq += q * q;
      sqc += q * (shape == 5 ? std::log(s_.v[i] / l.peak) : 1.0 / s_.v[i] - 1.0 / l.peak);
    }
    const double c = sqq > 0 ? sqc / sqq : 0.0;
    l.min = shape == 5 ? l.peak * std::exp(c) : 1.0 / (1.0 / l.peak + c);
    if (!(l.min > 0.0) || l.min > l.peak) return l;  // sse stays infinite
    l.sse = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      double model = a[i] * l.peak;
      if (s_.n[i] >= static_cast<double>(start)) {
        const double q = std::min(1.0, (s_.n[i] - static_cast<double>(start)) / span);
        model = shape == 5 ? std::pow(l.peak, 1.0 - q) * std::pow(l.min, q)
                           : 1.0 / ((1.0 - q) / l.peak + q / l.min);
      }
      l.sse += std::pow(model - s_.v[i], 2);
    }
    return l;
  }

  QJsonObject wsd(int shape) {
    std::vector<double> a(s_.n.size()), b(s_.n.size());
    const std::pair<std::int64_t, std::int64_t> starts{warmup_.first,
                                                       std::max(warmup_.first, last_)};
    const auto best = gridSearch({warmup_, starts, totalRange(warmup_.second)},
                                 [&](const std::vector<std::int64_t>& x) {
                                   if (x[1] < x[0] || x[2] <= x[1]) return kInf;
                                   return wsdLevel(shape, x[0], x[1], x[2], a, b).sse;
                                 });
    const Level level = wsdLevel(shape, best[0], best[1], best[2], a, b);
    return {{"family", "wsd"},
            {"total_steps", static_cast<double>(best[2])},
            {"peak_lr", level.peak},
            {"min_lr", level.min},
            {"warmup_steps", static_cast<double>(best[0])},
            {"decay_steps", static_cast<double>(best[2] - best[1])},
            {"decay_shape", kShapes[shape]}};
  }

  // multi_step: milestones at the first sample after each drop, one gamma.
  QJsonObject multiStep() {
    std::vector<double> milestones;
    double logRatio = 0.0;
    for (std::size_t i = 0; i < drops_.size(); ++i) {
      if (!drops_[i]) continue;
      const double before = all_.values[i], after = all_.values[i + 1];
      if (!(after < before) || after <= 0.0) return {};
      milestones.push_back(static_cast<double>(all_.steps[i + 1]));
      logRatio += std::log(after / before);
    }
    if (milestones.empty()) return {};
    const double gamma = std::exp(logRatio / static_cast<double>(milestones.size()));
    std::vector<double> a(s_.n.size()), b(s_.n.size(), 0.0);
    auto fill = [&](std::int64_t w) {
      for (std::size_t i = 0; i < a.size(); ++i) {
        const auto count =
            std::upper_bound(milestones.begin(), milestones.end(), s_.n[i]) - milestones.begin();
        a[i] = warm(s_.n[i], w) * std::pow(gamma, static_cast<double>(count));
      }
    };
    const std::pair<std::int64_t, std::int64_t> warmups{
        warmup_.first,
        std::min<std::int64_t>(warmup_.second, static_cast<std::int64_t>(milestones.front()))};
    const auto best = gridSearch({warmups}, [&](const std::vector<std::int64_t>& x) {
      fill(x[0]);
      return solveAffine(a, b, s_).sse;
    });
    fill(best[0]);
    const Level level = solveAffine(a, b, s_);
    QJsonArray ms;
    for (double m : milestones) ms.append(m);
    return {{"family", "multi_step"}, {"total_steps", static_cast<double>(fixedTotal())},
            {"peak_lr", level.peak},  {"milestones", ms},
            {"gamma", gamma},         {"warmup_steps", static_cast<double>(best[0])}};
  }

  InferOptions options_;
  Samples s_;
  LrSamples all_;
  std::vector<bool> drops_;
  std::int64_t last_ = 0;
  std::pair<std::int64_t, std::int64_t> warmup_;
};

int complexity(const QString& family) {
  if (family == QLatin1String("constant")) return 0;
  if (family == QLatin1String("linear") || family == QLatin1String("cosine")) return 1;
  if (family == QLatin1String("multi_step")) return 2;
  return 3;
}

}  // namespace

Result<ScheduleFit> inferSchedule(const Series& lr, const InferOptions& options) {
  const LrSamples samples = usableLrSamples(lr);
  if (samples.steps.empty())
    return Error{
        QStringLiteral("series '%1': no finite, non-negative value to infer a schedule from")
            .arg(lr.name)};
  Eigen::ArrayXd steps(static_cast<Eigen::Index>(samples.steps.size()));
  Eigen::ArrayXd values(steps.size());
  for (Eigen::Index i = 0; i < steps.size(); ++i) {
    steps[i] = static_cast<double>(samples.steps[static_cast<std::size_t>(i)]);
    values[i] = samples.values[static_cast<std::size_t>(i)];
  }
  std::vector<ScheduleCandidate> candidates;
  QStringList notes;
  if (samples.left > 0)
    notes << QStringLiteral("series '%1': %2 NaN, inf or negative values left out")
                 .arg(lr.name)
                 .arg(samples.left);
  for (const QJsonObject& json : Inference(samples, options).candidates()) {
    Result<Schedule> schedule = Schedule::fromJson(json, QStringLiteral("inferred"));
    if (!schedule.ok()) continue;  // parameters outside the family's domain (e.g. a 0-step decay)
    const Eigen::ArrayXd error = schedule->formula().evalArray(steps) - values;
    const double rms = std::sqrt(error.square().mean());
    if (std::isfinite(rms)) candidates.push_back({std::move(schedule).value(), rms});
  }
  if (candidates.empty())
    return Error{QStringLiteral("series '%1': no schedule family fits the samples").arg(lr.name)};
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const auto& a, const auto& b) { return a.rms < b.rms; });
  const double peak = values.maxCoeff();
  const double tolerance = candidates.front().rms * 1.05 + 1e-9 * peak;
  std::size_t chosen = 0;
  for (std::size_t i = 1; i < candidates.size(); ++i)
    if (candidates[i].rms <= tolerance && complexity(candidates[i].schedule.family()) <
                                              complexity(candidates[chosen].schedule.family()))
      chosen = i;
  const Eigen::ArrayXd error = candidates[chosen].schedule.formula().evalArray(steps) - values;
  ScheduleFit fit{candidates[chosen].schedule,
                  candidates[chosen].rms,
                  peak > 0 ? candidates[chosen].rms / peak : 0.0,
                  error.abs().maxCoeff(),
                  std::move(candidates),
                  notes};
  return fit;
}

}  // namespace lrscope
