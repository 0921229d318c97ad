#include "run_list.h"

#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

#include "workspace.h"

namespace lrscope::ui {

namespace {

QString describe(const Run& run) {
  QStringList lines{run.source};
  for (const Series& s : run.series) {
    const QString range =
        s.empty() ? QStringLiteral("empty")
                  : QStringLiteral("steps %1..%2").arg(s.steps.front()).arg(s.steps.back());
    lines << QStringLiteral("%1: %2 points, %3").arg(s.name).arg(s.size()).arg(range);
  }
  for (const QString& w : run.warnings) lines << QStringLiteral("warning: ") + w;
  return lines.join(QLatin1Char('\n'));
}

}  // namespace

RunList::RunList(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), list_(new QListWidget) {
  list_->setObjectName(QStringLiteral("runList"));
  auto* remove = new QPushButton(tr("Remove"));
  remove->setObjectName(QStringLiteral("removeRun"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(list_);
  layout->addWidget(remove);
  connect(remove, &QPushButton::clicked, this,
          [this] { workspace_->removeRun(list_->currentRow()); });
  connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    workspace_->setRunVisible(list_->row(item), item->checkState() == Qt::Checked);
  });
  connect(workspace_, &Workspace::runsChanged, this, &RunList::refresh);
  refresh();
}

void RunList::refresh() {
  const QSignalBlocker blocker(list_);
  const int current = list_->currentRow();
  list_->clear();
  for (const RunEntry& entry : workspace_->runs()) {
    QPixmap swatch(12, 12);
    swatch.fill(entry.color);
    auto* item = new QListWidgetItem(QIcon(swatch), entry.run.name);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(entry.visible ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(describe(entry.run));
    if (!entry.run.warnings.isEmpty()) item->setText(entry.run.name + QStringLiteral("  ⚠"));
    list_->addItem(item);
  }
  list_->setCurrentRow(qMin(current, list_->count() - 1));
}

}  // namespace lrscope::ui
