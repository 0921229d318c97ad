#include "io/text_log_patterns.h"

namespace lrscope {

namespace {

QRegularExpression regex(const QString& pattern) {
  QRegularExpression re(QString(pattern).replace(QStringLiteral("NUM"), QLatin1String(kLogNumber)));
  re.optimize();
  return re;
}

}  // namespace

const std::vector<TextLogPattern>& textLogPatterns() {
  static const std::vector<TextLogPattern> patterns = {
      {QStringLiteral("nanogpt-iter"),
       QStringLiteral("iter 100: loss 4.2345, time 30.12ms, mfu 12.34%"),
       regex(QStringLiteral(R"(^iter (?<step>\d+): loss (?<loss>NUM))")),
       {{QStringLiteral("loss"), QStringLiteral("loss")}},
       {},
       {}},
      {QStringLiteral("nanogpt-eval"),
       QStringLiteral("step 500: train loss 3.9000, val loss 3.9500"),
       regex(
           QStringLiteral(R"(^step (?<step>\d+): train loss (?<train>NUM), val loss (?<val>NUM))")),
       {{QStringLiteral("train"), QStringLiteral("eval/train_loss")},
        {QStringLiteral("val"), QStringLiteral("val/loss")}},
       {},
       {}},
      {QStringLiteral("megatron"),
       QStringLiteral(
           " [2024-05-01 10:00:00] iteration      100/    1000 | consumed samples:        51200 | "
           "elapsed time per iteration (ms): 812.3 | learning rate: 3.000000E-04 | global batch "
           "size:   512 | lm loss: 7.123456E+00 | loss scale: 1.0 | grad norm: 1.234 | number of "
           "skipped iterations:   0 | number of nan iterations:   0 |"),
       regex(QStringLiteral(R"(\biteration\s+(?<step>\d+)\s*/\s*\d+\s*\|)")),
       {},
       regex(QStringLiteral(
           R"(\|\s*(?<key>[A-Za-z][A-Za-z0-9 _()./-]*?)\s*:\s*(?<value>NUM)\s*(?=\||$))")),
       {}},
      {QStringLiteral("megatron-validation"),
       QStringLiteral(" validation loss at iteration 1000 | lm loss value: 6.543210E+00 | lm loss "
                      "PPL: 6.9E+02 |"),
       regex(QStringLiteral(
           R"(validation loss at iteration\s+(?<step>\d+)[^|]*\|\s*lm loss value:\s*(?<val>NUM))")),
       {{QStringLiteral("val"), QStringLiteral("val/loss")}},
       {},
       {}},
      {QStringLiteral("torchtitan"),
       QStringLiteral("step:  1  loss: 12.2363  grad_norm:  4.1049  memory: 21.50GiB(22.63%)  tps: "
                      "1,234  mfu: 3.95%"),
       regex(QStringLiteral(R"(\bstep:\s*(?<step>\d+)\s+loss:\s*NUM)")),
       {},
       regex(QStringLiteral(R"(\b(?<key>loss|grad_norm|lr):\s*(?<value>NUM)(?=\s|$))")),
       {}},
      {QStringLiteral("hf-console"),
       QStringLiteral("{'loss': 2.3456, 'grad_norm': 1.9, 'learning_rate': 5e-05, 'epoch': 0.5}"),
       regex(QStringLiteral(R"(^\s*\{'\w+': NUM)")),
       {},
       regex(QStringLiteral(R"('(?<key>\w+)':\s*(?<value>NUM))")),
       QStringLiteral("'train_runtime'")},
  };
  return patterns;
}

}  // namespace lrscope
