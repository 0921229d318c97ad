#pragma once
// CsvReader: delimited tables (CSV, TSV, semicolon/pipe, whitespace columns) of one run, or of
// several in long format (a `run` column). Dialect rules: io/delimited_text.h; column roles by
// name with overrides: io/column_roles.h; row rules: io/table_loader.h.
//   - Without a step column the data row number (from 0) is the step (warned).
//   - A column whose first rows hold only text ("adam", "2024-01-01") is ignored (warned).
//   - Two columns with the same series name: the second keeps its own header name.
//   - Without a header: a first column of integers is the step, the others are "column N".
// The run is named after the file (its base name).
#include <functional>

#include "io/column_roles.h"
#include "io/delimited_text.h"
#include "io/log_reader.h"
#include "io/table_loader.h"

namespace lrscope {

class CsvReader : public LogReader {
 public:
  explicit CsvReader(ColumnRoles roles = {}) : roles_(std::move(roles)) {}
  QString name() const override { return QStringLiteral("csv"); }
  double canRead(const QString& path, const QByteArray& firstBytes) const override;
  Result<std::vector<Run>> read(const QString& path, const Progress& progress) const override;

 private:
  ColumnRoles roles_;
};

// Reads a delimited table by the rules above, as `format`, naming a single run `runName`.
Result<std::vector<Run>> readCsvTable(const QString& path, const ColumnRoles& roles,
                                      const QString& format, const QString& runName,
                                      const Progress& progress);

// Reads a delimited table with the plan `planner` makes from its sniffed dialect and first rows.
using TablePlanner = std::function<TablePlan(const TableSample&, const TextDialect&)>;
Result<std::vector<Run>> readTable(const QString& path, const TablePlanner& planner,
                                   const Progress& progress);

// Opens `path` for a text reader: an error when it cannot be opened, is empty or is binary.
Result<bool> openTextFile(LineReader& lines, const QString& path);

}  // namespace lrscope
