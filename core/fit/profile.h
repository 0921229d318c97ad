#pragma once
// Profile of one parameter: the fit repeated with that parameter held at each of a list of
// values, the others fitted (same options, multi-start included). The training objective along
// the profile shows how well the training runs pin the parameter down; the held-out metrics along
// it show how much the predictions depend on it. A flat objective with steep test metrics is a
// parameter the runs cannot determine but the predictions need (e.g. MPL's L0 when the test runs
// are 3x longer than the training ones, docs/laws-and-fitting.md §6).
//   objective(v) >= the free fit's objective (without prior) up to solver tolerance; the values
//   are fitted on two threads, each fit on one (results do not depend on the thread count).
#include <QString>
#include <vector>

#include "common/result.h"
#include "fit/fitter.h"

namespace lrscope {

struct ProfilePoint {
  double value = 0.0;
  FitStatus status = FitStatus::Failed;
  double objective = 0.0;  // training objective, without the prior's term
  Metrics train, test;
  bool hasTest = false;
};

// "NAME=FROM:TO:STEP" (STEP > 0, at most 1000 values) or "NAME=V1,V2,..."; errors name the part.
Result<std::pair<QString, std::vector<double>>> parseProfileSpec(const QString& spec);

// Why `name` cannot be profiled (not a parameter of `law`, or held by options.fixed); empty if it
// can.
QString profileProblem(const LossLaw& law, const FitOptions& options, const QString& name);

// Fails with profileProblem() when there is one.
Result<std::vector<ProfilePoint>> profileParameter(const LossLaw& law,
                                                   const std::vector<FitRun>& runs,
                                                   const FitOptions& options, const QString& name,
                                                   const std::vector<double>& values,
                                                   const CancelToken* cancel = nullptr);

}  // namespace lrscope
