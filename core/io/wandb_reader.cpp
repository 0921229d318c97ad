#include "io/wandb_reader.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonObject>

#include "io/csv_reader.h"
#include "io/json_text.h"
#include "io/line_reader.h"
#include "io/series_builder.h"
#include "io/warning_list.h"

namespace lrscope {

namespace {

const QString kSeparator = QStringLiteral(" - ");

// Run and key of a panel-export header; false when it has no " - ".
bool splitHeader(const QString& header, QString& run, QString& key) {
  const qsizetype at = header.lastIndexOf(kSeparator);
  if (at <= 0) return false;
  run = header.left(at).trimmed();
  key = header.mid(at + kSeparator.size()).trimmed();
  return !key.isEmpty();
}

TablePlan planPanelExport(const TableSample& sample, const TextDialect& dialect,
                          const QString& path) {
  TablePlan plan;
  plan.delimiter = dialect.delimiter;
  plan.header = true;
  plan.format = QStringLiteral("wandb-csv");
  plan.stepColumn = sample.names.isEmpty() ? -1 : 0;  // the export's first column is its Step
  QHash<QString, int> runSlots;
  QHash<int, int> ownStep;  // run slot -> its "_step" column
  for (qsizetype i = 0; i < sample.names.size(); ++i) {
    TableColumn col;
    col.name = sample.names[i];
    QString run, key;
    if (i == 0) {
      col.kind = TableColumn::Kind::Step;
    } else if (!splitHeader(col.name, run, key)) {
      plan.warnings
          << QStringLiteral("%1: column '%2' is not '<run> - <key>'; ignored").arg(path, col.name);
    } else {
      if (!runSlots.contains(run)) {
        runSlots.insert(run, static_cast<int>(runSlots.size()));
        plan.runNames << run;
      }
      const int slot = runSlots.value(run);
      col.runSlot = slot;
      if (key == QLatin1String("_step")) {
        ownStep.insert(slot, static_cast<int>(i));
      } else {
        QString band;
        for (const char* suffix : {"__MIN", "__MAX"})
          if (key.endsWith(QLatin1String(suffix))) {
            band = QLatin1String(suffix);
            key.chop(band.size());
          }
        col.kind = TableColumn::Kind::Value;
        col.series = canonicalSeriesName(key) + band;
      }
    }
    plan.columns.push_back(col);
  }
  for (TableColumn& col : plan.columns)
    if (col.kind == TableColumn::Kind::Value) col.stepColumn = ownStep.value(col.runSlot, -1);
  return plan;
}

}  // namespace

double WandbCsvReader::canRead(const QString& path, const QByteArray& firstBytes) const {
  if (QFileInfo(path).isDir() || firstBytes.isEmpty() || looksBinary(firstBytes)) return 0.0;
  const QByteArray head = textHead(firstBytes);
  TextDialect dialect;
  if (!sniffDialect(head, dialect) || !dialect.header || dialect.columns < 2) return 0.0;
  const TableSample sample = sampleTable(head, dialect.delimiter, true);
  QString run, key;
  for (qsizetype i = 1; i < sample.names.size(); ++i)
    if (!splitHeader(sample.names[i], run, key)) return 0.0;
  return 0.8;
}

Result<std::vector<Run>> WandbCsvReader::read(const QString& path, const Progress& progress) const {
  const auto planner = [&](const TableSample& sample, const TextDialect& dialect) {
    return planPanelExport(sample, dialect, path);
  };
  return readTable(path, planner, progress);
}

namespace {

// Adds the numeric values of `object` (nested objects flattened with '.') to `builder`.
void addValues(const QJsonObject& object, const QString& prefix, std::int64_t step, double wallTime,
               RunBuilder& builder) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    const QString key = prefix + it.key();
    if (prefix.isEmpty() && key.startsWith(QLatin1Char('_'))) continue;  // _step, _runtime, ...
    double value = 0.0;
    if (jsonNumber(it.value(), value)) {
      builder.add(builder.series(canonicalSeriesName(key), key), step, value, wallTime);
    } else if (it.value().isObject()) {
      const QJsonObject inner = it.value().toObject();
      if (!inner.contains(QLatin1String("_type")))
        addValues(inner, key + QLatin1Char('.'), step, wallTime, builder);
    }
  }
}

}  // namespace

