#include "schedule/parameter_spec.h"

namespace lrscope {

QString kindName(ParameterSpec::Kind kind) {
  switch (kind) {
    case ParameterSpec::Kind::Integer:
      return QStringLiteral("integer");
    case ParameterSpec::Kind::Real:
      return QStringLiteral("number");
    case ParameterSpec::Kind::Boolean:
      return QStringLiteral("boolean");
    case ParameterSpec::Kind::Choice:
      return QStringLiteral("choice");
    case ParameterSpec::Kind::IntegerList:
      return QStringLiteral("list of integers");
    case ParameterSpec::Kind::RealList:
      return QStringLiteral("list of numbers");
    case ParameterSpec::Kind::Points:
      return QStringLiteral("list of [step, lr] points");
    case ParameterSpec::Kind::Phases:
      return QStringLiteral("list of schedules");
  }
  return {};
}

}  // namespace lrscope
