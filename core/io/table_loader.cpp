#include "io/table_loader.h"

#include <QFile>
#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "io/delimited_text.h"
#include "io/table_part.h"
#include "io/warning_list.h"

namespace lrscope {

namespace {

constexpr qint64 kParallelBytes = qint64(8) << 20;  // files this big are parsed on two threads
constexpr qint64 kChunkBytes = qint64(4) << 20;     // in chunks of about this size

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
