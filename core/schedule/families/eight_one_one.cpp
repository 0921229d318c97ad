#include <QJsonArray>

#include "schedule/families/families.h"

namespace lrscope::families {

// multi_step with DeepSeek's defaults; the milestones are given as fractions only.
ScheduleFamily eightOneOneFamily() {
  ScheduleFamily f = multiStepFamily();
  f.name = QStringLiteral("eight_one_one");
  f.summary = QStringLiteral(
      "DeepSeek's multi-step \"8-1-1\": warmup over 2000 steps, x0.316 after 80% and again after "
      "90% of training (31.6% then ~10% of peak_lr)");
  f.formula = QStringLiteral(
      "lr(n) = peak_lr * gamma^(number of floor(f_i N) <= n), f = [0.8, 0.9], gamma = 0.316");
  f.parameters.removeIf(
      [](const ParameterSpec& spec) { return spec.name == QLatin1String("milestones"); });
  for (ParameterSpec& spec : f.parameters) {
    if (spec.name == QLatin1String("milestone_fractions")) spec.defaultValue = QJsonArray{0.8, 0.9};
    if (spec.name == QLatin1String("gamma")) {
      spec.defaultValue = 0.316;
      spec.meaning = QStringLiteral("factor at each milestone (0.316 ~ 1/sqrt(10): DeepSeek LLM)");
    }
    if (spec.name == QLatin1String("warmup_steps")) spec.defaultValue = 2000;
  }
  return f;
}

}  // namespace lrscope::families
