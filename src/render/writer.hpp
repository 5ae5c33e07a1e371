// The output buffer with table-driven escaping: runs of safe bytes are appended at once, only the bytes
// that need it are replaced. Every renderer writes through this.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace broadsheet {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void raw(std::string_view s) { out_.append(s); }
  void raw(char c) { out_.push_back(c); }
  // Text and attribute values: & < > " escaped.
  void text(std::string_view s);
  // URLs in attributes, as md4c-html writes them: bytes outside the URL-safe set become %XX, & is &amp;.
  void url(std::string_view s);
  std::string& out() { return out_; }

  // Hands the output written so far to `pieces` once it reaches kPieceBytes (see Options::output_pieces).
  // Renderers call maybe_hand_over() between blocks; nothing may look back at what was written before.
  static constexpr std::size_t kPieceBytes = 64 * 1024;
  void hand_over_to(const std::function<void(std::string_view)>& pieces) {
    if (pieces) pieces_ = &pieces;
  }
  void maybe_hand_over() {
    if (pieces_ && out_.size() >= kPieceBytes) {
      (*pieces_)(out_);
      out_.clear();
    }
  }

 private:
  std::string& out_;
  const std::function<void(std::string_view)>* pieces_ = nullptr;
};

}  // namespace broadsheet
