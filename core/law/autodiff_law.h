#pragma once
// AutoDiffLaw<Derived, Prepared, N>: implements LossLaw::predict / predictWithJacobian from one
// templated evaluator, so a law is written once for any scalar type:
//   template <typename T> void evaluate(const Prepared& run, const T* params, T* loss) const;
// predict() runs it on doubles, predictWithJacobian() on ceres::Jet<double, N> (forward-mode
// derivatives, exact to rounding). The same evaluator can be used inside a Ceres
// AutoDiffCostFunction. Write the evaluator with unqualified math calls (`using std::exp;`) so
// both scalar types resolve.
#include <ceres/jet.h>

#include <array>
#include <vector>

#include "law/loss_law.h"

namespace lrscope {

template <typename Derived, typename Prepared, int N>
class AutoDiffLaw : public LossLaw {
 public:
  static constexpr int kParameters = N;

  void predict(const PreparedRun& run, const double* params, double* loss) const override {
    derived().template evaluate<double>(static_cast<const Prepared&>(run), params, loss);
  }

  void predictWithJacobian(const PreparedRun& run, const double* params, double* loss,
                           double* jacobian) const override {
    using Jet = ceres::Jet<double, N>;
    std::array<Jet, N> p;
    for (int j = 0; j < N; ++j) p[j] = Jet(params[j], j);
    std::vector<Jet> out(run.steps.size());
    derived().template evaluate<Jet>(static_cast<const Prepared&>(run), p.data(), out.data());
    for (std::size_t i = 0; i < out.size(); ++i) {
      loss[i] = out[i].a;
      for (int j = 0; j < N; ++j) jacobian[i * N + j] = out[i].v[j];
    }
  }

 private:
  const Derived& derived() const { return static_cast<const Derived&>(*this); }
};

}  // namespace lrscope
