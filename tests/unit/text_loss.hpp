// "No text lost": the words of an issue's body that a rendering must show, and the check that finds
// the ones it does not. Shared by the HTML, email and text tests.
#pragma once

#include <regex>
#include <string>
#include <vector>

#include "test_helpers.hpp"

namespace text_loss {

// The words a reader should find of the body: the source after the front matter, without the syntax
// that is not text (link destinations, directive names and attribute blocks, alert and task markers,
// ordered-list numbers, code fence info strings, {.button}).
inline std::vector<std::string> body_words(const std::string& source) {
  std::string body = source;
  if (body.rfind("---\n", 0) == 0) body = body.substr(body.find("\n---\n", 3) + 5);
  static const std::regex directive(R"(^\s*:{3,}\s*([A-Za-z][\w-]*)?\s*(.*?)\s*(\{.*\})?\s*$)");
  static const std::regex destination(R"(\]\([^)]*\))"), alert(R"(\[![A-Za-z]+\])"), button(R"(\{\.button\})");
  static const std::regex task(R"(^(\s*[-*+]\s+)\[[ xX]\])"), ordered(R"(^(\s*)\d+[.)](\s))");
  static const std::regex fence(R"(^(\s*(```|~~~)).*$)");
  std::string text;
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string line = body.substr(start, end - start);
    std::smatch m;
    if (std::regex_match(line, m, directive)) line = m[2].str();  // the title only
    line = std::regex_replace(line, destination, "]");
    line = std::regex_replace(line, alert, "");
    line = std::regex_replace(line, button, "");
    line = std::regex_replace(line, task, "$1");
    line = std::regex_replace(line, ordered, "$1$2");
    line = std::regex_replace(line, fence, "$1");
    text += line + "\n";
    start = end + 1;
  }
  return test_helpers::words(text);
}

// The words of `expected` not found, in order, in `got` (empty: nothing lost).
inline std::vector<std::string> missing_in(const std::vector<std::string>& expected, const std::vector<std::string>& got) {
  std::vector<std::string> missing;
  std::size_t j = 0;
  for (const std::string& word : expected) {
    std::size_t k = j;
    while (k < got.size() && got[k] != word) ++k;
    if (k == got.size()) missing.push_back(word);
    else j = k + 1;
  }
  return missing;
}

// The body's words missing from the visible text of an HTML rendering.
inline std::vector<std::string> missing_words(const std::string& source, const std::string& html) {
  return missing_in(body_words(source), test_helpers::words(test_helpers::visible_text(html)));
}

// The body's words missing from a plain-text rendering.
inline std::vector<std::string> missing_words_in_text(const std::string& source, const std::string& text) {
  return missing_in(body_words(source), test_helpers::words(text));
}

}  // namespace text_loss
