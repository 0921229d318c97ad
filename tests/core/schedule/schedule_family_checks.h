#pragma once
// Helpers for the schedule family tests: build a schedule from JSON text, and compare it with an
// independent closed form (plain C++ written in the test, not an Expr) at edge and random steps,
// through both evaluation paths (Schedule::lr one step at a time and Schedule::sample, the array
// evaluation every consumer uses).
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QtTest>
#include <algorithm>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <numbers>
#include <vector>

#include "lrscope_test.h"
#include "schedule/schedule.h"

namespace lrscope::test {

inline constexpr double kPi = std::numbers::pi;

inline Result<Schedule> scheduleFromJson(const QByteArray& json) {
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
  if (error.error != QJsonParseError::NoError)
    return Error{QStringLiteral("test JSON does not parse: ") + error.errorString()};
  return Schedule::fromJson(doc.object());
}

// The edge steps (negative ones count from the end: -1 is the last step) plus `randomCount`
// uniformly drawn steps from a fixed seed, so a failure reproduces.
inline std::vector<std::int64_t> stepsToCheck(std::int64_t total,
                                              std::initializer_list<std::int64_t> edges,
                                              int randomCount = 200) {
  std::vector<std::int64_t> steps;
  for (std::int64_t e : edges) steps.push_back(e < 0 ? total + e : e);
  QRandomGenerator random(20250101u + static_cast<quint32>(total));
  for (int i = 0; i < randomCount; ++i)
    steps.push_back(static_cast<std::int64_t>(random.bounded(static_cast<quint64>(total))));
  return steps;
}

// Empty when lr(n) and sample()[n] equal closed(n) to `rel` (plus 1e-18 absolute, far below any
// LR) at every step of `steps`; otherwise the first mismatch.
inline QString compareWithClosedForm(const Schedule& schedule,
                                     const std::function<double(std::int64_t)>& closed,
                                     const std::vector<std::int64_t>& steps, double rel = 1e-12) {
  const std::vector<double> sampled = schedule.sample();
  if (static_cast<std::int64_t>(sampled.size()) != schedule.totalSteps())
    return QStringLiteral("sample() gave %1 values for %2 steps")
        .arg(sampled.size())
        .arg(schedule.totalSteps());
  for (std::int64_t n : steps) {
    if (n < 0 || n >= schedule.totalSteps())
      return QStringLiteral("test asks for step %1 outside 0 .. %2")
          .arg(n)
          .arg(schedule.totalSteps() - 1);
    const double expected = closed(n);
    const double one = schedule.lr(n);
    const double array = sampled[static_cast<std::size_t>(n)];
    if (!closeTo(one, expected, rel, 1e-18) || !closeTo(array, expected, rel, 1e-18))
      return QStringLiteral("step %1: lr() %2, sample() %3, closed form %4")
          .arg(n)
          .arg(one, 0, 'g', 17)
          .arg(array, 0, 'g', 17)
          .arg(expected, 0, 'g', 17);
  }
  return {};
}

}  // namespace lrscope::test

// Declares `const Schedule& name` built from JSON text, failing the test when it is rejected.
#define LRSCOPE_SCHEDULE(name, json)                             \
  const lrscope::Result<lrscope::Schedule> name##Result =        \
      lrscope::test::scheduleFromJson(QByteArray(json));         \
  QVERIFY2(name##Result.ok(), qPrintable(name##Result.error())); \
  const lrscope::Schedule& name = *name##Result

// Checks `schedule` against the closed form `closed(n)` at the given edge steps and random steps.
#define LRSCOPE_CHECK_CLOSED_FORM(schedule, closed, ...)                                        \
  do {                                                                                          \
    const QString problem = lrscope::test::compareWithClosedForm(                               \
        schedule, closed, lrscope::test::stepsToCheck((schedule).totalSteps(), {__VA_ARGS__})); \
    QVERIFY2(problem.isEmpty(), qPrintable(problem));                                           \
  } while (false)
