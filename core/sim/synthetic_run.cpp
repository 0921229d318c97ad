#include "sim/synthetic_run.h"

#include <random>

namespace lrscope {

Result<Run> makeSyntheticRun(const SyntheticRunSpec& spec) {
  if (!spec.law) return Error{QStringLiteral("synthetic run '%1': no law").arg(spec.name)};
  if (spec.evalEvery < 1 || spec.firstStep < 0 || spec.relativeNoise < 0)
    return Error{
        QStringLiteral("synthetic run '%1': evalEvery must be >= 1, firstStep and noise >= 0")
            .arg(spec.name)};
  auto lr = std::make_shared<PerStepLr>(spec.schedule.perStepLr());
  std::vector<std::int64_t> steps;
  for (std::int64_t s = spec.firstStep; s < lr->size(); s += spec.evalEvery) steps.push_back(s);
  Result<std::vector<double>> loss =
      spec.law->predictAt(LawSchedule{lr, spec.warmupSteps}, steps, spec.parameters);
  if (!loss) return Error{QStringLiteral("synthetic run '%1': %2").arg(spec.name, loss.error())};

  std::mt19937_64 generator(spec.seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  Series lossSeries;
  lossSeries.name = QStringLiteral("loss");
  lossSeries.steps = steps;
  lossSeries.values = std::move(loss).value();
  for (double& v : lossSeries.values) v *= 1.0 + spec.relativeNoise * normal(generator);

  Series lrSeries;
  lrSeries.name = QStringLiteral("lr");
  lrSeries.values = lr->values();
  lrSeries.steps.resize(lrSeries.values.size());
  for (std::size_t n = 0; n < lrSeries.steps.size(); ++n)
    lrSeries.steps[n] = static_cast<std::int64_t>(n);

  Run run;
  run.name = spec.name;
  run.source =
      QStringLiteral("synthetic: %1 under %2").arg(spec.law->name(), spec.schedule.family());
  run.format = QStringLiteral("synthetic");
  run.series = {std::move(lossSeries), std::move(lrSeries)};
  return run;
}

}  // namespace lrscope
