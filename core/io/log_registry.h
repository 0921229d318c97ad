#pragma once
// Reading logs through one API: every format's LogReader, format detection and folder walking.
//   readLogs(paths): each path is a file or a folder. A folder a reader claims as a whole (an
//   mlruns tree, a TensorBoard run folder, a Hugging Face output folder) is read by it; any other
//   folder is walked (sorted by name, hidden entries and symlinked folders skipped, 12 levels deep)
//   and every file and sub-folder in it goes through detection again. Files found while walking
//   whose format is unknown are listed in `skipped`; a path given explicitly that cannot be read
//   is an error. One path failing does not stop the others.
//   Detection: every reader's canRead(path, first 64 KiB) (name first, then content); the most
//   confident wins, ties going to the earlier reader in the list.
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

#include "common/progress.h"
#include "io/column_roles.h"
#include "io/log_reader.h"
#include "io/run.h"

namespace lrscope {

struct ReadOptions {
  QString format;       // use this reader for every path given (no detection, no walking)
  ColumnRoles columns;  // CSV-family readers: column name -> role (io/column_roles.h)
};

struct LoadedLogs {
  std::vector<Run> runs;
  QStringList errors;   // one per path that could not be read, naming it
  QStringList skipped;  // files met while walking folders whose format is not known
  bool cancelled = false;
};

// Every reader, in detection order (the list is in log_registry.cpp).
std::vector<std::unique_ptr<LogReader>> makeLogReaders(const ReadOptions& options = {});
QStringList logFormatNames();

// The reader most confident it can read `path` (nullptr when none is); reads the first bytes.
const LogReader* detectLogFormat(const std::vector<std::unique_ptr<LogReader>>& readers,
                                 const QString& path);
// The detected format's name, or an empty string.
QString detectLogFormat(const QString& path);

LoadedLogs readLogs(const QStringList& paths, const Progress& progress = {},
                    const ReadOptions& options = {});

}  // namespace lrscope
