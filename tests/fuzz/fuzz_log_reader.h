#pragma once
// Shared body of the libFuzzer harnesses: the fuzz input becomes a file (in a per-process folder
// under $TMPDIR; run_sanitizers.sh points it at /dev/shm and removes it afterwards), every
// registered reader's canRead() looks at it, then the reader named `format` reads it. Any crash,
// sanitizer report, leak, hang or huge allocation is a finding; errors and warnings returned as
// Result are the expected outcome for garbage.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "io/log_registry.h"

namespace lrscope::fuzz {

inline const QDir& scratchDir() {
  static const QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/lrscope-fuzz-XXXXXX"));
  static const QDir root = dir.isValid() ? QDir(dir.path()) : (std::abort(), QDir());
  return root;
}

// Writes the input to `relativePath` inside the scratch folder and reads `readPath` (that file,
// or a folder above it for readers of whole folders) with the reader named `format`.
inline int readAs(const char* format, const QString& relativePath, const std::uint8_t* data,
                  std::size_t size, const QString& readPath = {}) {
  static const auto readers = makeLogReaders();
  const QString file = scratchDir().filePath(relativePath);
  QDir().mkpath(QFileInfo(file).path());
  {
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) std::abort();
    out.write(reinterpret_cast<const char*>(data), qint64(size));
  }
  const QByteArray firstBytes(reinterpret_cast<const char*>(data),
                              qsizetype(std::min<std::size_t>(size, kSniffBytes)));
  const LogReader* chosen = nullptr;
  for (const auto& reader : readers) {
    const double confidence = reader->canRead(file, firstBytes);
    if (!(confidence >= 0.0 && confidence <= 1.0)) std::abort();  // contract: [0, 1]
    if (reader->name() == QLatin1String(format)) chosen = reader.get();
  }
  if (!chosen) std::abort();  // the harness names a reader that is not registered
  const auto runs = chosen->read(readPath.isEmpty() ? file : scratchDir().filePath(readPath), {});
  if (runs.ok())
    for (const Run& run : *runs)
      for (const Series& s : run.series)
        if (s.steps.size() != s.values.size() ||
            !(s.wallTime.empty() || s.wallTime.size() == s.steps.size()) ||
            !std::is_sorted(s.steps.begin(), s.steps.end()))
          std::abort();  // a Series must be consistent and sorted by step
  return 0;
}

}  // namespace lrscope::fuzz
