// Small text helpers shared by the unit tests: file reading, visible text of rendered HTML, word lists.
#pragma once

#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "broadsheet/broadsheet.hpp"

namespace test_helpers {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string example(const std::string& name) {
  return read_file(std::string(BROADSHEET_SOURCE_DIR) + "/examples/" + name);
}

inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

inline std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

inline bool has_warning(const broadsheet::Result& result, std::string_view fragment) {
  for (const auto& w : result.warnings)
    if (contains(w.message, fragment)) return true;
  return false;
}

// Decodes the references a renderer writes (&amp; &lt; &gt; &quot; &#39; and numeric ones below 0x80).
inline std::string decode_basic_entities(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    std::size_t semi = s.find(';', i);
    std::string_view name = semi == std::string_view::npos ? std::string_view{} : s.substr(i + 1, semi - i - 1);
    if (name == "amp") out.push_back('&');
    else if (name == "lt") out.push_back('<');
    else if (name == "gt") out.push_back('>');
    else if (name == "quot") out.push_back('"');
    else if (name == "#39") out.push_back('\'');
    else {
      out.push_back('&');
      continue;
    }
    i = semi;
  }
  return out;
}

// The text a reader gets from rendered HTML: tags removed (alt attribute values kept in place, since
// they are the image's text), entities decoded.
inline std::string visible_text(std::string_view html) {
  std::string out;
  std::size_t i = 0;
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) lt = html.size();
    out += decode_basic_entities(html.substr(i, lt - i));
    if (lt == html.size()) break;
    std::size_t gt = html.find('>', lt);
    if (gt == std::string_view::npos) gt = html.size();
    std::string_view tag = html.substr(lt, gt - lt);
    std::size_t alt = tag.find(" alt=\"");
    if (alt != std::string_view::npos) {
      std::size_t start = alt + 6, end = tag.find('"', start);
      out += ' ';
      out += decode_basic_entities(tag.substr(start, end - start));
    }
    out += ' ';
    i = gt + 1;
  }
  return out;
}

// Words: maximal runs of ASCII letters and digits and of non-ASCII bytes (so "駅ナカ" and "€2" are words).
inline std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    bool part = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
    if (part) {
      word.push_back(c);
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

}  // namespace test_helpers