double WandbJsonlReader::canRead(const QString& path, const QByteArray& firstBytes) const {
  const QFileInfo info(path);
  if (info.isDir() || looksBinary(firstBytes)) return 0.0;
  const QByteArray head = textHead(firstBytes).trimmed();
  if (info.fileName() == QLatin1String("wandb-history.jsonl")) return 0.9;
  if (!head.startsWith('{')) return 0.0;
  if (info.suffix().toLower() == QLatin1String("jsonl")) return 0.7;
  return head.left(head.indexOf('\n')).contains("\"_step\"") ? 0.5 : 0.0;
}

Result<std::vector<Run>> WandbJsonlReader::read(const QString& path,
                                                const Progress& progress) const {
  LineReader lines;
  if (auto opened = openTextFile(lines, path); !opened) return Error{opened.error()};
  RunBuilder builder;
  WarningList warnings(path);
  std::string_view line;
  qint64 records = 0, stepless = 0;
  while (lines.next(line)) {
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const qint64 n = lines.lineNumber();
    const Result<QJsonDocument> doc =
        parseJson(QByteArray(line.data(), static_cast<qsizetype>(line.size())));
    if (!doc.ok() || !doc->isObject()) {
      if (lines.lastLineUnterminated())
        warnings.add(
            QStringLiteral("cut-off lines"), n,
            QStringLiteral("last line cut off (no line end, not a whole JSON object); skipped"));
      else
        warnings.add(QStringLiteral("lines that are not JSON objects (skipped)"), n,
                     doc.ok() ? QStringLiteral("not a JSON object; skipped")
                              : QStringLiteral("not JSON (%1); skipped")
                                    .arg(doc.error().section(QStringLiteral(": "), 1)));
      continue;
    }
    const QJsonObject object = doc->object();
    double stepValue = static_cast<double>(records), wallTime = std::nan("");
    if (object.contains(QLatin1String("_step"))) {
      if (!jsonNumber(object.value(QLatin1String("_step")), stepValue) ||
          stepValue != std::floor(stepValue)) {
        warnings.add(QStringLiteral("lines whose _step is not an integer (skipped)"), n,
                     QStringLiteral("field '_step': %1 is not an integer step; skipped")
                         .arg(jsonValueText(object.value(QLatin1String("_step")))));
        continue;
      }
    } else {
      ++stepless;
    }
    jsonNumber(object.value(QLatin1String("_timestamp")), wallTime);
    addValues(object, QString(), static_cast<std::int64_t>(stepValue), wallTime, builder);
    if ((++records & 0x3FFF) == 0) {
      if (progress.cancelled()) return Error{kCancelledMessage};
      progress(lines.fraction());
    }
  }
  if (!lines.error().isEmpty()) return Error{lines.error()};
  if (stepless > 0)
    warnings.add(
        QStringLiteral("notes"), 0,
        QStringLiteral("%1 lines without '_step': their line index among the records is the step")
            .arg(stepless));
  WarningList all = lines.warnings();
  all.merge(warnings);
  Run run = builder.finish(QFileInfo(path).completeBaseName(), path, name());
  if (run.series.empty()) {
    const QStringList problems = all.finish();
    return Error{QStringLiteral("%1: no numeric values in %2 JSON lines%3")
                     .arg(path)
                     .arg(records)
                     .arg(problems.isEmpty() ? QString()
                                             : QStringLiteral(" (first problem: %1)")
                                                   .arg(problems.front().mid(path.size() + 2)))};
  }
  run.warnings = all.finish() + run.warnings;
  progress(1.0);
  return std::vector<Run>{std::move(run)};
}

}  // namespace lrscope
