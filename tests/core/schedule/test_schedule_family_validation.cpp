// Family-level validation: parameter combinations that type-check but make no schedule (min above
// peak, phases that do not fit, ...) are rejected with a message naming the JSON path of the key.
#include "schedule_family_checks.h"

using namespace lrscope;

class TestScheduleFamilyValidation : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void rejected_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    auto row = [](const char* name, const char* json, const char* message) {
      QTest::newRow(name) << QByteArray(json) << QString::fromUtf8(message);
    };
    row("cosine min above peak",
        R"({"family": "cosine", "total_steps": 100, "peak_lr": 3e-4, "min_lr": 1e-3})",
        "$.min_lr: min_lr (0.001) is above peak_lr (0.0003)");
    row("constant warmup as long as the run",
        R"({"family": "constant", "total_steps": 100, "warmup_steps": 100})",
        "$.warmup_steps: must be shorter than total_steps (100), got 100");
    row("wsd decay overlaps warmup",
        R"({"family": "wsd", "total_steps": 6000, "warmup_steps": 2000, "decay_steps": 5000})",
        "$.decay_steps: decay (5000 steps) overlaps the warmup (2000 of 6000 steps)");
    row("wsd decay steps and fraction",
        R"({"family": "wsd", "total_steps": 6000, "decay_steps": 500, "decay_fraction": 0.1})",
        "$.decay_fraction: give decay_steps or decay_fraction, not both");
    row("wsd exponential to zero",
        R"({"family": "wsd", "total_steps": 6000, "decay_shape": "exponential"})",
        "$.min_lr: must be > 0 for the exponential decay shape");
    row("sampled without values", R"({"family": "sampled", "values": []})",
        "$.values: needs at least one value");
    row("wsd_s without cycles", R"({"family": "wsd_s", "total_steps": 4000})",
        "$.cycles: missing: give cycles (a count) or cycle_ends (steps)");
    row("wsd_s cycles and ends",
        R"({"family": "wsd_s", "total_steps": 4000, "cycles": 2, "cycle_ends": [1000]})",
        "$.cycles: give cycles or cycle_ends, not both");
    row("wsd_s end beyond the run",
        R"({"family": "wsd_s", "total_steps": 4000, "cycle_ends": [1000, 5000]})",
        "$.cycle_ends: cycle end 5000 is outside (0, total_steps = 4000]");
    row("wsd_s short cycle",
        R"({"family": "wsd_s", "total_steps": 4000, "cycle_ends": [1000, 1100],
            "rewarmup_steps": 50, "decay_steps": 100})",
        "$.decay_steps: cycle 2 (steps 1000 .. 1099) is 100 steps long but needs 50 (warm)up + "
        "100 decay steps");
    row("wsd_s inverse to zero (reported once)",
        R"({"family": "wsd_s", "total_steps": 4000, "cycles": 4, "decay_shape": "inverse"})",
        "$.min_lr: must be > 0 for the inverse decay shape");
    row("wsd_s min above peak",
        R"({"family": "wsd_s", "total_steps": 4000, "cycles": 2, "min_lr": 1})",
        "$.min_lr: min_lr (1) is above peak_lr (0.0003)");
    row("step without step_size", R"({"family": "step", "total_steps": 100})",
        "$.step_size: missing (required)");
    row("multi_step without milestones", R"({"family": "multi_step", "total_steps": 100})",
        "$.milestones: missing: give milestones (steps) or milestone_fractions");
    row("multi_step both",
        R"({"family": "multi_step", "total_steps": 100, "milestones": [50],
            "milestone_fractions": [0.5]})",
        "$.milestone_fractions: give milestones or milestone_fractions, not both");
    row("multi_step milestone after the end",
        R"({"family": "multi_step", "total_steps": 100, "milestones": [50, 100]})",
        "$.milestones: milestone 100 is outside the decay phase [warmup_steps = 0, total_steps "
        "= 100)");
    row("multi_step milestone inside warmup",
        R"({"family": "multi_step", "total_steps": 100, "milestones": [5],
            "warmup_steps": 10})",
        "$.milestones: milestone 5 is outside the decay phase [warmup_steps = 10, total_steps = "
        "100)");
    row("multi_step fractions not increasing",
        R"({"family": "multi_step", "total_steps": 100, "milestone_fractions": [0.9, 0.8]})",
        "$.milestone_fractions: fractions must increase (and be more than one step apart)");
    row("eight_one_one shorter than its warmup",
        R"({"family": "eight_one_one", "total_steps": 1000})",
        "$.milestone_fractions: milestone 800 is outside the decay phase [warmup_steps = 2000, "
        "total_steps = 1000)\n$.warmup_steps: must be shorter than total_steps (1000), got 2000");
    row("exponential gamma zero", R"({"family": "exponential", "total_steps": 100, "gamma": 0})",
        "$.gamma: must be > 0, got 0");
    row("exponential floor above peak",
        R"({"family": "exponential", "total_steps": 100, "gamma": 0.9, "end_value": 0.1})",
        "$.end_value: end_value (0.1) is above peak_lr (0.0003) but gamma < 1 decays");
    row("exponential ceiling below peak",
        R"({"family": "exponential", "total_steps": 100, "gamma": 1.1, "end_value": 1e-5})",
        "$.end_value: end_value (1e-05) is below peak_lr (0.0003) but gamma >= 1 grows");
    row("inverse_sqrt noam with a warmup shape",
        R"({"family": "inverse_sqrt", "form": "noam", "total_steps": 100, "warmup_steps": 10,
            "warmup_shape": "cosine"})",
        "$.warmup_shape: the noam form has its own warmup, linear in n+1; leave warmup_shape at "
        "its default");
    row("inverse_sqrt zero timescale",
        R"({"family": "inverse_sqrt", "total_steps": 100, "timescale": 0})",
        "$.timescale: must be > 0, got 0");
    row("polynomial end above peak",
        R"({"family": "polynomial", "total_steps": 100, "lr_end": 0.01})",
        "$.lr_end: lr_end (0.01) is above peak_lr (0.0003)");
    row("cyclic base above max",
        R"({"family": "cyclic", "total_steps": 100, "base_lr": 0.01, "max_lr": 0.001})",
        "$.base_lr: base_lr (0.01) is above max_lr (0.001)");
    row("one_cycle empty first phase",
        R"({"family": "one_cycle", "total_steps": 1000, "pct_start": 0.001})",
        "$.pct_start: phase 1 of the cycle would end at step 0, not after its start 0 "
        "(pct_start 0.001 with total_steps 1000)");
    row("one_cycle three phases past the end",
        R"({"family": "one_cycle", "total_steps": 1000, "pct_start": 0.6,
            "three_phase": true})",
        "$.pct_start: phase 3 of the cycle would end at step 999, not after its start 1198 "
        "(pct_start 0.6 with total_steps 1000)");
    row("one_cycle zero div_factor",
        R"({"family": "one_cycle", "total_steps": 1000, "div_factor": 0})",
        "$.div_factor: must be > 0, got 0");
    row("rex min above peak",
        R"({"family": "rex", "total_steps": 100, "peak_lr": 1e-4, "min_lr": 2e-4})",
        "$.min_lr: min_lr (0.0002) is above peak_lr (0.0001)");
    row("uba phi zero", R"({"family": "uba", "total_steps": 100, "phi": 0})",
        "$.phi: must be > 0, got 0");
    row("power positive exponent",
        R"({"family": "power", "total_steps": 100, "batch_size": 8, "seq_len": 8, "b": 0.5})",
        "$.b: must be <= 0, got 0.5");
    row("power zero exponent",
        R"({"family": "power", "total_steps": 100, "batch_size": 8, "seq_len": 8, "b": 0})",
        "$.b: must be < 0, got 0");
    row("power floor above the decay start",
        R"({"family": "power", "total_steps": 1000, "batch_size": 1, "seq_len": 1,
            "peak_lr": 1, "a": 1e-3, "decay_steps": 100, "min_lr": 0.5})",
        "$.min_lr: min_lr (0.5) is above the power-law LR at the decay start (3.11413e-05)");
    row("power without batch", R"({"family": "power", "total_steps": 100, "seq_len": 8})",
        "$.batch_size: missing (required)");
    row("infinite const above peak",
        R"({"family": "infinite", "total_steps": 100, "const_lr": 0.01})",
        "$.const_lr: const_lr (0.01) is above peak_lr (0.0003)");
    row("infinite phases exceed the run",
        R"({"family": "infinite", "total_steps": 100, "warmup_steps": 10,
            "cooldown_steps": 50, "anneal_steps": 50})",
        "$.anneal_steps: warmup (10) + cooldown (50) + anneal (50) steps exceed total_steps "
        "(100)");
    row("infinite anneal to zero",
        R"({"family": "infinite", "total_steps": 100, "anneal_steps": 50, "min_lr": 0})",
        "$.min_lr: must be > 0 for the exponential anneal");
    row("infinite min above const",
        R"({"family": "infinite", "total_steps": 100, "anneal_steps": 50, "min_lr": 1e-4})",
        "$.min_lr: min_lr (0.0001) is above const_lr (3.75e-05)");
  }
  void rejected() {
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const Result<Schedule> s = test::scheduleFromJson(json);
    QVERIFY2(!s.ok(), "accepted");
    QCOMPARE(s.error(), message);
  }

  // Edge values that are valid must stay accepted (the checks are not off by one).
  void acceptedAtTheLimits_data() {
    QTest::addColumn<QByteArray>("json");
    auto row = [](const char* name, const char* json) { QTest::newRow(name) << QByteArray(json); };
    row("min equal to peak", R"({"family": "cosine", "total_steps": 10, "min_lr": 3e-4})");
    row("warmup one shorter than the run",
        R"({"family": "constant", "total_steps": 100, "warmup_steps": 99})");
    row("decay fills everything after warmup",
        R"({"family": "wsd", "total_steps": 100, "warmup_steps": 10, "decay_steps": 90})");
    row("milestone at the warmup end",
        R"({"family": "multi_step", "total_steps": 100, "milestones": [10, 99],
            "warmup_steps": 10})");
    row("wsd_s cycle exactly warmup plus decay",
        R"({"family": "wsd_s", "total_steps": 200, "cycle_ends": [100], "warmup_steps": 50,
            "decay_steps": 50})");
    row("one_cycle three phases just fitting",
        R"({"family": "one_cycle", "total_steps": 1000, "pct_start": 0.5, "three_phase": true})");
    row("infinite phases filling the run",
        R"({"family": "infinite", "total_steps": 100, "warmup_steps": 10,
            "cooldown_steps": 40, "anneal_steps": 50})");
  }
  void acceptedAtTheLimits() {
    QFETCH(QByteArray, json);
    const Result<Schedule> s = test::scheduleFromJson(json);
    QVERIFY2(s.ok(), qPrintable(s.error()));
  }
};

QTEST_APPLESS_MAIN(TestScheduleFamilyValidation)
#include "test_schedule_family_validation.moc"
