#include "fit/profile.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace lrscope {

namespace {
constexpr std::size_t kMaxProfileValues = 1000;
}

Result<std::pair<QString, std::vector<double>>> parseProfileSpec(const QString& spec) {
  const qsizetype eq = spec.indexOf(QLatin1Char('='));
  const QString name = spec.left(eq).trimmed();
  const QString list = spec.mid(eq + 1);
  if (eq <= 0 || list.isEmpty())
    return Error{QStringLiteral("--profile: expected NAME=FROM:TO:STEP or NAME=V1,V2,..., got '%1'")
                     .arg(spec)};
  std::vector<double> values;
  const QStringList range = list.split(QLatin1Char(':'));
  if (range.size() == 3) {
    double from = 0, to = 0, step = 0;
    bool ok[3] = {};
    from = range[0].toDouble(&ok[0]);
    to = range[1].toDouble(&ok[1]);
    step = range[2].toDouble(&ok[2]);
    if (!ok[0] || !ok[1] || !ok[2] || !std::isfinite(from) || !std::isfinite(to) || !(step > 0) ||
        !std::isfinite(step) || to < from)
      return Error{QStringLiteral("--profile %1: FROM:TO:STEP needs finite numbers, FROM <= TO "
                                  "and STEP > 0")
                       .arg(spec)};
    if ((to - from) / step + 1 > double(kMaxProfileValues))
      return Error{
          QStringLiteral("--profile %1: more than %2 values").arg(spec).arg(kMaxProfileValues)};
    const auto n = static_cast<std::size_t>(std::floor((to - from) / step + 1e-9)) + 1;
    for (std::size_t i = 0; i < n; ++i) values.push_back(from + double(i) * step);
  } else {
    for (const QString& part : list.split(QLatin1Char(','))) {
      bool ok = false;
      const double v = part.toDouble(&ok);
      if (!ok || !std::isfinite(v))
        return Error{QStringLiteral("--profile %1: '%2' is not a finite number").arg(spec, part)};
      values.push_back(v);
    }
    if (values.size() > kMaxProfileValues)
      return Error{
          QStringLiteral("--profile %1: more than %2 values").arg(spec).arg(kMaxProfileValues)};
  }
  return std::pair{name, values};
}

QString profileProblem(const LossLaw& law, const FitOptions& options, const QString& name) {
  const auto& parameters = law.parameters();
  if (std::none_of(parameters.begin(), parameters.end(),
                   [&](const auto& p) { return p.name == name; }))
    return QStringLiteral("--profile: the law %1 has no parameter '%2'").arg(law.name(), name);
  if (std::any_of(options.fixed.begin(), options.fixed.end(),
                  [&](const auto& f) { return f.first == name; }))
    return QStringLiteral("--profile: '%1' is also held by --fix").arg(name);
  return {};
}

Result<std::vector<ProfilePoint>> profileParameter(const LossLaw& law,
                                                   const std::vector<FitRun>& runs,
                                                   const FitOptions& options, const QString& name,
                                                   const std::vector<double>& values,
                                                   const CancelToken* cancel) {
  if (const QString problem = profileProblem(law, options, name); !problem.isEmpty())
    return Error{problem};
  std::vector<ProfilePoint> points(values.size());
  std::atomic<std::size_t> next{0};
  FitCallbacks callbacks;
  callbacks.cancel = cancel;
  auto work = [&] {
    for (std::size_t i; (i = next++) < values.size();) {
      FitOptions held = options;
      held.fixed.push_back({name, values[i]});
      const FitResult fit = fitLaw(law, runs, held, callbacks);
      points[i] = {values[i], fit.status, fit.objective, fit.train, fit.test, fit.hasTest};
    }
  };
  std::thread helper(work);
  work();
  helper.join();
  return points;
}

}  // namespace lrscope
