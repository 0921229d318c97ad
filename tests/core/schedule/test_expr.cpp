// Expr: evaluation (scalar and array agree), constant folding, tables, substitution.
#include <QtTest>
#include <cmath>

#include "lrscope_test.h"
#include "schedule/expr.h"

using lrscope::Expr;

class TestExpr : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void arithmeticMatchesClosedForm() {
    const Expr n = Expr::step();
    const Expr e = 1e-3 * (0.5 * (1.0 + cos(M_PI * n / 100.0))) + pow(n + 1.0, -0.5);
    for (double k : {0.0, 1.0, 37.0, 99.0, 100.0}) {
      const double expected =
          1e-3 * (0.5 * (1.0 + std::cos(M_PI * k / 100.0))) + std::pow(k + 1.0, -0.5);
      QCOMPARE(e.eval(k), expected);
    }
  }

  void constantsFold() {
    const Expr e = (Expr(2.0) + 3.0) * 4.0;
    QVERIFY(e.isConstant());
    QCOMPARE(e.constantValue(), 20.0);
    const Expr n = Expr::step();
    QCOMPARE(int((n + 0.0).op()), int(Expr::Op::Step));
    QCOMPARE(int((1.0 * n).op()), int(Expr::Op::Step));
    QCOMPARE(int(where(Expr(1.0), n, Expr(5.0)).op()), int(Expr::Op::Step));
  }

  void whereSelectsPerElementInArrays() {
    const Expr n = Expr::step();
    const Expr e = where(n < 3.0, n * 10.0, sqrt(n - 10.0));  // NaN branch unused for n < 3
    Eigen::ArrayXd steps(5);
    steps << 0, 1, 2, 10, 14;
    const Eigen::ArrayXd v = e.evalArray(steps);
    QCOMPARE(v[0], 0.0);
    QCOMPARE(v[2], 20.0);
    QCOMPARE(v[3], 0.0);
    QCOMPARE(v[4], 2.0);
    for (Eigen::Index i = 0; i < steps.size(); ++i) QCOMPARE(v[i], e.eval(steps[i]));
  }

  void interpolationTables() {
    const Expr n = Expr::step();
    const Expr lin = interp(n, {0.0, 10.0, 20.0}, {1.0, 3.0, 2.0});
    QCOMPARE(lin.eval(-5.0), 1.0);  // clamped before the first point
    QCOMPARE(lin.eval(5.0), 2.0);
    QCOMPARE(lin.eval(15.0), 2.5);
    QCOMPARE(lin.eval(25.0), 2.0);  // clamped after the last point
    const Expr prev = previous(n, {0.0, 10.0, 20.0}, {1.0, 3.0, 2.0});
    QCOMPARE(prev.eval(9.0), 1.0);
    QCOMPARE(prev.eval(10.0), 3.0);
    QCOMPARE(prev.eval(19.5), 3.0);
    QCOMPARE(prev.eval(-1.0), 1.0);
    QVERIFY(std::isnan(lin.eval(std::nan(""))));
  }

  void substituteShiftsTheStep() {
    const Expr n = Expr::step();
    const Expr phase = where(n < 5.0, n, interp(n, {5.0, 15.0}, {5.0, 0.0}));
    const Expr shifted = phase.substitute(n - 100.0);
    for (double k : {100.0, 104.0, 105.0, 110.0, 200.0})
      QCOMPARE(shifted.eval(k), phase.eval(k - 100.0));
    QVERIFY(phase.substitute(Expr(3.0)).isConstant());
    QCOMPARE(phase.substitute(Expr(10.0)).constantValue(), 2.5);
  }
};

QTEST_APPLESS_MAIN(TestExpr)
#include "test_expr.moc"
