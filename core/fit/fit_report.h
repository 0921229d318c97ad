#pragma once
// The fit report (report.json), written by `lrscope fit` and read by `lrscope predict` and
// `lrscope optimize`:
//   {"format": "lrscope-fit-report", "version": 1,
//    "law": "mpl", "convention": "paper", "options": {...}, "formula": "...",
//    "method": "multi-start" | "reference", "status": "converged", "message": "...",
//    "parameters": {"L0": {"value": v, "stderr": s, "lower": .., "upper": .., "fixed": false,
//                          "at_bound": null | "lower" | "upper"}, ...},
//    "covariance": {"names": [...], "matrix": [[...]]}, "correlation": {...},
//    "objective": {"kind": "huber" | "least-squares", "delta": .., "value": .., "residual_scale":
//                  s (FitResult::residualScale), "prior_strength":
//                  kappa, "prior_strengths": {NAME: kappa_j}, "prior_centre": {NAME: v} | null,
//                  "prior_penalty": ..},
//    "runs": [{"name", "source", "role": "train" | "test", "points", "fitted_points",
//              "warmup_steps", "noise_std", "band_coverage" (RunFit::bandCoverage),
//              "metrics": {"r2", "mae", "rmse", "prede", "worste"}}],
//    "summary": {"train": {metrics}, "test": {metrics} | null},
//    "starts": n, "iterations": n, "warnings": [...], "elapsed_seconds": t,
//    "profile": {...} (with --profile, see profileJson)}
// Undefined numbers (a stderr of a fixed parameter, an infinite R2) are written as null.
// A report written by hand needs only "law", "convention" (where the law has one) and
// "parameters" ({NAME: {"value": v}} or {NAME: v}); every parameter of the law must be given.
#include <Eigen/Core>
#include <QByteArray>
#include <QJsonObject>
#include <limits>
#include <memory>

#include "common/result.h"
#include "fit/fitter.h"
#include "fit/profile.h"

namespace lrscope {

QJsonObject fitReportJson(const LossLaw& law, const FitResult& result, const FitOptions& options);
// {"r2", "mae", "rmse", "prede", "worste"} (null where undefined).
QJsonObject metricsJson(const Metrics& metrics);
// The report's "profile" (lrscope fit --profile): {"parameter": NAME, "points": [{"value",
// "status", "objective", "train": {metrics}, "test": {metrics} | null}]}.
QJsonObject profileJson(const QString& parameter, const std::vector<ProfilePoint>& points);

struct LawReport {
  std::shared_ptr<const LossLaw> law;
  std::vector<double> values;  // in law order
  Eigen::MatrixXd covariance;  // empty when the report has none
  double residualScale = std::numeric_limits<double>::quiet_NaN();  // objective.residual_scale
};

// Errors name `source` and the JSON path of the problem.
Result<LawReport> parseLawReport(const QByteArray& json, const QString& source);

}  // namespace lrscope
