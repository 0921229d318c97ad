#pragma once
// The schedule behind a run: attached from a schedule JSON (core/schedule/schedule_document.h),
// or rebuilt from its logged LR (io/lr_reconstruction.h).
//   attachSchedule checks the schedule against the run's "lr" series where there is one: it
//   returns a warning (also added to Run::warnings) when they differ by more than 1% of the
//   logged value at some logged step, naming the first such step and the largest difference.
//   runSchedule gives what a loss law needs: the attached schedule, else the "lr" series rebuilt,
//   else an error saying the run has neither.
#include <QStringList>

#include "common/result.h"
#include "io/lr_reconstruction.h"
#include "io/run.h"

namespace lrscope {

QStringList attachSchedule(Run& run, ScheduleDocument document, const QString& source = {});
Result<QStringList> attachScheduleFile(Run& run, const QString& path);

Result<Schedule> runSchedule(const Run& run, const LrRebuildOptions& options = {});

}  // namespace lrscope
