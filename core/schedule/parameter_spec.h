#pragma once
// ParameterSpec: one named parameter of a schedule family, as the JSON format, the command line
// (`key=value`), `lrscope schedule list` and the GUI's parameter editor all see it.
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <limits>

namespace lrscope {

struct ParameterSpec {
  enum class Kind {
    Integer,      // a step count or index: JSON integer
    Real,         // a JSON number
    Boolean,      // true / false
    Choice,       // one of `choices`
    IntegerList,  // [int, ...] ascending (milestones)
    RealList,     // [number, ...]
    Points,       // [[step, lr], ...] ascending in step (control points)
    Phases        // [schedule, ...] (composition)
  };

  QString name;
  Kind kind = Kind::Real;
  // Undefined: required. Null: optional with no default (the family derives it). Otherwise the
  // default written into the normalised document.
  QJsonValue defaultValue = QJsonValue::Undefined;
  QString meaning{};
  QStringList choices{};
  double minimum = -std::numeric_limits<double>::infinity();  // numbers and list entries
  double maximum = std::numeric_limits<double>::infinity();

  bool required() const { return defaultValue.isUndefined(); }
};

QString kindName(ParameterSpec::Kind kind);

}  // namespace lrscope
