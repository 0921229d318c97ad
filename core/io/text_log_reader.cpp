#include "io/text_log_reader.h"

#include <QFileInfo>
#include <QSet>

#include "io/column_roles.h"
#include "io/csv_reader.h"
#include "io/delimited_text.h"
#include "io/line_reader.h"
#include "io/series_builder.h"
#include "io/text_log_patterns.h"
#include "io/warning_list.h"

namespace lrscope {

namespace {

QString withoutAnsi(QString line) {
  static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;]*[A-Za-z]"));
  if (line.contains(QChar(0x1b))) line.remove(ansi);
  return line;
}

// Cheap pre-filter: every preset's match holds one of these.
bool mayMatch(std::string_view line) {
  for (std::string_view anchor : {"iter", "step", "{'"})
    if (line.find(anchor) != std::string_view::npos) return true;
  return false;
}

double toNumber(const QString& text, bool& ok) {
  const QByteArray bytes = text.toUtf8();
  double x = 0.0;
  ok = parseNumber(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), x);
  return x;
}

// The pattern matching `line`, its match, or nullptr.
const TextLogPattern* matchLine(const QString& line, QRegularExpressionMatch& match) {
  for (const TextLogPattern& p : textLogPatterns()) {
    if (!p.skipIf.isEmpty() && line.contains(p.skipIf)) continue;
    match = p.line.match(line);
    if (match.hasMatch()) return &p;
  }
  return nullptr;
}

}  // namespace

double TextLogReader::canRead(const QString& path, const QByteArray& firstBytes) const {
  if (QFileInfo(path).isDir() || firstBytes.isEmpty() || looksBinary(firstBytes)) return 0.0;
  const QByteArray head = textHead(firstBytes);
  int matches = 0;
  QRegularExpressionMatch match;
  for (const QByteArray& line : head.split('\n'))
    if (mayMatch(std::string_view(line.constData(), static_cast<std::size_t>(line.size()))) &&
        matchLine(withoutAnsi(QString::fromUtf8(line)), match))
      if (++matches >= 3) break;
  return matches == 0 ? 0.0 : 0.55 + 0.05 * matches;
}

Result<std::vector<Run>> TextLogReader::read(const QString& path, const Progress& progress) const {
  LineReader lines;
  if (auto opened = openTextFile(lines, path); !opened) return Error{opened.error()};
  RunBuilder builder;
  WarningList warnings(path);
  QHash<const TextLogPattern*, qint64> counts;
  QSet<QString> used;
  QRegularExpressionMatch match;
  std::string_view raw;
  qint64 scanned = 0;
  while (lines.next(raw)) {
    if ((++scanned & 0x3FFF) == 0) {
      if (progress.cancelled()) return Error{kCancelledMessage};
      progress(lines.fraction());
    }
    if (!mayMatch(raw)) continue;
    if (lines.lastLineUnterminated()) {
      warnings.add(
          QStringLiteral("cut-off lines"), lines.lineNumber(),
          QStringLiteral("last line has no line end (cut off, or still being written); skipped"));
      break;
    }
    const QString line =
        withoutAnsi(QString::fromUtf8(raw.data(), static_cast<qsizetype>(raw.size())));
    const TextLogPattern* pattern = matchLine(line, match);
    if (!pattern) continue;
    const qint64 n = lines.lineNumber();
    std::int64_t step = counts.value(pattern) + 1;
    if (pattern->line.namedCaptureGroups().contains(QStringLiteral("step"))) {
      bool ok = false;
      step = match.captured(QStringLiteral("step")).toLongLong(&ok);
      if (!ok) {
        warnings.add(QStringLiteral("lines whose step is not an integer (skipped)"), n,
                     QStringLiteral("field 'step': '%1' is not an integer step; skipped")
                         .arg(match.captured(QStringLiteral("step"))));
        continue;
      }
    }
    counts[pattern] += 1;
    used.insert(pattern->name);
    auto add = [&](const QString& key, const QString& series, const QString& text) {
      bool ok = false;
      const double value = toNumber(text, ok);
      if (!ok) {
        warnings.add(QStringLiteral("values that are not numbers (skipped)"), n,
                     QStringLiteral("field '%1': '%2' is not a number; skipped").arg(key, text));
        return;
      }
      builder.add(builder.series(series, key), step, value);
    };
    for (auto it = pattern->values.cbegin(); it != pattern->values.cend(); ++it)
      add(it.key(), it.value(), match.captured(it.key()));
    if (pattern->pairs.pattern().isEmpty()) continue;
    for (auto it = pattern->pairs.globalMatch(line); it.hasNext();) {
      const QRegularExpressionMatch pair = it.next();
      const QString key = pair.captured(QStringLiteral("key")).trimmed();
      add(key, canonicalSeriesName(key), pair.captured(QStringLiteral("value")));
    }
  }
  if (!lines.error().isEmpty()) return Error{lines.error()};
  Run run = builder.finish(QFileInfo(path).completeBaseName(), path, name());
  if (run.series.empty())
    return Error{QStringLiteral("%1: no line matches a known log pattern (nanoGPT, Megatron-LM, "
                                "torchtitan, Hugging Face console); %2 lines read")
                     .arg(path)
                     .arg(lines.lineNumber())};
  for (const TextLogPattern& p : textLogPatterns())
    if (used.contains(p.name) && !p.line.namedCaptureGroups().contains(QStringLiteral("step")))
      warnings.add(
          QStringLiteral("notes"), 0,
          QStringLiteral("pattern '%1' lines carry no step: the n-th such line (from 1) is step n")
              .arg(p.name));
  WarningList all = lines.warnings();
  all.merge(warnings);
  run.warnings = all.finish() + run.warnings;
  progress(1.0);
  return std::vector<Run>{std::move(run)};
}

}  // namespace lrscope
