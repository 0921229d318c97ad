#include "fit/fit_setup.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "fit/fitter.h"
#include "law/autodiff_law.h"

namespace lrscope {

namespace {

struct Summary {
  double minLoss = std::numeric_limits<double>::infinity();
  double maxLoss = -std::numeric_limits<double>::infinity();
  double maxLr = 0.0;
  double firstArea = 0.0, firstLoss = 0.0;  // the earliest observed point
  double areaA = 1.0, areaAlpha = 0.5;      // power-law seed in LR area
  double stepA = 1.0, stepAlpha = 0.5;      // power-law seed in steps
};

// Least-squares line y = intercept + slope x; returns (e^intercept, -slope).
std::pair<double, double> powerSeed(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += x[i] / n, my += y[i] / n;
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) * (x[i] - mx);
  const double slope = sxx > 0 ? sxy / sxx : -0.5;
  return {std::exp(my - slope * mx), -slope};
}

Summary summarize(const std::vector<TrainingRun>& runs) {
  Summary s;
  std::int64_t earliest = std::numeric_limits<std::int64_t>::max();
  for (const TrainingRun& run : runs) {
    const auto& obs = run.observations;
    for (std::size_t i = 0; i < obs.loss.size(); ++i) {
      s.minLoss = std::min(s.minLoss, obs.loss[i]);
      s.maxLoss = std::max(s.maxLoss, obs.loss[i]);
      if (obs.steps[i] < earliest) {
        earliest = obs.steps[i];
        s.firstArea = run.schedule.lr->prefix(obs.steps[i] + 1);
        s.firstLoss = obs.loss[i];
      }
    }
    for (std::int64_t n = 0; n <= obs.steps.back(); ++n)
      s.maxLr = std::max(s.maxLr, (*run.schedule.lr)[n]);
  }
  std::vector<double> logArea, logStep, y;
  for (const TrainingRun& run : runs)
    for (std::size_t i = 0; i < run.observations.loss.size(); ++i) {
      const std::int64_t step = run.observations.steps[i];
      logArea.push_back(std::log(run.schedule.lr->prefix(step + 1)));
      logStep.push_back(std::log(double(step + 1)));
      y.push_back(std::log(run.observations.loss[i] - s.minLoss + 0.01));
    }
  std::tie(s.areaA, s.areaAlpha) = powerSeed(logArea, y);
  std::tie(s.stepA, s.stepAlpha) = powerSeed(logStep, y);
  return s;
}

std::vector<double> spread(double centre, double half, int n) {
  std::vector<double> v;
  for (int i = 0; i < n; ++i) v.push_back(n == 1 ? centre : centre - half + 2 * half * i / (n - 1));
  return v;
}

// The reference grid for L0, A, alpha: 5 x 3 x 3 around the data's power-law seed.
std::vector<std::vector<double>> powerGrid(const Summary& s, double a, double alpha) {
  const double half = std::min(0.2, 0.25 * s.minLoss);
  std::vector<std::vector<double>> grid;
  for (double l0 : spread(s.minLoss, half, 5))
    for (double aa : spread(a, 0.1, 3))
      for (double al : spread(alpha, 0.1, 3))
        grid.push_back({l0, std::max(aa, 1e-3), std::max(al, 0.01)});
  return grid;
}

// Reduced MPL model L0 + A area^-alpha - B (eta_0 - eta_s) for the seeding stage.
struct ReducedRun : PreparedRun {
  std::vector<double> logArea, drop;
};

class ReducedMpl final : public AutoDiffLaw<ReducedMpl, ReducedRun, 4> {
 public:
  QString name() const override { return QStringLiteral("mpl-reduced"); }
  QString title() const override { return name(); }
  QString formula() const override {
    return QStringLiteral("L0 + A area^-alpha - B (eta_0 - eta)");
  }
  const std::vector<LawParameter>& parameters() const override {
    static const std::vector<LawParameter> params = {{QStringLiteral("L0"), 0, 0, 1e3, {}},
                                                     {QStringLiteral("A"), 0, 0, 1e3, {}},
                                                     {QStringLiteral("alpha"), 0, 0, 10, {}},
                                                     {QStringLiteral("B"), 0, 0, 1e12, {}}};
    return params;
  }
  std::unique_ptr<PreparedRun> prepare(const LawSchedule& schedule,
                                       std::vector<std::int64_t> steps) const override {
    auto run = std::make_unique<ReducedRun>();
    const PerStepLr& lr = *schedule.lr;
    const double peak = lr[std::max<std::int64_t>(schedule.warmupSteps - 1, 0)];
    for (std::int64_t s : steps) {
      run->logArea.push_back(std::log(lr.prefix(s + 1)));
      run->drop.push_back(peak - lr[s]);
    }
    run->schedule = schedule;
    run->steps = std::move(steps);
    return run;
  }
  template <typename T>
  void evaluate(const ReducedRun& run, const T* p, T* loss) const {
    using std::exp;
    for (std::size_t i = 0; i < run.steps.size(); ++i)
      loss[i] = p[0] + p[1] * exp(-p[2] * run.logArea[i]) - p[3] * run.drop[i];
  }
};

std::vector<std::vector<double>> mplStarts(const LawProblem& full,
                                           const std::vector<TrainingRun>& runs, const Summary& s,
                                           const CancelToken* cancel) {
  const ReducedMpl reduced;
  LawProblem lp;
  lp.law = &reduced;
  lp.huber = full.huber;
  lp.huberDelta = full.huberDelta;
  for (const TrainingRun& run : runs) {
    LawProblem::Run r{reduced.prepare(run.schedule, run.observations.steps), {}};
    for (double y : run.observations.loss) r.logLoss.push_back(std::log(y));
    lp.runs.push_back(std::move(r));
  }
  lp.lower = {full.lower[0], full.lower[1], full.lower[2], full.lower[3]};
  lp.upper = {full.upper[0], full.upper[1], full.upper[2], full.upper[3]};
  lp.fixed = {full.fixed[0], full.fixed[1], full.fixed[2], full.fixed[3]};
  std::vector<std::pair<double, std::vector<double>>> fits;
  const double unit = 3e-4 / s.maxLr;  // the reference's B grid is for a peak LR of 3e-4
  for (const auto& g : powerGrid(s, s.areaA, s.areaAlpha))
    for (double b : {100.0, 550.0, 1000.0}) {
      if (cancel && cancel->isCancelled()) break;
      const SolveOutcome out = solveLaw(lp, {g[0], g[1], g[2], b * unit}, 200, cancel);
      if (!out.failed) fits.push_back({out.objective, out.params});
    }
  std::sort(fits.begin(), fits.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::vector<double>> distinct;
  for (const auto& [objective, p] : fits) {
    const bool seen = std::any_of(distinct.begin(), distinct.end(), [&](const auto& q) {
      for (int j = 0; j < 4; ++j)
        if (std::abs(p[j] - q[j]) > 1e-3 * std::max(std::abs(p[j]), 1e-6)) return false;
      return true;
    });
    if (!seen) distinct.push_back(p);
    if (distinct.size() == 3) break;
  }
  std::vector<std::vector<double>> starts;
  for (const auto& p : distinct)
    for (const auto& tail :
         {std::vector<double>{1.0, 0.5, 0.5}, std::vector<double>{2.0, 0.6, 0.6}})
      starts.push_back({p[0], p[1], p[2], p[3], tail[0], tail[1], tail[2]});
  return starts;
}

// The largest S2 over the training points at the given lambda (momentum and CPT laws).
double largestAnnealingArea(const LawProblem& lp, double lambda, int lambdaIndex) {
  std::vector<double> probe(lp.law->parameterCount(), 0.0);
  probe[3] = -1.0;  // L0 = A = 0, C = -1: the law returns S2 (plus a zero shift for CPT)
  probe[lambdaIndex] = lambda;
  double largest = 0.0;
  for (const auto& run : lp.runs) {
    std::vector<double> s2(run.logLoss.size());
    lp.law->predict(*run.prepared, probe.data(), s2.data());
    for (double v : s2) largest = std::max(largest, v);
  }
  return largest;
}

}  // namespace

void tightenBounds(const LossLaw& law, const std::vector<TrainingRun>& runs,
                   std::vector<double>& lower, std::vector<double>& upper) {
  const Summary s = summarize(runs);
  auto limit = [&](const char* name, double lo, double hi) {
    const int j = law.parameterIndex(QLatin1String(name));
    if (j < 0) return;
    lower[j] = std::max(lower[j], lo);
    upper[j] = std::min(upper[j], hi);
  };
  const QString name = law.name();
  if (name != QLatin1String("convex-bound")) {
    limit("L0", 0.0, s.maxLoss);
    limit("alpha", 0.01, 3.0);
  }
  if (name == QLatin1String("mpl")) {
    limit("B", 0.0, s.maxLoss / s.maxLr);
    limit("C", 1e-6, 1e6);
    limit("beta", 0.05, 5.0);
    limit("gamma", 0.0, 2.0);
  }
  if (name == QLatin1String("cpt")) limit("B", -s.maxLoss, s.maxLoss);
  if (name == QLatin1String("convex-bound")) limit("C", 0.0, s.minLoss);
}

bool hasReferenceStart(const QString& lawName) {
  return lawName == QLatin1String("mpl");
}

StartPlan startPoints(const LawProblem& problem, const std::vector<TrainingRun>& runs,
                      const std::vector<double>& base, const CancelToken* cancel) {
  const Summary s = summarize(runs);
  const LossLaw& law = *problem.law;
  const QString name = law.name();
  StartPlan plan;
  std::vector<std::vector<double>>& starts = plan.starts;
  auto with = [&](std::initializer_list<std::pair<const char*, double>> values) {
    std::vector<double> p = base;
    for (const auto& [key, v] : values) {
      const int j = law.parameterIndex(QLatin1String(key));
      if (j >= 0 && !problem.fixed[j]) p[j] = v;
    }
    return p;
  };
  if (hasReferenceStart(name)) {
    for (auto& p : mplStarts(problem, runs, s, cancel))
      starts.push_back(with({{"L0", p[0]},
                             {"A", p[1]},
                             {"alpha", p[2]},
                             {"B", p[3]},
                             {"C", p[4]},
                             {"beta", p[5]},
                             {"gamma", p[6]}}));
    if (!starts.empty()) plan.priorCentre = starts.front();
    for (const LawParameter& p : law.parameters())
      plan.priorByDefault.push_back(p.name == QLatin1String("B") || p.name == QLatin1String("C") ||
                                    p.name == QLatin1String("beta") ||
                                    p.name == QLatin1String("gamma"));
  } else if (name == QLatin1String("power-area") || name == QLatin1String("power-steps")) {
    const bool steps = name == QLatin1String("power-steps");
    for (const auto& g : powerGrid(s, steps ? s.stepA : s.areaA, steps ? s.stepAlpha : s.areaAlpha))
      starts.push_back(with({{"L0", g[0]}, {"A", g[1]}, {"alpha", g[2]}}));
  } else if (name == QLatin1String("momentum") || name == QLatin1String("cpt")) {
    const int lambda = law.parameterIndex(QStringLiteral("lambda"));
    const double area = largestAnnealingArea(problem, base[lambda], lambda);
    const double range = s.maxLoss - s.minLoss + 0.01;
    const bool cpt = name == QLatin1String("cpt");
    for (const auto& g : powerGrid(s, s.areaA, s.areaAlpha))
      for (double c : {0.03, 0.1, 0.3}) {
        const auto p = with(
            {{"L0", g[0]}, {"A", g[1]}, {"alpha", g[2]}, {"C", area > 0 ? c * range / area : 0.0}});
        if (!cpt) {
          starts.push_back(p);
          continue;
        }
        for (double b : {-0.1, 0.1})
          for (double e : {1.0 / s.maxLr / 1000, 1.0 / s.maxLr / 100}) {
            std::vector<double> q = p;
            for (const auto& [key, v] : {std::pair{"B", b * range}, {"E", e}, {"beta", 0.5}}) {
              const int j = law.parameterIndex(QLatin1String(key));
              if (!problem.fixed[j]) q[j] = v;
            }
            starts.push_back(q);
          }
      }
  } else if (name == QLatin1String("convex-bound")) {
    const double range = s.maxLoss - s.minLoss + 0.01;
    for (double c : {s.minLoss - 0.1 * range, 0.9 * s.minLoss, 0.5 * s.minLoss})
      for (double floor : {0.01, 0.05, 0.2}) {
        const double d = std::sqrt(std::max(2.0 * s.firstArea * (s.firstLoss - c), 1e-12));
        const double g = std::sqrt(2.0 * floor * s.minLoss / s.maxLr);
        starts.push_back(with({{"C", std::max(c, 0.0)},
                               {"D", d},
                               {"B", g},
                               {"G1", 0.0},
                               {"G2", 0.0},
                               {"A1", 0.0},
                               {"A2", 0.0}}));
      }
  }
  if (starts.empty()) starts.push_back(base);
  return plan;
}

}  // namespace lrscope
