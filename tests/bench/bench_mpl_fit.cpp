// Benchmark: a full MPL fit (multi-start included) on the three training runs of the MPL paper's
// data, as a whole `lrscope fit` process; target < 2 s in Release on the 2-core machine. The
// reference implementation's ~48 s (135-start L-BFGS-B grid 6.5 s + ~100 AdamW steps 41 s) is the
// docs' measurement on this machine, not re-measured here (it needs PyTorch). Also: the time
// from cancel() to fitLaw() returning, target < 100 ms.
#include <QElapsedTimer>
#include <QtTest>
#include <chrono>
#include <thread>

#include "../core/fit/mpl_data.h"
#include "fit/fitter.h"
#include "law/law_registry.h"
#include "lrscope_test.h"

using namespace lrscope;

namespace {
constexpr double kReferenceSeconds = 48.0;
}

class BenchMplFit : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void wholeProcess_data() {
    QTest::addColumn<QString>("size");
    QTest::newRow("25M") << "25";
    QTest::newRow("100M") << "100";
    QTest::newRow("400M") << "400";
  }
  void wholeProcess() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    QFETCH(QString, size);
    const QString dir = lrscope::test::sharedDataPath(QStringLiteral("mpl-luo2025/csv_") + size);
    QStringList args = {"fit",       "--law",          "mpl",  "--convention",
                        "reference", "--warmup-steps", "2160", "--train"};
    for (const QString& run : lrscope::test::kMplTrain) args << dir + "/" + run + ".csv";
    double best = 1e300;
    for (int repeat = 0; repeat < 3; ++repeat) {
      QElapsedTimer timer;
      timer.start();
      const auto r = lrscope::test::runLrscope(args);
      best = std::min(best, timer.nsecsElapsed() / 1e9);
      QVERIFY2(r.exitCode == 0, r.err.constData());
      QVERIFY(r.out.contains("status: converged"));
    }
    qInfo(
        "%sM: `lrscope fit` whole process %.2f s (best of 3; target < 2 s); reference ~%.0f s "
        "(docs' measurement, not re-measured): %.0fx faster",
        qPrintable(size), best, kReferenceSeconds, kReferenceSeconds / best);
    QVERIFY2(best < 2.0, "slower than the 2 s target");
  }

  void cancelLatency() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    const auto law = *createLossLaw(QStringLiteral("mpl"), {{"convention", "reference"}});
    const auto runs = lrscope::test::mplRuns(QStringLiteral("400"), false);
    double worst = 0;
    for (int delay : {20, 60, 150, 300}) {
      CancelToken token;
      FitResult result;
      std::thread worker([&] { result = fitLaw(*law, runs, {}, {{}, &token}); });
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      QElapsedTimer timer;
      timer.start();
      token.cancel();
      worker.join();
      const double ms = timer.nsecsElapsed() / 1e6;
      worst = std::max(worst, ms);
      qInfo("cancel after %d ms: returned %.1f ms later, status %s", delay, ms,
            qPrintable(fitStatusName(result.status)));
    }
    qInfo("worst cancel latency %.1f ms (target < 100 ms)", worst);
    QVERIFY(worst < 100.0);
  }
};

QTEST_GUILESS_MAIN(BenchMplFit)
#include "bench_mpl_fit.moc"
