#pragma once
// Workspace: the GUI's model. It holds the schedules the user is looking at (and, as the app grows,
// runs and fits); views observe it through signals and never compute numerics themselves.
#include <QColor>
#include <QObject>
#include <QVector>

#include "schedule/schedule.h"

namespace lrscope::ui {

struct ScheduleEntry {
  QString name;
  Schedule schedule;
  QColor color;
  std::vector<double> lr;  // sampled once when added
};

class Workspace : public QObject {
  Q_OBJECT
 public:
  explicit Workspace(QObject* parent = nullptr);

  const QVector<ScheduleEntry>& schedules() const { return schedules_; }
  int addSchedule(const QString& name, const Schedule& schedule);
  void replaceSchedule(int index, const Schedule& schedule);
  void removeSchedule(int index);
  void clear();

  // Loads the bundled example schedules (resources/schedules, written by `lrscope schedule make`).
  void loadDemo();

 Q_SIGNALS:
  void schedulesChanged();

 private:
  QColor nextColor() const;
  QVector<ScheduleEntry> schedules_;
};

}  // namespace lrscope::ui
