#include "io/tensorboard_reader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include "io/column_roles.h"
#include "io/crc32c.h"
#include "io/series_builder.h"
#include "io/tensorboard_event.h"
#include "io/tfrecord.h"

namespace lrscope {
namespace {

constexpr int kMaxEventWarningsPerFile = 5;
constexpr qint64 kProgressStep = 1 << 20;

bool isEventFileName(const QString& name) {
  return name.contains(QLatin1String("tfevents"));
}

struct RunFiles {
  QString name;
  QString source;
  QStringList files;  // sorted by name
};

// The runs under `path`: the file itself, or every folder of the tree holding event files.
Result<std::vector<RunFiles>> findRuns(const QString& path) {
  const QFileInfo info(path);
  if (info.isFile()) return std::vector<RunFiles>{{info.absoluteDir().dirName(), path, {path}}};
  if (!info.isDir())
    return Error{QStringLiteral("%1: no such file or folder").arg(QDir::toNativeSeparators(path))};
  std::map<QString, QStringList> byFolder;  // relative folder -> files
  const QDir root(path);
  QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString file = it.next();
    if (isEventFileName(it.fileName()))
      byFolder[root.relativeFilePath(it.fileInfo().path())] << file;
  }
  if (byFolder.empty())
    return Error{QStringLiteral("%1: no TensorBoard event files (events.out.tfevents.*) in this "
                                "folder or below")
                     .arg(QDir::toNativeSeparators(path))};
  std::vector<RunFiles> runs;
  for (auto& [relative, files] : byFolder) {
    files.sort();
    if (relative == QLatin1String("."))  // event files right in the folder given
      runs.push_back({QDir(info.absoluteFilePath()).dirName(), path, files});
    else
      runs.push_back({relative, root.filePath(relative), files});
  }
  return runs;
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A run's tags: each tag's series in the RunBuilder (once it had a scalar) and whether its
// plugin (from the metadata, often on the tag's first value only) is scalars.
class TagTable {
 public:
  explicit TagTable(RunBuilder& builder) : builder_(builder) {}

  void add(const tensorboard::EventRecord& event) {
    for (const tensorboard::ValueRecord& v : event.values) {
      if (v.tag.empty()) continue;
      auto it = tags_.find(v.tag);
      if (it == tags_.end()) it = tags_.emplace(std::string(v.tag), Tag{}).first;
      Tag& tag = it->second;
      if (v.hasMetadata)
        tag.scalarPlugin = v.pluginName == "scalars" || v.dataClass == 1 ||
                           (v.pluginName.empty() && v.dataClass == 0);
      if (!v.scalar || (v.fromTensor && !tag.scalarPlugin)) continue;
      if (tag.series < 0) tag.series = newSeries(v.tag);
      builder_.add(tag.series, event.step, *v.scalar, event.wallTime);
    }
  }

 private:
  struct Tag {
    int series = -1;
    bool scalarPlugin = true;  // until metadata says otherwise
  };

  // The canonical name ("train/loss" -> "loss") unless another tag took it, then the tag itself.
  int newSeries(std::string_view tagBytes) {
    const QString tag = QString::fromUtf8(tagBytes.data(), qsizetype(tagBytes.size()));
    QString name = canonicalSeriesName(tag);
    for (int n = 2; builder_.hasSeries(name); ++n)
      name = n == 2 ? tag : QStringLiteral("%1 (%2)").arg(tag).arg(n - 1);
    return builder_.series(name, tag);
  }

  RunBuilder& builder_;
  std::unordered_map<std::string, Tag, StringHash, std::equal_to<>> tags_;
};

// Progress over all files' bytes, reported about every MiB.
class ByteProgress {
 public:
  ByteProgress(const Progress& progress, qint64 total) : progress_(progress), total_(total) {}
  void fileDone(qint64 size) { before_ += size; }
  // False when cancelled.
  bool at(qint64 offsetInFile) {
    const qint64 done = before_ + offsetInFile;
    if (done - reported_ >= kProgressStep) {
      reported_ = done;
      progress_(total_ > 0 ? std::min(1.0, double(done) / double(total_)) : 1.0);
    }
    return !progress_.cancelled();
  }

