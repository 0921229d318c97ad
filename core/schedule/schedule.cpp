#include "schedule/schedule.h"

#include <QJsonArray>
#include <cmath>

#include "schedule/schedule_parameters.h"
#include "schedule/schedule_registry.h"

namespace lrscope {

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53

QString jsonTypeName(const QJsonValue& v) {
  switch (v.type()) {
    case QJsonValue::Null:
      return QStringLiteral("null");
    case QJsonValue::Bool:
      return QStringLiteral("a boolean");
    case QJsonValue::Double:
      return QStringLiteral("a number");
    case QJsonValue::String:
      return QStringLiteral("a string");
    case QJsonValue::Array:
      return QStringLiteral("an array");
    case QJsonValue::Object:
      return QStringLiteral("an object");
    case QJsonValue::Undefined:
      break;
  }
  return QStringLiteral("nothing");
}

QString number(double v) {
  return QString::number(v, 'g', 17);
}

// Checks one number against the spec; returns an error text or an empty string.
QString checkNumber(const ParameterSpec& spec, const QJsonValue& v, bool integral) {
  if (!v.isDouble())
    return QStringLiteral("expected %1, got %2")
        .arg(integral ? QStringLiteral("an integer") : QStringLiteral("a number"), jsonTypeName(v));
  const double x = v.toDouble();
  if (!std::isfinite(x)) return QStringLiteral("must be finite");
  if (integral && (x != std::floor(x) || std::abs(x) > kMaxExactInteger))
    return QStringLiteral("expected an integer, got %1").arg(number(x));
  if (x < spec.minimum)
    return QStringLiteral("must be >= %1, got %2").arg(number(spec.minimum), number(x));
  if (x > spec.maximum)
    return QStringLiteral("must be <= %1, got %2").arg(number(spec.maximum), number(x));
  return {};
}

class Validator {
 public:
  explicit Validator(QString path) : path_(std::move(path)) {}

  // Type-checks `v` for `spec`; on success returns true (phases are parsed into `phases`).
  bool check(const ParameterSpec& spec, const QJsonValue& v, std::vector<Schedule>& phases) {
    const QString at = path_ + QLatin1Char('.') + spec.name;
    using Kind = ParameterSpec::Kind;
    switch (spec.kind) {
      case Kind::Integer:
      case Kind::Real:
        return report(at, checkNumber(spec, v, spec.kind == Kind::Integer));
      case Kind::Boolean:
        return report(
            at, v.isBool() ? QString()
                           : QStringLiteral("expected true or false, got %1").arg(jsonTypeName(v)));
      case Kind::Choice:
        if (!v.isString())
          return report(at, QStringLiteral("expected a string, got %1").arg(jsonTypeName(v)));
        return report(at, spec.choices.contains(v.toString())
                              ? QString()
                              : QStringLiteral("unknown value '%1' (expected one of: %2)")
                                    .arg(v.toString(), spec.choices.join(QStringLiteral(", "))));
      case Kind::IntegerList:
      case Kind::RealList:
        return checkList(spec, v, at);
      case Kind::Points:
        return checkPoints(spec, v, at);
      case Kind::Phases:
        return checkPhases(v, at, phases);
    }
    return false;
  }

  QStringList errors;

 private:
  bool report(const QString& at, const QString& problem) {
    if (problem.isEmpty()) return true;
    errors << at + QStringLiteral(": ") + problem;
    return false;
  }

  bool checkArray(const QJsonValue& v, const QString& at) {
    return report(at, v.isArray()
                          ? QString()
                          : QStringLiteral("expected an array, got %1").arg(jsonTypeName(v)));
  }

  bool checkList(const ParameterSpec& spec, const QJsonValue& v, const QString& at) {
    if (!checkArray(v, at)) return false;
    const QJsonArray a = v.toArray();
    const bool integral = spec.kind == ParameterSpec::Kind::IntegerList;
    for (qsizetype i = 0; i < a.size(); ++i) {
      const QString item = QStringLiteral("%1[%2]").arg(at).arg(i);
      if (!report(item, checkNumber(spec, a[i], integral))) return false;
      if (integral && i > 0 && a[i].toDouble() <= a[i - 1].toDouble())
        return report(item, QStringLiteral("must be greater than the previous entry"));
    }
    return true;
  }

