// report.json: what fitLaw's result writes reads back (law, convention, values, covariance); a
// hand-written report works; malformed reports give messages naming the file and JSON path.
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>
#include <cmath>

#include "fit/fit_report.h"
#include "law/law_registry.h"
#include "lrscope_test.h"

using namespace lrscope;

namespace {

FitRun powerRun() {
  FitRun run;
  run.name = QStringLiteral("run");
  run.schedule = {std::make_shared<PerStepLr>(std::vector<double>(2000, 1e-3)), 0};
  for (int s = 9; s < 2000; s += 10) {
    run.steps.push_back(s);
    run.loss.push_back((2.0 + 1.5 * std::pow((s + 1) * 1e-3, -0.5)) * (1 + 1e-3 * std::sin(s)));
  }
  return run;
}

}  // namespace

class TestFitReport : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void roundTrip() {
    const auto law = *createLossLaw(QStringLiteral("power-area"));
    FitOptions options;
    const FitResult fit = fitLaw(*law, {powerRun()}, options);
    QVERIFY(fit.status == FitStatus::Converged);
    const QJsonObject json = fitReportJson(*law, fit, options);
    QCOMPARE(json.value("format").toString(), QStringLiteral("lrscope-fit-report"));
    QCOMPARE(json.value("status").toString(), QStringLiteral("converged"));
    QVERIFY(json.value("convention").isNull());
    QVERIFY(json.value("summary").toObject().value("test").isNull());
    QVERIFY(json.value("objective").toObject().value("prior_centre").isNull());  // no prior here
    QCOMPARE(json.value("runs").toArray()[0].toObject().value("role").toString(),
             QStringLiteral("train"));
    const auto back = parseLawReport(QJsonDocument(json).toJson(), QStringLiteral("r.json"));
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(back->law->name(), QStringLiteral("power-area"));
    QCOMPARE(back->values, fit.values());
    QVERIFY(back->covariance.isApprox(fit.covariance));
    QVERIFY(fit.residualScale > 0);
    QCOMPARE(back->residualScale, fit.residualScale);

    const auto mpl = parseLawReport(R"({"law": "mpl", "convention": "reference", "parameters":
        {"L0": 2.65, "A": 0.6, "alpha": 0.45, "B": 438, "C": 2.1, "beta": {"value": 0.6},
         "gamma": 0.66}})",
                                    QStringLiteral("hand.json"));
    QVERIFY2(mpl.ok(), qPrintable(mpl.error()));
    QCOMPARE(mpl->law->convention(), QStringLiteral("reference"));
    QCOMPARE(mpl->values[5], 0.6);
    QCOMPARE(mpl->covariance.rows(), Eigen::Index(0));
  }

  void malformedReports_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray params = R"("parameters": {"L0": 2, "A": 1, "alpha": 0.5})";
    QTest::newRow("empty") << QByteArray() << "r.json: offset 0: invalid JSON";
    QTest::newRow("truncated") << QByteArray(R"({"law": "power-area", )") << "invalid JSON";
    QTest::newRow("array") << QByteArray("[1, 2]") << "r.json: $: expected a JSON object";
    QTest::newRow("no law") << QByteArray("{" + params + "}") << "$.law: expected a law name";
    QTest::newRow("law not a string") << QByteArray(R"({"law": 3, )" + params + "}") << "$.law";
    QTest::newRow("unknown law") << QByteArray(R"({"law": "mpx", )" + params + "}")
                                 << "unknown law 'mpx'";
    QTest::newRow("bad convention")
        << QByteArray(R"({"law": "mpl", "convention": 1})") << "$.convention: expected a string";
    QTest::newRow("convention for a law without one")
        << QByteArray(R"({"law": "power-area", "convention": "paper", )" + params + "}")
        << "no option 'convention'";
    QTest::newRow("no parameters")
        << QByteArray(R"({"law": "power-area"})") << "$.parameters: expected an object";
    QTest::newRow("missing parameter")
        << QByteArray(R"({"law": "power-area", "parameters": {"L0": 2, "A": 1}})")
        << "$.parameters.alpha: missing";
    QTest::newRow("unknown parameter")
        << QByteArray(
               R"({"law": "power-area", "parameters": {"L0": 2, "A": 1, "alpha": 1, "beta": 2}})")
        << "$.parameters.beta: law 'power-area' has no such parameter";
    QTest::newRow("string value")
        << QByteArray(R"({"law": "power-area", "parameters": {"L0": "2", "A": 1, "alpha": 1}})")
        << "$.parameters.L0: expected a finite number";
    QTest::newRow("huge value")
        << QByteArray(R"({"law": "power-area", "parameters": {"L0": 1e999, "A": 1, "alpha": 1}})")
        << "r.json: offset 48: invalid JSON (illegal number)";
    QTest::newRow("covariance shape")
        << QByteArray(R"({"law": "power-area", )" + params +
                      R"(, "covariance": {"names": ["L0"], "matrix": [[1]]}})")
        << "$.covariance: expected 3 names and 3 rows";
    QTest::newRow("covariance name")
        << QByteArray(
               R"({"law": "power-area", )" + params +
               R"(, "covariance": {"names": ["L0", "A", "x"], "matrix": [[1,0,0],[0,1,0],[0,0,1]]}})")
        << "$.covariance.names[2]: unknown parameter";
    QTest::newRow("covariance entry")
        << QByteArray(
               R"({"law": "power-area", )" + params +
               R"(, "covariance": {"names": ["L0", "A", "alpha"], "matrix": [[1,0,0],[0,"a",0],[0,0,1]]}})")
        << "$.covariance.matrix[1][1]: expected a number";
    QTest::newRow("latin-1 bytes") << QByteArray("{\"law\": \"power\xe9\"}") << "r.json";
  }
  void malformedReports() {
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const auto report = parseLawReport(json, QStringLiteral("r.json"));
    QVERIFY(!report.ok());
    QVERIFY2(report.error().contains(message), qPrintable(report.error()));
  }
};

QTEST_GUILESS_MAIN(TestFitReport)
#include "test_fit_report.moc"
