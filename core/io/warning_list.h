#pragma once
// WarningList: the warnings of one file, keeping the first few of each kind and counting the rest,
// so a million bad cells give five messages and "... and 999995 more cells that are not numbers".
// Messages are formatted on finish() as "<source>: line <n>: <text>", so a list filled by a part
// of a file read in parallel can be merged with its line numbers shifted.
#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace lrscope {

class WarningList {
 public:
  explicit WarningList(QString source = {}, int keepPerKind = 5)
      : source_(std::move(source)), keep_(keepPerKind) {}

  // `kind` names what went wrong in the plural ("cells that are not numbers"); `line` is the
  // 1-based line (or record) it is about, 0 for none; `text` says what happened there.
  void add(const QString& kind, qint64 line, const QString& text) {
    ++counts_[kind];
    keep(Entry{kind, line, text});
  }
  qint64 count(const QString& kind) const { return counts_.value(kind); }
  bool isEmpty() const { return entries_.empty(); }

  // Adds `other`'s warnings, their line numbers shifted by `lineOffset`.
  void merge(const WarningList& other, qint64 lineOffset = 0) {
    for (const Entry& e : other.entries_)
      keep(Entry{e.kind, e.line ? e.line + lineOffset : 0, e.text});
    for (auto it = other.counts_.cbegin(); it != other.counts_.cend(); ++it)
      counts_[it.key()] += it.value();
  }

  // The kept messages, then one summary line per kind that overflowed.
  QStringList finish() const {
    QStringList all;
    for (const Entry& e : entries_)
      all << (e.line ? QStringLiteral("%1: line %2: %3").arg(source_).arg(e.line).arg(e.text)
                     : QStringLiteral("%1: %2").arg(source_, e.text));
    for (auto it = counts_.cbegin(); it != counts_.cend(); ++it)
      if (it.value() > keep_)
        all << QStringLiteral("%1: ... and %2 more %3")
                   .arg(source_)
                   .arg(it.value() - keep_)
                   .arg(it.key());
    return all;
  }

 private:
  struct Entry {
    QString kind;
    qint64 line;
    QString text;
  };
  void keep(Entry e) {
    if (kept_[e.kind]++ < keep_) entries_.push_back(std::move(e));
  }
  QString source_;
  qint64 keep_;
  std::vector<Entry> entries_;
  QHash<QString, qint64> counts_;  // all warnings of a kind
  QHash<QString, qint64> kept_;    // those offered for keeping
};

}  // namespace lrscope
