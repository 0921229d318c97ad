#include "loss_plot_view.h"

#include <qcustomplot.h>

#include "plot_style.h"
#include "workspace.h"

namespace lrscope::ui {

LossPlotView::LossPlotView(Workspace* workspace, QWidget* parent)
    : StepPlotView(QStringLiteral("lossPlot"), tr("step"), tr("loss"), parent),
      workspace_(workspace) {
  connect(workspace_, &Workspace::runsChanged, this, &LossPlotView::refresh);
  connect(workspace_, &Workspace::predictionsChanged, this, &LossPlotView::refreshPredictions);
  plot_->addLayer(QStringLiteral("bands"), plot_->layer(QStringLiteral("main")),
                  QCustomPlot::limBelow);
  refresh();
}

bool LossPlotView::isLossSeries(const QString& name) {
  return name.contains(QLatin1String("loss"), Qt::CaseInsensitive);
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
  predictionGraphs_.clear();
  refreshPredictions();
  resetView();
}

void LossPlotView::refreshPredictions() {
  for (QCPGraph* graph : std::as_const(predictionGraphs_)) plot_->removeGraph(graph);
  predictionGraphs_.clear();
  for (const RunEntry& entry : workspace_->runs()) {
    const auto it = workspace_->predictions().constFind(entry.id);
    if (!entry.visible || it == workspace_->predictions().constEnd() || it->loss.empty()) continue;
    const bool band = it->lower.size() == it->steps.size() && it->upper.size() == it->steps.size();
    if (band) {
      QColor fill = entry.color;
      fill.setAlpha(45);
      const auto [lower, upper] =
          addBand(plot_->xAxis, plot_->yAxis, it->steps, it->lower, it->upper, fill);
      for (QCPGraph* edge : {lower, upper}) {
        edge->setLayer(QStringLiteral("bands"));
        predictionGraphs_ << edge;
      }
    }
    QCPGraph* graph = plot_->addGraph();
    graph->setName(entry.run.name + (band ? tr(" · predicted, 95% band") : tr(" · predicted")));
    graph->setPen(QPen(entry.color.darker(150), 2.5, Qt::DotLine));
    setSeriesData(graph, it->steps, it->loss);
    predictionGraphs_ << graph;
  }
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace lrscope::ui
