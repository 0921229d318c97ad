#pragma once
// WarningList: the warnings of one file, keeping the first few of each kind and counting the rest,
// so a million bad cells give five messages and "... and 999995 more cells that are not numbers".
#include <QHash>
#include <QString>
#include <QStringList>

namespace lrscope {

class WarningList {
 public:
  explicit WarningList(QString source, int keepPerKind = 5)
      : source_(std::move(source)), keep_(keepPerKind) {}

  // `kind` names what went wrong in the plural ("cells that are not numbers"); `message` is one
  // occurrence without the file name ("line 12: field 'loss': 'abc' is not a number; cell
  // skipped").
  void add(const QString& kind, const QString& message) {
    qint64& count = counts_[kind];
    if (count++ < keep_) messages_ << source_ + QStringLiteral(": ") + message;
  }
  void addAll(const QStringList& messages) { messages_ += messages; }
  qint64 count(const QString& kind) const { return counts_.value(kind); }

  // The kept messages, then one summary line per kind that overflowed.
  QStringList finish() const {
    QStringList all = messages_;
    for (auto it = counts_.cbegin(); it != counts_.cend(); ++it)
      if (it.value() > keep_)
        all << QStringLiteral("%1: ... and %2 more %3")
                   .arg(source_)
                   .arg(it.value() - keep_)
                   .arg(it.key());
    return all;
  }

 private:
  QString source_;
  qint64 keep_;
  QStringList messages_;
  QHash<QString, qint64> counts_;
};

}  // namespace lrscope
