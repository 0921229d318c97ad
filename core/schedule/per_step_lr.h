#pragma once
// PerStepLr: the learning rate of every optimizer update, lr[n] for n = 0 .. size()-1, where lr[n]
// is the LR of the (n+1)-th update (docs/laws-and-schedules.md §0: papers' eta_t = lr[t-1]).
// It carries, computed once and shared by every law evaluation:
//   prefix[k] = sum_{n<k} lr[n]            (prefix[0] = 0)
//   suffix[k] = sum_{n>=k} lr[n]           (suffix[size] = 0), accumulated from the end
// Tail sums must come from `suffix`, never from total - prefix: when the tail is tiny (cosine to 0)
// the difference loses every digit. Both arrays are accumulated with Neumaier compensation.
#include <cstdint>
#include <vector>

namespace lrscope {

class PerStepLr {
 public:
  PerStepLr() = default;
  explicit PerStepLr(std::vector<double> lr);

  std::int64_t size() const { return static_cast<std::int64_t>(lr_.size()); }
  bool empty() const { return lr_.empty(); }
  double operator[](std::int64_t n) const { return lr_[static_cast<std::size_t>(n)]; }
  const std::vector<double>& values() const { return lr_; }

  // sum_{n=first}^{last} lr[n], both ends included; 0 when last < first.
  double sum(std::int64_t first, std::int64_t last) const;
  // sum_{n<k} lr[n].
  double prefix(std::int64_t k) const { return prefix_[static_cast<std::size_t>(k)]; }
  // sum_{n>=k} lr[n], accumulated from the end (accurate for tiny tails).
  double suffix(std::int64_t k) const { return suffix_[static_cast<std::size_t>(k)]; }
  const std::vector<double>& prefixSums() const { return prefix_; }
  const std::vector<double>& suffixSums() const { return suffix_; }

 private:
  std::vector<double> lr_;
  std::vector<double> prefix_;
  std::vector<double> suffix_;
};

}  // namespace lrscope
