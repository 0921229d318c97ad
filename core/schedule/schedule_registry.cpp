#include "schedule/schedule_registry.h"

#include "schedule/families/families.h"

namespace lrscope {

const std::vector<ScheduleFamily>& scheduleFamilies() {
  static const std::vector<ScheduleFamily> all = {
      families::constantFamily(),
      families::linearWarmupFamily(),
      families::cosineFamily(),
      families::linearFamily(),
      families::wsdFamily(),
      families::wsdSFamily(),
      families::stepFamily(),
      families::multiStepFamily(),
      families::eightOneOneFamily(),
      families::exponentialFamily(),
      families::inverseSqrtFamily(),
      families::polynomialFamily(),
      families::cyclicFamily(),
      families::oneCycleFamily(),
      families::rexFamily(),
      families::powerFamily(),
      families::infiniteFamily(),
      families::ubaFamily(),
      families::piecewiseLinearFamily(),
      families::sampledFamily(),
      families::sequenceFamily(),
  };
  return all;
}

const ScheduleFamily* findScheduleFamily(const QString& name) {
  for (const ScheduleFamily& f : scheduleFamilies())
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace lrscope
