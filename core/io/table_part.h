#pragma once
// TablePart: the rows of a table, or of one part of it (a big file is read in parts on two
// threads, see loadTable), fed into the series its TablePlan names. Plain rows are parsed in
// place from the line reader's buffer (parsePlainRow); every other line goes through the general
// path, which splits fields (quotes, blanks) and warns about what is wrong, naming file, line and
// field.
#include <QString>
#include <QStringList>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/progress.h"
#include "io/line_reader.h"
#include "io/run.h"
#include "io/series_builder.h"
#include "io/table_loader.h"
#include "io/warning_list.h"

namespace lrscope {

class TablePart {
 public:
  TablePart(const TablePlan& plan, const QString& path, qint64 expectedRows);

  WarningList warnings;
  qint64 headerLine = 0;
  qint64 dataLines = 0;  // lines after the header that are not comments
  qint64 rows = 0;       // data lines with a valid step
  qint64 points = 0;

  // Reads every line of `lines`; the first non-comment one is the header when `header`. Reports
  // progress over the bytes [from, to). False when cancelled.
  bool parse(LineReader& lines, bool header, const Progress& progress, qint64 from, qint64 to);

  // Appends the part that follows this one in the file; its lines come `lineOffset` later. The
  // copying is shared with a second thread.
  void append(TablePart&& later, qint64 lineOffset);

  // The runs read (those with at least one series), each with the `common` warnings first.
  std::vector<Run> finish(const QString& path, const QStringList& common);

 private:
  struct ValueColumn {
    int column;
    int slot;
    int stepColumn;
    int series;  // index in its run's builder
  };
  static constexpr qint64 kRowsPerReport = 0x10000;  // rows between progress reports

  // The plain rows at the front of `lines`' buffer, read in place (no line splitting first); stops
  // at the first other line (a comment, a row for slowRow, one cut by the buffer's end).
  void parseBuffered(LineReader& lines);

  // Adds the row parsePlainRow left in numbers_ and steps_; false (nothing added) without a step.
  bool storeRow();

  void add(RunBuilder& b, int series, std::int64_t step, double x, double wall);

  // A line the fast path did not take: split into fields (quotes, blanks), every cell checked;
  // what is wrong is warned about by line and field, and the good cells kept.
  void slowRow(std::string_view line, const LineReader& lines);

  // Long format: the builder of the run named `key`, made on first sight.
  RunBuilder& runBuilder(std::string_view key);

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

}  // namespace lrscope
