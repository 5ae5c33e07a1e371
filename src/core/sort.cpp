#include "core/sort.hpp"

#include <algorithm>

namespace broadsheet {

void stable_sort_indices(std::span<std::uint32_t> indices, IndexLess less, const void* context) {
  std::stable_sort(indices.begin(), indices.end(),
                   [less, context](std::uint32_t a, std::uint32_t b) { return less(context, a, b); });
}

}  // namespace broadsheet
