#include "io/lightning_reader.h"

#include <QDir>
#include <QFileInfo>

#include "io/csv_reader.h"
#include "io/line_reader.h"

namespace lrscope {

double LightningReader::canRead(const QString& path, const QByteArray& firstBytes) const {
  const QFileInfo info(path);
  if (info.isDir() || info.fileName() != QLatin1String("metrics.csv") || looksBinary(firstBytes))
    return 0.0;
  const QByteArray head = textHead(firstBytes);
  const QByteArray header = head.left(head.indexOf('\n'));
  for (const QByteArray& name : header.split(','))
    if (name.trimmed() == "step") return 0.9;
  return 0.0;
}

Result<std::vector<Run>> LightningReader::read(const QString& path,
                                               const Progress& progress) const {
  const QDir version = QFileInfo(path).absoluteDir();
  const QString runName =
      version.dirName().startsWith(QLatin1String("version_"))
          ? QFileInfo(version.absolutePath()).dir().dirName() + QLatin1Char('/') + version.dirName()
          : version.dirName();
  return readCsvTable(path, roles_, name(), runName, progress);
}

}  // namespace lrscope
