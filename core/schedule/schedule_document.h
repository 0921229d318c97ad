#pragma once
// The schedule file format (docs/schedule-format.md):
//   {"format": "lrscope-schedule", "version": 1, "name": "optional label",
//    "schedule": {"family": "cosine", "total_steps": 24000, "peak_lr": 0.0003, ...}}
// The schedule is stored as parameters (defaults written out), so reading what was written gives
// the same Schedule exactly. Errors name the source, then the JSON path or line/column.
#include <QByteArray>
#include <QString>

#include "common/result.h"
#include "schedule/schedule.h"

namespace lrscope {

inline constexpr int kScheduleFormatVersion = 1;

struct ScheduleDocument {
  QString name;  // optional label
  Schedule schedule;
};

Result<ScheduleDocument> parseScheduleDocument(const QByteArray& json, const QString& source);
Result<ScheduleDocument> readScheduleFile(const QString& path);
QByteArray writeScheduleDocument(const Schedule& schedule, const QString& name = {});

}  // namespace lrscope
