#pragma once
// Exports of a schedule for training code. All three print the same numbers LRScope samples:
//   CSV      "step,lr" rows, shortest round-trip decimals, every K-th step (and always the last);
//   PyTorch  a function lrscope_lr(step) in plain Python plus make_scheduler(optimizer) returning
//            torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: lrscope_lr(s) / PEAK_LR);
//            create the optimizer with lr=PEAK_LR;
//   optax    lrscope_schedule(count) in jax.numpy (jit-traceable), for
//   optax.adamw(learning_rate=...).
// Both snippets follow the libraries' convention that update k+1 uses the value at count k
// (docs/laws-and-schedules.md §8), which is LRScope's lr[k].
#include <QByteArray>
#include <QString>
#include <cstdint>

#include "common/number_format.h"
#include "schedule/schedule.h"

namespace lrscope {

QByteArray scheduleToCsv(const Schedule& schedule, std::int64_t every = 1);
QString scheduleToPyTorch(const Schedule& schedule);
QString scheduleToOptax(const Schedule& schedule);

}  // namespace lrscope
