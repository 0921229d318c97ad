// PerStepLr: prefix/suffix sums against direct sums, and accuracy of tiny tails.
#include <QtTest>
#include <cmath>
#include <numeric>

#include "lrscope_test.h"
#include "schedule/per_step_lr.h"

using lrscope::PerStepLr;
using lrscope::test::closeTo;

class TestPerStepLr : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void sumsMatchDirectSums() {
    const PerStepLr lr({1.0, 2.0, 3.0, 4.0, 5.0});
    QCOMPARE(lr.size(), 5);
    QCOMPARE(lr.prefix(0), 0.0);
    QCOMPARE(lr.prefix(5), 15.0);
    QCOMPARE(lr.suffix(5), 0.0);
    QCOMPARE(lr.suffix(1), 14.0);
    QCOMPARE(lr.sum(1, 3), 9.0);
    QCOMPARE(lr.sum(4, 4), 5.0);
    QCOMPARE(lr.sum(3, 2), 0.0);
  }

  void tinyTailOfCosineToZeroIsAccurate() {
    // Cosine to zero over 100,000 steps: the last 3 LRs sum to ~1e-9 of the total.
    const int n = 100000;
    std::vector<double> v(n);
    for (int k = 0; k < n; ++k) v[k] = 0.5 * (1.0 + std::cos(M_PI * k / n));
    const PerStepLr lr(v);
    long double direct = 0;
    for (int k = n - 3; k < n; ++k) direct += v[k];
    QVERIFY(closeTo(lr.sum(n - 3, n - 1), static_cast<double>(direct), 1e-12));
    QVERIFY(closeTo(lr.suffix(n - 3), static_cast<double>(direct), 1e-12));
    // The naive total - prefix loses most digits here; ours must not.
    long double total = 0;
    for (double x : v) total += x;
    QVERIFY(closeTo(lr.prefix(n), static_cast<double>(total), 1e-15));
  }
};

QTEST_APPLESS_MAIN(TestPerStepLr)
#include "test_per_step_lr.moc"
