#pragma once
// ScheduleParameters: read access to a family's type-checked, default-filled parameters while it
// builds its formula, plus a sink for problems that name the JSON path of the offending key.
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <utility>
#include <vector>

namespace lrscope {

class Schedule;

class ScheduleParameters {
 public:
  ScheduleParameters(QJsonObject values, QString path, std::vector<Schedule> phases);

  bool has(const QString& name) const;  // present and not null
  std::int64_t integer(const QString& name) const;
  double real(const QString& name) const;
  bool boolean(const QString& name) const;
  QString choice(const QString& name) const;
  std::vector<double> reals(const QString& name) const;
  std::vector<std::int64_t> integers(const QString& name) const;
  std::vector<std::pair<double, double>> points(const QString& name) const;
  const std::vector<Schedule>& phases() const { return phases_; }

  // Records "<path>.<name>: <message>".
  void fail(const QString& name, const QString& message);
  // fail(name, message) unless `condition`; returns condition.
  bool require(bool condition, const QString& name, const QString& message);
  const QStringList& errors() const { return errors_; }
  QString path(const QString& name) const;

 private:
  QJsonObject values_;
  QString path_;
  std::vector<Schedule> phases_;
  QStringList errors_;
};

}  // namespace lrscope
