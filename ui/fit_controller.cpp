#include "fit_controller.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "law/law_registry.h"

namespace lrscope::ui {

namespace {

constexpr qint64 kLiveIntervalMs = 50;

std::vector<RunPrediction> predictAll(const LossLaw& law, const std::vector<FitRun>& runs,
                                      const std::vector<double>& parameters) {
  std::vector<RunPrediction> out;
  for (const FitRun& run : runs) {
    Result<std::vector<double>> loss = law.predictAt(run.schedule, run.steps, parameters);
    out.push_back({run.steps, loss ? std::move(loss).value() : std::vector<double>(), {}, {}});
  }
  return out;
}

}  // namespace

FitController::FitController(QObject* parent) : QObject(parent) {
  qRegisterMetaType<FitResult>();
  qRegisterMetaType<std::vector<RunPrediction>>();
  connect(&watcher_, &QFutureWatcher<FitResult>::finished, this, [this] {
    if (watcher_.future().resultCount() > 0) Q_EMIT finished(watcher_.future().result());
  });
}

FitController::~FitController() {
  cancel();
  watcher_.waitForFinished();
}

bool FitController::start(FitRequest request, QString* error) {
  auto fail = [error](const QString& text) {
    if (error) *error = text;
    return false;
  };
  if (isRunning()) return fail(tr("A fit is already running."));
  if (request.runs.empty()) return fail(tr("Choose at least one training run."));
  Result<std::shared_ptr<const LossLaw>> law = createLossLaw(request.law, request.lawOptions);
  if (!law) return fail(law.error());
  cancel_ = std::make_shared<CancelToken>();
  QPointer<FitController> self(this);
  watcher_.setFuture(QtConcurrent::run(
      [self, law = *law, request = std::move(request), token = cancel_]() -> FitResult {
        QElapsedTimer clock;
        clock.start();
        qint64 last = -kLiveIntervalMs;
        FitCallbacks callbacks;
        callbacks.cancel = token.get();
        callbacks.progress = [&](const FitProgress& p) {
          if (clock.elapsed() - last < kLiveIntervalMs) return;
          last = clock.elapsed();
          std::vector<RunPrediction> predictions = predictAll(*law, request.runs, p.parameters);
          QMetaObject::invokeMethod(
              self,
              [self, p, predictions = std::move(predictions)] {
                if (!self) return;
                Q_EMIT self->progress(p.stage, p.iteration, p.objective);
                Q_EMIT self->livePrediction(predictions);
              },
              Qt::QueuedConnection);
        };
        return fitLaw(*law, request.runs, request.options, callbacks);
      }));
  return true;
}

void FitController::cancel() {
  if (cancel_) cancel_->cancel();
}

}  // namespace lrscope::ui
