#include "law/loss_law.h"

#include <cmath>

namespace lrscope {

int LossLaw::parameterIndex(const QString& name) const {
  const auto& ps = parameters();
  for (std::size_t i = 0; i < ps.size(); ++i)
    if (ps[i].name == name) return static_cast<int>(i);
  return -1;
}

std::vector<double> LossLaw::defaultValues() const {
  std::vector<double> values;
  for (const LawParameter& p : parameters()) values.push_back(p.defaultValue);
  return values;
}

Result<bool> validateLawSchedule(const LawSchedule& schedule) {
  if (!schedule.lr || schedule.lr->empty())
    return Error{QStringLiteral("the schedule has no steps")};
  const PerStepLr& lr = *schedule.lr;
  for (std::int64_t n = 0; n < lr.size(); ++n)
    if (!std::isfinite(lr[n]) || lr[n] < 0.0)
      return Error{QStringLiteral("the learning rate at step %1 is %2; laws need finite LRs >= 0")
                       .arg(n)
                       .arg(lr[n])};
  if (schedule.warmupSteps < 0 || schedule.warmupSteps > lr.size())
    return Error{QStringLiteral("warmup of %1 steps does not fit a schedule of %2 steps")
                     .arg(schedule.warmupSteps)
                     .arg(lr.size())};
  return true;
}

Result<bool> LossLaw::checkInputs(const LawSchedule& schedule,
                                  const std::vector<std::int64_t>& steps,
                                  std::size_t parameters) const {
  if (auto ok = validateLawSchedule(schedule); !ok) return Error{ok.error()};
  if (static_cast<int>(parameters) != parameterCount())
    return Error{QStringLiteral("law '%1' takes %2 parameters, got %3")
                     .arg(name())
                     .arg(parameterCount())
                     .arg(parameters)};
  for (std::int64_t s : steps)
    if (s < 0 || s >= schedule.lr->size())
      return Error{QStringLiteral("step %1 is outside the schedule (steps 0 .. %2)")
                       .arg(s)
                       .arg(schedule.lr->size() - 1)};
  return true;
}

Result<std::vector<double>> LossLaw::predictAt(const LawSchedule& schedule,
                                               const std::vector<std::int64_t>& steps,
                                               const std::vector<double>& params) const {
  if (auto ok = checkInputs(schedule, steps, params.size()); !ok) return Error{ok.error()};
  const auto run = prepare(schedule, steps);
  std::vector<double> loss(steps.size());
  predict(*run, params.data(), loss.data());
  return loss;
}

}  // namespace lrscope
