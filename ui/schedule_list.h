#pragma once
// ScheduleList: the schedules in the workspace, with their colours; select one to edit it, remove
// it.
#include <QWidget>

class QListWidget;

namespace lrscope::ui {

class Workspace;

class ScheduleList : public QWidget {
  Q_OBJECT
 public:
  explicit ScheduleList(Workspace* workspace, QWidget* parent = nullptr);
  int currentIndex() const;

 Q_SIGNALS:
  void scheduleSelected(int index);

 private:
  void refresh();
  Workspace* workspace_;
  QListWidget* list_;
};

}  // namespace lrscope::ui