 private:
  const Progress& progress_;
  qint64 total_;
  qint64 before_ = 0;
  qint64 reported_ = 0;
};

enum class FileOutcome { Read, NoRecord, Cancelled };

// Reads one event file into `run`; problems become warnings naming the file.
FileOutcome readFile(const QString& path, TagTable& run, ByteProgress& progress,
                     QStringList& warnings) {
  const QString name = QDir::toNativeSeparators(path);
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
    warnings << QStringLiteral("%1: cannot open: %2").arg(name, file.errorString());
    return FileOutcome::NoRecord;
  }
  const qint64 size = file.size();
  if (size == 0) {
    warnings << QStringLiteral("%1: empty file (0 bytes)").arg(name);
    return FileOutcome::NoRecord;
  }
  TfRecordReader records(file, size);
  tensorboard::EventRecord event;
  QString error;
  int badEvents = 0;
  std::span<const unsigned char> data;
  TfRecordReader::Status status;
  while ((status = records.next(data)) == TfRecordReader::Status::Record) {
    if (!progress.at(records.offset())) return FileOutcome::Cancelled;
    if (tensorboard::decodeEvent(data.data(), data.size(), event, error)) {
      run.add(event);
      continue;
    }
    if (++badEvents <= kMaxEventWarningsPerFile)
      warnings << QStringLiteral("%1: record %2 at byte %3: %4; event skipped")
                      .arg(name)
                      .arg(records.recordsRead())
                      .arg(records.offset() - qint64(data.size()) - 16)
                      .arg(error);
  }
  if (badEvents > kMaxEventWarningsPerFile)
    warnings << QStringLiteral("%1: %2 more undecodable events skipped")
                    .arg(name)
                    .arg(badEvents - kMaxEventWarningsPerFile);
  if (status != TfRecordReader::Status::End) {
    const std::size_t kept = records.recordsRead();
    warnings << QStringLiteral("%1: %2; reading of this file stopped, %3")
                    .arg(name, records.error(),
                         kept == 0 ? QStringLiteral("no record before it (not a TensorBoard event "
                                                    "file?)")
                                   : QStringLiteral("the %1 record(s) before it kept").arg(kept));
  }
  return records.recordsRead() > 0 ? FileOutcome::Read : FileOutcome::NoRecord;
}

Result<std::vector<Run>> readTensorBoard(const QString& path, const Progress& progress) {
  auto found = findRuns(path);
  if (!found) return Error{found.error()};
  qint64 total = 0;
  for (const RunFiles& r : *found)
    for (const QString& f : r.files) total += QFileInfo(f).size();
  ByteProgress bytes(progress, total);
  std::vector<Run> runs;
  bool anyRecord = false;
  bool anySeries = false;
  QStringList problems;
  for (const RunFiles& r : *found) {
    RunBuilder builder;
    TagTable tags(builder);
    QStringList warnings;
    for (const QString& f : r.files) {
      const FileOutcome outcome = readFile(f, tags, bytes, warnings);
      if (outcome == FileOutcome::Cancelled) return Error{kCancelledMessage};
      anyRecord = anyRecord || outcome == FileOutcome::Read;
      bytes.fileDone(QFileInfo(f).size());
    }
    anySeries = anySeries || builder.seriesCount() > 0;
    problems << warnings;
    Run run = builder.finish(r.name, r.source, QStringLiteral("tensorboard"));
    run.warnings = warnings + run.warnings;
    runs.push_back(std::move(run));
  }
  if (!anyRecord || (!anySeries && !problems.isEmpty()))  // nothing usable: say why
    return Error{problems.join(QLatin1Char('\n'))};
  progress(1.0);
  return runs;
}

}  // namespace

double TensorBoardReader::canRead(const QString& path, const QByteArray& firstBytes) const {
  const QFileInfo info(path);
  if (info.isDir())
    return QDir(path)
                   .entryList({QStringLiteral("*tfevents*")}, QDir::Files | QDir::Hidden)
                   .isEmpty()
               ? 0.0
               : 0.9;
  if (isEventFileName(info.fileName())) return 1.0;
  if (firstBytes.size() < 12) return 0.0;
  const auto* p = reinterpret_cast<const unsigned char*>(firstBytes.constData());
  const std::uint32_t stored = std::uint32_t(p[8]) | std::uint32_t(p[9]) << 8 |
                               std::uint32_t(p[10]) << 16 | std::uint32_t(p[11]) << 24;
  return stored == maskCrc32c(crc32c(p, 8)) ? 0.8 : 0.0;
}

Result<std::vector<Run>> TensorBoardReader::read(const QString& path,
                                                 const Progress& progress) const {
  return readTensorBoard(path, progress);
}

}  // namespace lrscope
