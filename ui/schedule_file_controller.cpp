#include "schedule_file_controller.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>

#include "schedule/schedule_document.h"
#include "schedule/schedule_export.h"
#include "workspace.h"

namespace lrscope::ui {

ScheduleFileController::ScheduleFileController(Workspace* workspace, QWidget* dialogParent)
    : QObject(dialogParent), workspace_(workspace), dialogParent_(dialogParent) {}

bool ScheduleFileController::fail(const QString& text) {
  Q_EMIT message(text);
  if (dialogParent_ && dialogParent_->isVisible())
    QMessageBox::warning(dialogParent_, tr("LRScope"), text);
  return false;
}

bool ScheduleFileController::open(const QString& path) {
  Result<ScheduleDocument> doc = readScheduleFile(path);
  if (!doc) return fail(doc.error());
  const QString name = doc->name.isEmpty() ? QFileInfo(path).completeBaseName() : doc->name;
  workspace_->addSchedule(name, doc->schedule);
  Q_EMIT message(tr("Opened %1").arg(path));
  return true;
}

bool ScheduleFileController::write(const QString& path, const QByteArray& data) {
  QSaveFile file(path);  // atomic: an interrupted save never leaves half a file
  if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
    return fail(tr("%1: cannot write (%2)").arg(path, file.errorString()));
  Q_EMIT message(tr("Wrote %1").arg(path));
  return true;
}

bool ScheduleFileController::save(int index, const QString& path) {
  if (index < 0 || index >= workspace_->schedules().size())
    return fail(tr("Select a schedule first."));
  const ScheduleEntry& entry = workspace_->schedules()[index];
  return write(path, writeScheduleDocument(entry.schedule, entry.name));
}

bool ScheduleFileController::exportTo(int index, const QString& format, const QString& path) {
  if (index < 0 || index >= workspace_->schedules().size())
    return fail(tr("Select a schedule first."));
  const Schedule& s = workspace_->schedules()[index].schedule;
  if (format == QLatin1String("csv")) return write(path, scheduleToCsv(s));
  if (format == QLatin1String("pytorch")) return write(path, scheduleToPyTorch(s).toUtf8());
  return write(path, scheduleToOptax(s).toUtf8());
}

void ScheduleFileController::openWithDialog() {
  const QString path = QFileDialog::getOpenFileName(dialogParent_, tr("Open schedule"), {},
                                                    tr("LRScope schedules (*.json)"));
  if (!path.isEmpty()) open(path);
}

void ScheduleFileController::saveWithDialog(int index) {
  const QString path = QFileDialog::getSaveFileName(dialogParent_, tr("Save schedule"), {},
                                                    tr("LRScope schedules (*.json)"));
  if (!path.isEmpty()) save(index, path);
}

void ScheduleFileController::exportWithDialog(int index, const QString& format) {
  const QString filter = format == QLatin1String("csv") ? tr("CSV (*.csv)") : tr("Python (*.py)");
  const QString path =
      QFileDialog::getSaveFileName(dialogParent_, tr("Export schedule"), {}, filter);
  if (!path.isEmpty()) exportTo(index, format, path);
}

}  // namespace lrscope::ui
