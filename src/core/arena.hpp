// Stable storage for strings the parser creates (decoded entities, URLs, slugs): the model keeps
// string_views, and these must outlive the parse without one heap allocation per string.
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace broadsheet {

class Arena {
 public:
  std::string_view store(std::string_view text) {
    if (text.empty()) return {};
    char* out = allocate(text.size());
    std::memcpy(out, text.data(), text.size());
    return {out, text.size()};
  }

 private:
  char* allocate(std::size_t size) {
    if (size > left_) {
      std::size_t chunk = size > kChunk ? size : kChunk;
      chunks_.emplace_back(new char[chunk]);  // not make_unique: that zero-fills the whole chunk
      next_ = chunks_.back().get();
      left_ = chunk;
    }
    char* out = next_;
    next_ += size;
    left_ -= size;
    return out;
  }

  static constexpr std::size_t kChunk = 16 * 1024;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

}  // namespace broadsheet
