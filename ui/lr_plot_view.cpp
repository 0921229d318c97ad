#include "lr_plot_view.h"

#include <qcustomplot.h>
#include <QVBoxLayout>

#include "workspace.h"

namespace lrscope::ui {

LrPlotView::LrPlotView(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), plot_(new QCustomPlot) {
  plot_->setObjectName(QStringLiteral("lrPlot"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectPlottables);
  plot_->xAxis->setLabel(tr("step (update index n)"));
  plot_->yAxis->setLabel(tr("learning rate"));
  plot_->legend->setVisible(true);
  plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  plot_->setNoAntialiasingOnDrag(true);
  connect(workspace_, &Workspace::schedulesChanged, this, &LrPlotView::refresh);
  refresh();
}

void LrPlotView::setLogScale(bool on) {
  plot_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  if (on)
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  else
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
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
    QVector<double> x(static_cast<qsizetype>(entry.lr.size()));
    for (qsizetype i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i);
    graph->setData(x, QVector<double>(entry.lr.begin(), entry.lr.end()), true);
  }
  resetView();
}

}  // namespace lrscope::ui
