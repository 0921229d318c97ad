#pragma once
// ScheduleEditor: choose a schedule family and type its parameters; the form is built from the
// family's ParameterSpec list (the same list the JSON format and the CLI use). Every edit is
// validated by Schedule::fromJson and the message (with the parameter's JSON path) shown in place.
#include <QHash>
#include <QJsonObject>
#include <QWidget>
#include <optional>

#include "schedule/schedule.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace lrscope::ui {

class ScheduleEditor : public QWidget {
  Q_OBJECT
 public:
  explicit ScheduleEditor(QWidget* parent = nullptr);

  void setFamily(const QString& family);
  // Fills the form from an existing schedule's parameters.
  void setSchedule(const Schedule& schedule);
  // The parameters as typed ({"family": ..., key: value}); keys left blank are omitted.
  QJsonObject parameters() const;
  // The validated schedule, or nothing (errorText() says why).
  const std::optional<Schedule>& schedule() const { return schedule_; }
  QString errorText() const;

 Q_SIGNALS:
  void addRequested(const lrscope::Schedule& schedule);

 private:
  void rebuildForm();
  void revalidate();

  QComboBox* family_;
  QFormLayout* form_;
  QLabel* error_;
  QPushButton* add_;
  QHash<QString, QWidget*> editors_;
  std::optional<Schedule> schedule_;
};

}  // namespace lrscope::ui
