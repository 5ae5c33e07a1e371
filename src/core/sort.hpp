// Sorting through one instantiation of std::stable_sort. Each instantiation of a standard sort is 3 to
// 4 KB of wasm code, and a render sorts six kinds of things (warnings, front-matter keys, JSON members,
// footnote warnings and tokens, detached texts): they share this one. Callers order indices with a
// comparison that is a plain function of two indices.
#pragma once

#include <cstdint>
#include <numeric>
#include <span>
#include <utility>
#include <vector>

namespace broadsheet {

using IndexLess = bool (*)(const void* context, std::uint32_t a, std::uint32_t b);

// Sorts `indices` stably by `less(context, a, b)`.
void stable_sort_indices(std::span<std::uint32_t> indices, IndexLess less, const void* context);

// Sorts `items` stably by `less(a, b)`, a comparison of two items; each item is moved once.
template <typename T, typename Less>
void stable_sort_items(std::vector<T>& items, Less less) {
  if (items.size() < 2) return;
  struct Context {
    const std::vector<T>* items;
    const Less* less;
  } context{&items, &less};
  std::vector<std::uint32_t> order(items.size());
  std::iota(order.begin(), order.end(), 0u);
  stable_sort_indices(
      order,
      [](const void* raw, std::uint32_t a, std::uint32_t b) {
        const auto* c = static_cast<const Context*>(raw);
        return (*c->less)((*c->items)[a], (*c->items)[b]);
      },
      &context);
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (std::uint32_t i : order) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

}  // namespace broadsheet
