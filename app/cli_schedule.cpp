// lrscope schedule list | make | sample | export
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

#include "cli.h"
#include "schedule/schedule_document.h"
#include "schedule/schedule_export.h"
#include "schedule/schedule_registry.h"

namespace lrscope::cli {

namespace {

using Kind = ParameterSpec::Kind;

QString describeDefault(const ParameterSpec& spec) {
  if (spec.required()) return QStringLiteral("required");
  if (spec.defaultValue.isNull()) return QStringLiteral("optional");
  const QJsonValue v = spec.defaultValue;
  if (v.isString()) return QStringLiteral("default ") + v.toString();
  if (v.isBool())
    return v.toBool() ? QStringLiteral("default true") : QStringLiteral("default false");
  if (v.isArray())
    return QStringLiteral("default ") +
           QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
  return QStringLiteral("default ") + exactNumber(v.toDouble());
}

int list() {
  for (const ScheduleFamily& f : scheduleFamilies()) {
    out() << f.name << " - " << f.summary << "\n    " << f.formula << "\n";
    for (const ParameterSpec& spec : f.parameters)
      out() << "    " << spec.name << " (" << kindName(spec.kind) << ", " << describeDefault(spec)
            << "): " << spec.meaning << "\n";
    out() << "\n";
  }
  out().flush();
  return 0;
}

// Parses a `key=value` text into JSON by the parameter's kind; lists take "a,b,c" or JSON.
bool parseValue(const ParameterSpec& spec, const QString& text, QJsonValue& value,
                QString& problem) {
  const QString t = text.trimmed();
  auto number = [&](const QString& s, QJsonValue& v) {
    bool ok = false;
    const double x = s.trimmed().toDouble(&ok);
    if (!ok) problem = QStringLiteral("'%1' is not a number").arg(s.trimmed());
    v = x;
    return ok;
  };
  if (t.startsWith(QLatin1Char('[')) || t.startsWith(QLatin1Char('{'))) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + t.toUtf8() + "]", &error);
    if (error.error != QJsonParseError::NoError) {
      problem = QStringLiteral("invalid JSON (%1)").arg(error.errorString());
      return false;
    }
    value = doc.array().at(0);
    return true;
  }
  switch (spec.kind) {
    case Kind::Integer:
    case Kind::Real:
      return number(t, value);
    case Kind::Boolean:
      if (t == QLatin1String("true") || t == QLatin1String("1"))
        value = true;
      else if (t == QLatin1String("false") || t == QLatin1String("0"))
        value = false;
      else
        problem = QStringLiteral("expected true or false, got '%1'").arg(t);
      return problem.isEmpty();
    case Kind::Choice:
      value = t;
      return true;
    case Kind::IntegerList:
    case Kind::RealList: {
      QJsonArray items;
      for (const QString& part : t.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QJsonValue v;
        if (!number(part, v)) return false;
        items.append(v);
      }
      value = items;
      return true;
    }
    case Kind::Points: {  // "step:lr,step:lr"
      QJsonArray points;
      for (const QString& part : t.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList xy = part.split(QLatin1Char(':'));
        QJsonValue x;
        QJsonValue y;
        if (xy.size() != 2) {
          problem = QStringLiteral("expected step:lr pairs, got '%1'").arg(part);
          return false;
        }
        if (!number(xy[0], x) || !number(xy[1], y)) return false;
        points.append(QJsonArray{x, y});
      }
      value = points;
      return true;
    }
    case Kind::Phases: {  // "a.json,b.json": schedule files
      QJsonArray phases;
      for (const QString& path : t.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        Result<ScheduleDocument> doc = readScheduleFile(path);
        if (!doc) {
          problem = doc.error();
          return false;
        }
        phases.append(doc->schedule.toJson());
      }
      value = phases;
      return true;
    }
  }
  return false;
}

