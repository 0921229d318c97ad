#include "step_plot_view.h"

#include <qcustomplot.h>
#include <QVBoxLayout>

#include "plot_style.h"

namespace lrscope::ui {

StepPlotView::StepPlotView(const QString& objectName, const QString& xLabel, const QString& yLabel,
                           QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot) {
  plot_->setObjectName(objectName);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  stylePlot(plot_, xLabel, yLabel);
}

void StepPlotView::setLogScale(bool on) {
  setLogAxis(plot_->yAxis, on);
  resetView();
}

void StepPlotView::resetView() {
  plot_->legend->setVisible(plot_->graphCount() > 0);  // no empty legend box
  plot_->rescaleAxes();
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace lrscope::ui
