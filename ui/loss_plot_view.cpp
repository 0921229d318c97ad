#include "loss_plot_view.h"

#include <qcustomplot.h>
#include <QVBoxLayout>

#include "plot_style.h"
#include "workspace.h"

namespace lrscope::ui {

LossPlotView::LossPlotView(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), plot_(new QCustomPlot) {
  plot_->setObjectName(QStringLiteral("lossPlot"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  stylePlot(plot_, tr("step"), tr("loss"));
  connect(workspace_, &Workspace::runsChanged, this, &LossPlotView::refresh);
  refresh();
}

bool LossPlotView::isLossSeries(const QString& name) {
  return name.contains(QLatin1String("loss"), Qt::CaseInsensitive);
}

void LossPlotView::setLogScale(bool on) {
  setLogAxis(plot_->yAxis, on);
  resetView();
}

void LossPlotView::resetView() {
  plot_->rescaleAxes();
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlotView::refresh() {
  plot_->clearGraphs();
  for (const RunEntry& entry : workspace_->runs()) {
    if (!entry.visible) continue;
    Qt::PenStyle style = Qt::SolidLine;
    for (const Series& series : entry.run.series) {
      if (!isLossSeries(series.name)) continue;
      QCPGraph* graph = plot_->addGraph();
      graph->setName(entry.run.name + QStringLiteral(" · ") + series.name);
      graph->setPen(QPen(entry.color, 1.5, style));
      setSeriesData(graph, series.steps, series.values);
      style = Qt::DashLine;  // a run's second loss series (e.g. validation) is dashed
    }
  }
  resetView();
}

}  // namespace lrscope::ui
