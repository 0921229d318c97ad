#include "io/log_registry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "io/csv_reader.h"
#include "io/hf_trainer_state_reader.h"
#include "io/lightning_reader.h"
#include "io/mlflow_reader.h"
#include "io/tensorboard_reader.h"
#include "io/text_log_reader.h"
#include "io/wandb_reader.h"

namespace lrscope {

std::vector<std::unique_ptr<LogReader>> makeLogReaders(const ReadOptions& options) {
  std::vector<std::unique_ptr<LogReader>> readers;
  // One line per format, in detection order (ties go to the earlier one).
  readers.push_back(std::make_unique<HfTrainerStateReader>());
  readers.push_back(std::make_unique<MlflowReader>());
  readers.push_back(std::make_unique<LightningReader>(options.columns));
  readers.push_back(std::make_unique<WandbCsvReader>());
  readers.push_back(std::make_unique<WandbJsonlReader>());
  readers.push_back(std::make_unique<TensorBoardReader>());
  readers.push_back(std::make_unique<TextLogReader>());
  readers.push_back(std::make_unique<CsvReader>(options.columns));
  return readers;
}

namespace {

constexpr int kMaxDepth = 12;

struct Source {
  QString path;
  const LogReader* reader;
  double weight;  // share of the progress bar
};

QByteArray readFirstBytes(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return file.read(kSniffBytes);
}

const LogReader* mostConfident(const std::vector<std::unique_ptr<LogReader>>& readers,
                               const QString& path, const QByteArray& firstBytes) {
  const LogReader* best = nullptr;
  double bestConfidence = 0.0;
  for (const auto& reader : readers) {
    const double c = reader->canRead(path, firstBytes);
    if (c > bestConfidence) {
      best = reader.get();
      bestConfidence = c;
    }
  }
  return best;
}

class Collector {
 public:
  Collector(const std::vector<std::unique_ptr<LogReader>>& readers, LoadedLogs& out,
            const Progress& progress)
      : readers_(readers), out_(out), progress_(progress) {}

  std::vector<Source> sources;

  // Walking a big tree (every file is opened to sniff its format) stops at a cancel.
  void add(const QString& path, bool given, int depth) {
    if (out_.cancelled || (out_.cancelled = progress_.cancelled())) return;
    const QFileInfo info(path);
    if (!info.exists()) {
      out_.errors << QStringLiteral("%1: no such file or folder").arg(path);
      return;
    }
    if (info.isDir()) {
      if (const LogReader* reader = mostConfident(readers_, path, {})) {
        sources.push_back({path, reader, 1 << 20});
        return;
      }
      const std::size_t before = sources.size();
      if (depth < kMaxDepth) {
        const QFileInfoList entries =
            QDir(path).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo& entry : entries)
          if (!(entry.isDir() && entry.isSymLink())) add(entry.filePath(), false, depth + 1);
      }
      if (given && sources.size() == before && !out_.cancelled)
        out_.errors << QStringLiteral("%1: no training log found in this folder").arg(path);
      return;
    }
    if (!info.isReadable()) {
      out_.errors << QStringLiteral("%1: cannot open (not readable)").arg(path);
      return;
    }
    if (info.size() == 0) {
      if (given)
        out_.errors << QStringLiteral("%1: the file is empty").arg(path);
      else
        out_.skipped << path;
      return;
    }
    if (const LogReader* reader = mostConfident(readers_, path, readFirstBytes(path))) {
      sources.push_back({path, reader, static_cast<double>(std::max<qint64>(info.size(), 1))});
    } else if (given) {
      QStringList names;
      for (const auto& r : readers_) names << r->name();
      out_.errors << QStringLiteral(
                         "%1: cannot tell the log format (known formats: %2; force one "
                         "with --format)")
                         .arg(path, names.join(QStringLiteral(", ")));
    } else {
      out_.skipped << path;
    }
  }

 private:
  const std::vector<std::unique_ptr<LogReader>>& readers_;
  LoadedLogs& out_;
  const Progress& progress_;
};

}  // namespace

QStringList logFormatNames() {
  QStringList names;
  for (const auto& reader : makeLogReaders()) names << reader->name();
  return names;
}

const LogReader* detectLogFormat(const std::vector<std::unique_ptr<LogReader>>& readers,
                                 const QString& path) {
  const QFileInfo info(path);
  if (!info.exists()) return nullptr;
  return mostConfident(readers, path, info.isDir() ? QByteArray() : readFirstBytes(path));
}

QString detectLogFormat(const QString& path) {
  const auto readers = makeLogReaders();
  const LogReader* reader = detectLogFormat(readers, path);
  return reader ? reader->name() : QString();
}

LoadedLogs readLogs(const QStringList& paths, const Progress& progress,
                    const ReadOptions& options) {
  LoadedLogs out;
  const auto readers = makeLogReaders(options);
  Collector collector(readers, out, progress);
  if (!options.format.isEmpty()) {
    const LogReader* forced = nullptr;
    for (const auto& r : readers)
      if (r->name() == options.format) forced = r.get();
    if (!forced) {
      out.errors << QStringLiteral("unknown log format '%1' (known: %2)")
                        .arg(options.format, logFormatNames().join(QStringLiteral(", ")));
      return out;
    }
    for (const QString& path : paths) {
      if (QFileInfo::exists(path))
        collector.sources.push_back({path, forced, 1.0});
      else
        out.errors << QStringLiteral("%1: no such file or folder").arg(path);
    }
  } else {
    for (const QString& path : paths) collector.add(path, true, 0);
  }

  if (out.cancelled) return out;
  double total = 0.0, done = 0.0;
  for (const Source& s : collector.sources) total += s.weight;
  for (const Source& s : collector.sources) {
    if (progress.cancelled()) {
      out.cancelled = true;
      break;
    }
    Progress part;
    part.cancel = progress.cancel;
    part.report = [&progress, done, total, w = s.weight](double f) {
      progress((done + f * w) / total);
    };
    Result<std::vector<Run>> runs = s.reader->read(s.path, part);
    done += s.weight;
    if (!runs.ok()) {
      if (runs.error() == kCancelledMessage) {
        out.cancelled = true;
        break;
      }
      out.errors << runs.error();
      continue;
    }
    for (Run& run : runs.value()) out.runs.push_back(std::move(run));
    progress(done / total);
  }
  return out;
}

}  // namespace lrscope
