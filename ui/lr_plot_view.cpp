#include "lr_plot_view.h"

#include <qcustomplot.h>
#include <QVBoxLayout>

#include "plot_style.h"
#include "workspace.h"

namespace lrscope::ui {

LrPlotView::LrPlotView(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), plot_(new QCustomPlot) {
  plot_->setObjectName(QStringLiteral("lrPlot"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  stylePlot(plot_, tr("step (update index n)"), tr("learning rate"));
  connect(workspace_, &Workspace::schedulesChanged, this, &LrPlotView::refresh);
  refresh();
}

void LrPlotView::setLogScale(bool on) {
  setLogAxis(plot_->yAxis, on);
  resetView();
}

void LrPlotView::resetView() {
  plot_->rescaleAxes();
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LrPlotView::refresh() {
  plot_->clearGraphs();
  for (const ScheduleEntry& entry : workspace_->schedules()) {
    QCPGraph* graph = plot_->addGraph();
    graph->setName(entry.name);
    graph->setPen(QPen(entry.color, 2));
    setSeriesData(graph, entry.lr);
  }
  resetView();
}

}  // namespace lrscope::ui
