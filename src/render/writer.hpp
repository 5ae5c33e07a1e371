// The output buffer with table-driven escaping: runs of safe bytes are appended at once, only the bytes
// that need it are replaced. Every renderer writes through this.
#pragma once

#include <array>
#include <cstdint>
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

 private:
  std::string& out_;
};

}  // namespace broadsheet
