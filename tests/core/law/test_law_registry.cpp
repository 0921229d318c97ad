// The law registry: names, options round trip, clear errors for bad names and options.
#include <QtTest>

#include "law/law_registry.h"

using namespace lrscope;

class TestLawRegistry : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyLawByName() {
    QCOMPARE(lossLawNames(),
             QStringList({"mpl", "momentum", "power-area", "power-steps", "convex-bound", "cpt"}));
    for (const QString& name : lossLawNames()) {
      const auto law = createLossLaw(name);
      QVERIFY2(law.ok(), qPrintable(law.error()));
      QCOMPARE((*law)->name(), name);
      QVERIFY(!(*law)->formula().isEmpty());
      QVERIFY((*law)->parameterCount() > 0);
      for (const LawParameter& p : (*law)->parameters()) {
        QVERIFY(p.lower <= p.defaultValue && p.defaultValue <= p.upper);
        QVERIFY(!p.meaning.isEmpty());
      }
      // Options written by the law construct the same law again.
      const auto again = createLossLaw(name, (*law)->options());
      QVERIFY(again.ok());
      QCOMPARE((*again)->options(), (*law)->options());
    }
    QCOMPARE((*createLossLaw(QStringLiteral("mpl")))->convention(), QStringLiteral("paper"));
    const auto parameterNames = [](const QString& law) {
      QStringList names;
      for (const auto& p : (*createLossLaw(law))->parameters()) names << p.name;
      return names;
    };
    QCOMPARE(parameterNames(QStringLiteral("mpl")),
             QStringList({"L0", "A", "alpha", "B", "C", "beta", "gamma"}));
    QCOMPARE(parameterNames(QStringLiteral("momentum")),
             QStringList({"L0", "A", "alpha", "C", "lambda"}));
  }

  void optionsAreChecked() {
    const auto reference = createLossLaw(
        QStringLiteral("mpl"), {{QStringLiteral("convention"), QStringLiteral("reference")}});
    QVERIFY(reference.ok());
    QCOMPARE((*reference)->convention(), QStringLiteral("reference"));
    const auto cpt =
        createLossLaw(QStringLiteral("cpt"),
                      {{QStringLiteral("cpt_start"), 5000},
                       {QStringLiteral("shift"), QStringLiteral("stretched-exponential")}});
    QVERIFY(cpt.ok());
    QCOMPARE((*cpt)->options().value(QStringLiteral("cpt_start")).toInt(), 5000);

    const auto unknown = createLossLaw(QStringLiteral("chinchilla"));
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().contains(QStringLiteral("unknown law 'chinchilla'")));
    QVERIFY(unknown.error().contains(QStringLiteral("mpl")));
    const auto badConvention = createLossLaw(
        QStringLiteral("mpl"), {{QStringLiteral("convention"), QStringLiteral("papr")}});
    QVERIFY(!badConvention.ok());
    QVERIFY(badConvention.error().contains(QStringLiteral("paper, reference")));
    QVERIFY(!createLossLaw(QStringLiteral("mpl"), {{QStringLiteral("convention"), 3}}).ok());
    QVERIFY(!createLossLaw(QStringLiteral("power-area"),
                           {{QStringLiteral("convention"), QStringLiteral("paper")}})
                 .ok());
    QVERIFY(!createLossLaw(QStringLiteral("cpt"), {{QStringLiteral("cpt_start"), -1}}).ok());
    QVERIFY(!createLossLaw(QStringLiteral("cpt"), {{QStringLiteral("cpt_start"), 2.5}}).ok());
    QVERIFY(
        !createLossLaw(QStringLiteral("cpt"), {{QStringLiteral("cpt_start"), QStringLiteral("10")}})
             .ok());
    QVERIFY(!createLossLaw(QStringLiteral("momentum"), {{QStringLiteral("lambda"), 0.99}}).ok());
  }
};

QTEST_GUILESS_MAIN(TestLawRegistry)
#include "test_law_registry.moc"
