// The footnote pre-pass: `[^label]` references and `[^label]: text` definitions, which md4c 0.5 does not
// know. It runs on the Markdown body before md4c (like the directive pass) and rewrites it in place,
// byte for byte the same length, so every offset and every line:column stays the source's:
//
//  - a definition (a line `[^label]: text` indented at most 3 spaces, its continuation lines indented 4
//    spaces or more, blank lines between them, and lazy continuation lines of its last paragraph) is
//    blanked to spaces (newlines kept) and handed back as its own Markdown body, de-indented, to be parsed
//    as a sub-document;
//  - a reference to a defined label is overwritten by an entity-shaped token `&fnn…;` of the same length,
//    which md4c reports as one MD_TEXT_ENTITY whose address is the reference's: the adapter recognises
//    the reference by that address, never by its text. An entity keeps the flanking of the brackets it
//    replaces (both are punctuation), so `**bold**[^1]` parses as before;
//  - code fences, indented code, code spans, autolinks, inline links' destinations and `:::` directive
//    lines keep their text; a backslash-escaped `\[^x]` is not a reference.
//
// Notes are numbered in order of first reference: references in the body first, in source order, then
// references made inside notes (in note order). A reference to an undefined label stays text (warning);
// an unused or duplicate definition is dropped (warning). Labels are case-insensitive (ASCII) and hold
// no whitespace; labels longer than 47 bytes do not fit the token and stay text (warning).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

struct FootnoteWarning {
  std::uint32_t offset;  // into the scanned text (add the caller's base for the original input)
  std::string message;
};

struct Footnote {
  std::string label;            // as written in the definition
  std::uint32_t number = 0;     // 1-based, in order of first reference; 0 when unused
  std::uint32_t offset = 0;     // of the definition's `[` in the scanned text
  std::uint32_t references = 0; // how many references point here
  // The note's Markdown, de-indented, with its own references already tokenised; parse it as a document.
  std::string body;
  // For each line of `body`: the offset in `body` where it starts, and the scanned-text offset it came
  // from (so positions inside the note map back to the source).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> body_lines;
};

struct FootnoteReference {
  std::int32_t container;   // -1: the scanned text; otherwise the index (into notes) of the note body
  std::uint32_t offset;     // of the token in that text
  std::uint32_t length;     // of the token (= of `[^label]`)
  std::uint32_t note;       // index into FootnotePass::notes
  std::uint32_t ordinal;    // 1 for the first reference to that note, 2 for the second... (back-link ids)
};

struct FootnotePass {
  bool changed = false;                     // whether `text` was rewritten (and notes found)
  std::vector<Footnote> notes;              // used notes in number order, then unused ones (number 0)
  std::vector<FootnoteReference> references;  // in scanned-text order, then per note body
  std::vector<FootnoteWarning> warnings;    // sorted by offset
};

// Whether `text` may hold a footnote at all ("[^" somewhere): most issues have none.
bool may_have_footnotes(std::string_view text);

// Scans `text` (a Markdown body, front matter already cut off) and rewrites `writable` (the same bytes,
// writable; may be text's own memory) as described above. `writable` must hold text.size() bytes.
FootnotePass find_footnotes(std::string_view text, char* writable);

// The token md4c sees for a reference of `length` bytes (4..50): "&fn;", "&fnn;", ...
std::string footnote_token(std::size_t length);

}  // namespace broadsheet
