#include "io/table_loader.h"

#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

#include "io/delimited_text.h"
#include "io/series_builder.h"
#include "io/warning_list.h"

namespace lrscope {

namespace {

constexpr double kNoTime = std::numeric_limits<double>::quiet_NaN();

const QString kBadCells = QStringLiteral("cells that are not numbers (skipped)");
const QString kBadSteps = QStringLiteral("rows whose step is not an integer (skipped)");
const QString kNoSteps = QStringLiteral("rows without a step (skipped)");
const QString kShortRows = QStringLiteral("rows with missing fields");
const QString kLongRows = QStringLiteral("rows with extra fields");
const QString kQuotes = QStringLiteral("rows with an unclosed quote");

struct ValueColumn {
  int column;
  int slot;
  int stepColumn;
  int series;  // index in its run's builder
};

bool blank(std::string_view s) {
  return trimmed(s).empty();
}

}  // namespace

TableSample sampleTable(const QByteArray& head, char delimiter, bool header) {
  TableSample sample;
  std::vector<std::string_view> fields;
  std::string scratch;
  const std::vector<std::string_view> lines = sampleLines(head, 51);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    splitFields(lines[i], delimiter, fields, scratch);
    if (i == 0 && header) {
      sample.names = decodeNames(fields);
      continue;
    }
    std::vector<QString> row;
    for (std::string_view f : fields) row.push_back(fieldText(trimmed(f)));
    sample.rows.push_back(std::move(row));
  }
  return sample;
}

