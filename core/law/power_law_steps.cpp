#include "law/power_law_steps.h"

namespace lrscope {

const std::vector<LawParameter>& PowerLawSteps::parameters() const {
  static const auto params = powerLawParameters(QStringLiteral("scale of the step power law"));
  return params;
}

std::unique_ptr<PreparedRun> PowerLawSteps::prepare(const LawSchedule& schedule,
                                                    std::vector<std::int64_t> steps) const {
  return prepareAreaRun(schedule, std::move(steps), false);
}

}  // namespace lrscope
