#pragma once
// FitPanel: choose a loss law (and for MPL the fit method -- LRScope's minimiser with the strength
// of its mild prior, or the MPL reference code's procedure), give each run a role
// (train, test, or left out), fit on a worker thread and watch the predicted curves move; then
// read the objective, the parameters with their standard errors (flagged when on a bound) and
// the per-run metrics (R2, MAE, RMSE, PredE, WorstE, noise floor).
#include <QWidget>

#include "fit/fitter.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace lrscope::ui {

class Workspace;
class FitController;

class FitPanel : public QWidget {
  Q_OBJECT
 public:
  FitPanel(Workspace* workspace, FitController* controller, QWidget* parent = nullptr);

  // Sets the role of the run at `index` ("train", "test" or "skip").
  void setRole(int index, const QString& role);
  void startFit();

 private:
  void refreshRuns();
  void enableLawOptions();
  FitMethod chosenMethod() const;  // MultiStart where the law has no other
  void showResult(const FitResult& result);

  Workspace* workspace_;
  FitController* controller_;
  QComboBox* law_;
  QComboBox* convention_;
  QComboBox* method_;
  QDoubleSpinBox* prior_;
  QTableWidget* runs_;
  QPushButton* fit_;
  QPushButton* cancel_;
  QLabel* status_;
  QTableWidget* parameters_;
  QTableWidget* metrics_;
  std::vector<int> requestRunIds_;  // run ids of the running request, in its order
  QList<int> rowRunIds_;            // run id of each row of the runs table
};

}  // namespace lrscope::ui
