#include "lr_plot_view.h"

#include <qcustomplot.h>

#include "plot_style.h"
#include "workspace.h"

namespace lrscope::ui {

LrPlotView::LrPlotView(Workspace* workspace, QWidget* parent)
    : StepPlotView(QStringLiteral("lrPlot"), tr("step (update index n)"), tr("learning rate"),
                   parent),
      workspace_(workspace) {
  connect(workspace_, &Workspace::schedulesChanged, this, &LrPlotView::refresh);
  connect(workspace_, &Workspace::runsChanged, this, &LrPlotView::refresh);
  refresh();
}

void LrPlotView::refresh() {
  plot_->clearGraphs();
  for (const ScheduleEntry& entry : workspace_->schedules()) {
    QCPGraph* graph = plot_->addGraph();
    graph->setName(entry.name);
    graph->setPen(QPen(entry.color, 2));
    setSeriesData(graph, entry.lr);
  }
  for (const RunEntry& entry : workspace_->runs()) {
    const Series* lr = entry.run.find(QStringLiteral("lr"));
    if (!entry.visible || entry.schedule || !lr) continue;
    QCPGraph* graph = plot_->addGraph();
    graph->setName(entry.run.name + QStringLiteral(" · lr"));
    graph->setPen(QPen(entry.color, 1.5));
    setSeriesData(graph, lr->steps, lr->values);
  }
  resetView();
}

}  // namespace lrscope::ui
