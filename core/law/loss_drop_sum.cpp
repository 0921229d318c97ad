#include "law/loss_drop_sum.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "law/scalar.h"

namespace lrscope {

namespace {

constexpr int kMaxOrder = 48;

const std::vector<double>& inverseFactorials() {
  static const std::vector<double> table = [] {
    std::vector<double> t(kMaxOrder, 1.0);
    for (int k = 1; k < kMaxOrder; ++k) t[k] = t[k - 1] / k;
    return t;
  }();
  return table;
}

}  // namespace

// Per-evaluation scratch: per-source offsets/weights and per-level node centres, radii, moments.
template <typename T>
struct LossDropSum::Work {
  std::vector<T> off;     // lr[n]^gamma / C per source
  std::vector<T> weight;  // d_n off^beta per source
  std::vector<std::vector<double>> centre, radius;
  std::vector<std::vector<T>> moments;  // node j of a level: p values (see evaluate)
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
  const std::size_t leaf = static_cast<std::size_t>(std::max(1, options_.leafSize));
  const std::size_t levels = levelDrop_.size();
  const int p = orderFor(scalarOf(beta));
  const std::vector<double>& inverseFactorial = inverseFactorials();
  Work<T> w;
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
  // Moments are stored as m_k = sum w (delta / r)^k / k! ("exponential" scaling keeps the centre
  // shift a plain convolution).
  // Leaves: straight from the sources, k outer so the loop over a leaf's sources vectorises.
  {
    const std::size_t nodes = levelDrop_[0].size();
    w.centre[0].resize(nodes);
    w.radius[0].resize(nodes);
    w.moments[0].resize(nodes * p);
    std::vector<T> u(leaf), power(leaf);
    for (std::size_t j = 0; j < nodes; ++j) {
      const std::size_t lo = j * leaf, size = std::min(lo + leaf, count) - lo;
      double low = 1e300, high = -1e300;
      for (std::size_t i = lo; i < lo + size; ++i) {
        const double pos = sources_[i].tail + scalarOf(w.off[i]);
        low = std::min(low, pos);
        high = std::max(high, pos);
      }
      const double c = 0.5 * (low + high), r = floorRadius(0.5 * (high - low), c);
      w.centre[0][j] = c;
      w.radius[0][j] = r;
      for (std::size_t i = 0; i < size; ++i) {
        u[i] = (sources_[lo + i].tail + w.off[lo + i] - c) / r;
        power[i] = w.weight[lo + i];
      }
      T* m = &w.moments[0][j * p];
      for (int k = 0; k < p; ++k) {
        T sum(0.0);
        for (std::size_t i = 0; i < size; ++i) {
          sum += power[i];
          power[i] *= u[i];
        }
        m[k] = sum * inverseFactorial[k];
      }
    }
  }
  // Inner nodes: the union of the children's intervals; a child's moments, rescaled to the parent
  // radius (factor s^k, s = r1/r) and shifted by h = (c1 - c)/r, add up as
  // m_k = sum_{j<=k} s^j m1_j h^(k-j)/(k-j)!.
  std::vector<T> scaled(p);
  std::vector<double> shift(p);
  for (std::size_t level = 1; level < levels; ++level) {
    const std::size_t nodes = levelDrop_[level].size(), below = levelDrop_[level - 1].size();
    w.centre[level].resize(nodes);
    w.radius[level].resize(nodes);
    w.moments[level].assign(nodes * p, T(0.0));
    for (std::size_t j = 0; j < nodes; ++j) {
      const std::size_t last = std::min(2 * j + 2, below);
      double low = 1e300, high = -1e300;
      for (std::size_t c = 2 * j; c < last; ++c) {
        low = std::min(low, w.centre[level - 1][c] - w.radius[level - 1][c]);
        high = std::max(high, w.centre[level - 1][c] + w.radius[level - 1][c]);
      }
      const double centre = 0.5 * (low + high), r = floorRadius(0.5 * (high - low), centre);
      w.centre[level][j] = centre;
      w.radius[level][j] = r;
      T* m = &w.moments[level][j * p];
      for (std::size_t c = 2 * j; c < last; ++c) {
        const double s = w.radius[level - 1][c] / r, h = (w.centre[level - 1][c] - centre) / r;
        const T* m1 = &w.moments[level - 1][c * p];
        double sk = 1.0, hk = 1.0;
        for (int k = 0; k < p; ++k, sk *= s, hk *= h) {
          scaled[k] = m1[k] * sk;
          shift[k] = hk * inverseFactorial[k];
        }
        for (int k = 0; k < p; ++k) {
          T sum(0.0);
          for (int jj = 0; jj <= k; ++jj) sum += scaled[jj] * shift[k - jj];
          m[k] += sum;
        }
      }
    }
  }
  // Fold in the expansion coefficients: (1 + x)^-beta = sum_k (-1)^k (beta)_k x^k / k!.
  {
    std::vector<T> coef(p);
    coef[0] = T(1.0);
    for (int k = 1; k < p; ++k) coef[k] = -coef[k - 1] * (beta + (k - 1.0));
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
