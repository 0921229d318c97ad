#include "schedule/schedule_parameters.h"

#include <QJsonArray>

#include "schedule/schedule.h"

namespace lrscope {

ScheduleParameters::ScheduleParameters(QJsonObject values, QString path,
                                       std::vector<Schedule> phases)
    : values_(std::move(values)), path_(std::move(path)), phases_(std::move(phases)) {}

bool ScheduleParameters::has(const QString& name) const {
  const QJsonValue v = values_.value(name);
  return !v.isUndefined() && !v.isNull();
}

std::int64_t ScheduleParameters::integer(const QString& name) const {
  return static_cast<std::int64_t>(values_.value(name).toDouble());
}

double ScheduleParameters::real(const QString& name) const {
  return values_.value(name).toDouble();
}

bool ScheduleParameters::boolean(const QString& name) const {
  return values_.value(name).toBool();
}

QString ScheduleParameters::choice(const QString& name) const {
  return values_.value(name).toString();
}

std::vector<double> ScheduleParameters::reals(const QString& name) const {
  std::vector<double> out;
  for (const QJsonValue& v : values_.value(name).toArray()) out.push_back(v.toDouble());
  return out;
}

std::vector<std::int64_t> ScheduleParameters::integers(const QString& name) const {
  std::vector<std::int64_t> out;
  for (const QJsonValue& v : values_.value(name).toArray())
    out.push_back(static_cast<std::int64_t>(v.toDouble()));
  return out;
}

std::vector<std::pair<double, double>> ScheduleParameters::points(const QString& name) const {
  std::vector<std::pair<double, double>> out;
  for (const QJsonValue& v : values_.value(name).toArray()) {
    const QJsonArray pair = v.toArray();
    out.emplace_back(pair.at(0).toDouble(), pair.at(1).toDouble());
  }
  return out;
}

QString ScheduleParameters::path(const QString& name) const {
  return path_ + QLatin1Char('.') + name;
}

void ScheduleParameters::fail(const QString& name, const QString& message) {
  errors_ << path(name) + QStringLiteral(": ") + message;
}

bool ScheduleParameters::require(bool condition, const QString& name, const QString& message) {
  if (!condition) fail(name, message);
  return condition;
}

}  // namespace lrscope
