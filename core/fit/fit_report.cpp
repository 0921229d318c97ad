#include "fit/fit_report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

#include "law/law_registry.h"

namespace lrscope {

namespace {

QJsonValue number(double v) {
  return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

QJsonObject matrixJson(const std::vector<ParameterEstimate>& params, const Eigen::MatrixXd& m) {
  QJsonArray names, rows;
  for (const ParameterEstimate& p : params) names.append(p.name);
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    QJsonArray row;
    for (Eigen::Index j = 0; j < m.cols(); ++j) row.append(number(m(i, j)));
    rows.append(row);
  }
  return {{"names", names}, {"matrix", rows}};
}

QJsonObject byParameterName(const LossLaw& law, const std::vector<double>& values) {
  QJsonObject named;
  for (std::size_t j = 0; j < values.size(); ++j) named.insert(law.parameters()[j].name, values[j]);
  return named;
}

Error at(const QString& source, const QString& path, const QString& problem) {
  return Error{QStringLiteral("%1: %2: %3").arg(source, path, problem)};
}

}  // namespace

QJsonObject metricsJson(const Metrics& m) {
  return {{"r2", number(m.r2)},
          {"mae", number(m.mae)},
          {"rmse", number(m.rmse)},
          {"prede", number(m.prede)},
          {"worste", number(m.worste)}};
}

QJsonObject profileJson(const QString& parameter, const std::vector<ProfilePoint>& points) {
  QJsonArray rows;
  for (const ProfilePoint& p : points)
    rows.append(QJsonObject{{"value", p.value},
                            {"status", fitStatusName(p.status)},
                            {"objective", number(p.objective)},
                            {"train", metricsJson(p.train)},
                            {"test", p.hasTest ? QJsonValue(metricsJson(p.test)) : QJsonValue()}});
  return {{"parameter", parameter}, {"points", rows}};
}

QJsonObject fitReportJson(const LossLaw& law, const FitResult& result, const FitOptions& options) {
  QJsonObject parameters;
  for (const ParameterEstimate& p : result.parameters)
    parameters.insert(p.name, QJsonObject{{"value", p.value},
                                          {"stderr", number(p.standardError)},
                                          {"lower", number(p.lower)},
                                          {"upper", number(p.upper)},
                                          {"fixed", p.fixed},
                                          {"at_bound", p.atLowerBound   ? QJsonValue("lower")
                                                       : p.atUpperBound ? QJsonValue("upper")
                                                                        : QJsonValue()}});
  QJsonArray runs;
  for (const RunFit& run : result.runs)
    runs.append(QJsonObject{{"name", run.name},
                            {"source", run.source},
                            {"role", run.role == FitRole::Train ? "train" : "test"},
                            {"points", double(run.observed.size())},
                            {"fitted_points", double(run.fittedPoints)},
                            {"warmup_steps", double(run.warmupSteps)},
                            {"noise_std", number(run.noiseStd)},
                            {"band_coverage", number(run.bandCoverage)},
                            {"metrics", metricsJson(run.metrics)}});
  QJsonArray warnings;
  for (const QString& w : result.warnings) warnings.append(w);
  const bool huber = options.objective == FitObjective::Huber;
  QJsonObject report{
      {"format", "lrscope-fit-report"},
      {"version", 1},
      {"law", law.name()},
      {"convention", law.convention().isEmpty() ? QJsonValue() : QJsonValue(law.convention())},
      {"options", law.options()},
      {"formula", law.formula()},
      {"method", options.method == FitMethod::ReferenceAdamW ? "reference" : "multi-start"},
      {"status", fitStatusName(result.status)},
      {"message", result.message},
      {"parameters", parameters},
      {"objective",
       QJsonObject{{"kind", huber ? "huber" : "least-squares"},
                   {"delta", huber ? QJsonValue(options.huberDelta) : QJsonValue()},
                   {"value", number(result.objective)},
                   {"residual_scale", number(result.residualScale)},
                   {"prior_strength", result.priorCentre.empty() ? 0.0 : options.priorStrength},
                   {"prior_strengths", byParameterName(law, result.priorStrengths)},
                   {"prior_centre", result.priorCentre.empty()
                                        ? QJsonValue()
                                        : QJsonValue(byParameterName(law, result.priorCentre))},
                   {"prior_penalty", number(result.priorPenalty)}}},
      {"runs", runs},
      {"summary",
       QJsonObject{{"train", metricsJson(result.train)},
                   {"test", result.hasTest ? QJsonValue(metricsJson(result.test)) : QJsonValue()}}},
      {"starts", result.starts},
      {"iterations", result.iterations},
      {"warnings", warnings},
      {"elapsed_seconds", result.elapsedSeconds}};
  if (result.covariance.rows() > 0) {
    report.insert("covariance", matrixJson(result.parameters, result.covariance));
    report.insert("correlation", matrixJson(result.parameters, result.correlation));
  }
  return report;
}

Result<LawReport> parseLawReport(const QByteArray& json, const QString& source) {
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
  if (error.error != QJsonParseError::NoError)
    return Error{QStringLiteral("%1: offset %2: invalid JSON (%3)")
                     .arg(source)
                     .arg(error.offset)
                     .arg(error.errorString())};
  if (!doc.isObject()) return at(source, "$", QStringLiteral("expected a JSON object"));
  const QJsonObject root = doc.object();
  if (!root.value("law").isString())
    return at(source, "$.law", QStringLiteral("expected a law name"));
  QJsonObject options = root.value("options").toObject();
  const QJsonValue convention = root.value("convention");
  if (convention.isString())
    options.insert("convention", convention);
  else if (!convention.isUndefined() && !convention.isNull())
    return at(source, "$.convention", QStringLiteral("expected a string"));
  const auto law = createLossLaw(root.value("law").toString(), options);
  if (!law) return at(source, "$.law", law.error());
  LawReport report;
  report.law = *law;
  const QJsonValue params = root.value("parameters");
  if (!params.isObject()) return at(source, "$.parameters", QStringLiteral("expected an object"));
  const QJsonObject given = params.toObject();
  for (auto it = given.begin(); it != given.end(); ++it)
    if ((*law)->parameterIndex(it.key()) < 0)
      return at(source, "$.parameters." + it.key(),
                QStringLiteral("law '%1' has no such parameter").arg((*law)->name()));
  for (const LawParameter& p : (*law)->parameters()) {
    const QString path = "$.parameters." + p.name;
    QJsonValue v = given.value(p.name);
    if (v.isUndefined()) return at(source, path, QStringLiteral("missing"));
    if (v.isObject()) v = v.toObject().value("value");
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
      return at(source, path, QStringLiteral("expected a finite number"));
    report.values.push_back(v.toDouble());
  }
  const QJsonValue covariance = root.value("covariance");
  if (covariance.isObject()) {
    const QJsonArray names = covariance.toObject().value("names").toArray();
    const QJsonArray rows = covariance.toObject().value("matrix").toArray();
    const int n = (*law)->parameterCount();
    if (names.size() != n || rows.size() != n)
      return at(source, "$.covariance", QStringLiteral("expected %1 names and %1 rows").arg(n));
    report.covariance = Eigen::MatrixXd::Zero(n, n);
    for (int i = 0; i < n; ++i) {
      const int row = (*law)->parameterIndex(names[i].toString());
      if (row < 0)
        return at(source, QStringLiteral("$.covariance.names[%1]").arg(i),
                  QStringLiteral("unknown parameter"));
      const QJsonArray values = rows[i].toArray();
      if (values.size() != n)
        return at(source, QStringLiteral("$.covariance.matrix[%1]").arg(i),
                  QStringLiteral("expected %1 numbers").arg(n));
      for (int j = 0; j < n; ++j) {
        const int col = (*law)->parameterIndex(names[j].toString());
        if (!values[j].isDouble())
          return at(source, QStringLiteral("$.covariance.matrix[%1][%2]").arg(i).arg(j),
                    QStringLiteral("expected a number"));
        report.covariance(row, col) = values[j].toDouble();
      }
    }
  } else if (!covariance.isUndefined() && !covariance.isNull()) {
    return at(source, "$.covariance", QStringLiteral("expected an object"));
  }
  const QJsonValue scale = root.value("objective").toObject().value("residual_scale");
  if (scale.isDouble() && std::isfinite(scale.toDouble()) && scale.toDouble() >= 0)
    report.residualScale = scale.toDouble();
  else if (!scale.isUndefined() && !scale.isNull())
    return at(source, "$.objective.residual_scale", QStringLiteral("expected a number >= 0"));
  return report;
}

}  // namespace lrscope
