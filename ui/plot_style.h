#pragma once
// Shared plot set-up for the LR and loss plots: interactions, labels, legend, log axes, data.
#include <QColor>
#include <QString>
#include <cstdint>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPAxis;
class QCPGraph;

namespace lrscope::ui {

// The colour of the index-th run or schedule: TensorBoard's palette
// (docs/anchors-viewers-formats-style.md §1.2), repeating after seven.
QColor paletteColor(int index);

void stylePlot(QCustomPlot* plot, const QString& xLabel, const QString& yLabel);
// A true logarithmic axis (values <= 0 are not drawn) or back to linear.
void setLogAxis(QCPAxis* axis, bool on);
// Steps as keys (already sorted by core), values as they are: NaN draws a gap.
void setSeriesData(QCPGraph* graph, const std::vector<std::int64_t>& steps,
                   const std::vector<double>& values);
void setSeriesData(QCPGraph* graph, const std::vector<double>& valuesPerStep);
// A translucent band of `color` between `lower` and `upper` on the axes x, y: two graphs without
// pen or legend entry, the upper one filled down to the lower. Returns {lower, upper}.
std::pair<QCPGraph*, QCPGraph*> addBand(QCPAxis* x, QCPAxis* y,
                                        const std::vector<std::int64_t>& steps,
                                        const std::vector<double>& lower,
                                        const std::vector<double>& upper, QColor color);

}  // namespace lrscope::ui
