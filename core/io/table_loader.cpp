#include "io/table_loader.h"

#include <fast_float/fast_float.h>
#include <QFile>
#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>

#include "io/decimal_digits.h"
#include "io/delimited_text.h"
#include "io/series_builder.h"
#include "io/warning_list.h"

namespace lrscope {

namespace {

constexpr double kNoTime = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 kParallelBytes = qint64(8) << 20;  // files this big are parsed on two threads
constexpr qint64 kChunkBytes = qint64(4) << 20;     // in chunks of about this size

const QString kBadCells = QStringLiteral("cells that are not numbers (skipped)");
const QString kBadSteps = QStringLiteral("rows whose step is not an integer (skipped)");
const QString kNoSteps = QStringLiteral("rows without a step (skipped)");
const QString kShortRows = QStringLiteral("rows with missing fields");
const QString kLongRows = QStringLiteral("rows with extra fields");
const QString kQuotes = QStringLiteral("rows with an unclosed quote");
const QString kCutOff = QStringLiteral("cut-off lines");

struct ValueColumn {
  int column;
  int slot;
  int stepColumn;
  int series;  // index in its run's builder
};

bool blank(std::string_view s) {
  return trimmed(s).empty();
}

// The common row, parsed in one pass without splitting: every used field empty or a number
// fast_float (steps: std::from_chars) reads whole (no '+', no blanks, no quotes), exactly `width`
// fields. Null sends the row to the general path, which also reports what is wrong with it.
// `used`: 0 skip the field, 1 a number, 2 a step (an integer; "100.0" goes to the general path).
// `integral`: per column, whether its cells have been plain integers so far (read those eight
// digits at a time; a column's first other cell sends it to fast_float for good).
// [p, end) is buffered text from a line start on: the row must end in "\n" or "\r\n" before `end`;
// returns the byte after that.
const char* parsePlainRow(const char* p, const char* end, char delimiter,
                          const std::vector<char>& used, std::vector<double>& numbers,
                          std::vector<std::int64_t>& steps, std::vector<char>& present,
                          std::vector<char>& integral) {
  // The delimiter, or a control byte up to '\r' (a line end; a tab or the like in a field makes
  // the delimiter check after it fail, which sends the row to the general path).
  const auto fieldEnd = [delimiter](char ch) {
    return ch == delimiter || static_cast<unsigned char>(ch) <= '\r';
  };
  const std::size_t width = used.size();
  // Raw pointers: the compiler need not reload the vectors' data after each byte stored.
  const char* const use = used.data();
  char* const has = present.data();
  char* const plainInteger = integral.data();
  double* const number = numbers.data();
  std::int64_t* const step = steps.data();
  for (std::size_t c = 0; c < width; ++c) {
    if (c > 0) {
      if (p == end || *p != delimiter) return nullptr;
      ++p;
    }
    if (p == end || fieldEnd(*p)) {
      has[c] = 0;
      continue;
    }
    if (!use[c]) {  // short fields: a plain loop beats memchr's call
      while (p != end && !fieldEnd(*p)) ++p;
      has[c] = 0;
      continue;
    }
    if (plainInteger[c]) {
      std::uint64_t digits = 0;
      const int n = readDigits(p, end, digits);
      if (p + n == end) return nullptr;  // the row goes on past the buffer
      const bool whole = n > 0 && fieldEnd(p[n]);
      if (whole && n <= (use[c] == 2 ? 18 : 15)) {  // 15 digits: below 2^53, exact as a double
        if (use[c] == 2)
          step[c] = static_cast<std::int64_t>(digits);
        else
          number[c] = static_cast<double>(digits);
        p += n;
        has[c] = 1;
        continue;
      }
      plainInteger[c] = 0;
    }
    if (use[c] == 2) {
      const auto [next, error] = std::from_chars(p, end, step[c]);
      if (error != std::errc()) return nullptr;
      p = next;
    } else {
      const auto [next, error] = fast_float::from_chars(p, end, number[c]);
      if (error != std::errc()) return nullptr;
      p = next;
    }
    has[c] = 1;
  }
  if (p != end && *p == '\n') return p + 1;
  if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') return p + 2;
  return nullptr;
}

// The rows of a table, or of a part of one (a file read in two halves on two threads).
class TablePart {
 public:
  TablePart(const TablePlan& plan, const QString& path, qint64 expectedRows)
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

  WarningList warnings;
  qint64 headerLine = 0;
  qint64 dataLines = 0;  // lines after the header that are not comments
  qint64 rows = 0;       // data lines with a valid step
  qint64 points = 0;

