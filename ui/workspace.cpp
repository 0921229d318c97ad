#include "workspace.h"

#include <QFile>

#include "schedule/schedule_document.h"

// Resources of a static library must be registered by hand, from the global namespace.
static void registerResources() {
  Q_INIT_RESOURCE(lrscope);
}

namespace lrscope::ui {

namespace {

// TensorBoard's palette (docs/anchors-viewers-formats-style.md §1.2).
const QColor kPalette[] = {QColor(0x12b5cb), QColor(0xe8710a), QColor(0x9334e6), QColor(0xe52592),
                           QColor(0x7cb342), QColor(0xf9ab00), QColor(0x425066)};

}  // namespace

Workspace::Workspace(QObject* parent) : QObject(parent) {
  registerResources();
}

QColor Workspace::nextColor() const {
  return kPalette[schedules_.size() % static_cast<qsizetype>(std::size(kPalette))];
}

int Workspace::addSchedule(const QString& name, const Schedule& schedule) {
  schedules_.push_back({name, schedule, nextColor(), schedule.sample()});
  Q_EMIT schedulesChanged();
  return static_cast<int>(schedules_.size()) - 1;
}

void Workspace::replaceSchedule(int index, const Schedule& schedule) {
  if (index < 0 || index >= schedules_.size()) return;
  schedules_[index].schedule = schedule;
  schedules_[index].lr = schedule.sample();
  Q_EMIT schedulesChanged();
}

void Workspace::removeSchedule(int index) {
  if (index < 0 || index >= schedules_.size()) return;
  schedules_.removeAt(index);
  Q_EMIT schedulesChanged();
}

void Workspace::clear() {
  schedules_.clear();
  Q_EMIT schedulesChanged();
}

void Workspace::loadDemo() {
  for (const char* name : {"cosine", "wsd", "constant", "linear"}) {
    QFile file(QStringLiteral(":/schedules/%1.json").arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly)) continue;
    Result<ScheduleDocument> doc = parseScheduleDocument(file.readAll(), file.fileName());
    if (doc)
      schedules_.push_back({doc->name.isEmpty() ? QLatin1String(name) : doc->name, doc->schedule,
                            nextColor(), doc->schedule.sample()});
  }
  Q_EMIT schedulesChanged();
}

}  // namespace lrscope::ui
