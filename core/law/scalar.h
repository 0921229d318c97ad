#pragma once
// The plain value of a law scalar (double or ceres::Jet), for decisions that must not depend on
// derivatives (tree splits, branch choices).
#include <ceres/jet.h>

namespace lrscope {

inline double scalarOf(double x) {
  return x;
}

template <typename T, int N>
double scalarOf(const ceres::Jet<T, N>& x) {
  return x.a;
}

}  // namespace lrscope
