#include "io/csv_reader.h"

#include <QFileInfo>
#include <QSet>

#include "io/delimited_text.h"

namespace lrscope {

namespace {

bool numeric(const QString& text, double& x) {
  const QByteArray bytes = text.toUtf8();
  return parseNumber(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                     x);
}

// Whether the sampled cells of column `c` are all text (and there is at least one).
bool textOnly(const TableSample& sample, std::size_t c, QString& example) {
  bool any = false;
  double x = 0.0;
  for (const auto& row : sample.rows) {
    if (c >= row.size() || row[c].isEmpty()) continue;
    if (numeric(row[c], x)) return false;
    if (!any) example = row[c];
    any = true;
  }
  return any;
}

bool integers(const TableSample& sample, std::size_t c) {
  std::int64_t step = 0;
  for (const auto& row : sample.rows) {
    const QByteArray b = c < row.size() ? row[c].toUtf8() : QByteArray();
    if (!parseStep(std::string_view(b.constData(), static_cast<std::size_t>(b.size())), step))
      return false;
  }
  return !sample.rows.empty();
}

TablePlan planCsv(const TableSample& sample, const TextDialect& dialect, const ColumnRoles& roles,
                  const QString& path) {
  TablePlan plan;
  plan.delimiter = dialect.delimiter;
  plan.header = dialect.header;
  QStringList names = sample.names;
  if (!dialect.header) {
    for (int i = 0; i < dialect.columns; ++i) names << QStringLiteral("column %1").arg(i + 1);
    if (dialect.columns >= 2 && integers(sample, 0)) names[0] = QStringLiteral("step");
  }
  QSet<QString> used;
  for (qsizetype i = 0; i < names.size(); ++i) {
    TableColumn col;
    col.name = names[i];
    const ColumnAssignment a = assignColumn(col.name, roles);
    const auto c = static_cast<int>(i);
    QString example;
    if (a.role == ColumnRole::Step && plan.stepColumn < 0) {
      col.kind = TableColumn::Kind::Step;
      plan.stepColumn = c;
    } else if (a.role == ColumnRole::WallTime && plan.wallTimeColumn < 0) {
      col.kind = TableColumn::Kind::WallTime;
      plan.wallTimeColumn = c;
    } else if (a.role == ColumnRole::Run && plan.runColumn < 0) {
      col.kind = TableColumn::Kind::Run;
      plan.runColumn = c;
    } else if (a.role == ColumnRole::Ignore) {
      col.kind = TableColumn::Kind::Ignore;
    } else if (textOnly(sample, static_cast<std::size_t>(i), example)) {
      col.kind = TableColumn::Kind::Ignore;
      plan.warnings << QStringLiteral("%1: column '%2' holds text ('%3'); ignored")
                           .arg(path, col.name, example);
    } else {
      col.kind = TableColumn::Kind::Value;
      col.series = a.series.isEmpty() ? col.name : a.series;
      if (used.contains(col.series)) col.series = col.name;
      if (used.contains(col.series))
        col.series = QStringLiteral("%1 (column %2)").arg(col.name).arg(c + 1);
      used.insert(col.series);
    }
    plan.columns.push_back(col);
  }
  if (plan.stepColumn < 0)
    plan.warnings << QStringLiteral(
                         "%1: no step column (step, iter, iteration, global_step, _step, "
                         "...); the row number is the step (name one with "
                         "--column NAME=step)")
                         .arg(path);
  return plan;
}

}  // namespace

Result<bool> openTextFile(LineReader& lines, const QString& path) {
  if (!lines.open(path)) return Error{lines.error()};
  const QByteArray head = lines.head();
  qint64 at = 0;
  if (looksBinary(head, &at))
    return Error{QStringLiteral("%1: binary data (byte %2 is a control character), not a text log")
                     .arg(path)
                     .arg(at)};
  if (head.trimmed().isEmpty()) return Error{QStringLiteral("%1: the file is empty").arg(path)};
  return true;
}

Result<std::vector<Run>> readTable(const QString& path, const TablePlanner& planner,
                                   const Progress& progress) {
  LineReader lines;
  if (auto opened = openTextFile(lines, path); !opened) return Error{opened.error()};
  const QByteArray head = lines.head();
  TextDialect dialect;
  if (!sniffDialect(head, dialect))
    return Error{QStringLiteral("%1: no table found (only blank or comment lines)").arg(path)};
  const TablePlan plan = planner(sampleTable(head, dialect.delimiter, dialect.header), dialect);
  return loadTable(lines, plan, path, progress);
}

Result<std::vector<Run>> readCsvTable(const QString& path, const ColumnRoles& roles,
                                      const QString& format, const QString& runName,
                                      const Progress& progress) {
  const auto planner = [&](const TableSample& sample, const TextDialect& dialect) {
    TablePlan plan = planCsv(sample, dialect, roles, path);
    plan.format = format;
    plan.runNames = {runName};
    return plan;
  };
  return readTable(path, planner, progress);
}

double CsvReader::canRead(const QString& path, const QByteArray& firstBytes) const {
  if (firstBytes.isEmpty() || looksBinary(firstBytes)) return 0.0;
  const QByteArray head = textHead(firstBytes);
  TextDialect dialect;
  if (!sniffDialect(head, dialect)) return 0.0;
  const QString suffix = QFileInfo(path).suffix().toLower();
  const bool tableName = suffix == QLatin1String("csv") || suffix == QLatin1String("tsv");
  const TableSample sample = sampleTable(head, dialect.delimiter, dialect.header);
  bool numericRow = false;
  double x = 0.0;
  for (const auto& row : sample.rows) {
    int numbers = 0;
    for (const QString& cell : row) numbers += cell.isEmpty() || numeric(cell, x);
    numericRow = numericRow || (numbers * 2 >= static_cast<int>(row.size()) && numbers > 0);
  }
  if (!numericRow) return tableName && dialect.header ? 0.3 : 0.0;
  if (tableName) return 0.5;
  if (dialect.columns < 2) return 0.0;
  const bool plain = suffix.isEmpty() || suffix == QLatin1String("txt") ||
                     suffix == QLatin1String("dat") || suffix == QLatin1String("tab");
  if (plain) return 0.3;
  // Any other name: only a table whose header names a step column.
  for (const QString& name : sample.names)
    if (assignColumn(name, roles_).role == ColumnRole::Step) return 0.2;
  return 0.0;
}

Result<std::vector<Run>> CsvReader::read(const QString& path, const Progress& progress) const {
  return readCsvTable(path, roles_, name(), QFileInfo(path).completeBaseName(), progress);
}

}  // namespace lrscope
