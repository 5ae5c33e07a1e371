// The small public vocabulary shared by the API and the core: the output formats and a diagnostic.
// Internal code includes this, not the whole API (broadsheet.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <utility>

namespace broadsheet {

// The output formats. Their names, and which of them a build carries, are listed once, in
// src/render/formats.cpp (parse_format and the JS layer read them from there).
enum class Format : std::uint8_t { Html, Json, Email, Text };

// A position in the source file: 1-based line, 1-based column counted in Unicode code points.
// Line 0 means "no position" (e.g. an input-size error).
struct Diagnostic {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
  std::string rule;    // the lint rule that reported it ("image-alt", …); empty for parse warnings
  bool hint = false;   // a suggestion (an unknown front-matter key) rather than a likely mistake

  Diagnostic() = default;
  Diagnostic(std::uint32_t line_, std::uint32_t column_, std::string message_, std::string rule_ = {}, bool hint_ = false)
      : line(line_), column(column_), message(std::move(message_)), rule(std::move(rule_)), hint(hint_) {}
};

}  // namespace broadsheet
