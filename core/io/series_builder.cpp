#include "io/series_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace lrscope {

namespace {

constexpr int kRestartsShown = 5;

bool sameValue(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

void countNonFinite(const Series& s, const QString& source, QStringList& warnings) {
  std::int64_t nan = 0, inf = 0, first = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (std::isfinite(s.values[i])) continue;
    if (nan + inf == 0) first = s.steps[i];
    (std::isnan(s.values[i]) ? nan : inf)++;
  }
  if (nan + inf == 0) return;
  warnings << QStringLiteral(
                  "%1: series '%2': NaN/inf values kept as gaps: %3 NaN, %4 inf (first at step %5)")
                  .arg(source, s.name)
                  .arg(nan)
                  .arg(inf)
                  .arg(first);
}

// Large arrays filled once: ask Linux for transparent huge pages, so filling 8 MB faults 4 times
// instead of 2048 (page faults dominate the system time of a big load). The array's start is not
// 2 MiB aligned, so up to 2 MiB before the first huge page is ordinary pages: map those in one
// call (MADV_POPULATE_WRITE, Linux 5.14+; older kernels ignore it) instead of ~500 faults.
void adviseHugePages(void* data, std::size_t bytes) {
#ifdef __linux__
  constexpr std::uintptr_t kHuge = std::uintptr_t(2) << 20;
  static const auto kPage = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const auto begin = (start + kHuge - 1) & ~(kHuge - 1);
  const auto end = (start + bytes) & ~(kHuge - 1);
  if (end <= begin) return;
  madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_WRITE
  const auto firstPage = (start + kPage - 1) & ~(kPage - 1);
  if (begin > firstPage)
    madvise(reinterpret_cast<void*>(firstPage), begin - firstPage, MADV_POPULATE_WRITE);
#endif
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace

int RunBuilder::series(const QString& name, const QString& key) {
  const auto it = index_.constFind(name);
  if (it != index_.cend()) return it.value();
  const int i = static_cast<int>(pending_.size());
  Pending& p = pending_.emplace_back();
  p.name = name;
  if (key != name) p.key = key;
  index_.insert(name, i);
  return i;
}

void RunBuilder::add(int series, std::int64_t step, double value, double wallTime) {
  Pending& p = pending_[static_cast<std::size_t>(series)];
  const bool timed = !p.wallTime.empty() || !std::isnan(wallTime);
  if (p.wallTime.empty() && timed) p.wallTime.assign(p.steps.size(), kNoTime);
  p.ordered = p.ordered && (p.steps.empty() || step > p.steps.back());
  p.nonFinite += !std::isfinite(value);
  p.steps.push_back(step);
  p.values.push_back(value);
  if (timed) p.wallTime.push_back(wallTime);
}

void RunBuilder::reserve(int series, std::size_t points) {
  Pending& p = pending_[static_cast<std::size_t>(series)];
  p.steps.reserve(points);
  p.values.reserve(points);
  adviseHugePages(p.steps.data(), p.steps.capacity() * sizeof(std::int64_t));
  adviseHugePages(p.values.data(), p.values.capacity() * sizeof(double));
}

void RunBuilder::append(RunBuilder& later, int part, int parts) {
  for (std::size_t i = static_cast<std::size_t>(part); i < later.pending_.size();
       i += static_cast<std::size_t>(parts)) {
    Pending& from = later.pending_[i];
    Pending& to = pending_[i];
    Q_ASSERT(to.name == from.name);
    const std::size_t before = to.steps.size();
    to.ordered = to.ordered && from.ordered &&
                 (to.steps.empty() || from.steps.empty() || from.steps.front() > to.steps.back());
    to.nonFinite += from.nonFinite;
    to.steps.insert(to.steps.end(), from.steps.begin(), from.steps.end());
    to.values.insert(to.values.end(), from.values.begin(), from.values.end());
    if (!to.wallTime.empty() || !from.wallTime.empty()) {
      to.wallTime.resize(before, kNoTime);
      if (from.wallTime.empty())
        to.wallTime.resize(to.steps.size(), kNoTime);
      else
        to.wallTime.insert(to.wallTime.end(), from.wallTime.begin(), from.wallTime.end());
    }
    from = Pending();
  }
}

Run RunBuilder::finish(const QString& name, const QString& source, const QString& format) {
  Run run;
  run.name = name;
  run.source = source;
  run.format = format;
  for (Pending& p : pending_) {
    if (p.steps.empty()) continue;
    Series s;
    if (p.ordered && p.nonFinite == 0) {  // the common case: as logged
      s.name = p.name;
      s.steps = std::move(p.steps);
      s.values = std::move(p.values);
      s.wallTime = std::move(p.wallTime);
    } else {
      s = resolveSeries(p.name, std::move(p.steps), std::move(p.values), std::move(p.wallTime),
                        source, run.warnings);
    }
    s.key = p.key;
    run.series.push_back(std::move(s));
  }
  pending_.clear();
  index_.clear();
  return run;
}

Series resolveSeries(QString name, std::vector<std::int64_t> steps, std::vector<double> values,
                     std::vector<double> wallTime, const QString& source, QStringList& warnings) {
  Series s;
  s.name = std::move(name);
  const bool timed = !wallTime.empty();
  if (std::adjacent_find(steps.begin(), steps.end(), std::greater_equal<>()) == steps.end()) {
    s.steps = std::move(steps);
    s.values = std::move(values);
    s.wallTime = std::move(wallTime);
    countNonFinite(s, source, warnings);
    return s;
  }
  const QString prefix = QStringLiteral("%1: series '%2': ").arg(source, s.name);
  std::int64_t duplicates = 0, firstDuplicate = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::int64_t step = steps[i];
    if (!s.steps.empty() && step <= s.steps.back()) {
      if (step == s.steps.back()) {
        if (sameValue(values[i], s.values.back())) continue;
        if (duplicates++ == 0) firstDuplicate = step;
        s.values.back() = values[i];
        if (timed) s.wallTime.back() = wallTime[i];
        ++s.replacedPoints;
        continue;
      }
      const auto at = std::lower_bound(s.steps.begin(), s.steps.end(), step) - s.steps.begin();
      const auto removed = static_cast<std::int64_t>(s.steps.size()) - at;
      if (++s.restarts <= kRestartsShown)
        warnings << prefix + QStringLiteral(
                                 "step went back from %1 to %2 (a restart); the %3 "
                                 "earlier points at steps >= %2 were replaced by the "
                                 "later ones")
                                 .arg(s.steps.back())
                                 .arg(step)
                                 .arg(removed);
      s.steps.resize(static_cast<std::size_t>(at));
      s.values.resize(static_cast<std::size_t>(at));
      if (timed) s.wallTime.resize(static_cast<std::size_t>(at));
      s.replacedPoints += removed;
    }
    s.steps.push_back(step);
    s.values.push_back(values[i]);
    if (timed) s.wallTime.push_back(wallTime[i]);
  }
  if (s.restarts > kRestartsShown)
    warnings << prefix + QStringLiteral("... %1 restarts in all").arg(s.restarts);
  if (duplicates > 0)
    warnings << prefix + QStringLiteral(
                             "%1 repeated steps with a different value (first at step "
                             "%2); the later value kept")
                             .arg(duplicates)
                             .arg(firstDuplicate);
  countNonFinite(s, source, warnings);
  return s;
}

}  // namespace lrscope
