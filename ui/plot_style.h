#pragma once
// Shared plot set-up for the LR and loss plots: interactions, labels, legend, log axes, data.
#include <QColor>
#include <QString>
#include <cstdint>
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

}  // namespace lrscope::ui
