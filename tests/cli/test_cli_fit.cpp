// `lrscope fit` and `lrscope predict` run as a user would: CSV logs in, report.json, pred.csv and
// figures (--plot, drawn without a display) out, a hand-written report accepted, bad input rejected
// with clear messages.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <numbers>

#include "law/multi_power_law.h"
#include "lrscope_test.h"

using namespace lrscope;
using lrscope::test::closeTo;
using lrscope::test::runLrscope;

namespace {

const std::vector<double> kTruth = {2.5, 0.6, 0.45, 450, 2.0, 0.6, 0.65};

std::vector<double> schedule(int shape) {  // 0 constant, 1 cosine, 2 two-stage; 200-step warmup
  std::vector<double> lr(4000);
  for (int n = 0; n < 4000; ++n) {
    const double p = (n - 200) / 3800.0;
    const double f = shape == 0   ? 1.0
                     : shape == 1 ? 0.1 + 0.45 * (1 + std::cos(std::numbers::pi * p))
                                  : (p < 0.5 ? 1.0 : 0.3);
    lr[n] = n < 200 ? 3e-4 * n / 199.0 : 3e-4 * f;
  }
  return lr;
}

// step,lr,loss with the LR at every step and the loss every 50 steps (blank elsewhere).
QString writeLog(const QTemporaryDir& dir, const QString& name, int shape) {
  const auto lr = schedule(shape);
  std::vector<std::int64_t> steps;
  for (int s = 249; s < 4000; s += 50) steps.push_back(s);
  const auto loss =
      MultiPowerLaw().predictAt({std::make_shared<PerStepLr>(lr), 200}, steps, kTruth).value();
  QByteArray csv = "step,lr,loss\n";
  std::size_t next = 0;
  for (int n = 0; n < 4000; ++n) {
    csv += QByteArray::number(n) + ',' + QByteArray::number(lr[n], 'g', 17) + ',';
    if (next < steps.size() && steps[next] == n) csv += QByteArray::number(loss[next++], 'g', 17);
    csv += '\n';
  }
  const QString path = dir.filePath(name + QStringLiteral(".csv"));
  QFile file(path);
  file.open(QIODevice::WriteOnly);
  file.write(csv);
  return path;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& data) {
  QFile file(dir.filePath(name));
  file.open(QIODevice::WriteOnly);
  file.write(data);
  return file.fileName();
}

// Whether some pixel is within `tolerance` (sum of channel differences) of `colour`.
bool hasColour(const QImage& image, QRgb colour, int tolerance = 30) {
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const QRgb p = image.pixel(x, y);
      if (std::abs(qRed(p) - qRed(colour)) + std::abs(qGreen(p) - qGreen(colour)) +
              std::abs(qBlue(p) - qBlue(colour)) <=
          tolerance)
        return true;
    }
  return false;
}

QJsonObject readJson(const QString& path) {
  QFile file(path);
  file.open(QIODevice::ReadOnly);
  return QJsonDocument::fromJson(file.readAll()).object();
}

}  // namespace

