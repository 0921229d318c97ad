#pragma once
// Run: one training run as loaded from a log: a name, where it came from, its named series and what
// the reader noticed on the way (restarts resolved, NaNs kept, records skipped).
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "io/series.h"
#include "schedule/schedule_document.h"

namespace lrscope {

struct Run {
  QString name;
  QString source;  // file or folder it was read from
  QString format;  // reader name: "csv", "tensorboard", ...
  std::vector<Series> series;
  QStringList warnings;  // "file: line 12: field 'loss': not a number; row skipped", ...
  // The schedule the run used, when attached (io/run_schedule.h); its LR wins over the logged one.
  std::optional<ScheduleDocument> schedule;
  QString scheduleSource;  // the schedule file, when attached from one

  const Series* find(const QString& seriesName) const {
    for (const Series& s : series)
      if (s.name == seriesName) return &s;
    return nullptr;
  }
};

}  // namespace lrscope
