#include "workspace.h"

#include "plot_style.h"
#include "sim/demo_runs.h"

// Resources of a static library must be registered by hand, from the global namespace.
static void registerResources() {
  Q_INIT_RESOURCE(lrscope);
}

namespace lrscope::ui {

Workspace::Workspace(QObject* parent) : QObject(parent) {
  registerResources();
}

QColor Workspace::nextColor() {
  return paletteColor(colorsUsed_++);
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

void Workspace::addRuns(std::vector<Run> runs) {
  for (Run& run : runs) runs_.push_back({std::move(run), nextColor(), true, nextRunId_++, {}});
  Q_EMIT runsChanged();
}

void Workspace::replaceRun(int id, Run run) {
  for (RunEntry& entry : runs_)
    if (entry.id == id) {
      run.name = entry.run.name;
      entry.run = std::move(run);
      Q_EMIT runsChanged();
      return;
    }
}

QList<int> Workspace::runIdsFrom(const QString& source) const {
  QList<int> ids;
  for (const RunEntry& entry : runs_)
    if (entry.run.source == source) ids << entry.id;
  return ids;
}

int Workspace::runId(const QString& source, const QString& name) const {
  for (const RunEntry& entry : runs_)
    if (entry.run.source == source && entry.run.name == name) return entry.id;
  return 0;
}

void Workspace::setRunVisible(int index, bool visible) {
  if (index < 0 || index >= runs_.size() || runs_[index].visible == visible) return;
  runs_[index].visible = visible;
  Q_EMIT runsChanged();
}

void Workspace::removeRun(int index) {
  if (index < 0 || index >= runs_.size()) return;
  predictions_.remove(runs_[index].id);
  runs_.removeAt(index);
  Q_EMIT runsChanged();
}

void Workspace::setPredictions(QHash<int, RunPrediction> predictions) {
  predictions_ = std::move(predictions);
  Q_EMIT predictionsChanged();
}

void Workspace::loadDemo() {
  for (DemoRun& demo : demoRuns()) {
    const QColor color = nextColor();
    schedules_.push_back({demo.run.name, demo.schedule, color, demo.schedule.sample()});
    runs_.push_back({std::move(demo.run), color, true, nextRunId_++, demo.schedule});
  }
  Q_EMIT schedulesChanged();
  Q_EMIT runsChanged();
}

}  // namespace lrscope::ui
