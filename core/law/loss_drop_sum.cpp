#include "law/loss_drop_sum.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "law/scalar.h"

namespace lrscope {

namespace {

constexpr int kMaxOrder = 48;

// Binomial coefficients C(k, j) for k, j < kMaxOrder.
const std::array<std::array<double, kMaxOrder>, kMaxOrder>& binomials() {
  static const auto table = [] {
    std::array<std::array<double, kMaxOrder>, kMaxOrder> t{};
    for (int k = 0; k < kMaxOrder; ++k) {
      t[k][0] = 1.0;
      for (int j = 1; j <= k; ++j) t[k][j] = t[k - 1][j - 1] + (j < k ? t[k - 1][j] : 0.0);
    }
    return t;
  }();
  return table;
}

}  // namespace

// Per-evaluation scratch: per-source offsets/weights and per-level node centres, radii, moments.
template <typename T>
struct LossDropSum::Work {
  int order = 0;
  std::vector<T> off;     // lr[n]^gamma / C per source
  std::vector<T> weight;  // d_n off^beta per source
  std::vector<std::vector<double>> centre, radius;
  std::vector<std::vector<T>> moments;  // node j of a level: order values, scaled by radius^k
};

LossDropSum::LossDropSum(std::shared_ptr<const PerStepLr> lr, std::int64_t first,
                         std::vector<std::int64_t> steps, Options options)
    : lr_(std::move(lr)), options_(options) {
  const std::int64_t last = steps.empty() ? 0 : *std::max_element(steps.begin(), steps.end());
  const PerStepLr& rate = *lr_;
  for (std::int64_t n = std::max<std::int64_t>(first, 1); n <= last; ++n) {
    const double drop = rate[n - 1] - rate[n];
    if (drop == 0.0) continue;
    const bool zero = rate[n] <= 0.0;
    sources_.push_back({n, drop, rate.suffix(n), zero ? 0.0 : std::log(rate[n]), zero});
  }
  for (std::int64_t s : steps) {
    const auto causal =
        std::upper_bound(sources_.begin(), sources_.end(), s,
                         [](std::int64_t v, const Source& src) { return v < src.n; });
    targets_.push_back(
        {s, static_cast<std::size_t>(causal - sources_.begin()), rate.suffix(s + 1)});
  }
  // Tree levels: level 0 holds leaves of leafSize sources, level k+1 pairs the nodes of level k.
  const std::size_t leaf = static_cast<std::size_t>(std::max(1, options_.leafSize));
  std::size_t nodes = (sources_.size() + leaf - 1) / leaf;
  std::vector<double> drops(nodes, 0.0);
  for (std::size_t i = 0; i < sources_.size(); ++i) drops[i / leaf] += sources_[i].drop;
  while (!drops.empty()) {
    levelDrop_.push_back(drops);
    if (drops.size() == 1) break;
    std::vector<double> up((drops.size() + 1) / 2, 0.0);
    for (std::size_t j = 0; j < drops.size(); ++j) up[j / 2] += drops[j];
    drops = std::move(up);
  }
}

int LossDropSum::orderFor(double beta) const {
  // Omitted terms k >= p of sum_k (beta)_k/k! theta^k, times (1 + theta)^beta (see the header).
  const double b = std::max(beta, 0.0);
  const double theta = options_.theta;
  double coef = 1.0;
  double power = 1.0;
  for (int k = 1; k < kMaxOrder; ++k) {
    coef *= (b + k - 1.0) / k;
    power *= theta;
    const double ratio = theta * std::max(1.0, (b + k) / (k + 1.0));
    if (ratio < 1.0 &&
        coef * power * std::pow(1.0 + theta, b) / (1.0 - ratio) <= options_.tolerance)
      return k;
  }
  return kMaxOrder;
}

template <typename T>
T LossDropSum::exactTerm(const Source& src, const Target& target, const T& off,
                         const T& beta) const {
  using std::expm1;
  using std::log1p;
  const double window = lr_->sum(src.n, target.step);  // S_n(s), the better of prefix/suffix
  if (src.zeroLr) return T(window > 0.0 ? src.drop : 0.0);
  return -src.drop * expm1(-beta * log1p(window / off));
}

template <typename T>
void LossDropSum::evaluateExact(const T& C, const T& beta, const T& gamma, T* out) const {
  using std::exp;
  using std::log;
  const T logC = log(C);
  std::vector<T> off(sources_.size());
  for (std::size_t i = 0; i < sources_.size(); ++i)
    if (!sources_[i].zeroLr) off[i] = exp(gamma * sources_[i].logLr - logC);
  for (std::size_t t = 0; t < targets_.size(); ++t) {
    T sum(0.0);
    for (std::size_t i = 0; i < targets_[t].causal; ++i)
      sum += exactTerm(sources_[i], targets_[t], off[i], beta);
    out[t] = sum;
  }
}

template <typename T>
void LossDropSum::evaluate(const T& C, const T& beta, const T& gamma, T* out) const {
  using std::exp;
  using std::log;
  const std::size_t count = sources_.size();
  if (count == 0) {
    for (std::size_t t = 0; t < targets_.size(); ++t) out[t] = T(0.0);
    return;
  }
  const auto& binom = binomials();
  const std::size_t leaf = static_cast<std::size_t>(std::max(1, options_.leafSize));
  const std::size_t levels = levelDrop_.size();
  Work<T> w;
  w.order = orderFor(scalarOf(beta));
  const int p = w.order;
  const T logC = log(C);
  w.off.assign(count, T(0.0));
  w.weight.assign(count, T(0.0));
  for (std::size_t i = 0; i < count; ++i) {
    if (sources_[i].zeroLr) continue;
    const T logOff = gamma * sources_[i].logLr - logC;
    w.off[i] = exp(logOff);
    w.weight[i] = sources_[i].drop * exp(beta * logOff);
  }
  w.centre.resize(levels);
  w.radius.resize(levels);
  w.moments.resize(levels);
  auto floorRadius = [](double r, double c) { return std::max(r, 1e-12 * (1.0 + std::abs(c))); };
  // Leaves: centre, radius and moments sum w (delta / r)^k straight from the sources.
  {
    const std::size_t nodes = levelDrop_[0].size();
    w.centre[0].resize(nodes);
    w.radius[0].resize(nodes);
    w.moments[0].assign(nodes * p, T(0.0));
    for (std::size_t j = 0; j < nodes; ++j) {
      const std::size_t lo = j * leaf, hi = std::min(lo + leaf, count);
      double low = 1e300, high = -1e300;
      for (std::size_t i = lo; i < hi; ++i) {
        const double pos = sources_[i].tail + scalarOf(w.off[i]);
        low = std::min(low, pos);
        high = std::max(high, pos);
      }
      const double c = 0.5 * (low + high), r = floorRadius(0.5 * (high - low), c);
      w.centre[0][j] = c;
      w.radius[0][j] = r;
      T* mu = &w.moments[0][j * p];
      for (std::size_t i = lo; i < hi; ++i) {
        const T u = (sources_[i].tail + w.off[i] - c) / r;
        T term = w.weight[i];
        for (int k = 0; k < p; ++k) {
          mu[k] += term;
          term *= u;
        }
      }
    }
  }
  // Inner nodes: the union of the children's intervals; moments shifted binomially.
  std::vector<double> shift(static_cast<std::size_t>(p) * p), scalePowers(p), shiftPowers(p);
  auto powers = [p](double x, std::vector<double>& out) {
    out[0] = 1.0;
    for (int k = 1; k < p; ++k) out[k] = out[k - 1] * x;
  };
  for (std::size_t level = 1; level < levels; ++level) {
    const std::size_t nodes = levelDrop_[level].size(), below = levelDrop_[level - 1].size();
    w.centre[level].resize(nodes);
    w.radius[level].resize(nodes);
    w.moments[level].assign(nodes * p, T(0.0));
    for (std::size_t j = 0; j < nodes; ++j) {
      double low = 1e300, high = -1e300;
      for (std::size_t child = 2 * j; child < std::min(2 * j + 2, below); ++child) {
        low = std::min(low, w.centre[level - 1][child] - w.radius[level - 1][child]);
        high = std::max(high, w.centre[level - 1][child] + w.radius[level - 1][child]);
      }
      const double c = 0.5 * (low + high), r = floorRadius(0.5 * (high - low), c);
      w.centre[level][j] = c;
      w.radius[level][j] = r;
      T* mu = &w.moments[level][j * p];
      for (std::size_t child = 2 * j; child < std::min(2 * j + 2, below); ++child) {
        // (delta/r)^k = sum_j C(k,j) (delta1/r1)^j (r1/r)^j (h/r)^(k-j), h = c1 - c.
        const double scale = w.radius[level - 1][child] / r;
        const double h = (w.centre[level - 1][child] - c) / r;
        const T* mu1 = &w.moments[level - 1][child * p];
        powers(scale, scalePowers);
        powers(h, shiftPowers);
        for (int k = 0; k < p; ++k)
          for (int jj = 0; jj <= k; ++jj)
            shift[k * p + jj] = binom[k][jj] * scalePowers[jj] * shiftPowers[k - jj];
        for (int k = 0; k < p; ++k) {
          T acc(0.0);
          for (int jj = 0; jj <= k; ++jj) acc += mu1[jj] * shift[k * p + jj];
          mu[k] += acc;
        }
      }
    }
  }
  // Fold the expansion coefficients (-1)^k (beta)_k / k! into the moments.
  {
    std::vector<T> coef(p);
    coef[0] = T(1.0);
    for (int k = 1; k < p; ++k) coef[k] = -coef[k - 1] * (beta + (k - 1.0)) / double(k);
    for (std::size_t level = 0; level < levels; ++level)
      for (std::size_t i = 0; i < w.moments[level].size(); ++i) w.moments[level][i] *= coef[i % p];
  }
  // Targets: walk the tree from the root.
  std::vector<std::pair<std::size_t, std::size_t>> stack;
  for (std::size_t t = 0; t < targets_.size(); ++t) {
    const Target& target = targets_[t];
    T sum(0.0);
    stack.assign(1, {levels - 1, 0});
    while (!stack.empty()) {
      const auto [level, j] = stack.back();
      stack.pop_back();
      const std::size_t span = leaf << level;
      const std::size_t lo = j * span, hi = std::min(lo + span, count);
      if (lo >= target.causal) continue;
      if (hi <= target.causal) {
        const double distance = w.centre[level][j] - target.tail;
        const double r = w.radius[level][j];
        if (distance > 0.0 && r <= options_.theta * distance) {
          const double rho = r / distance;
          const T* nu = &w.moments[level][j * p];
          T acc = nu[p - 1];
          for (int k = p - 2; k >= 0; --k) acc = acc * rho + nu[k];
          sum += levelDrop_[level][j] - exp(-beta * std::log(distance)) * acc;
          continue;
        }
      }
      if (level == 0) {
        for (std::size_t i = lo; i < std::min(hi, target.causal); ++i)
          sum += exactTerm(sources_[i], target, w.off[i], beta);
        continue;
      }
      const std::size_t below = levelDrop_[level - 1].size();
      if (2 * j + 1 < below) stack.push_back({level - 1, 2 * j + 1});
      stack.push_back({level - 1, 2 * j});
    }
    out[t] = sum;
  }
}

using Jet3 = ceres::Jet<double, 3>;
using Jet7 = ceres::Jet<double, 7>;
#define LRSCOPE_INSTANTIATE_LOSS_DROP(T)                                          \
  template void LossDropSum::evaluate<T>(const T&, const T&, const T&, T*) const; \
  template void LossDropSum::evaluateExact<T>(const T&, const T&, const T&, T*) const;

LRSCOPE_INSTANTIATE_LOSS_DROP(double)
LRSCOPE_INSTANTIATE_LOSS_DROP(Jet3)
LRSCOPE_INSTANTIATE_LOSS_DROP(Jet7)
#undef LRSCOPE_INSTANTIATE_LOSS_DROP

}  // namespace lrscope
