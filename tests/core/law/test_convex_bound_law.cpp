// Convex-optimisation bound (Schaipp et al.): the docs §4.4 table (G = D = 1, tuned base LR), the
// §4.5 tail-sum pitfall, the gradient-norm model and derivatives.
#include <QtTest>
#include <numbers>

#include "law/convex_bound_law.h"
#include "law_test_helpers.h"

using namespace lrscope;
using lrscope::test::closeTo;
using lrscope::test::lawSchedule;

namespace {

// Parameters D, G1, G2, A1, A2, B, C, M with G_t = 1 and loss = Omega.
std::vector<double> unitGradients(double d) {
  return {d, 0, 0, 0, 0, 1, 0, 1};
}

std::vector<double> shape(const QString& name, int T) {
  std::vector<double> eta;
  const int cooldown = int(0.2 * T);
  for (int t = 1; t <= T; ++t) {
    const double c = 0.5 * (1 + std::cos(std::numbers::pi * (t - 1) / T));
    if (name == QLatin1String("linear")) eta.push_back(1.0 - double(t - 1) / T);
    if (name == QLatin1String("constant")) eta.push_back(1.0);
    if (name == QLatin1String("cosine0")) eta.push_back(c);
    if (name == QLatin1String("cosine0.1")) eta.push_back(0.1 + 0.9 * c);
    if (name == QLatin1String("isqrt")) eta.push_back(1.0 / std::sqrt(double(t)));
    if (name == QLatin1String("wsd"))  // linear cooldown to 0 over the last 20%, zero step dropped
      eta.push_back(t <= T - cooldown ? 1.0 : 1.0 - double(t - (T - cooldown)) / (cooldown + 1));
  }
  return eta;
}

}  // namespace

class TestConvexBoundLaw : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void docsTable_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("T");
    QTest::addColumn<double>("gammaRootT");
    QTest::addColumn<double>("omegaRootT");
    const struct {
      const char* name;
      double values[3][2];
    } rows[] = {{"linear", {{0.996, 2.0060}, {0.999, 2.0008}, {1.000, 2.0001}}},
                {"constant", {{0.343, 2.9128}, {0.304, 3.2844}, {0.276, 3.6180}}},
                {"wsd", {{0.512, 2.1718}, {0.514, 2.1614}, {0.514, 2.1598}}},
                {"cosine0", {{0.968, 2.0632}, {0.971, 2.0605}, {0.971, 2.0602}}},
                {"cosine0.1", {{0.857, 2.1186}, {0.821, 2.2141}, {0.788, 2.3066}}},
                {"isqrt", {{6.296, 2.5701}, {17.54, 2.8715}, {50.28, 3.1522}}}};
    const int horizons[] = {1000, 10000, 100000};
    for (const auto& row : rows)
      for (int i = 0; i < 3; ++i)
        QTest::addRow("%s T=%d", row.name, horizons[i])
            << QString::fromLatin1(row.name) << horizons[i] << row.values[i][0] << row.values[i][1];
  }
  void docsTable() {
    QFETCH(QString, name);
    QFETCH(int, T);
    QFETCH(double, gammaRootT);
    QFETCH(double, omegaRootT);
    // With unit base LR: Omega(D=1) = T1 + T2 + T3 and Omega(D=0) = T2 + T3.
    const ConvexBoundLaw law;
    const auto run = lawSchedule(shape(name, T));
    const double all = law.predictAt(run, {T - 1}, unitGradients(1)).value()[0];
    const double t23 = law.predictAt(run, {T - 1}, unitGradients(0)).value()[0];
    const double t1 = all - t23;
    const double rootT = std::sqrt(double(T));
    const double gammaStar = std::sqrt(t1 / t23) * rootT,
                 omegaStar = 2 * std::sqrt(t1 * t23) * rootT;
    QVERIFY2(closeTo(gammaStar, gammaRootT, 1.5e-3, 5e-4), qPrintable(QString::number(gammaStar)));
    QVERIFY2(closeTo(omegaStar, omegaRootT, 0, 5e-5),
             qPrintable(QString::number(omegaStar, 'f', 5)));
  }

  void zeroLearningRatesDoNotMoveTheIterate() {
    // A decay-to-zero schedule evaluated at its final zero step equals the bound one step before.
    std::vector<double> eta = shape(QStringLiteral("linear"), 500);
    eta.push_back(0.0);
    const auto loss = ConvexBoundLaw().predictAt(lawSchedule(eta), {499, 500}, unitGradients(1));
    QVERIFY(loss.ok());
    QCOMPARE(loss.value()[1], loss.value()[0]);
  }

  void gradientModelAndOffset() {
    // Omega is linear in G^2 apart from the D term: doubling G (all parts) and D quadruples it.
    std::vector<double> eta = shape(QStringLiteral("cosine0.1"), 400);
    for (double& e : eta) e *= 3e-4;
    const std::vector<double> p = {0.7, 2.0, 1.5, -0.01, -0.3, 4.0, 2.2, 1.0};
    std::vector<double> twice = p;
    for (int j : {0, 1, 2, 5}) twice[j] *= 2;
    const auto run = lawSchedule(eta);
    const double base = ConvexBoundLaw().predictAt(run, {399}, p).value()[0] - 2.2;
    const double scaled = ConvexBoundLaw().predictAt(run, {399}, twice).value()[0] - 2.2;
    QVERIFY(closeTo(scaled, 4 * base, 1e-12));
    QVERIFY(lrscope::test::jacobianMatchesDifferences(ConvexBoundLaw(), run, {50, 399}, p));
  }
};

QTEST_GUILESS_MAIN(TestConvexBoundLaw)
#include "test_convex_bound_law.moc"
