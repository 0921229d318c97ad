#pragma once
// Every schedule family LRScope knows, in the order `lrscope schedule list` shows them.
#include <QString>
#include <vector>

#include "schedule/schedule_family.h"

namespace lrscope {

const std::vector<ScheduleFamily>& scheduleFamilies();
const ScheduleFamily* findScheduleFamily(const QString& name);  // nullptr when unknown

}  // namespace lrscope
