// Schedule::warmupSteps: the declared warmup, also through the first phase of a sequence.
#include <QJsonArray>
#include <QtTest>

#include "lrscope_test.h"
#include "schedule/schedule.h"

using namespace lrscope;

class TestScheduleWarmup : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void declaredWarmup() {
    QCOMPARE(Schedule::fromJson({{"family", "cosine"}, {"total_steps", 100}, {"warmup_steps", 7}})
                 ->warmupSteps(),
             7);
    QCOMPARE(Schedule::fromJson({{"family", "cosine"}, {"total_steps", 100}})->warmupSteps(), 0);
    QCOMPARE(
        Schedule::fromJson({{"family", "sampled"}, {"values", QJsonArray{1, 2}}})->warmupSteps(),
        0);
    const QJsonObject first{{"family", "constant"}, {"total_steps", 50}, {"warmup_steps", 12}};
    const QJsonObject second{{"family", "constant"}, {"total_steps", 50}, {"peak_lr", 1e-4}};
    QCOMPARE(Schedule::fromJson({{"family", "sequence"}, {"phases", QJsonArray{first, second}}})
                 ->warmupSteps(),
             12);
  }
};

QTEST_APPLESS_MAIN(TestScheduleWarmup)
#include "test_schedule_warmup.moc"
