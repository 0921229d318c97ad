#include "io/mlflow_reader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <cmath>

#include "io/column_roles.h"
#include "io/delimited_text.h"
#include "io/line_reader.h"
#include "io/series_builder.h"
#include "io/warning_list.h"

namespace lrscope {

namespace {

bool isRunFolder(const QDir& dir) {
  return dir.exists(QStringLiteral("meta.yaml")) &&
         QFileInfo(dir.filePath(QStringLiteral("metrics"))).isDir();
}

// An experiment: meta.yaml beside run folders.
bool isExperimentFolder(const QDir& dir) {
  if (!dir.exists(QStringLiteral("meta.yaml")) || isRunFolder(dir)) return false;
  for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
    if (isRunFolder(QDir(dir.filePath(name)))) return true;
  return false;
}

bool isStoreFolder(const QDir& dir) {
  for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
    if (!name.startsWith(QLatin1Char('.')) && isExperimentFolder(QDir(dir.filePath(name))))
      return true;
  return false;
}

// The run folder of a metric file (the folder above its `metrics`), or empty.
QString runFolderOfMetric(const QString& file) {
  QDir dir = QFileInfo(file).absoluteDir();
  for (int depth = 0; depth < 16; ++depth) {
    if (dir.dirName() == QLatin1String("metrics")) {
      dir.cdUp();
      return dir.exists(QStringLiteral("meta.yaml")) ? dir.absolutePath() : QString();
    }
    if (!dir.cdUp()) break;
  }
  return {};
}

// `key: value` lines of a meta.yaml (top level only; quotes stripped).
QString yamlValue(const QString& file, const QString& key) {
  QFile f(file);
  if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
  const QByteArray prefix = key.toUtf8() + ':';
  while (!f.atEnd()) {
    const QByteArray line = f.readLine(1 << 16);
    if (!line.startsWith(prefix)) continue;
    QString value = QString::fromUtf8(line.mid(prefix.size())).trimmed();
    if (value.size() >= 2 &&
        (value.front() == QLatin1Char('\'') || value.front() == QLatin1Char('"')))
      value = value.mid(1, value.size() - 2);
    return value;
  }
  return {};
}

QString runName(const QDir& run) {
  QString name = yamlValue(run.filePath(QStringLiteral("meta.yaml")), QStringLiteral("run_name"));
  if (name.isEmpty()) {
    QFile tag(run.filePath(QStringLiteral("tags/mlflow.runName")));
    if (tag.open(QIODevice::ReadOnly)) name = QString::fromUtf8(tag.readAll()).trimmed();
  }
  if (name.isEmpty()) name = run.dirName();
  QDir experiment = run;
  experiment.cdUp();
  QString experimentName =
      yamlValue(experiment.filePath(QStringLiteral("meta.yaml")), QStringLiteral("name"));
  if (experimentName.isEmpty()) experimentName = experiment.dirName();
  return experimentName + QLatin1Char('/') + name;
}

// Reads one metric file into `builder`; false with `error` on a file that cannot be read.
bool readMetric(const QString& file, const QString& key, RunBuilder& builder, QStringList& notes,
                QString& error) {
  LineReader lines;
  if (!lines.open(file)) {
    error = lines.error();
    return false;
  }
  const int series = builder.series(canonicalSeriesName(key), key);
  WarningList fileWarnings(file);
  std::vector<std::string_view> fields;
  std::string scratch;
  std::string_view line;
  const QString kBadLines = QStringLiteral("metric lines that could not be read (skipped)");
  qint64 points = 0;
  while (lines.next(line)) {
    if (trimmed(line).empty()) continue;
    if (lines.lastLineUnterminated()) {
      fileWarnings.add(
          QStringLiteral("cut-off lines"), lines.lineNumber(),
          QStringLiteral("last line has no line end (cut off, or still being written); skipped"));
      break;
    }
    splitFields(line, kBlankRuns, fields, scratch);
    double timestamp = 0.0, value = 0.0;
    std::int64_t step = 0;
    const qint64 n = lines.lineNumber();
    if (fields.size() != 2 && fields.size() != 3) {
      fileWarnings.add(
          kBadLines, n,
          QStringLiteral("%1 fields, expected 'timestamp value step'; skipped").arg(fields.size()));
      continue;
    }
    if (!parseNumber(fields[0], timestamp)) {
      fileWarnings.add(kBadLines, n,
                       QStringLiteral("field 'timestamp': '%1' is not a number; skipped")
                           .arg(fieldText(fields[0])));
      continue;
    }
    if (!parseNumber(fields[1], value)) {
      fileWarnings.add(
          kBadLines, n,
          QStringLiteral("field 'value': '%1' is not a number; skipped").arg(fieldText(fields[1])));
      continue;
    }
    if (fields.size() == 3 && !parseStep(fields[2], step)) {
      fileWarnings.add(kBadLines, n,
                       QStringLiteral("field 'step': '%1' is not an integer step; skipped")
                           .arg(fieldText(fields[2])));
      continue;
    }
    builder.add(series, step, value, timestamp / 1000.0);
    ++points;
  }
  if (!lines.error().isEmpty()) {
    error = lines.error();
    return false;
  }
  if (points == 0)
    fileWarnings.add(QStringLiteral("empty metric files"), 0, QStringLiteral("no values"));
  notes += lines.warnings().finish() + fileWarnings.finish();
  return true;
}

struct RunSource {
  QString folder;
  QStringList metricFiles;  // empty: every file under metrics/
};

}  // namespace

double MlflowReader::canRead(const QString& path, const QByteArray& firstBytes) const {
  const QFileInfo info(path);
  if (info.isDir()) {
    const QDir dir(path);
    return isRunFolder(dir) || isExperimentFolder(dir) || isStoreFolder(dir) ? 0.9 : 0.0;
  }
  if (runFolderOfMetric(path).isEmpty() || looksBinary(firstBytes)) return 0.0;
  return 0.9;
}

Result<std::vector<Run>> MlflowReader::read(const QString& path, const Progress& progress) const {
  std::vector<RunSource> sources;
  const QFileInfo info(path);
  if (!info.isDir()) {
    const QString run = runFolderOfMetric(path);
    if (run.isEmpty())
      return Error{QStringLiteral("%1: not inside an MLflow run's metrics/ folder").arg(path)};
    sources.push_back({run, {info.absoluteFilePath()}});
  } else {
    const QDir dir(path);
    QStringList runs;
    auto addExperiment = [&](const QDir& experiment) {
      for (const QString& name :
           experiment.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (isRunFolder(QDir(experiment.filePath(name)))) runs << experiment.filePath(name);
    };
    if (isRunFolder(dir))
      runs << dir.absolutePath();
    else if (isExperimentFolder(dir))
      addExperiment(dir);
    else
      for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (!name.startsWith(QLatin1Char('.')) && name != QLatin1String("models"))
          addExperiment(QDir(dir.filePath(name)));
    for (const QString& run : runs) sources.push_back({run, {}});
    if (sources.empty())
      return Error{QStringLiteral("%1: no MLflow run (a folder with meta.yaml and metrics/) found")
                       .arg(path)};
  }

  std::vector<Run> out;
  QString firstProblem;
  for (std::size_t r = 0; r < sources.size(); ++r) {
    if (progress.cancelled()) return Error{kCancelledMessage};
    const QDir run(sources[r].folder);
    if (yamlValue(run.filePath(QStringLiteral("meta.yaml")), QStringLiteral("lifecycle_stage")) ==
        QLatin1String("deleted"))
      continue;
    const QDir metrics(run.filePath(QStringLiteral("metrics")));
    QStringList files = sources[r].metricFiles;
    if (files.isEmpty()) {
      QDirIterator it(metrics.absolutePath(), QDir::Files, QDirIterator::Subdirectories);
      while (it.hasNext()) files << it.next();
      files.sort();
    }
    RunBuilder builder;
    QStringList notes;
    for (const QString& file : files) {
      QString error;
      const QString key = metrics.relativeFilePath(file);
      if (!readMetric(file, key, builder, notes, error)) return Error{error};
    }
    Run result = builder.finish(runName(run), run.absolutePath(), name());
    result.warnings = notes + result.warnings;
    if (firstProblem.isEmpty() && !notes.isEmpty()) firstProblem = notes.front();
    if (!result.series.empty()) out.push_back(std::move(result));
    progress(static_cast<double>(r + 1) / static_cast<double>(sources.size()));
  }
  if (out.empty())
    return Error{QStringLiteral("%1: no metric values in the MLflow run(s) found%2")
                     .arg(path, firstProblem.isEmpty()
                                    ? QString()
                                    : QStringLiteral(" (first problem: %1)").arg(firstProblem))};
  return out;
}

}  // namespace lrscope