  // Reads every line of `lines`; the first non-comment one is the header when `header`. Reports
  // progress over the bytes [from, to). False when cancelled.
  bool parse(LineReader& lines, bool header, const Progress& progress, qint64 from, qint64 to) {
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

  // Appends the part that follows this one in the file; its lines come `lineOffset` later. The
  // copying is shared with a second thread.
  void append(TablePart&& later, qint64 lineOffset) {
    std::thread helper([&] {
      for (std::size_t i = 0; i < builders_.size(); ++i)
        builders_[i].append(later.builders_[i], 1, 2);
    });
    for (std::size_t i = 0; i < builders_.size(); ++i)
      builders_[i].append(later.builders_[i], 0, 2);
    helper.join();
    warnings.merge(later.warnings, lineOffset);
    rows += later.rows;
    dataLines += later.dataLines;
    points += later.points;
  }

  std::vector<Run> finish(const QString& path, const QStringList& common) {
    std::vector<Run> runs;
    for (std::size_t i = 0; i < builders_.size(); ++i) {
      Run run = builders_[i].finish(runNames_.value(static_cast<qsizetype>(i)), path, plan_.format);
      if (run.series.empty()) continue;
      run.warnings = common + run.warnings;
      runs.push_back(std::move(run));
    }
    return runs;
  }

 private:
  static constexpr qint64 kRowsPerReport = 0x10000;  // rows between progress reports

  // The plain rows at the front of `lines`' buffer, read in place (no line splitting first); stops
  // at the first other line (a comment, a row for slowRow, one cut by the buffer's end).
  void parseBuffered(LineReader& lines) {
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

  // Adds the row parsePlainRow left in numbers_ and steps_; false (nothing added) without a step.
  bool storeRow() {
    std::int64_t step = rows;
    if (plan_.stepColumn >= 0) {
      const auto sc = static_cast<std::size_t>(plan_.stepColumn);
      if (!present_[sc]) return false;
      step = steps_[sc];
    }
    ++rows;
    double wall = kNoTime;
    if (plan_.wallTimeColumn >= 0 && present_[static_cast<std::size_t>(plan_.wallTimeColumn)]) {
      wall = numbers_[static_cast<std::size_t>(plan_.wallTimeColumn)];
      if (std::abs(wall) > 1e11) wall /= 1000.0;
    }
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

  void add(RunBuilder& b, int series, std::int64_t step, double x, double wall) {
    if (plan_.wallTimeColumn >= 0)
      b.add(series, step, x, wall);
    else
      b.add(series, step, x);
    ++points;
  }

  void slowRow(std::string_view line, const LineReader& lines) {
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
        parseNumber(f_[static_cast<std::size_t>(plan_.wallTimeColumn)], wall) &&
        std::abs(wall) > 1e11)
      wall /= 1000.0;
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
      add(plan_.runColumn >= 0 ? *single : builders_[static_cast<std::size_t>(v.slot)], v.series,
          at, x, wall);
    }
  }

  // Long format: the builder of the run named `key`, made on first sight.
  RunBuilder& runBuilder(std::string_view key) {
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

  const TablePlan& plan_;
  std::size_t width_;
  std::vector<ValueColumn> values_;
  std::vector<RunBuilder> builders_;
  RunBuilder blankRun_;
  QStringList runNames_;
  std::unordered_map<std::string, int> runSlots_;
  std::string lastRun_;
  int lastSlot_ = -1;
  bool fastPath_ = false;
  bool ownSteps_ = false;  // some value columns have their own step column (W&B "<run> - _step")
  std::vector<char> used_, present_, integral_;
  std::vector<double> numbers_;
  std::vector<std::int64_t> steps_;
  std::vector<std::string_view> f_;
  std::string scratch_;
};

// What reading one chunk of a file left behind: its line count, the reader's warnings and error.
struct ChunkLines {
  qint64 count = 0;
  WarningList warnings;
  QString error;
};

// The first line start at or after byte `at` of `path` (-1 when there is none).
qint64 lineStartAfter(const QString& path, qint64 at) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly) || !file.seek(at)) return -1;
  for (;;) {
    const QByteArray chunk = file.read(1 << 16);
    if (chunk.isEmpty()) return -1;
    const qsizetype nl = chunk.indexOf('\n');
    if (nl >= 0) return at + nl + 1;
    at += chunk.size();
  }
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
  // A reader's layout may name a column this file does not have; never index past a row.
  const auto width = static_cast<int>(plan.columns.size());
  std::vector<int> indices{plan.stepColumn, plan.wallTimeColumn, plan.runColumn};
  for (const TableColumn& col : plan.columns) indices.push_back(col.stepColumn);
  for (int index : indices)
    if (index >= width)
      return Error{QStringLiteral("%1: %2 layout needs column %3, the file has %4")
                       .arg(path, plan.format)
                       .arg(index + 1)
                       .arg(width)};
  const qint64 size = lines.size();
  const qint64 expectedRows = lines.estimatedLines();
  TablePart part(plan, path, expectedRows);
  WarningList laterLineWarnings;
  bool header = plan.header;
  bool finished = true, split = false;
  // Big plain files: read the header here, then the rest in chunks on two threads.
  if (!lines.inMemory() && size > kParallelBytes && plan.runColumn < 0 && plan.stepColumn >= 0) {
    std::string_view line;
    while (header && lines.next(line))
      if (!isComment(line)) {
        part.headerLine = lines.lineNumber();
        header = false;
      }
    const qint64 start = lines.position();
    std::vector<qint64> bounds{start};
    const qint64 chunks = std::clamp<qint64>((size - start) / kChunkBytes, 2, 256);
    for (qint64 i = 1; i < chunks; ++i) {
      const qint64 at = lineStartAfter(path, start + (size - start) * i / chunks);
      if (at > bounds.back() && at < size) bounds.push_back(at);
    }
    bounds.push_back(size);
    if (!header && bounds.size() > 2) {
      const std::size_t n = bounds.size() - 1;
      // This thread reads chunks from the front, continuing `lines` into `part`; a helper reads
      // them from the back into parts of their own, joined in file order afterwards. The faster
      // thread (the other's core may be busy) reads more; only the helper's chunks are copied.
      std::vector<std::unique_ptr<TablePart>> parts(n);
      std::vector<ChunkLines> chunkLines(n);
      std::atomic<std::size_t> taken{0};
      std::atomic<qint64> bytesDone{0};
      std::atomic<bool> failed{false};
      std::size_t front = 0, back = n;  // chunks [0, front) read here, [back, n) by the helper
      const Progress quiet{{}, progress.cancel};
      std::thread helper([&] {
        LineReader reader;  // one buffer for all the helper's chunks
        while (!failed && taken++ < n) {
          const std::size_t i = --back;
          const double share =
              static_cast<double>(bounds[i + 1] - bounds[i]) / static_cast<double>(size);
          parts[i] = std::make_unique<TablePart>(
              plan, path, static_cast<qint64>(static_cast<double>(expectedRows) * share) + 1024);
          if (!reader.openRange(path, bounds[i], bounds[i + 1]) ||
              !parts[i]->parse(reader, false, quiet, bounds[i], bounds[i + 1]))
            failed = true;
          chunkLines[i] = {reader.lineNumber(), reader.warnings(), reader.error()};
          bytesDone += bounds[i + 1] - bounds[i];
        }
      });
      while (!failed && taken++ < n) {
        const std::size_t i = front++;
        lines.setEnd(bounds[i + 1]);
        if (!part.parse(lines, false, quiet, bounds[i], bounds[i + 1])) failed = true;
        bytesDone += bounds[i + 1] - bounds[i];
        progress(static_cast<double>(bytesDone) / static_cast<double>(size));
      }
      helper.join();
      for (const ChunkLines& c : chunkLines)
        if (!c.error.isEmpty()) return Error{c.error};
      finished = !failed && !progress.cancelled();
      qint64 offset = lines.lineNumber();
      for (std::size_t i = back; i < n && finished; ++i) {
        part.append(std::move(*parts[i]), offset);
        laterLineWarnings.merge(chunkLines[i].warnings, offset);
        offset += chunkLines[i].count;
      }
      split = true;
    }
  }
  if (!split) finished = part.parse(lines, header, progress, 0, size);
  if (!finished) return Error{kCancelledMessage};
  if (!lines.error().isEmpty()) return Error{lines.error()};

  WarningList lineWarnings = lines.warnings();
  lineWarnings.merge(laterLineWarnings);
  if (part.points == 0) {
    QString why;
    if (part.dataLines == 0 && part.headerLine > 0)
      why = QStringLiteral("header only (line %1), no data rows").arg(part.headerLine);
    else if (part.dataLines == 0)
      why = QStringLiteral("the file is empty");
    else
      why = QStringLiteral("no data point in %1 data rows").arg(part.dataLines);
    const QStringList first = part.warnings.finish() + lineWarnings.finish();
    if (!first.isEmpty()) {
      QString problem = first.front();
      if (problem.startsWith(path + QStringLiteral(": "))) problem.remove(0, path.size() + 2);
      why += QStringLiteral(" (first problem: %1)").arg(problem);
    }
    return Error{QStringLiteral("%1: %2").arg(path, why)};
  }
  lineWarnings.merge(part.warnings);
  std::vector<Run> runs = part.finish(path, plan.warnings + lineWarnings.finish());
  progress(1.0);
  return runs;
}

}  // namespace lrscope
