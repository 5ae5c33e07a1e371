// The output budget of the render in progress: every output stays within a multiple of its input
// (default 16 × the input + 1 MiB; Options::max_output_bytes to set it). The writers check it as they
// grow (render/writer.cpp, append_json, the text renderer's blocks); over it they stop growing, the
// budget records it, and the render ends with an error instead of an output that could fill memory.
#pragma once

#include <cstddef>
#include <limits>

namespace broadsheet {

struct OutputBudget {
  std::size_t limit = std::numeric_limits<std::size_t>::max();
  bool exceeded = false;

  // Whether `bytes` of output are over the limit (and remembers that they were).
  bool over(std::size_t bytes) {
    if (bytes > limit) exceeded = true;
    return exceeded;
  }

  static constexpr std::size_t kPerInputByte = 16;
  static constexpr std::size_t kBase = 1024 * 1024;
  static std::size_t default_limit(std::size_t input_bytes) { return kPerInputByte * input_bytes + kBase; }
};

// The budget of the render running on this thread (unlimited outside a render).
inline OutputBudget& output_budget() {
  thread_local OutputBudget budget;
  return budget;
}

// Sets the budget for one render and lifts it again when the render ends.
class ScopedOutputBudget {
 public:
  explicit ScopedOutputBudget(std::size_t limit) : saved_(output_budget()) { output_budget() = {limit, false}; }
  ~ScopedOutputBudget() { output_budget() = saved_; }
  ScopedOutputBudget(const ScopedOutputBudget&) = delete;
  ScopedOutputBudget& operator=(const ScopedOutputBudget&) = delete;

 private:
  OutputBudget saved_;
};

}  // namespace broadsheet
