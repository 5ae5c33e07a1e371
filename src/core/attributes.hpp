// The one attribute-block grammar (docs/format.md, "Attribute blocks"): `{#id .class key=value key="v"
// key='v' flag}`, read the same way at the end of a directive's line and straight after a link or an
// image. Reading is apart from what each place takes: a directive most keys (core/directives.cpp), a link
// `.button` and an image `width`/`height` (core/builder.cpp). Every place words its warnings with
// attribute_problem, so an unknown or malformed attribute reads the same wherever it was written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

struct Attribute {
  enum class Kind : std::uint8_t { Class, Id, Pair };
  Kind kind;
  std::string_view name;   // the class, the id, or the key as written (a place may fold its case)
  std::string_view value;  // a pair's value without its quotes; empty when it has none (`{flag}`)
  std::uint32_t at;        // offset in the block of the attribute's first byte (its `.`, `#` or key)
};

struct AttributeBlock {
  std::vector<Attribute> attributes;  // in the order written (when malformed: those read before the fault)
  std::uint32_t length = 0;           // the block's bytes, braces included; 0 when it is malformed
  bool ok() const { return length != 0; }
};

// Reads the block that `text` starts with (its first byte is `{`) up to its closing `}`: a class is `.`
// and a name, an id `#` and a name (names: letters, digits, `-`, `_`); a key starts with a letter and
// may hold `:` and `.` too; a value is quoted ('…' or "…", no escapes) or runs to a space, a tab or the
// `}`. Spaces and tabs separate attributes. Malformed (length 0): an empty name, a stray character, an
// unclosed quote or no `}`.
AttributeBlock read_attribute_block(std::string_view text);

// An attribute as its warnings name it: `.class`, `#id`, or the key.
std::string attribute_label(const Attribute& attribute);

// The one wording of an attribute warning: "<place> attribute `<label>` <problem>; <consequence>", e.g.
// "directive attribute `style` is not allowed; it was dropped".
std::string attribute_problem(std::string_view place, std::string_view label, std::string_view problem,
                              std::string_view consequence);

// A block that does not read: "the attribute block `{…}` could not be read (expected …); <consequence>".
std::string malformed_block_problem(std::string_view block, std::string_view consequence);

}  // namespace broadsheet
