// md4c's limits (MD4C_MAX_MARKS and the block bytes, set by cmake/ThirdParty.cmake for the patches in
// tools/patches/md4c/) and what a failed md_parse means: kept beside the adapter, the one other file that
// knows md4c, because it copies how md4c counts.
#include "core/md4c_adapter.hpp"

#include <string>

#include "core/line_scanner.hpp"

namespace broadsheet {

namespace {

// How many marks md4c may make of one character, at most (md_collect_marks: a '[' is an opener and two
// dummies; a '*' or '_' run, a '<', a permissive autolink's '@', ':' or '.' are one and a dummy or a closer).
int max_marks_of(char c) {
  switch (c) {
    case '[': return 3;
    case '*': case '_': case '<': case '@': case ':': case '.': return 2;
    case ']': case '`': case '&': case ';': case '\\': case '|': case '~': case '$': return 1;
    default: return 0;
  }
}

}  // namespace

// md4c fails a block whose inline marks pass MD4C_MAX_MARKS (tools/patches/md4c/0003-max-marks.patch), a
// document whose blocks and lines pass MD4C_BLOCK_BYTES_PER_INPUT_BYTE (0004), or when memory runs out.
// The block is found again here: the first paragraph (a run of non-blank lines) whose characters may
// make that many marks.
Diagnostic parse_failure(std::string_view text, const Document& doc) {
  constexpr std::size_t kNoStart = std::string_view::npos;
  std::size_t start = kNoStart, marks = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      std::size_t next = i + 1;
      while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
      if (next >= text.size() || text[next] == '\n' || text[next] == '\r') marks = 0, start = kNoStart;  // blank
      continue;
    }
    if (start == kNoStart) {
      if (c == ' ' || c == '\t' || c == '\r') continue;
      start = i;  // the paragraph's first character
    }
    marks += static_cast<std::size_t>(max_marks_of(c));
    if (marks >= MD4C_MAX_MARKS) {
      auto [line, column] = doc.source.position(doc.source.to_original(text.data() + start));
      return {line, column,
              "this paragraph needs more than the parser's limit of " + std::to_string(MD4C_MAX_MARKS) +
                  " inline marks (a link or an image takes four, an emphasis one or two), which keeps its "
                  "memory bounded: split it into paragraphs"};
    }
  }
  // Otherwise md4c's list of every block and line (patch 0004) may have passed its bound: each non-blank
  // line costs it at most 24 bytes (a line and a block).
  std::size_t lines = 0;
  Line line;
  for (LineCursor cursor(text); cursor.next(line);)
    if (!is_blank(text.substr(line.begin, line.newline - line.begin))) ++lines;
  if (lines * 24 > text.size() * MD4C_BLOCK_BYTES_PER_INPUT_BYTE + MD4C_BLOCK_BYTES_BASE)
    return {0, 0, "the Markdown has more lines and blocks than the parser's limit for an input of this size (" +
                      std::to_string(MD4C_BLOCK_BYTES_PER_INPUT_BYTE) +
                      " bytes of them per input byte and 1 MiB; lines of one or two characters pass it), which "
                      "keeps its memory bounded"};
  return {0, 0, "the Markdown parser ran out of memory"};
}

}  // namespace broadsheet
