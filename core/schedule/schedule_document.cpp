#include "schedule/schedule_document.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace lrscope {

namespace {

// 1-based line and column of a byte offset, for JSON syntax errors.
QString lineColumn(const QByteArray& text, qsizetype offset) {
  qsizetype line = 1;
  qsizetype column = 1;
  for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

}  // namespace

Result<ScheduleDocument> parseScheduleDocument(const QByteArray& json, const QString& source) {
  const QString where = source + QStringLiteral(": ");
  if (json.trimmed().isEmpty()) return Error{where + QStringLiteral("the file is empty")};
  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
  if (parseError.error != QJsonParseError::NoError)
    return Error{where + lineColumn(json, parseError.offset) + QStringLiteral(": invalid JSON (") +
                 parseError.errorString() + QLatin1Char(')')};
  if (!doc.isObject()) return Error{where + QStringLiteral("$: expected a JSON object")};
  const QJsonObject root = doc.object();
  if (root.value(QStringLiteral("format")).toString() != QLatin1String("lrscope-schedule"))
    return Error{where + QStringLiteral("$.format: expected \"lrscope-schedule\"")};
  const QJsonValue version = root.value(QStringLiteral("version"));
  if (!version.isDouble() || version.toDouble() != kScheduleFormatVersion)
    return Error{where + QStringLiteral("$.version: expected %1 (this LRScope reads version %1)")
                             .arg(kScheduleFormatVersion)};
  const QJsonValue name = root.value(QStringLiteral("name"));
  if (!name.isUndefined() && !name.isString())
    return Error{where + QStringLiteral("$.name: expected a string")};
  const QJsonValue schedule = root.value(QStringLiteral("schedule"));
  if (!schedule.isObject())
    return Error{where + QStringLiteral("$.schedule: expected an object with a \"family\"")};
  Result<Schedule> parsed = Schedule::fromJson(schedule.toObject(), QStringLiteral("$.schedule"));
  if (!parsed) {
    QString message = parsed.error();
    return Error{where + message.replace(QLatin1Char('\n'), QLatin1Char('\n') + where)};
  }
  return ScheduleDocument{name.toString(), std::move(parsed).value()};
}

Result<ScheduleDocument> readScheduleFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return Error{path + QStringLiteral(": cannot open (") + file.errorString() + QLatin1Char(')')};
  constexpr qint64 kMaxBytes = 1LL << 30;
  if (file.size() > kMaxBytes) return Error{path + QStringLiteral(": larger than 1 GiB")};
  return parseScheduleDocument(file.readAll(), path);
}

QByteArray writeScheduleDocument(const Schedule& schedule, const QString& name) {
  QJsonObject root{{QStringLiteral("format"), QStringLiteral("lrscope-schedule")},
                   {QStringLiteral("version"), kScheduleFormatVersion}};
  if (!name.isEmpty()) root.insert(QStringLiteral("name"), name);
  root.insert(QStringLiteral("schedule"), schedule.toJson());
  return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

}  // namespace lrscope
