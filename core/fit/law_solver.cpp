#include "fit/law_solver.h"

#include <ceres/ceres.h>

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace lrscope {

namespace {

constexpr double kMinPrediction = 1e-10;  // predictions are clamped here before the log

// The log residuals r_i = log y_i - log max(p_i, 1e-10) of one run and their derivatives at one
// parameter vector. Every point of the run is its own residual block (so a robust loss acts on
// each point, not on the run's norm); Ceres evaluates them one after another at the same
// parameters, and the law predicts the whole run in one pass, so the blocks share this cache.
class RunEvaluation {
 public:
  RunEvaluation(const LossLaw& law, const LawProblem::Run& run) : law_(law), run_(run) {}

  // Evaluates at `parameters` unless already done; false if a value or derivative is not finite.
  bool at(const double* parameters, bool withJacobian) {
    const int n = law_.parameterCount();
    if (!params_.empty() && (hasJacobian_ || !withJacobian) &&
        std::equal(params_.begin(), params_.end(), parameters))
      return ok_;
    params_.assign(parameters, parameters + n);
    const std::size_t m = run_.logLoss.size();
    std::vector<double> predicted(m);
    jacobian_.assign(withJacobian ? m * n : 0, 0.0);
    if (withJacobian)
      law_.predictWithJacobian(*run_.prepared, params_.data(), predicted.data(), jacobian_.data());
    else
      law_.predict(*run_.prepared, params_.data(), predicted.data());
    hasJacobian_ = withJacobian;
    residual_.resize(m);
    ok_ = true;
    for (std::size_t i = 0; i < m && ok_; ++i) {
      const bool clamped = predicted[i] < kMinPrediction;
      residual_[i] = run_.logLoss[i] - std::log(clamped ? kMinPrediction : predicted[i]);
      ok_ = std::isfinite(predicted[i]);
      for (int j = 0; j < (withJacobian ? n : 0); ++j) {
        double& d = jacobian_[i * n + j];  // d r_i / d p_j
        d = clamped ? 0.0 : -d / predicted[i];
        ok_ = ok_ && std::isfinite(d);
      }
    }
    return ok_;
  }
  double residual(std::size_t i) const { return residual_[i]; }
  double derivative(std::size_t i, int j) const {
    return jacobian_[i * params_.size() + std::size_t(j)];
  }

 private:
  const LossLaw& law_;
  const LawProblem::Run& run_;
  std::vector<double> params_;
  bool hasJacobian_ = false, ok_ = false;
  std::vector<double> residual_, jacobian_;
};

// One observed point's log residual over the one parameter block (every law parameter).
class PointResidual final : public ceres::CostFunction {
 public:
  PointResidual(std::shared_ptr<RunEvaluation> run, std::size_t index, int parameters,
                const CancelToken* cancel)
      : run_(std::move(run)), index_(index), cancel_(cancel) {
    set_num_residuals(1);
    mutable_parameter_block_sizes()->push_back(parameters);
  }

  bool Evaluate(double const* const* parameters, double* residuals,
                double** jacobians) const override {
    if (cancel_ && cancel_->isCancelled()) return false;  // ends the iteration early
    if (!run_->at(parameters[0], jacobians && jacobians[0])) return false;
    residuals[0] = run_->residual(index_);
    if (jacobians && jacobians[0])
      for (int j = 0; j < parameter_block_sizes()[0]; ++j)
        jacobians[0][j] = run_->derivative(index_, j);
    return true;
  }

 private:
  std::shared_ptr<RunEvaluation> run_;
  std::size_t index_;
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

// sqrt(w) (log p_j - log centre) for one parameter j of the parameter block.
class PriorCost final : public ceres::CostFunction {
 public:
  PriorCost(int parameter, int parameters, double centre, double weight)
      : j_(parameter), logCentre_(std::log(centre)), scale_(std::sqrt(weight)) {
    set_num_residuals(1);
    mutable_parameter_block_sizes()->push_back(parameters);
  }
  bool Evaluate(double const* const* parameters, double* residuals,
                double** jacobians) const override {
    const double p = parameters[0][j_];
    if (!(p > 0)) return false;
    residuals[0] = scale_ * (std::log(p) - logCentre_);
    if (jacobians && jacobians[0]) {
      std::fill_n(jacobians[0], parameter_block_sizes()[0], 0.0);
      jacobians[0][j_] = scale_ / p;
    }
    return true;
  }

 private:
  int j_;
  double logCentre_, scale_;
};

bool held(const LawProblem& lp, std::size_t j) {
  return lp.fixed[j] || lp.lower[j] >= lp.upper[j];
}

// Adds every point's residual over one parameter block, `values` (every law parameter). Held
// parameters (fixed, or lower >= upper) stay constant through a SubsetManifold. Returns false
// when every parameter is held.
bool buildProblem(ceres::Problem& problem, const LawProblem& lp, std::vector<double>& values,
                  bool robust, const CancelToken* cancel) {
  double* block = values.data();
  const int n = static_cast<int>(values.size());
  for (const LawProblem::Run& run : lp.runs) {
    auto evaluation = std::make_shared<RunEvaluation>(*lp.law, run);
    for (std::size_t i = 0; i < run.logLoss.size(); ++i)
      problem.AddResidualBlock(new PointResidual(evaluation, i, n, cancel),
                               robust && lp.huber ? new ceres::HuberLoss(lp.huberDelta) : nullptr,
                               block);
  }
  if (robust)
    for (std::size_t j = 0; j < lp.priorCentre.size(); ++j)
      if (lp.hasPrior(j))
        problem.AddResidualBlock(new PriorCost(int(j), n, lp.priorCentre[j], lp.priorWeight[j]),
                                 nullptr, block);
  if (!problem.HasParameterBlock(block)) return false;
  std::vector<int> constant;
  for (int j = 0; j < n; ++j) {
    if (held(lp, j)) {
      constant.push_back(j);
      continue;
    }
    if (std::isfinite(lp.lower[j])) problem.SetParameterLowerBound(block, j, lp.lower[j]);
    if (std::isfinite(lp.upper[j])) problem.SetParameterUpperBound(block, j, lp.upper[j]);
  }
  if (int(constant.size()) == n) {
    problem.SetParameterBlockConstant(block);
    return false;
  }
  if (!constant.empty()) problem.SetManifold(block, new ceres::SubsetManifold(n, constant));
  return true;
}

}  // namespace

std::size_t LawProblem::residualCount() const {
  std::size_t n = 0;
  for (const Run& run : runs) n += run.logLoss.size();
  return n;
}

namespace {

// The data objective at `params` and, when `gradient` is given, its gradient; +inf when a
// prediction (or derivative) is not finite.
double dataObjective(const LawProblem& lp, const std::vector<double>& params,
                     std::vector<double>* gradient) {
  const std::size_t n = params.size();
  if (gradient) gradient->assign(n, 0.0);
  double total = 0.0;
  for (const LawProblem::Run& run : lp.runs) {
    RunEvaluation evaluation(*lp.law, run);
    if (!evaluation.at(params.data(), gradient != nullptr))
      return std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < run.logLoss.size(); ++i) {
      const double r = evaluation.residual(i);
      const bool linear = lp.huber && std::abs(r) >= lp.huberDelta;
      total += linear ? lp.huberDelta * (std::abs(r) - 0.5 * lp.huberDelta) : 0.5 * r * r;
      if (!gradient) continue;
      const double slope = linear ? std::copysign(lp.huberDelta, r) : r;  // d term / d r
      for (std::size_t j = 0; j < n; ++j)
        (*gradient)[j] += slope * evaluation.derivative(i, int(j));
    }
  }
  return total;
}

}  // namespace

double LawProblem::objective(const std::vector<double>& params) const {
  return dataObjective(*this, params, nullptr);
}

double LawProblem::objective(const std::vector<double>& params,
                             std::vector<double>& gradient) const {
  return dataObjective(*this, params, &gradient);
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
  if (!buildProblem(problem, lp, values, false, nullptr)) return {};
  std::vector<int> free;  // the tangent space's coordinates, in order
  for (int j = 0; j < n; ++j)
    if (!held(lp, j)) free.push_back(j);
  const auto residuals = static_cast<double>(lp.residualCount());
  const auto k = static_cast<double>(free.size());
  if (residuals <= k) return {};
  double cost = 0.0;     // half the sum of squared log residuals
  ceres::CRSMatrix crs;  // columns: the free parameters
  if (!problem.Evaluate({}, &cost, nullptr, nullptr, &crs)) return {};
  // Rank check on the column-normalised Jacobian, independent of parameter units: sigma_min /
  // sigma_max > 1e-7 is Ceres' default limit (1e-14 on the reciprocal condition number of J'J).
  // Ceres applies its limit to the unscaled Jacobian, where units alone (B ~ 500, beta ~ 0.5) can
  // cross it; so its limit is relaxed and this check decides (Ceres would only log an error).
  Eigen::MatrixXd jacobian = Eigen::MatrixXd::Zero(crs.num_rows, crs.num_cols);
  for (int r = 0; r < crs.num_rows; ++r)
    for (int i = crs.rows[r]; i < crs.rows[r + 1]; ++i) jacobian(r, crs.cols[i]) = crs.values[i];
  for (int c = 0; c < jacobian.cols(); ++c)
    if (jacobian.col(c).norm() > 0) jacobian.col(c).normalize();
  const Eigen::VectorXd singular = Eigen::JacobiSVD<Eigen::MatrixXd>(jacobian).singularValues();
  if (singular.size() == 0 || !(singular(singular.size() - 1) > 1e-7 * singular(0))) return {};
  ceres::Covariance::Options options;
  options.algorithm_type = ceres::DENSE_SVD;
  options.min_reciprocal_condition_number = 1e-28;
  options.num_threads = 1;
  ceres::Covariance covariance(options);
  const std::vector<const double*> blocks = {values.data()};
  if (!covariance.Compute(blocks, &problem)) return {};
  Eigen::MatrixXd freeCov(free.size(), free.size());
  if (!covariance.GetCovarianceMatrixInTangentSpace(blocks, freeCov.data())) return {};
  const double scale = 2.0 * cost / (residuals - k);  // s^2: Ceres assumes unit-variance residuals
  Eigen::MatrixXd all = Eigen::MatrixXd::Zero(n, n);
  for (std::size_t a = 0; a < free.size(); ++a)
    for (std::size_t b = 0; b < free.size(); ++b) all(free[a], free[b]) = scale * freeCov(a, b);
  return all;
}

}  // namespace lrscope