class TestCliFit : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    constant_ = writeLog(dir_, QStringLiteral("constant"), 0);
    cosine_ = writeLog(dir_, QStringLiteral("cosine"), 1);
    twoStage_ = writeLog(dir_, QStringLiteral("two_stage"), 2);
  }

  void fitWritesReportAndPredictions() {
    const QString report = dir_.filePath("report.json"), pred = dir_.filePath("pred.csv");
    const auto r =
        runLrscope({"fit", "--law", "mpl", "--train", cosine_, twoStage_, "--test", constant_,
                    "--report", report, "--predictions", pred, "--prior", "0"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("status: converged"));
    QVERIFY(r.out.contains("test   constant"));
    const QJsonObject json = readJson(report);
    QCOMPARE(json.value("law").toString(), QStringLiteral("mpl"));
    QCOMPARE(json.value("convention").toString(), QStringLiteral("paper"));
    const QJsonObject params = json.value("parameters").toObject();
    QCOMPARE(params.keys(), QStringList({"A", "B", "C", "L0", "alpha", "beta", "gamma"}));
    const char* names[] = {"L0", "A", "alpha", "B", "C", "beta", "gamma"};
    for (int j = 0; j < 7; ++j) {
      const QJsonObject p = params.value(names[j]).toObject();
      QVERIFY2(closeTo(p.value("value").toDouble(), kTruth[j], 0.02), names[j]);  // exact data
      QVERIFY(p.value("stderr").isDouble());
    }
    const QJsonArray runs = json.value("runs").toArray();
    QCOMPARE(runs.size(), 3);
    for (const QJsonValue& v : runs) {
      const QJsonObject run = v.toObject();
      QCOMPARE(run.value("points").toInt(), 76);
      QCOMPARE(run.value("warmup_steps").toInt(), 200);  // detected from the LR's first peak
      for (const char* m : {"r2", "mae", "rmse", "prede", "worste"})
        QVERIFY(run.value("metrics").toObject().value(m).isDouble());
    }
    QCOMPARE(runs[2].toObject().value("role").toString(), QStringLiteral("test"));
    QVERIFY(json.value("summary").toObject().value("test").toObject().value("mae").toDouble() <
            1e-3);
    QVERIFY(json.value("elapsed_seconds").toDouble() > 0);
    QVERIFY(json.value("covariance").toObject().value("matrix").toArray().size() == 7);
    QFile csv(pred);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = csv.readAll().trimmed().split('\n');
    QCOMPARE(rows.front(), QByteArray("run,step,observed,predicted,lower,upper"));
    QCOMPARE(rows.size(), 1 + 3 * 76);
    QVERIFY(rows[1].startsWith("cosine,249,"));
    for (const QByteArray& row : rows.mid(1)) {  // the interval brackets the prediction
      const QList<QByteArray> f = row.split(',');
      QVERIFY2(f.size() == 6 && f[4].toDouble() <= f[3].toDouble() &&
                   f[3].toDouble() <= f[5].toDouble() && f[5].toDouble() > 0,
               row.constData());
    }

    // predict from that report on a schedule JSON: the law's value, with a band.
    const auto make = runLrscope({"schedule", "make", "constant", "total_steps=4000",
                                  "peak_lr=3e-4", "warmup_steps=200", "warmup_convention=linspace",
                                  "-o", dir_.filePath("constant.json")});
    QCOMPARE(make.exitCode, 0);
    const auto p = runLrscope({"predict", "--report", report, "--schedule",
                               dir_.filePath("constant.json"), "--steps", "249,1000:3000:1000"});
    QVERIFY2(p.exitCode == 0, p.err.constData());
    const QList<QByteArray> lines = p.out.trimmed().split('\n');
    QCOMPARE(lines.front(), QByteArray("step,lr,predicted,lower,upper"));
    QCOMPARE(lines.size(), 5);
    const QList<QByteArray> first = lines[1].split(',');
    const double expected =
        MultiPowerLaw()
            .predictAt({std::make_shared<PerStepLr>(schedule(0)), 200}, {249}, kTruth)
            .value()[0];
    QVERIFY(closeTo(first[2].toDouble(), expected, 1e-3));
    QVERIFY(first[3].toDouble() < first[2].toDouble() && first[2].toDouble() < first[4].toDouble());
    QVERIFY(p.err.contains("interval of an observed loss"));
  }

  // --profile L0: the table on stdout and the report's "profile", lowest at the true L0 of the
  // generated logs, each point a fit with L0 held (its report value is the one asked for).
  void profileOfAParameter() {
    const QString report = dir_.filePath("profile.json");
    const auto r =
        runLrscope({"fit", "--law", "mpl", "--train", cosine_, twoStage_, "--test", constant_,
                    "--prior", "0", "--profile", "L0=2.4:2.6:0.1", "--report", report});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("profile of L0 (held at each value, the others fitted;"),
             r.out.constData());
    QVERIFY(r.out.contains("\n  2.5         converged"));
    const QJsonObject profile = readJson(report).value("profile").toObject();
    QCOMPARE(profile.value("parameter").toString(), QStringLiteral("L0"));
    const QJsonArray points = profile.value("points").toArray();
    QCOMPARE(points.size(), 3);
    double objective[3];
    for (int i = 0; i < 3; ++i) {
      const QJsonObject p = points[i].toObject();
      QVERIFY(closeTo(p.value("value").toDouble(), 2.4 + 0.1 * i, 1e-12));
      QCOMPARE(p.value("status").toString(), QStringLiteral("converged"));
      QVERIFY(p.value("test").toObject().value("mae").isDouble());
      objective[i] = p.value("objective").toDouble();
    }
    QVERIFY(objective[1] < 1e-9);  // exact data: the truth fits exactly
    QVERIFY(objective[0] > 1e-6 && objective[2] > 1e-6);
  }

  void predictAcceptsAHandWrittenReport() {
    const QString report = writeFile(dir_, "hand.json", R"({"law": "mpl", "convention": "paper",
      "parameters": {"L0": 2.5, "A": {"value": 0.6}, "alpha": 0.45, "B": 450, "C": 2.0,
                     "beta": 0.6, "gamma": 0.65}})");
    const auto p = runLrscope({"predict", "--report", report, "--schedule", twoStage_, "--steps",
                               "3999", "-o", dir_.filePath("out.csv")});
    QVERIFY2(p.exitCode == 0, p.err.constData());
    QFile out(dir_.filePath("out.csv"));
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = out.readAll().trimmed().split('\n');
    QCOMPARE(lines.front(), QByteArray("step,lr,predicted"));
    const double expected =
        MultiPowerLaw()
            .predictAt({std::make_shared<PerStepLr>(schedule(2)), 200}, {3999}, kTruth)
            .value()[0];
    QVERIFY(closeTo(lines[1].split(',')[2].toDouble(), expected, 1e-12));

    // With a residual scale s but no covariance the interval of an observed loss is the scatter
    // alone: predicted +- 1.96 s predicted; --band curve then has nothing to show.
    const QString scaled = writeFile(dir_, "scaled.json", R"({"law": "mpl", "convention": "paper",
      "parameters": {"L0": 2.5, "A": 0.6, "alpha": 0.45, "B": 450, "C": 2.0, "beta": 0.6,
                     "gamma": 0.65}, "objective": {"residual_scale": 0.01}})");
    const auto band =
        runLrscope({"predict", "--report", scaled, "--schedule", twoStage_, "--steps", "3999"});
    QVERIFY2(band.exitCode == 0, band.err.constData());
    const QList<QByteArray> row = band.out.trimmed().split('\n')[1].split(',');
    QVERIFY(closeTo(row[3].toDouble(), expected * (1 - 1.96 * 0.01), 1e-12));
    QVERIFY(closeTo(row[4].toDouble(), expected * (1 + 1.96 * 0.01), 1e-12));
    const auto curve = runLrscope({"predict", "--report", scaled, "--schedule", twoStage_,
                                   "--steps", "3999", "--band", "curve"});
    QCOMPARE(curve.out.trimmed().split('\n').front(), QByteArray("step,lr,predicted"));
  }

  void badInputIsRejectedClearly_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("no law") << QStringList{"fit", "--train", "x.csv"} << 2 << "give --law";
    QTest::newRow("unknown law") << QStringList{"fit", "--law", "chinchilla", "--train", "@cos"}
                                 << 2 << "unknown law 'chinchilla'";
    QTest::newRow("bad convention")
        << QStringList{"fit", "--law", "mpl", "--convention", "papr", "--train", "@cos"} << 2
        << "paper, reference";
    QTest::newRow("unknown option") << QStringList{"fit", "--law", "mpl", "--frob"} << 2
                                    << "unknown or incomplete option '--frob'";
    QTest::newRow("missing log") << QStringList{"fit", "--law", "mpl", "--train",
                                                "/nonexistent/x.csv"}
                                 << 1 << "/nonexistent/x.csv";
    QTest::newRow("no loss column") << QStringList{"fit", "--law", "mpl", "--train", "@lronly"} << 1
                                    << "no loss or val/loss series";
    QTest::newRow("bad fix") << QStringList{"fit", "--law", "mpl", "--train", "@cos", "--fix", "B"}
                             << 2 << "expected NAME=NUMBER";
    QTest::newRow("unknown parameter")
        << QStringList{"fit", "--law", "mpl", "--train", "@cos", "--fix", "Q=1"} << 1
        << "no parameter 'Q'";
    QTest::newRow("bad prior") << QStringList{"fit",  "--law",   "mpl",      "--train",
                                              "@cos", "--prior", "L0=strong"}
                               << 2 << "--prior: expected K or NAME=K with K a number >= 0";
    QTest::newRow("bad method") << QStringList{"fit",  "--law",    "mpl", "--train",
                                               "@cos", "--method", "adam"}
                                << 2 << "--method: expected multi-start or reference, got 'adam'";
    QTest::newRow("reference method, other law")
        << QStringList{"fit", "--law", "momentum", "--train", "@cos", "--method", "reference"} << 1
        << "Multi-Power Law only";
    QTest::newRow("negative prior")
        << QStringList{"fit", "--law", "mpl", "--train", "@cos", "--prior", "-1"} << 2
        << "got '-1'";
    QTest::newRow("prior unknown parameter")
        << QStringList{"fit", "--law", "mpl", "--train", "@cos", "--prior", "Q=1"} << 1
        << "no parameter 'Q'";
    QTest::newRow("bad warmup") << QStringList{"fit",  "--law",          "mpl", "--train",
                                               "@cos", "--warmup-steps", "-3"}
                                << 2 << "--warmup-steps";
    QTest::newRow("predict no schedule")
        << QStringList{"predict", "--report", "@hand"} << 2 << "give --report and --schedule";
    QTest::newRow("predict bad steps")
        << QStringList{"predict", "--report", "@hand", "--schedule", "@cos", "--steps", "5:1"} << 2
        << "FIRST:LAST";
    QTest::newRow("predict step past end")
        << QStringList{"predict", "--report", "@hand", "--schedule", "@cos", "--steps", "4000"} << 2
        << "past the schedule's last step 3999";
    QTest::newRow("predict bad band")
        << QStringList{"predict", "--report", "@hand", "--schedule", "@cos", "--band", "wide"} << 2
        << "--band: 'wide' is not observed or curve";
    QTest::newRow("predict observed band without residual scale")
        << QStringList{"predict", "--report", "@hand", "--schedule", "@cos", "--band", "observed"}
        << 1 << "does not have";
    QTest::newRow("report bad residual scale")
        << QStringList{"predict", "--report", "@badscale", "--schedule", "@cos"} << 1
        << "$.objective.residual_scale: expected a number >= 0";
    QTest::newRow("report not json")
        << QStringList{"predict", "--report", "@garbage", "--schedule", "@cos"} << 1
        << "invalid JSON";
    QTest::newRow("report missing parameter")
        << QStringList{"predict", "--report", "@partial", "--schedule", "@cos"} << 1
        << "$.parameters.gamma: missing";
    QTest::newRow("report NaN parameter")
        << QStringList{"predict", "--report", "@nan", "--schedule", "@cos"} << 1
        << "$.parameters.A: expected a finite number";
    QTest::newRow("report unknown law")
        << QStringList{"predict", "--report", "@nolaw", "--schedule", "@cos"} << 1
        << "unknown law 'mpx'";
    QTest::newRow("plot unknown format")
        << QStringList{"fit", "--law", "mpl", "--train", "@cos", "--plot", "fig.jpg"} << 2
        << "--plot fig.jpg: unknown figure format 'jpg' (use .png, .svg or .pdf)";
    QTest::newRow("plot no extension")
        << QStringList{"fit", "--law", "mpl", "--train", "@cos", "--plot", "figure"} << 2
        << "--plot figure: unknown figure format ''";
    QTest::newRow("plot missing folder")
        << QStringList{"fit", "--law", "mpl", "--train", "@cos", "--plot", "/nonexistent/d/f.png"}
        << 2 << "--plot /nonexistent/d/f.png: folder /nonexistent/d does not exist";
    QTest::newRow("plot onto a folder")
        << QStringList{"fit", "--law", "mpl", "--train", "@cos", "--plot", "@folder"} << 2
        << "folder.png: is a folder";
    QTest::newRow("plot size") << QStringList{"fit",    "--law",   "mpl",         "--train", "@cos",
                                              "--plot", "@folder", "--plot-size", "800x"}
                               << 2 << "--plot-size: expected WIDTHxHEIGHT in pixels";
    QTest::newRow("missing schedule")
        << QStringList{"predict", "--report", "@hand", "--schedule", "/nonexistent/s.json"} << 1
        << "/nonexistent/s.json";
    QTest::newRow("profile bad spec")
        << QStringList{"fit", "--law", "mpl", "--train", "@cos", "--profile", "L0=2:1:0.1"} << 2
        << "--profile L0=2:1:0.1: FROM:TO:STEP needs finite numbers, FROM <= TO and STEP > 0";
    QTest::newRow("profile unknown parameter")
        << QStringList{"fit", "--law", "mpl", "--train", "@cos", "--profile", "Q=1,2"} << 2
        << "--profile: the law mpl has no parameter 'Q'";
    QTest::newRow("profile fixed parameter")
        << QStringList{"fit",   "--law",  "mpl",       "--train",   "@cos",
                       "--fix", "L0=2.5", "--profile", "L0=2.4,2.5"}
        << 2 << "--profile: 'L0' is also held by --fix";
  }
  void badInputIsRejectedClearly() {
    QFETCH(QStringList, args);
    QFETCH(int, status);
    QFETCH(QString, message);
    const QHash<QString, QString> files = {
        {"@cos", cosine_},
        {"@hand",
         writeFile(
             dir_, "h.json",
             R"({"law":"mpl","parameters":{"L0":2.5,"A":0.6,"alpha":0.45,"B":450,"C":2,"beta":0.6,"gamma":0.65}})")},
        {"@garbage", writeFile(dir_, "g.json", "{\"law\": \"mpl\", ")},
        {"@partial",
         writeFile(
             dir_, "p.json",
             R"({"law":"mpl","parameters":{"L0":2.5,"A":0.6,"alpha":0.45,"B":450,"C":2,"beta":0.6}})")},
        {"@nan",
         writeFile(
             dir_, "n.json",
             R"({"law":"mpl","parameters":{"L0":2.5,"A":"x","alpha":0.45,"B":450,"C":2,"beta":0.6,"gamma":1}})")},
        {"@nolaw", writeFile(dir_, "l.json", R"({"law":"mpx","parameters":{}})")},
        {"@badscale",
         writeFile(
             dir_, "s.json",
             R"({"law":"mpl","parameters":{"L0":2.5,"A":0.6,"alpha":0.45,"B":450,"C":2,"beta":0.6,"gamma":1},"objective":{"residual_scale":-1}})")},
        {"@lronly", writeFile(dir_, "lronly.csv", "step,lr\n0,0.1\n1,0.1\n")},
        {"@folder", dir_.filePath("folder.png")}};
    QDir(dir_.path()).mkpath("folder.png");
    for (QString& a : args)
      if (files.contains(a)) a = files.value(a);
    const auto r = runLrscope(args);
    QCOMPARE(r.exitCode, status);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY2(!r.out.contains("status:"), r.out.constData());  // rejected before fitting
  }

  // --plot on a machine without a display: a PNG of the default 1200x800 pixels showing the three
  // runs in the palette's first three colours (TensorBoard's cyan, orange and purple; the LR panel
  // draws them undimmed), an SVG of the size asked for naming every run and role, a PDF. Other
  // subcommands need no display either.
  void plotWritesFigures() {
    const lrscope::test::WithoutDisplay noDisplay;
    const QStringList fit = {"fit",     "--law",  "mpl",     "--train", cosine_,
                             twoStage_, "--test", constant_, "--prior", "0"};
    const QString png = dir_.filePath("fig.png"), svg = dir_.filePath("fig.svg"),
                  pdf = dir_.filePath("fig.PDF");
    for (const QStringList& extra :
         {QStringList{"--plot", png}, QStringList{"--plot", svg, "--plot-size", "900x600"},
          QStringList{"--plot", pdf}}) {
      const auto r = runLrscope(fit + extra);
      QVERIFY2(r.exitCode == 0, r.err.constData());
      QVERIFY(r.out.contains("status: converged"));
    }
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1200, 800));
    QSet<QRgb> colours;
    qsizetype white = 0;
    for (int y = 0; y < image.height(); ++y)
      for (int x = 0; x < image.width(); ++x) {
        colours.insert(image.pixel(x, y));
        white += image.pixel(x, y) == qRgb(255, 255, 255);
      }
    QVERIFY2(colours.size() > 100, qPrintable(QString::number(colours.size())));
    QVERIFY(white < 0.97 * image.width() * image.height());  // something is drawn
    QVERIFY(white > 0.5 * image.width() * image.height());   // on a white background
    for (QRgb c : {qRgb(0x12, 0xb5, 0xcb), qRgb(0xe8, 0x71, 0x0a), qRgb(0x93, 0x34, 0xe6)})
      QVERIFY2(hasColour(image, c), qPrintable(QString::number(c, 16)));

    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray text = svgFile.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("viewBox=\"0 0 900 600\""));
    for (const char* name : {"cosine (train)", "two_stage (train)", "constant (test)", "step",
                             "loss", "learning rate", "Multi-Power Law", "test R"})
      QVERIFY2(text.contains(name), name);

    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.readAll().startsWith("%PDF-"));

    const auto list = runLrscope({"schedule", "list"});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains("cosine"));
  }

  // The MPL paper's curves through the command line (LR rebuilt from the logged column and
  // --warmup-steps): the same test averages as the core test with the exact schedules.
  void mplDataThroughTheCommandLine() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    const QString d = lrscope::test::sharedDataPath("mpl-luo2025/csv_100");
    QStringList args = {"fit",          "--law",     "mpl",
                        "--convention", "reference", "--warmup-steps",
                        "2160",         "--report",  dir_.filePath("mpl.json"),
                        "--train"};
    for (const char* r : {"cosine_24000", "constant_24000", "wsdcon_9"})
      args << d + "/" + r + ".csv";
    args << "--test";
    for (const char* r : {"constant_72000", "cosine_72000", "wsd_20000_24000", "wsdld_20000_24000",
                          "wsdcon_3", "wsdcon_18"})
      args << d + "/" + r + ".csv";
    const auto r = runLrscope(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject test =
        readJson(dir_.filePath("mpl.json")).value("summary").toObject().value("test").toObject();
    QVERIFY2(test.value("mae").toDouble() < 0.00435,
             r.out.constData());  // the reference's 100M MAE
    QVERIFY(test.value("rmse").toDouble() < 0.00592);
    QVERIFY(test.value("r2").toDouble() >= 0.9983 - 5e-5);
    // The report says what the prior was: its centre (the reference's initial point: C, beta,
    // gamma = 1, .5, .5) and its strengths (kappa 8 on B, C, beta, gamma, none on L0, A, alpha).
    const QJsonObject objective = readJson(dir_.filePath("mpl.json")).value("objective").toObject();
    const QJsonObject centre = objective.value("prior_centre").toObject();
    QCOMPARE(centre.value("C").toDouble(), 1.0);
    QCOMPARE(centre.value("beta").toDouble(), 0.5);
    QVERIFY(centre.value("B").toDouble() > 100);
    QCOMPARE(objective.value("prior_strengths").toObject().value("gamma").toDouble(), 8.0);
    QCOMPARE(objective.value("prior_strengths").toObject().value("L0").toDouble(), 0.0);
    QVERIFY(objective.value("residual_scale").toDouble() > 0);
    for (const QJsonValue& run : readJson(dir_.filePath("mpl.json")).value("runs").toArray())
      QVERIFY(run.toObject().value("band_coverage").toDouble() > 0);
    QVERIFY(r.out.contains("in band"));

    // --method reference: the reference code's procedure lands on the published parameters.
    args << "--method"
         << "reference";
    const auto ref = runLrscope(args);
    QVERIFY2(ref.exitCode == 0, ref.err.constData());
    const QJsonObject report = readJson(dir_.filePath("mpl.json"));
    QCOMPARE(report.value("method").toString(), QStringLiteral("reference"));
    QVERIFY(report.value("objective").toObject().value("prior_centre").isNull());  // no prior
    const QJsonObject p = report.value("parameters").toObject();
    QVERIFY(closeTo(p.value("L0").toObject().value("value").toDouble(), 2.6514477, 2e-5));
    QVERIFY(closeTo(p.value("B").toObject().value("value").toDouble(), 437.9464276, 2e-5));
    QVERIFY(ref.out.contains("AdamW"));
    args << "--single-start";
    const auto single = runLrscope(args);
    QCOMPARE(single.exitCode, 1);
    QVERIFY2(single.err.contains("single start"), single.err.constData());
  }

 private:
  QTemporaryDir dir_;
  QString constant_, cosine_, twoStage_;
};

QTEST_GUILESS_MAIN(TestCliFit)
#include "test_cli_fit.moc"
