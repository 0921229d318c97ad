#include "plot_style.h"

#include <qcustomplot.h>

namespace lrscope::ui {

QColor paletteColor(int index) {
  static const QColor kPalette[] = {QColor(0x12b5cb), QColor(0xe8710a), QColor(0x9334e6),
                                    QColor(0xe52592), QColor(0x7cb342), QColor(0xf9ab00),
                                    QColor(0x425066)};
  const int n = static_cast<int>(std::size(kPalette));
  return kPalette[((index % n) + n) % n];
}

void stylePlot(QCustomPlot* plot, const QString& xLabel, const QString& yLabel) {
  plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectPlottables);
  plot->xAxis->setLabel(xLabel);
  plot->yAxis->setLabel(yLabel);
  plot->legend->setVisible(true);
  plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
  plot->setNoAntialiasingOnDrag(true);
}

void setLogAxis(QCPAxis* axis, bool on) {
  axis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
  if (on)
    axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  else
    axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
}

void setSeriesData(QCPGraph* graph, const std::vector<std::int64_t>& steps,
                   const std::vector<double>& values) {
  QVector<double> x(static_cast<qsizetype>(steps.size()));
  for (qsizetype i = 0; i < x.size(); ++i)
    x[i] = static_cast<double>(steps[static_cast<std::size_t>(i)]);
  graph->setData(x, QVector<double>(values.begin(), values.end()), true);
}

void setSeriesData(QCPGraph* graph, const std::vector<double>& valuesPerStep) {
  QVector<double> x(static_cast<qsizetype>(valuesPerStep.size()));
  for (qsizetype i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i);
  graph->setData(x, QVector<double>(valuesPerStep.begin(), valuesPerStep.end()), true);
}

std::pair<QCPGraph*, QCPGraph*> addBand(QCPAxis* x, QCPAxis* y,
                                        const std::vector<std::int64_t>& steps,
                                        const std::vector<double>& lower,
                                        const std::vector<double>& upper, QColor color) {
  QCustomPlot* plot = x->parentPlot();
  QCPGraph* bottom = plot->addGraph(x, y);
  QCPGraph* top = plot->addGraph(x, y);
  for (QCPGraph* edge : {bottom, top}) {
    edge->setPen(Qt::NoPen);
    edge->removeFromLegend();
  }
  setSeriesData(bottom, steps, lower);
  setSeriesData(top, steps, upper);
  top->setBrush(color);
  top->setChannelFillGraph(bottom);
  return {bottom, top};
}

}  // namespace lrscope::ui