  bool checkPoints(const ParameterSpec& spec, const QJsonValue& v, const QString& at) {
    if (!checkArray(v, at)) return false;
    const QJsonArray a = v.toArray();
    if (a.isEmpty()) return report(at, QStringLiteral("needs at least one point"));
    ParameterSpec stepSpec;
    stepSpec.minimum = 0.0;
    for (qsizetype i = 0; i < a.size(); ++i) {
      const QString item = QStringLiteral("%1[%2]").arg(at).arg(i);
      const QJsonArray p = a[i].toArray();
      if (!a[i].isArray() || p.size() != 2)
        return report(item,
                      QStringLiteral("expected a [step, lr] pair, got %1").arg(jsonTypeName(a[i])));
      if (!report(item + QStringLiteral("[0]"), checkNumber(stepSpec, p[0], false))) return false;
      if (!report(item + QStringLiteral("[1]"), checkNumber(spec, p[1], false))) return false;
      if (i > 0 && p[0].toDouble() <= a[i - 1].toArray()[0].toDouble())
        return report(item, QStringLiteral("steps must increase from point to point"));
    }
    return true;
  }

  bool checkPhases(const QJsonValue& v, const QString& at, std::vector<Schedule>& phases) {
    if (!checkArray(v, at)) return false;
    const QJsonArray a = v.toArray();
    if (a.isEmpty()) return report(at, QStringLiteral("needs at least one phase"));
    for (qsizetype i = 0; i < a.size(); ++i) {
      const QString item = QStringLiteral("%1[%2]").arg(at).arg(i);
      if (!a[i].isObject())
        return report(item,
                      QStringLiteral("expected a schedule object, got %1").arg(jsonTypeName(a[i])));
      Result<Schedule> phase = Schedule::fromJson(a[i].toObject(), item);
      if (!phase) {
        errors << phase.error();  // already names the nested path
        return false;
      }
      phases.push_back(std::move(phase).value());
    }
    return true;
  }

  QString path_;
};

}  // namespace

Result<Schedule> Schedule::fromJson(const QJsonObject& object, const QString& path) {
  const QString familyPath = path + QStringLiteral(".family");
  const QJsonValue familyValue = object.value(QStringLiteral("family"));
  if (familyValue.isUndefined()) return Error{familyPath + QStringLiteral(": missing")};
  if (!familyValue.isString())
    return Error{familyPath + QStringLiteral(": expected a string, got ") +
                 jsonTypeName(familyValue)};
  const ScheduleFamily* family = findScheduleFamily(familyValue.toString());
  if (!family)
    return Error{familyPath +
                 QStringLiteral(": unknown family '%1' (`lrscope schedule list` shows them all)")
                     .arg(familyValue.toString())};

  QJsonObject normalised{{QStringLiteral("family"), family->name}};
  QStringList known;
  for (const ParameterSpec& spec : family->parameters) known << spec.name;
  Validator validator(path);
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (it.key() != QLatin1String("family") && !known.contains(it.key()))
      validator.errors << QStringLiteral("%1.%2: unknown parameter for family '%3' (known: %4)")
                              .arg(path, it.key(), family->name, known.join(QStringLiteral(", ")));
  }
  std::vector<Schedule> phases;
  for (const ParameterSpec& spec : family->parameters) {
    QJsonValue v = object.value(spec.name);
    if (v.isUndefined() || (v.isNull() && !spec.required())) {
      if (spec.required()) {
        validator.errors << path + QLatin1Char('.') + spec.name +
                                QStringLiteral(": missing (required)");
        continue;
      }
      if (spec.defaultValue.isNull()) continue;
      v = spec.defaultValue;
    }
    if (validator.check(spec, v, phases)) normalised.insert(spec.name, v);
  }
  if (!validator.errors.isEmpty()) return Error{validator.errors.join(QLatin1Char('\n'))};

  ScheduleParameters parameters(normalised, path, std::move(phases));
  BuiltSchedule built = family->build(parameters);
  if (!parameters.errors().isEmpty()) return Error{parameters.errors().join(QLatin1Char('\n'))};
  if (built.totalSteps < 1 || built.totalSteps > kMaxScheduleSteps)
    return Error{path + QStringLiteral(": the schedule must have between 1 and %1 steps, got %2")
                            .arg(kMaxScheduleSteps)
                            .arg(built.totalSteps)};
  return Schedule(std::move(normalised), std::move(built.lr), built.totalSteps);
}

std::int64_t Schedule::warmupSteps() const {
  const QJsonValue w = parameters_.value(QStringLiteral("warmup_steps"));
  if (w.isDouble()) return static_cast<std::int64_t>(w.toDouble());
  const QJsonArray phases = parameters_.value(QStringLiteral("phases")).toArray();
  if (phases.isEmpty()) return 0;
  Result<Schedule> first = fromJson(phases.first().toObject());
  return first ? first->warmupSteps() : 0;
}

std::vector<double> Schedule::sample() const {
  const Eigen::ArrayXd n =
      Eigen::ArrayXd::LinSpaced(totalSteps_, 0.0, static_cast<double>(totalSteps_ - 1));
  const Eigen::ArrayXd values = lr_.evalArray(n);
  return std::vector<double>(values.data(), values.data() + values.size());
}

}  // namespace lrscope
