#include "io/hf_trainer_state_reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include "io/column_roles.h"
#include "io/json_text.h"
#include "io/line_reader.h"
#include "io/series_builder.h"
#include "io/warning_list.h"

namespace lrscope {

namespace {

const QString kFileName = QStringLiteral("trainer_state.json");
constexpr qint64 kMaxBytes = qint64(512) << 20;

// trainer_state.json of an output folder: its own, else the latest checkpoint's; empty if none.
QString stateFileOf(const QString& folder) {
  const QDir dir(folder);
  if (dir.exists(kFileName)) return dir.filePath(kFileName);
  static const QRegularExpression checkpoint(QStringLiteral("^checkpoint-(\\d+)$"));
  QString best;
  qint64 bestStep = -1;
  for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
    const auto m = checkpoint.match(name);
    if (!m.hasMatch() || !QFileInfo::exists(dir.filePath(name + QLatin1Char('/') + kFileName)))
      continue;
    const qint64 step = m.captured(1).toLongLong();
    if (step > bestStep) {
      bestStep = step;
      best = dir.filePath(name + QLatin1Char('/') + kFileName);
    }
  }
  return best;
}

QString runNameOf(const QString& file) {
  const QDir parent = QFileInfo(file).dir();
  if (parent.dirName().startsWith(QLatin1String("checkpoint-")))
    return QFileInfo(parent.absolutePath()).dir().dirName();
  return parent.dirName();
}

}  // namespace

double HfTrainerStateReader::canRead(const QString& path, const QByteArray& firstBytes) const {
  const QFileInfo info(path);
  if (info.isDir()) return stateFileOf(path).isEmpty() ? 0.0 : 0.9;
  if (info.fileName() == kFileName) return 0.95;
  const QByteArray head = textHead(firstBytes);
  if (head.trimmed().startsWith('{') && head.contains("\"log_history\"")) return 0.8;
  return 0.0;
}

Result<std::vector<Run>> HfTrainerStateReader::read(const QString& path,
                                                    const Progress& progress) const {
  const QString file = QFileInfo(path).isDir() ? stateFileOf(path) : path;
  if (file.isEmpty())
    return Error{
        QStringLiteral("%1: no trainer_state.json in this folder or its checkpoint-N folders")
            .arg(path)};
  QFile f(file);
  if (!f.open(QIODevice::ReadOnly))
    return Error{QStringLiteral("%1: cannot open (%2)").arg(file, f.errorString())};
  if (f.size() > kMaxBytes)
    return Error{QStringLiteral("%1: %2 MB is too large for a trainer_state.json (limit 512 MB)")
                     .arg(file)
                     .arg(f.size() >> 20)};
  const QByteArray raw = f.readAll();
  if (raw.trimmed().isEmpty()) return Error{QStringLiteral("%1: the file is empty").arg(file)};
  if (looksBinary(raw.left(kSniffBytes)))
    return Error{QStringLiteral("%1: binary data, not JSON").arg(file)};
  if (progress.cancelled()) return Error{kCancelledMessage};
  const Result<QJsonDocument> doc = parseJson(textHead(raw));
  if (!doc.ok()) return Error{QStringLiteral("%1: %2").arg(file, doc.error())};
  const QJsonValue history = doc->object().value(QLatin1String("log_history"));
  if (!history.isArray())
    return Error{QStringLiteral("%1: field 'log_history': missing or not an array (is this a "
                                "Hugging Face trainer_state.json?)")
                     .arg(file)};

  RunBuilder builder;
  WarningList warnings(file);
  const QJsonArray entries = history.toArray();
  for (qsizetype i = 0; i < entries.size(); ++i) {
    const QString at = QStringLiteral("log_history[%1]").arg(i);
    if (!entries[i].isObject()) {
      warnings.add(QStringLiteral("entries that are not objects"), 0,
                   at + QStringLiteral(": not an object; skipped"));
      continue;
    }
    const QJsonObject entry = entries[i].toObject();
    if (entry.contains(QLatin1String("train_runtime"))) continue;  // the final summary
    double stepValue = 0.0;
    if (!jsonNumber(entry.value(QLatin1String("step")), stepValue) ||
        stepValue != std::floor(stepValue)) {
      warnings.add(QStringLiteral("entries without a step"), 0,
                   at + QStringLiteral(".step: %1 is not an integer step; entry skipped")
                            .arg(jsonValueText(entry.value(QLatin1String("step")))));
      continue;
    }
    const auto step = static_cast<std::int64_t>(stepValue);
    for (auto it = entry.begin(); it != entry.end(); ++it) {
      if (it.key() == QLatin1String("step")) continue;
      double value = 0.0;
      if (!jsonNumber(it.value(), value)) {
        warnings.add(QStringLiteral("values that are not numbers"), 0,
                     QStringLiteral("%1.%2: %3 is not a number; skipped")
                         .arg(at, it.key(), jsonValueText(it.value())));
        continue;
      }
      builder.add(builder.series(canonicalSeriesName(it.key()), it.key()), step, value);
    }
  }
  Run run = builder.finish(runNameOf(file), file, name());
  if (run.series.empty())
    return Error{QStringLiteral("%1: field 'log_history': no logged values (%2 entries)")
                     .arg(file)
                     .arg(entries.size())};
  run.warnings = warnings.finish() + run.warnings;
  progress(1.0);
  return std::vector<Run>{std::move(run)};
}

}  // namespace lrscope
