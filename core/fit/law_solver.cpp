#include "fit/law_solver.h"

#include <ceres/ceres.h>

#include <Eigen/SVD>

#include <cmath>
#include <limits>

namespace lrscope {

namespace {

constexpr double kMinPrediction = 1e-10;  // predictions are clamped here before the log

// Residuals r_i = log y_i - log max(p_i, 1e-10) of one run; one parameter block per parameter.
class LawCostFunction final : public ceres::CostFunction {
 public:
  LawCostFunction(const LossLaw& law, const LawProblem::Run& run, const CancelToken* cancel)
      : law_(law), run_(run), cancel_(cancel) {
    set_num_residuals(static_cast<int>(run.logLoss.size()));
    for (int j = 0; j < law.parameterCount(); ++j) mutable_parameter_block_sizes()->push_back(1);
  }

  bool Evaluate(double const* const* parameters, double* residuals,
                double** jacobians) const override {
    if (cancel_ && cancel_->isCancelled()) return false;  // ends the iteration early
    const int n = law_.parameterCount();
    const std::size_t m = run_.logLoss.size();
    std::vector<double> params(n), predicted(m), jacobian;
    for (int j = 0; j < n; ++j) params[j] = parameters[j][0];
    if (jacobians) {
      jacobian.resize(m * n);
      law_.predictWithJacobian(*run_.prepared, params.data(), predicted.data(), jacobian.data());
    } else {
      law_.predict(*run_.prepared, params.data(), predicted.data());
    }
    for (std::size_t i = 0; i < m; ++i) {
      if (!std::isfinite(predicted[i])) return false;
      const bool clamped = predicted[i] < kMinPrediction;
      residuals[i] = run_.logLoss[i] - std::log(clamped ? kMinPrediction : predicted[i]);
      if (!jacobians) continue;
      for (int j = 0; j < n; ++j) {
        if (!jacobians[j]) continue;
        const double d = clamped ? 0.0 : -jacobian[i * n + j] / predicted[i];
        if (!std::isfinite(d)) return false;
        jacobians[j][i] = d;
      }
    }
    return true;
  }

 private:
  const LossLaw& law_;
  const LawProblem::Run& run_;
  const CancelToken* cancel_;
};

class ProgressCallback final : public ceres::IterationCallback {
 public:
  ProgressCallback(const std::vector<double>& blocks, const CancelToken* cancel,
                   const IterationReport& report)
      : blocks_(blocks), cancel_(cancel), report_(report) {}

  ceres::CallbackReturnType operator()(const ceres::IterationSummary& summary) override {
    if (cancel_ && cancel_->isCancelled()) return ceres::SOLVER_ABORT;
    if (report_) report_(summary.iteration, summary.cost, blocks_);
    return ceres::SOLVER_CONTINUE;
  }

 private:
  const std::vector<double>& blocks_;
  const CancelToken* cancel_;
  const IterationReport& report_;
};

// sqrt(w) (log p - log centre) for one parameter.
class PriorCost final : public ceres::SizedCostFunction<1, 1> {
 public:
  PriorCost(double centre, double weight)
      : logCentre_(std::log(centre)), scale_(std::sqrt(weight)) {}
  bool Evaluate(double const* const* parameters, double* residuals,
                double** jacobians) const override {
    const double p = parameters[0][0];
    if (!(p > 0)) return false;
    residuals[0] = scale_ * (std::log(p) - logCentre_);
    if (jacobians && jacobians[0]) jacobians[0][0] = scale_ / p;
    return true;
  }

