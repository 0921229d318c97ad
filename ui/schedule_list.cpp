#include "schedule_list.h"

#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

#include "workspace.h"

namespace lrscope::ui {

ScheduleList::ScheduleList(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), list_(new QListWidget) {
  list_->setObjectName(QStringLiteral("scheduleList"));
  auto* remove = new QPushButton(tr("Remove"));
  remove->setObjectName(QStringLiteral("removeSchedule"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(list_);
  layout->addWidget(remove);
  connect(remove, &QPushButton::clicked, this,
          [this] { workspace_->removeSchedule(currentIndex()); });
  connect(list_, &QListWidget::currentRowChanged, this, &ScheduleList::scheduleSelected);
  connect(workspace_, &Workspace::schedulesChanged, this, &ScheduleList::refresh);
  refresh();
}

int ScheduleList::currentIndex() const {
  return list_->currentRow();
}

void ScheduleList::refresh() {
  const QSignalBlocker blocker(list_);
  list_->clear();
  for (const ScheduleEntry& entry : workspace_->schedules()) {
    QPixmap swatch(12, 12);
    swatch.fill(entry.color);
    auto* item = new QListWidgetItem(QIcon(swatch), QStringLiteral("%1  (%2, %3 steps)")
                                                        .arg(entry.name, entry.schedule.family())
                                                        .arg(entry.schedule.totalSteps()));
    list_->addItem(item);
  }
}

}  // namespace lrscope::ui
