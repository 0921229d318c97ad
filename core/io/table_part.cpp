#include "io/table_part.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include "io/delimited_text.h"
#include "io/plain_row.h"

namespace lrscope {

namespace {

constexpr double kNoTime = std::numeric_limits<double>::quiet_NaN();

const QString kBadCells = QStringLiteral("cells that are not numbers (skipped)");
const QString kBadSteps = QStringLiteral("rows whose step is not an integer (skipped)");
const QString kNoSteps = QStringLiteral("rows without a step (skipped)");
const QString kShortRows = QStringLiteral("rows with missing fields");
const QString kLongRows = QStringLiteral("rows with extra fields");
const QString kQuotes = QStringLiteral("rows with an unclosed quote");
const QString kCutOff = QStringLiteral("cut-off lines");

bool blank(std::string_view s) {
  return trimmed(s).empty();
}

// A wall time in seconds since the epoch; loggers that write milliseconds give values > 1e11.
double epochSeconds(double t) {
  return std::abs(t) > 1e11 ? t / 1000.0 : t;
}

}  // namespace

TablePart::TablePart(const TablePlan& plan, const QString& path, qint64 expectedRows)
    : warnings(path), plan_(plan), width_(plan.columns.size()) {
  const bool longFormat = plan.runColumn >= 0;
  builders_.resize(
      longFormat ? 1 : static_cast<std::size_t>(std::max<qsizetype>(plan.runNames.size(), 1)));
  for (std::size_t c = 0; c < width_; ++c) {
    const TableColumn& col = plan.columns[c];
    if (col.kind != TableColumn::Kind::Value) continue;
    const int slot = longFormat ? 0 : col.runSlot;
    const int series = builders_[static_cast<std::size_t>(slot)].series(col.series, col.name);
    values_.push_back({static_cast<int>(c), slot, col.stepColumn, series});
  }
  if (longFormat) blankRun_ = builders_.front();
  if (!longFormat) runNames_ = plan.runNames;
  fastPath_ = !longFormat && plan.delimiter != kBlankRuns;
  used_.assign(width_, 0);
  present_.assign(width_, 0);
  integral_.assign(width_, 1);
  numbers_.assign(width_, 0.0);
  steps_.assign(width_, 0);
  for (const ValueColumn& v : values_) {
    ownSteps_ = ownSteps_ || v.stepColumn >= 0;
    used_[static_cast<std::size_t>(v.column)] = 1;
    if (v.stepColumn >= 0) used_[static_cast<std::size_t>(v.stepColumn)] = 2;
  }
  if (plan.stepColumn >= 0) used_[static_cast<std::size_t>(plan.stepColumn)] = 2;
  if (plan.wallTimeColumn >= 0) used_[static_cast<std::size_t>(plan.wallTimeColumn)] = 1;
  if (expectedRows > 0 && !longFormat)
    for (const ValueColumn& v : values_)
      builders_[static_cast<std::size_t>(v.slot)].reserve(v.series,
                                                          static_cast<std::size_t>(expectedRows));
}

bool TablePart::parse(LineReader& lines, bool header, const Progress& progress, qint64 from,
                      qint64 to) {
  std::string_view line;
  qint64 report = rows + kRowsPerReport;
  for (;;) {
    if (!header && fastPath_) parseBuffered(lines);
    if (!lines.next(line)) break;
    if (line.empty() || line.front() == '#' || line.front() == ' ' || line.front() == '\t')
      if (isComment(line)) continue;
    if (header) {
      header = false;
      headerLine = lines.lineNumber();
      continue;
    }
    ++dataLines;
    slowRow(line, lines);
    if (rows >= report) {
      report = rows + kRowsPerReport;
      if (progress.cancelled()) return false;
      progress(static_cast<double>(lines.position() - from) /
               static_cast<double>(std::max<qint64>(to - from, 1)));
    }
  }
  return !progress.cancelled();
}

void TablePart::append(TablePart&& later, qint64 lineOffset) {
  std::thread helper([&] {
    for (std::size_t i = 0; i < builders_.size(); ++i)
      builders_[i].append(later.builders_[i], 1, 2);
  });
  for (std::size_t i = 0; i < builders_.size(); ++i) builders_[i].append(later.builders_[i], 0, 2);
  helper.join();
  warnings.merge(later.warnings, lineOffset);
  rows += later.rows;
  dataLines += later.dataLines;
  points += later.points;
}

std::vector<Run> TablePart::finish(const QString& path, const QStringList& common) {
  std::vector<Run> runs;
  for (std::size_t i = 0; i < builders_.size(); ++i) {
    Run run = builders_[i].finish(runNames_.value(static_cast<qsizetype>(i)), path, plan_.format);
    if (run.series.empty()) continue;
    run.warnings = common + run.warnings;
    runs.push_back(std::move(run));
  }
  return runs;
}

void TablePart::parseBuffered(LineReader& lines) {
  const std::string_view text = lines.buffered();
  const char* p = text.data();
  const char* const end = p + text.size();
  qint64 count = 0;
  while (p != end && *p != '#' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
    const char* next =
        parsePlainRow(p, end, plan_.delimiter, used_, numbers_, steps_, present_, integral_);
    if (!next || !storeRow()) break;
    p = next;
    ++count;
  }
  lines.consumeLines(static_cast<std::size_t>(p - text.data()), count);
  dataLines += count;
}

// storeRow and add are called only here, once per row and cell: `inline` keeps them in the row
// loop (GCC does not inline them otherwise; 7 % more instructions).
inline bool TablePart::storeRow() {
  std::int64_t step = rows;
  if (plan_.stepColumn >= 0) {
    const auto sc = static_cast<std::size_t>(plan_.stepColumn);
    if (!present_[sc]) return false;
    step = steps_[sc];
  }
  ++rows;
  double wall = kNoTime;
  if (plan_.wallTimeColumn >= 0 && present_[static_cast<std::size_t>(plan_.wallTimeColumn)])
    wall = epochSeconds(numbers_[static_cast<std::size_t>(plan_.wallTimeColumn)]);
  for (const ValueColumn& v : values_) {
    const auto c = static_cast<std::size_t>(v.column);
    if (!present_[c]) continue;
    std::int64_t at = step;
    const auto own = static_cast<std::size_t>(v.stepColumn);
    if (v.stepColumn >= 0) {
      if (!present_[own]) continue;
      at = steps_[own];
    }
    add(builders_[static_cast<std::size_t>(v.slot)], v.series, at, numbers_[c], wall);
  }
  return true;
}

inline void TablePart::add(RunBuilder& b, int series, std::int64_t step, double x, double wall) {
  if (plan_.wallTimeColumn >= 0)
    b.add(series, step, x, wall);
  else
    b.add(series, step, x);
  ++points;
}

void TablePart::slowRow(std::string_view line, const LineReader& lines) {
  const qint64 n = lines.lineNumber();
  if (!splitFields(line, plan_.delimiter, f_, scratch_))
    warnings.add(kQuotes, n, QStringLiteral("a quote is not closed; read to the line end"));
  if (f_.size() < width_) {
    if (lines.lastLineUnterminated()) {
      warnings.add(kCutOff, n,
                   QStringLiteral("last line cut off (%1 of %2 fields, no line end); skipped")
                       .arg(f_.size())
                       .arg(width_));
      return;
    }
    warnings.add(kShortRows, n,
                 QStringLiteral("%1 fields where the header has %2; the missing ones are blank")
                     .arg(f_.size())
                     .arg(width_));
    f_.resize(width_, std::string_view());
  } else if (f_.size() > width_) {
    warnings.add(kLongRows, n,
                 QStringLiteral("%1 fields where the header has %2; the extra ones are ignored")
                     .arg(f_.size())
                     .arg(width_));
  }
  // A bad table step skips the row, except the cells that have a step column of their own.
  std::int64_t step = rows;
  bool stepOk = true;
  if (plan_.stepColumn >= 0) {
    const std::string_view s = f_[static_cast<std::size_t>(plan_.stepColumn)];
    const QString& name = plan_.columns[static_cast<std::size_t>(plan_.stepColumn)].name;
    const QString skipped =
        ownSteps_ ? QStringLiteral("cells using it skipped") : QStringLiteral("row skipped");
    if (blank(s)) {
      warnings.add(kNoSteps, n,
                   QStringLiteral("field '%1' (the step) is blank; %2").arg(name, skipped));
      stepOk = false;
    } else if (!parseStep(s, step)) {
      warnings.add(kBadSteps, n,
                   QStringLiteral("field '%1': '%2' is not an integer step; %3")
                       .arg(name, fieldText(s), skipped));
      stepOk = false;
    }
    if (!stepOk && !ownSteps_) return;
  }
  if (stepOk) ++rows;
  double wall = kNoTime;
  if (plan_.wallTimeColumn >= 0 &&
      parseNumber(f_[static_cast<std::size_t>(plan_.wallTimeColumn)], wall))
    wall = epochSeconds(wall);
  RunBuilder* single = &builders_.front();
  if (plan_.runColumn >= 0)
    single = &runBuilder(trimmed(f_[static_cast<std::size_t>(plan_.runColumn)]));
  for (const ValueColumn& v : values_) {
    const std::string_view cell = f_[static_cast<std::size_t>(v.column)];
    if (cell.empty() || (v.stepColumn < 0 && !stepOk)) continue;
    double x = 0.0;
    if (!parseNumber(cell, x)) {
      if (!blank(cell))
        warnings.add(
            kBadCells, n,
            QStringLiteral("field '%1': '%2' is not a number; cell skipped")
                .arg(plan_.columns[static_cast<std::size_t>(v.column)].name, fieldText(cell)));
      continue;
    }
    std::int64_t at = step;
    if (v.stepColumn >= 0 && !parseStep(f_[static_cast<std::size_t>(v.stepColumn)], at)) continue;
    add(plan_.runColumn >= 0 ? *single : builders_[static_cast<std::size_t>(v.slot)], v.series, at,
        x, wall);
  }
}

RunBuilder& TablePart::runBuilder(std::string_view key) {
  if (lastSlot_ < 0 || key != lastRun_) {
    lastRun_.assign(key);
    auto [it, added] = runSlots_.try_emplace(lastRun_, static_cast<int>(runSlots_.size()));
    if (added) {
      if (it->second > 0) builders_.push_back(blankRun_);
      runNames_ << (key.empty() ? QStringLiteral("(no run)") : fieldText(key));
    }
    lastSlot_ = it->second;
  }
  return builders_[static_cast<std::size_t>(lastSlot_)];
}

}  // namespace lrscope
