// The line pre-pass: finds container directives (`::: name title {attrs}` … `:::`) outside code fences
// and turns them into something md4c parses as a block of its own: each directive line is overwritten by
// an ATX heading marker `# D` (padded with spaces, so offsets do not move) that the adapter recognises by
// its address, never by its text. An unclosed directive is closed just before the next top-level `#`/`##`
// heading (or the end) by an inserted marker line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/stage.hpp"

namespace broadsheet {

// The one table of directive kinds: what each kind is, whatever the format. Renderers read these facts
// (through render/view.hpp) and decide only their markup.
struct DirectiveKindInfo {
  DirectiveKind kind;
  std::string_view name;   // the kind as the JSON output names it: "sponsor", "callout", "cta", "unknown"
  std::string_view css;    // the stem of its bs-* classes: bs-sponsor, bs-callout, bs-cta, bs-block
  bool labelled;           // set apart from the issue under a label ("Sponsored"), its links rel="sponsored"
  bool note;               // an aside to the text (role="note"), titled by its kind when it has no title
  bool centred;            // its content is centred (a call to action)
};
const DirectiveKindInfo& directive_kind_info(DirectiveKind kind);

// The callout kinds (also GitHub's alert kinds, `> [!TIP]`) and the title each shows when it has none.
struct CalloutKind {
  std::string_view name;
  std::string_view title;
};
inline constexpr CalloutKind kCalloutKinds[] = {
    {"note", "Note"}, {"tip", "Tip"}, {"important", "Important"}, {"warning", "Warning"}, {"caution", "Caution"},
};
// The callout kind called `name` (lower case); nullptr if there is none.
const CalloutKind* find_callout_kind(std::string_view name);

// One per directive line (tens of thousands in a big issue): 24 bytes in wasm, its text in the arena.
struct DirectiveMarker {
  std::uint32_t text_offset;   // offset in the parse buffer of the marker heading's text ("D")
  std::uint32_t directive;     // index into Document::directives
  std::uint32_t line;          // source line of the directive line (for implicit closes: the heading's line)
  bool opens;
  bool inserted = false;       // an implicit close: its line is not in the source
  std::string_view original;   // the directive line as written, from where the marker's `#` went, in the
                               // document's arena (a marker inside an HTML block is shown as this text)
};

struct DirectivePass {
  // The parse buffer when directives were found and could not be marked in place; empty otherwise.
  std::string buffer;
  std::vector<DirectiveMarker> markers;  // sorted by text_offset
  // Source map segments for inserted lines: from parse offset `first` on, bytes map to original `second`.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> segments;
  // Set when the body holds more directives than its size allows (kBaseDirectives and one per
  // kBytesPerDirective): the render stops with it.
  std::optional<Diagnostic> error;
};

// Each directive costs about 300 bytes of memory (the directive, two markers, three nodes), 20 times the
// 15 bytes of the smallest one, `::: note` / `x` / `:::`: this many keep a render within 8 × its input + 16 MiB
// at any size (docs/limits.md). No newsletter comes near them.
inline constexpr std::size_t kBaseDirectives = 20000;
inline constexpr std::size_t kBytesPerDirective = 64;

// Whether `body` holds `:::` anywhere, which every directive line does. Most issues have none: callers
// test this before calling find_directives, whose code an engine that compiles wasm lazily then never
// compiles for them.
bool may_have_directives(std::string_view body);

// Scans `body` (which starts at original offset `base`), fills doc.directives, adds warnings and source
// map segments (in the result). When there is no directive the result's buffer is empty and `body` is
// parsed as it is. `writable`, if given, is `body`'s own memory: when every marker fits over its directive
// line (no unclosed directive needs a line inserted), the markers are written there and no copy is made.
BROADSHEET_STAGE DirectivePass find_directives(std::string_view body, std::uint32_t base, Document& doc, char* writable = nullptr);

// A problem with a directive line's attribute block: where it is (an offset in the text given to
// parse_directive_line) and what to warn.
struct DirectiveProblem {
  std::uint32_t at;
  std::string message;
};

// Parses the opening line's text after the colons ("sponsor Acme {.wide data-x=1}") into `out`;
// false if it does not start with a valid name. Problems with attributes become `problems`.
bool parse_directive_line(std::string_view rest, Directive& out, std::vector<DirectiveProblem>& problems);

}  // namespace broadsheet