int make(const QStringList& args) {
  if (args.isEmpty())
    return fail(QStringLiteral("schedule make: give a FAMILY (see `lrscope schedule list`)"), 2);
  const ScheduleFamily* family = findScheduleFamily(args[0]);
  if (!family)
    return fail(QStringLiteral("schedule make: unknown family '%1' (see `lrscope schedule list`)")
                    .arg(args[0]),
                2);
  QJsonObject object{{QStringLiteral("family"), family->name}};
  QString output;
  QString name;
  for (qsizetype i = 1; i < args.size(); ++i) {
    if (args[i] == QLatin1String("-o") || args[i] == QLatin1String("--name")) {
      if (i + 1 >= args.size()) return fail(args[i] + QStringLiteral(" needs a value"), 2);
      QString& target = args[i] == QLatin1String("-o") ? output : name;
      target = args[++i];
      continue;
    }
    const qsizetype eq = args[i].indexOf(QLatin1Char('='));
    if (eq <= 0)
      return fail(QStringLiteral("schedule make: expected key=value, got '%1'").arg(args[i]), 2);
    const QString key = args[i].left(eq);
    const auto spec = std::find_if(family->parameters.begin(), family->parameters.end(),
                                   [&](const ParameterSpec& s) { return s.name == key; });
    if (spec == family->parameters.end()) {
      QStringList known;
      for (const ParameterSpec& s : family->parameters) known << s.name;
      return fail(QStringLiteral("schedule make: '%1' is not a parameter of %2 (known: %3)")
                      .arg(key, family->name, known.join(QStringLiteral(", "))),
                  2);
    }
    QJsonValue value;
    QString problem;
    if (!parseValue(*spec, args[i].mid(eq + 1), value, problem))
      return fail(QStringLiteral("schedule make: %1: %2").arg(key, problem), 2);
    object.insert(key, value);
  }
  Result<Schedule> schedule = Schedule::fromJson(object);
  if (!schedule) return fail(QStringLiteral("schedule make: ") + schedule.error());
  return writeOutput(output, writeScheduleDocument(*schedule, name)) ? 0 : 1;
}

std::optional<Schedule> load(const QString& path) {
  QByteArray data;
  if (!readInput(path, data)) return std::nullopt;
  Result<ScheduleDocument> doc =
      parseScheduleDocument(data, path == QLatin1String("-") ? QStringLiteral("<stdin>") : path);
  if (!doc) {
    fail(doc.error());
    return std::nullopt;
  }
  return doc->schedule;
}

int sample(const QStringList& args) {
  QString path;
  qint64 every = 1;
  for (qsizetype i = 0; i < args.size(); ++i) {
    if (args[i] == QLatin1String("--every")) {
      bool ok = false;
      every = args.value(i + 1).toLongLong(&ok);
      if (!ok || every < 1)
        return fail(QStringLiteral("schedule sample: --every needs a positive integer"), 2);
      ++i;
    } else if (path.isEmpty()) {
      path = args[i];
    } else {
      return fail(QStringLiteral("schedule sample: unexpected argument '%1'").arg(args[i]), 2);
    }
  }
  if (path.isEmpty())
    return fail(QStringLiteral("schedule sample: give a schedule FILE (or - for stdin)"), 2);
  const std::optional<Schedule> schedule = load(path);
  if (!schedule) return 1;
  return writeOutput({}, scheduleToCsv(*schedule, every)) ? 0 : 1;
}

int exportSchedule(const QStringList& args) {
  QString path;
  QString to;
  QString output;
  for (qsizetype i = 0; i < args.size(); ++i) {
    if (args[i] == QLatin1String("--to") || args[i] == QLatin1String("-o")) {
      if (i + 1 >= args.size()) return fail(args[i] + QStringLiteral(" needs a value"), 2);
      QString& target = args[i] == QLatin1String("--to") ? to : output;
      target = args[++i];
    } else if (path.isEmpty()) {
      path = args[i];
    } else {
      return fail(QStringLiteral("schedule export: unexpected argument '%1'").arg(args[i]), 2);
    }
  }
  if (path.isEmpty() || to.isEmpty())
    return fail(QStringLiteral(
                    "schedule export: usage: schedule export FILE --to pytorch|optax|csv [-o OUT]"),
                2);
  if (to != QLatin1String("pytorch") && to != QLatin1String("optax") && to != QLatin1String("csv"))
    return fail(
        QStringLiteral("schedule export: --to must be pytorch, optax or csv, got '%1'").arg(to), 2);
  const std::optional<Schedule> schedule = load(path);
  if (!schedule) return 1;
  const QByteArray text = to == QLatin1String("csv")       ? scheduleToCsv(*schedule)
                          : to == QLatin1String("pytorch") ? scheduleToPyTorch(*schedule).toUtf8()
                                                           : scheduleToOptax(*schedule).toUtf8();
  return writeOutput(output, text) ? 0 : 1;
}

}  // namespace

int runSchedule(const QStringList& args) {
  const QString sub = args.value(0);
  if (sub == QLatin1String("list")) return list();
  if (sub == QLatin1String("make")) return make(args.mid(1));
  if (sub == QLatin1String("sample")) return sample(args.mid(1));
  if (sub == QLatin1String("export")) return exportSchedule(args.mid(1));
  return fail(QStringLiteral("schedule: expected list, make, sample or export, got '%1'").arg(sub),
              2);
}

}  // namespace lrscope::cli
