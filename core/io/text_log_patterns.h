#pragma once
// The regex patterns that read plain-text training logs (console output). ANSI colour codes are
// removed first. A line matching a pattern's `line` gives a point per value group (and per
// key/value pair found by `pairs`), at the step in the group `step`; without a step group the
// count of matching lines so far is the step. The presets (docs/log-formats.md):
//   nanogpt-iter        iter 100: loss 4.2345, time 30.12ms, mfu 12.34%
//   nanogpt-eval        step 500: train loss 3.9000, val loss 3.9500
//   megatron            [2024-05-01 10:00:00] iteration      100/    1000 | consumed samples: ...
//                       | learning rate: 3.000000E-04 | ... | lm loss: 7.123456E+00 | ...
//                       (every `key: number |` pair; "learning rate" -> lr, "lm loss" -> loss,
//                       "grad norm" -> grad_norm)
//   megatron-validation  validation loss at iteration 1000 | lm loss value: 6.5E+00 | ...
//   torchtitan          step:  1  loss: 12.2363  grad_norm:  4.1049  memory: ...
//   hf-console          {'loss': 2.3456, 'grad_norm': 1.9, 'learning_rate': 5e-05, 'epoch': 0.5}
//                       (no step in these lines: the n-th dict, from 1, is step n; the final
//                       train_runtime summary is left out)
#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <vector>

namespace lrscope {

struct TextLogPattern {
  QString name;
  QString example;                 // a line it reads (tests check each preset on its example)
  QRegularExpression line;         // must match; named groups `step` and value groups
  QHash<QString, QString> values;  // value group -> series name
  QRegularExpression pairs;        // optional: repeated pairs with groups `key` and `value`
  QString skipIf;                  // lines containing this are not points ("train_runtime")
};

const std::vector<TextLogPattern>& textLogPatterns();

// A number as these logs print it: 4.2345, 3.000000E-04, 1e-05, nan, inf, -Infinity.
inline constexpr const char* kLogNumber =
    R"([-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[Nn]a[Nn]|[Ii]nf(?:inity)?))";

}  // namespace lrscope
