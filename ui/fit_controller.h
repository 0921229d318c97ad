#pragma once
// FitController: runs a law fit (core/fit fitLaw) on a worker thread. While the solver iterates it
// publishes, at most every 50 ms, the current parameters and the predicted loss of every run
// (computed on the worker, so the GUI only draws); cancel is prompt. Results arrive on the GUI
// thread through queued signals.
#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <memory>

#include "common/progress.h"
#include "fit/fitter.h"
#include "workspace.h"

namespace lrscope::ui {

struct FitRequest {
  QString law;             // registry name ("mpl", "momentum", ...)
  QJsonObject lawOptions;  // e.g. {"convention": "reference"}
  std::vector<FitRun> runs;
  FitOptions options;
};

class FitController : public QObject {
  Q_OBJECT
 public:
  explicit FitController(QObject* parent = nullptr);
  ~FitController() override;

  // Starts the fit; false with `error` set when the law or its options are invalid or a fit runs.
  bool start(FitRequest request, QString* error = nullptr);
  void cancel();
  bool isRunning() const { return watcher_.isRunning(); }

 Q_SIGNALS:
  void progress(const QString& stage, int iteration, double objective);
  // Predicted loss of every run of the request (same order) at the current parameters.
  void livePrediction(const std::vector<lrscope::ui::RunPrediction>& predictions);
  void finished(const lrscope::FitResult& result);

 private:
  QFutureWatcher<FitResult> watcher_;
  std::shared_ptr<CancelToken> cancel_;
};

}  // namespace lrscope::ui

Q_DECLARE_METATYPE(lrscope::FitResult)
Q_DECLARE_METATYPE(std::vector<lrscope::ui::RunPrediction>)