Result<std::vector<Run>> loadTable(LineReader& lines, const TablePlan& plan, const QString& path,
                                   const Progress& progress) {
  WarningList warnings(path);
  const auto width = plan.columns.size();
  const bool longFormat = plan.runColumn >= 0;
  std::vector<ValueColumn> values;
  std::vector<RunBuilder> builders(longFormat ? 1 : std::max<qsizetype>(plan.runNames.size(), 1));
  for (std::size_t c = 0; c < width; ++c) {
    const TableColumn& col = plan.columns[c];
    if (col.kind != TableColumn::Kind::Value) continue;
    const int slot = longFormat ? 0 : col.runSlot;
    const int series = builders[static_cast<std::size_t>(slot)].series(col.series, col.name);
    values.push_back({static_cast<int>(c), slot, col.stepColumn, series});
  }
  const RunBuilder blankRun = longFormat ? builders.front() : RunBuilder();
  QStringList runNames = plan.runNames;
  std::unordered_map<std::string, int> runSlots;
  std::string lastRun;
  int lastSlot = -1;

  std::vector<std::string_view> f;
  std::string scratch;
  std::string_view line;
  bool headerPending = plan.header;
  qint64 headerLine = 0, rows = 0, points = 0;
  const auto blankField = std::string_view();
  while (lines.next(line)) {
    if (line.empty() || line.front() == '#' || line.front() == ' ' || line.front() == '\t')
      if (isComment(line)) continue;
    const qint64 n = lines.lineNumber();
    if (headerPending) {
      headerPending = false;
      headerLine = n;
      continue;
    }
    if (!splitFields(line, plan.delimiter, f, scratch))
      warnings.add(kQuotes,
                   QStringLiteral("line %1: a quote is not closed; read to the line end").arg(n));
    if (f.size() < width) {
      if (lines.lastLineUnterminated()) {
        warnings.add(QStringLiteral("cut-off lines"),
                     QStringLiteral("line %1: last line cut off (%2 of %3 fields, no line end); "
                                    "skipped")
                         .arg(n)
                         .arg(f.size())
                         .arg(width));
        break;
      }
      warnings.add(kShortRows, QStringLiteral("line %1: %2 fields where the header has %3; the "
                                              "missing ones are blank")
                                   .arg(n)
                                   .arg(f.size())
                                   .arg(width));
      f.resize(width, blankField);
    } else if (f.size() > width) {
      warnings.add(kLongRows, QStringLiteral("line %1: %2 fields where the header has %3; the "
                                             "extra ones are ignored")
                                  .arg(n)
                                  .arg(f.size())
                                  .arg(width));
    }
    std::int64_t step = rows;
    if (plan.stepColumn >= 0) {
      const std::string_view s = f[static_cast<std::size_t>(plan.stepColumn)];
      const QString& name = plan.columns[static_cast<std::size_t>(plan.stepColumn)].name;
      if (blank(s)) {
        warnings.add(kNoSteps,
                     QStringLiteral("line %1: field '%2' (the step) is blank; row skipped")
                         .arg(n)
                         .arg(name));
        continue;
      }
      if (!parseStep(s, step)) {
        warnings.add(kBadSteps, QStringLiteral("line %1: field '%2': '%3' is not an integer step; "
                                               "row skipped")
                                    .arg(n)
                                    .arg(name, fieldText(s)));
        continue;
      }
    }
    ++rows;
    double wall = kNoTime;
    if (plan.wallTimeColumn >= 0 &&
        parseNumber(f[static_cast<std::size_t>(plan.wallTimeColumn)], wall) &&
        std::abs(wall) > 1e11)
      wall /= 1000.0;
    RunBuilder* single = &builders.front();
    if (longFormat) {
      const std::string_view key = trimmed(f[static_cast<std::size_t>(plan.runColumn)]);
      if (lastSlot < 0 || key != lastRun) {
        lastRun.assign(key);
        auto [it, added] = runSlots.try_emplace(lastRun, static_cast<int>(runSlots.size()));
        if (added) {
          if (it->second > 0) builders.push_back(blankRun);
          runNames << (key.empty() ? QStringLiteral("(no run)") : fieldText(key));
        }
        lastSlot = it->second;
      }
      single = &builders[static_cast<std::size_t>(lastSlot)];
    }
    for (const ValueColumn& v : values) {
      const std::string_view cell = f[static_cast<std::size_t>(v.column)];
      if (cell.empty()) continue;
      double x = 0.0;
      if (!parseNumber(cell, x)) {
        if (!blank(cell))
          warnings.add(kBadCells, QStringLiteral("line %1: field '%2': '%3' is not a number; "
                                                 "cell skipped")
                                      .arg(n)
                                      .arg(plan.columns[static_cast<std::size_t>(v.column)].name,
                                           fieldText(cell)));
        continue;
      }
      std::int64_t at = step;
      if (v.stepColumn >= 0 && !parseStep(f[static_cast<std::size_t>(v.stepColumn)], at)) continue;
      RunBuilder& b = longFormat ? *single : builders[static_cast<std::size_t>(v.slot)];
      if (plan.wallTimeColumn >= 0)
        b.add(v.series, at, x, wall);
      else
        b.add(v.series, at, x);
      ++points;
    }
    if ((rows & 0xFFFF) == 0) {
      if (progress.cancelled()) return Error{kCancelledMessage};
      progress(lines.fraction());
    }
  }
  if (!lines.error().isEmpty()) return Error{lines.error()};

  const QStringList lineWarnings = lines.warnings();
  if (points == 0) {
    QString why;
    if (rows == 0 && headerLine > 0)
      why = QStringLiteral("header only (line %1), no data rows").arg(headerLine);
    else if (rows == 0 && headerLine == 0 && plan.header)
      why = QStringLiteral("the file is empty");
    else
      why = QStringLiteral("no numeric value in %1 data rows").arg(rows);
    const QStringList first = warnings.finish() + lineWarnings;
    if (!first.isEmpty()) why += QStringLiteral(" (first problem: %1)").arg(first.front());
    return Error{QStringLiteral("%1: %2").arg(path, why)};
  }
  QStringList common = plan.warnings + lineWarnings + warnings.finish();
  std::vector<Run> runs;
  for (std::size_t i = 0; i < builders.size(); ++i) {
    Run run = builders[i].finish(runNames.value(static_cast<qsizetype>(i)), path, plan.format);
    if (run.series.empty()) continue;
    run.warnings = common + run.warnings;
    runs.push_back(std::move(run));
  }
  progress(1.0);
  return runs;
}

}  // namespace lrscope
