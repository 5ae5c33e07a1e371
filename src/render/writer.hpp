// The output buffer with table-driven escaping: runs of safe bytes are appended at once, only the bytes
// that need it are replaced. Every renderer writes through this. The string is complete when the Writer
// is destroyed. It keeps to the render's output budget (core/output_budget.hpp): past it, what is
// written goes over the same bytes again instead of growing the string, and the render fails.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

namespace broadsheet {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  ~Writer() { close(); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Bytes as they are. Written straight into the string's spare capacity: a tag's fixed bytes become a
  // few stores instead of a call to std::string::append (8% of a web render in wasm, where the
  // bulk-memory copy behind it costs the most for the shortest strings).
  void raw(std::string_view s) {
    if (s.size() > static_cast<std::size_t>(end_ - cur_)) make_room(s.size());
    if (!s.empty()) std::memcpy(cur_, s.data(), s.size());
    cur_ += s.size();
  }
  void raw(char c) {
    if (cur_ == end_) make_room(1);
    *cur_++ = c;
  }
  // Text and attribute values: & < > " escaped.
  void text(std::string_view s);
  // URLs in attributes, as md4c-html writes them: bytes outside the URL-safe set become %XX, & is &amp;.
  void url(std::string_view s);

  // Hands the output written so far to `pieces` once it reaches kPieceBytes (see Options::output_pieces).
  // Renderers call maybe_hand_over() between blocks; nothing may look back at what was written before.
  static constexpr std::size_t kPieceBytes = 64 * 1024;
  void hand_over_to(const std::function<void(std::string_view)>& pieces) {
    if (pieces) pieces_ = &pieces;
  }
  void maybe_hand_over() {
    if (pieces_ && length() >= kPieceBytes) {
      handed_ += length();
      (*pieces_)(std::string_view(out_.data(), length()));
      if (cur_) cur_ = out_.data();
      else out_.clear();
    }
  }

 private:
  // Before the first write (cur_ and end_ null) and after close(), out_ holds exactly what was written;
  // in between, out_'s size is its whole capacity and [cur_, end_) is the room left.
  std::size_t length() const { return cur_ ? static_cast<std::size_t>(cur_ - out_.data()) : out_.size(); }
  void make_room(std::size_t bytes);
  void close() {
    if (cur_) out_.resize(length());
    cur_ = end_ = nullptr;
  }

  std::string& out_;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  const std::function<void(std::string_view)>* pieces_ = nullptr;
  std::size_t handed_ = 0;  // bytes handed over in pieces, counted against the output budget
};

}  // namespace broadsheet
