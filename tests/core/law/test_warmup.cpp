// Warmup detection and the linear warmup filled in before a log's first LR sample.
#include <QtTest>

#include "law/warmup.h"

using namespace lrscope;

class TestWarmup : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void detectsTheEndOfARamp() {
    std::vector<double> lr;
    for (int n = 0; n < 100; ++n) lr.push_back(3e-4 * n / 99.0);  // linspace(0, peak, 100)
    lr.resize(500, 3e-4);
    for (int n = 0; n < 200; ++n) lr.push_back(3e-4 * (1 - n / 400.0));
    QCOMPARE(detectWarmupSteps(lr), std::int64_t(100));  // lr[99] is the peak: W = 100
    QCOMPARE(detectWarmupSteps(std::vector<double>(50, 1e-3)), std::int64_t(0));
    QCOMPARE(detectWarmupSteps({3e-4, 2e-4, 1e-4}), std::int64_t(0));  // starts at its peak
    QCOMPARE(detectWarmupSteps({}), std::int64_t(0));
  }

  void fillsTheRampBeforeTheFirstLoggedStep() {
    std::vector<double> lr(300, 3e-4);  // held first value, as a rebuilt post-warmup log
    fillLinearWarmup(lr, 200, 216);
    QCOMPARE(lr[0], 0.0);
    QCOMPARE(lr[199], 3e-4);
    QVERIFY(std::abs(lr[100] - 3e-4 * 100 / 199.0) < 1e-18);
    QCOMPARE(lr[200], 3e-4);
    QCOMPARE(detectWarmupSteps(lr), std::int64_t(200));
    std::vector<double> logged(300, 1e-4);
    fillLinearWarmup(logged, 200, 50);  // logged from step 50: only steps 0..49 are filled
    QCOMPARE(logged[49], 1e-4 * 49 / 199.0);
    QCOMPARE(logged[50], 1e-4);
    std::vector<double> tiny(3, 1.0);
    fillLinearWarmup(tiny, 5, 0);  // warmup longer than the schedule: left alone
    QCOMPARE(tiny[0], 1.0);
  }
};

QTEST_GUILESS_MAIN(TestWarmup)
#include "test_warmup.moc"
