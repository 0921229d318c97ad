#pragma once
// One function per schedule family, each defined in its own file in this folder. The formulas and
// conventions follow docs/laws-and-schedules.md §7 (and docs/schedule-format.md for the JSON keys).
#include "schedule/schedule_family.h"

namespace lrscope::families {

ScheduleFamily constantFamily();
ScheduleFamily linearWarmupFamily();
ScheduleFamily cosineFamily();
ScheduleFamily linearFamily();
ScheduleFamily wsdFamily();
ScheduleFamily wsdSFamily();
ScheduleFamily stepFamily();
ScheduleFamily multiStepFamily();
ScheduleFamily eightOneOneFamily();
ScheduleFamily exponentialFamily();
ScheduleFamily inverseSqrtFamily();
ScheduleFamily polynomialFamily();
ScheduleFamily cyclicFamily();
ScheduleFamily oneCycleFamily();
ScheduleFamily rexFamily();
ScheduleFamily powerFamily();
ScheduleFamily infiniteFamily();
ScheduleFamily ubaFamily();
ScheduleFamily sequenceFamily();
ScheduleFamily piecewiseLinearFamily();
ScheduleFamily sampledFamily();

}  // namespace lrscope::families
