#pragma once
// Progress reporting and cancellation for long core calls (load, fit, optimise). Every long call
// takes a Progress; it is safe to call from any thread. The GUI wraps a QPromise around it.
#include <atomic>
#include <functional>

namespace lrscope {

class CancelToken {
 public:
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool isCancelled() const { return cancelled_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> cancelled_{false};
};

struct Progress {
  // Called with a fraction in [0, 1]; may be empty.
  std::function<void(double)> report;
  const CancelToken* cancel = nullptr;

  void operator()(double fraction) const {
    if (report) report(fraction);
  }
  bool cancelled() const { return cancel && cancel->isCancelled(); }
};

}  // namespace lrscope
