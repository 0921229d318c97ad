#pragma once
// LossDropSum: the Multi-Power-Law loss-drop sum at many steps s (docs/laws-and-schedules.md §1),
//   D(s) = sum_{n=first}^{s} d_n * G(lr[n]^-gamma * S_n(s)),   d_n = lr[n-1] - lr[n],
//   S_n(s) = lr[n] + ... + lr[s],   G(x) = 1 - (1 + C x)^-beta,
// where only the n with d_n != 0 ("sources") contribute. Naively this is O(steps x sources).
//
// Exact rewrite (docs/laws-and-fitting.md §3): with off_n = lr[n]^gamma / C,
//   d_n * (1 - G) = w_n * (c_n - y)^-beta,  w_n = d_n off_n^beta,  c_n = tail(n) + off_n,
//   y = tail(s+1),  tail(k) = lr[k] + lr[k+1] + ... (the reverse cumulative sum),
// i.e. a 1-D sum of a power kernel between source positions c_n and a target position y, with
// c_n - y = S_n(s) + off_n > 0. Contiguous sources are grouped in a binary tree; a group far from
// the target (radius r <= theta * distance) is summed through its binomial moment expansion
// (p terms, p chosen from beta so the truncation is below `tolerance` relative to the group's
// total |d|), closer groups are split, and leaves next to the target are summed exactly. Cost
// O((sources + steps log sources) p); the error bound is tolerance * sum |d_n|.
#include <cstdint>
#include <memory>
#include <vector>

#include "schedule/per_step_lr.h"

namespace lrscope {

class LossDropSum {
 public:
  struct Options {
    double tolerance = 1e-7;  // truncation bound per far group, relative to its sum |d_n|
    double theta = 0.4;       // a group is far when its radius <= theta * distance
    int leafSize = 32;        // sources per leaf
  };

  // Sources are n in [first, max(steps)] with lr[n-1] != lr[n]; first >= 1.
  LossDropSum(std::shared_ptr<const PerStepLr> lr, std::int64_t first,
              std::vector<std::int64_t> steps, Options options);

  // out[i] = D(steps[i]). Instantiated for double and ceres::Jet<double, 3 | 7>.
  template <typename T>
  void evaluate(const T& C, const T& beta, const T& gamma, T* out) const;
  // The same sum term by term, O(steps x sources): the reference the fast path is tested against.
  template <typename T>
  void evaluateExact(const T& C, const T& beta, const T& gamma, T* out) const;

 private:
  struct Source {
    std::int64_t n;
    double drop;   // d_n
    double tail;   // tail(n)
    double logLr;  // log lr[n] (unused when lr[n] == 0)
    bool zeroLr;
  };
  struct Target {
    std::int64_t step;
    std::size_t causal;  // sources with n <= step: indices [0, causal)
    double tail;         // tail(step + 1)
  };
  template <typename T>
  struct Work;

  template <typename T>
  T exactTerm(const Source& src, const Target& target, const T& off, const T& beta) const;
  int orderFor(double beta) const;

  std::shared_ptr<const PerStepLr> lr_;
  std::vector<Source> sources_;
  std::vector<Target> targets_;
  std::vector<std::vector<double>> levelDrop_;  // sum of d_n per tree node, by level
  Options options_;
};

}  // namespace lrscope
