#pragma once
// The row loop shared by the table readers (CSV/TSV, Lightning, W&B panel exports): reads a
// delimited file line by line and feeds each column into the series its TablePlan names.
//   - A blank value cell is a missing value (nothing added); a cell that is not a number is
//     skipped with a warning naming file, line and field; a row whose step is blank or not an
//     integer is skipped the same way.
//   - A row with fewer fields than the header: its missing cells are blank (warned); a last line
//     cut off without a line end is dropped (warned). Extra fields are ignored (warned).
//   - Long format: with a run column, each distinct value is one run, in order of appearance.
//   - Fails when no row gives a point (empty, header only, nothing numeric), naming why.
#include <QString>
#include <QStringList>
#include <vector>

#include "common/progress.h"
#include "common/result.h"
#include "io/line_reader.h"
#include "io/log_reader.h"
#include "io/run.h"

namespace lrscope {

struct TableColumn {
  enum class Kind { Ignore, Step, WallTime, Run, Value };
  Kind kind = Kind::Ignore;
  QString name;         // header name (or "column N")
  QString series;       // Value: series it feeds
  int runSlot = 0;      // Value: which of TablePlan::runNames (wide multi-run tables)
  int stepColumn = -1;  // Value: column holding its step; -1: the table's step column
};

struct TablePlan {
  char delimiter = ',';
  bool header = true;  // the first non-comment line is the header (skipped)
  std::vector<TableColumn> columns;
  int stepColumn = -1;      // -1: the data row number (0-based) is the step
  int wallTimeColumn = -1;  // seconds since the epoch (milliseconds when > 1e11)
  int runColumn = -1;       // long format
  QStringList runNames;     // one per run slot (ignored in long format)
  QString format;           // Run::format
  QStringList warnings;     // from planning, added to every run
};

// Reads the rest of `lines` (positioned at the start of the file) by `plan`.
Result<std::vector<Run>> loadTable(LineReader& lines, const TablePlan& plan, const QString& path,
                                   const Progress& progress);

// The header fields and the first rows' fields of a delimited file, for planning.
struct TableSample {
  QStringList names;                       // header names (empty without a header)
  std::vector<std::vector<QString>> rows;  // first data rows, as text
};
TableSample sampleTable(const QByteArray& firstBytes, char delimiter, bool header);

}  // namespace lrscope
