#include "law/power_law_area.h"

#include <cmath>

namespace lrscope {

std::vector<LawParameter> powerLawParameters(const QString& scaleMeaning) {
  return {{QStringLiteral("L0"), 2.5, 0.0, 1e3, QStringLiteral("irreducible loss")},
          {QStringLiteral("A"), 0.5, 0.0, 1e6, scaleMeaning},
          {QStringLiteral("alpha"), 0.5, 0.0, 10.0, QStringLiteral("power-law exponent")}};
}

std::unique_ptr<AreaRun> prepareAreaRun(const LawSchedule& schedule,
                                        std::vector<std::int64_t> steps, bool byArea) {
  auto run = std::make_unique<AreaRun>();
  run->schedule = schedule;
  for (std::int64_t s : steps)
    run->logArea.push_back(std::log(byArea ? schedule.lr->prefix(s + 1) : double(s + 1)));
  run->steps = std::move(steps);
  return run;
}

const std::vector<LawParameter>& PowerLawArea::parameters() const {
  static const auto params = powerLawParameters(QStringLiteral("scale of the LR-area power law"));
  return params;
}

std::unique_ptr<PreparedRun> PowerLawArea::prepare(const LawSchedule& schedule,
                                                   std::vector<std::int64_t> steps) const {
  return prepareAreaRun(schedule, std::move(steps), true);
}

}  // namespace lrscope