 private:
  double logCentre_, scale_;
};

// Adds every run's residuals over the parameter blocks `values` (one double per parameter).
void buildProblem(ceres::Problem& problem, const LawProblem& lp, std::vector<double>& values,
                  bool robust, const CancelToken* cancel) {
  std::vector<double*> blocks;
  for (double& v : values) blocks.push_back(&v);
  for (const LawProblem::Run& run : lp.runs) {
    ceres::LossFunction* loss = robust && lp.huber ? new ceres::HuberLoss(lp.huberDelta) : nullptr;
    problem.AddResidualBlock(new LawCostFunction(*lp.law, run, cancel), loss, blocks);
  }
  if (robust)
    for (std::size_t j = 0; j < lp.priorCentre.size(); ++j)
      if (lp.hasPrior(j) && problem.HasParameterBlock(blocks[j]))
        problem.AddResidualBlock(new PriorCost(lp.priorCentre[j], lp.priorWeight[j]), nullptr,
                                 blocks[j]);
  for (std::size_t j = 0; j < values.size(); ++j) {
    if (!problem.HasParameterBlock(blocks[j])) continue;
    if (lp.fixed[j] || lp.lower[j] >= lp.upper[j]) {
      problem.SetParameterBlockConstant(blocks[j]);
      continue;
    }
    if (std::isfinite(lp.lower[j])) problem.SetParameterLowerBound(blocks[j], 0, lp.lower[j]);
    if (std::isfinite(lp.upper[j])) problem.SetParameterUpperBound(blocks[j], 0, lp.upper[j]);
  }
}

}  // namespace

std::size_t LawProblem::residualCount() const {
  std::size_t n = 0;
  for (const Run& run : runs) n += run.logLoss.size();
  return n;
}

double LawProblem::objective(const std::vector<double>& params) const {
  double total = 0.0;
  for (const Run& run : runs) {
    std::vector<double> predicted(run.logLoss.size());
    law->predict(*run.prepared, params.data(), predicted.data());
    for (std::size_t i = 0; i < predicted.size(); ++i) {
      if (!std::isfinite(predicted[i])) return std::numeric_limits<double>::infinity();
      const double r = std::abs(run.logLoss[i] - std::log(std::max(predicted[i], kMinPrediction)));
      total += !huber           ? 0.5 * r * r
               : r < huberDelta ? 0.5 * r * r
                                : huberDelta * (r - 0.5 * huberDelta);
    }
  }
  return total;
}

bool LawProblem::hasPrior(std::size_t j) const {
  return j < priorCentre.size() && j < priorWeight.size() && !fixed[j] && priorCentre[j] > 0 &&
         priorWeight[j] > 0;
}

double LawProblem::penalty(const std::vector<double>& params) const {
  double total = 0.0;
  for (std::size_t j = 0; j < priorCentre.size(); ++j) {
    if (!hasPrior(j)) continue;
    if (!(params[j] > 0)) return std::numeric_limits<double>::infinity();
    const double d = std::log(params[j] / priorCentre[j]);
    total += 0.5 * priorWeight[j] * d * d;
  }
  return total;
}

SolveOutcome solveLaw(const LawProblem& lp, std::vector<double> start, int maxIterations,
                      const CancelToken* cancel, const IterationReport& report) {
  for (std::size_t j = 0; j < start.size(); ++j)
    if (!lp.fixed[j])
      start[j] = std::clamp(start[j], lp.lower[j], std::max(lp.lower[j], lp.upper[j]));
  SolveOutcome out;
  out.params = start;
  if (!std::isfinite(lp.objective(start) + lp.penalty(start))) {
    out.failed = true;
    out.objective = std::numeric_limits<double>::infinity();
    out.message = QStringLiteral("the law's prediction is not finite at the starting point");
    return out;
  }
  std::vector<double> values = start;
  ceres::Problem problem;
  buildProblem(problem, lp, values, true, cancel);
  ceres::Solver::Options options;
  options.trust_region_strategy_type = ceres::LEVENBERG_MARQUARDT;
  options.linear_solver_type = ceres::DENSE_QR;
  options.max_num_iterations = maxIterations;
  options.function_tolerance = 1e-12;
  options.gradient_tolerance = 1e-14;
  options.parameter_tolerance = 1e-10;
  options.num_threads = 1;
  options.logging_type = ceres::SILENT;
  options.update_state_every_iteration = true;
  ProgressCallback callback(values, cancel, report);
  options.callbacks.push_back(&callback);
  ceres::Solver::Summary summary;
  ceres::Solve(options, &problem, &summary);
  out.params = values;
  out.objective = lp.objective(values) + lp.penalty(values);
  out.iterations = static_cast<int>(summary.iterations.size());
  out.cancelled =
      summary.termination_type == ceres::USER_FAILURE && cancel && cancel->isCancelled();
  out.converged = summary.termination_type == ceres::CONVERGENCE;
  out.failed = !out.cancelled && summary.termination_type == ceres::FAILURE;
  out.message = QString::fromStdString(summary.message);
  if (!std::isfinite(out.objective)) {  // keep the start rather than a non-finite end point
    out.params = start;
    out.objective = lp.objective(start) + lp.penalty(start);
    out.failed = true;
  }
  return out;
}

Eigen::MatrixXd lawCovariance(const LawProblem& lp, const std::vector<double>& params) {
  const int n = static_cast<int>(params.size());
  std::vector<double> values = params;
  ceres::Problem problem;
  buildProblem(problem, lp, values, false, nullptr);
  std::vector<int> free;
  std::vector<const double*> blocks;
  for (int j = 0; j < n; ++j)
    if (!problem.IsParameterBlockConstant(&values[j])) {
      free.push_back(j);
      blocks.push_back(&values[j]);
    }
  const auto residuals = static_cast<double>(lp.residualCount());
  const auto k = static_cast<double>(free.size());
  if (free.empty() || residuals <= k) return {};
  double cost = 0.0;  // half the sum of squared log residuals
  ceres::CRSMatrix crs;
  ceres::Problem::EvaluateOptions evaluate;
  for (int j : free) evaluate.parameter_blocks.push_back(&values[j]);  // free columns only
  if (!problem.Evaluate(evaluate, &cost, nullptr, nullptr, &crs)) return {};
  // Rank check on the column-normalised Jacobian (independent of parameter units); Ceres would
  // only log an error for a rank-deficient one.
  Eigen::MatrixXd jacobian = Eigen::MatrixXd::Zero(crs.num_rows, crs.num_cols);
  for (int r = 0; r < crs.num_rows; ++r)
    for (int i = crs.rows[r]; i < crs.rows[r + 1]; ++i) jacobian(r, crs.cols[i]) = crs.values[i];
  for (int c = 0; c < jacobian.cols(); ++c)
    if (jacobian.col(c).norm() > 0) jacobian.col(c).normalize();
  const Eigen::VectorXd singular = Eigen::JacobiSVD<Eigen::MatrixXd>(jacobian).singularValues();
  if (singular.size() == 0 || !(singular(singular.size() - 1) > 1e-10 * singular(0))) return {};
  ceres::Covariance::Options options;
  options.algorithm_type = ceres::DENSE_SVD;
  options.num_threads = 1;
  ceres::Covariance covariance(options);
  if (!covariance.Compute(blocks, &problem)) return {};
  Eigen::MatrixXd freeCov(free.size(), free.size());
  if (!covariance.GetCovarianceMatrix(blocks, freeCov.data())) return {};
  const double scale = 2.0 * cost / (residuals - k);  // s^2: Ceres assumes unit-variance residuals
  Eigen::MatrixXd all = Eigen::MatrixXd::Zero(n, n);
  for (std::size_t a = 0; a < free.size(); ++a)
    for (std::size_t b = 0; b < free.size(); ++b) all(free[a], free[b]) = scale * freeCov(a, b);
  return all;
}

}  // namespace lrscope
