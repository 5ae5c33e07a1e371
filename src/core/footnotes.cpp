#include "core/footnotes.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/line_scanner.hpp"
#include "core/sort.hpp"

namespace broadsheet {

namespace {

constexpr std::size_t kMaxToken = 50;  // md4c's entity names are 2..48 characters: `&` + name + `;`

std::string_view line_text(std::string_view text, const Line& line) {
  return text.substr(line.begin, line.end - line.begin);
}

// A line's text after its indentation.
std::string_view content(std::string_view text, const Line& line, const Indent& indent) {
  return text.substr(line.begin + indent.bytes, line.end - line.begin - indent.bytes);
}

bool label_char(char c) {
  return c != ']' && c != '[' && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\0' && c != '\\';
}

// `[^label]` at the start of `s`: the label's length, or 0.
std::size_t reference_label(std::string_view s) {
  if (s.size() < 4 || s[0] != '[' || s[1] != '^') return 0;
  std::size_t i = 2;
  while (i < s.size() && label_char(s[i])) ++i;
  if (i == 2 || i >= s.size() || s[i] != ']') return 0;
  return i - 2;
}

bool is_list_marker(std::string_view rest) {
  std::size_t i = list_marker_length(rest);
  return i != 0 && (i == rest.size() || rest[i] == ' ' || rest[i] == '\t');
}

bool is_thematic_break(std::string_view rest) {
  if (rest.empty() || (rest[0] != '-' && rest[0] != '*' && rest[0] != '_')) return false;
  std::size_t count = 0;
  for (char c : rest) {
    if (c == rest[0]) ++count;
    else if (c != ' ' && c != '\t') return false;
  }
  return count >= 3;
}

// Whether a line (indented at most 3) starts a block, which ends a lazy continuation.
bool starts_block(std::string_view rest) {
  return rest.starts_with('>') || atx_heading_level(rest) || fence_opener(rest).mark || directive_colons(rest) ||
         is_list_marker(rest) || is_thematic_break(rest) || reference_label(rest) != 0;
}

// The block structure the pass needs: definitions, and the runs of lines whose inline text may hold
// references (a code span may cross lines within a run, never between runs).
struct Definition {
  std::uint32_t begin;          // offset of `[`
  std::uint32_t end;            // end of the definition's last non-blank line
  std::string_view label;
  std::string body;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> body_lines;
};

struct Blocks {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> inline_runs;
  std::vector<Definition> definitions;
};

void add_body_line(Definition& def, std::string_view text, std::uint32_t from, std::uint32_t to,
                   std::uint32_t padding) {
  def.body_lines.emplace_back(static_cast<std::uint32_t>(def.body.size()), from);
  def.body.append(padding, ' ');
  def.body.append(text.substr(from, to - from));
  def.body += '\n';
}

// Continuation line of a definition: up to 4 columns of indentation removed (a tab that crosses the
// 4th column leaves its remaining columns as spaces).
void add_indented_body_line(Definition& def, std::string_view text, const Line& line) {
  std::uint32_t columns = 0, at = line.begin;
  while (at < line.end && columns < 4 && (text[at] == ' ' || text[at] == '\t')) {
    columns += text[at] == ' ' ? 1 : 4 - columns % 4;
    ++at;
  }
  add_body_line(def, text, at, line.end, columns > 4 ? columns - 4 : 0);
}

Blocks scan_blocks(std::string_view text, bool allow_definitions) {
  Blocks blocks;
  Fence fence;
  bool in_code = false;        // indented code
  bool paragraph = false;      // an open paragraph (an indented line continues it)
  bool in_list = false;        // inside a list item (an indented line after a blank is its content)
  bool after_blank = true;
  Definition* def = nullptr;
  bool def_lazy = false;       // the definition's last line was paragraph text
  std::size_t def_blank = 0;   // blank lines since the definition's last line
  std::uint32_t run_begin = 0;
  bool in_run = false;

  auto end_run = [&](std::uint32_t at) {
    if (in_run && at > run_begin) blocks.inline_runs.emplace_back(run_begin, at);
    in_run = false;
  };
  auto text_line = [&](const Line& line, bool own_run) {
    if (own_run) end_run(line.begin);
    if (!in_run) run_begin = line.begin, in_run = true;
    if (own_run) end_run(line.end);
  };

  Line line;
  for (LineCursor lines(text); lines.next(line);) {
    Indent indent = indent_of(line_text(text, line));
    std::string_view rest = content(text, line, indent);
    bool blank = is_blank(line_text(text, line));

    if (fence.mark) {
      if ((indent.columns <= 3 || in_list) && closes_fence(rest, fence)) fence = {};
      continue;
    }
    if (def) {
      if (blank) {
        ++def_blank;
        continue;
      }
      if (indent.columns >= 4) {
        for (; def_blank > 0; --def_blank) {
          def->body_lines.emplace_back(static_cast<std::uint32_t>(def->body.size()), line.begin);
          def->body += '\n';
        }
        add_indented_body_line(*def, text, line);
        def->end = line.end;
        def_lazy = true;
        continue;
      }
      if (def_blank == 0 && def_lazy && !starts_block(rest)) {
        add_body_line(*def, text, line.begin + indent.bytes, line.end, 0);
        def->end = line.end;
        continue;
      }
      def = nullptr;
      after_blank = def_blank > 0;
      paragraph = false;
    }
    if (blank) {
      end_run(line.begin);
      after_blank = true;
      paragraph = false;
      continue;
    }
    if (indent.columns >= 4 && (in_code || (!paragraph && !in_list))) {
      end_run(line.begin);
      in_code = true;
      after_blank = false;
      continue;
    }
    in_code = false;
    // A fence may sit deeper inside a list item.
    if (indent.columns <= 3 || in_list) {
      if (Fence open = fence_opener(rest); open.mark) {
        end_run(line.begin);
        fence = open;
        paragraph = false;
        after_blank = false;
        continue;
      }
    }
    if (indent.columns <= 3) {
      if (std::size_t label = reference_label(rest); allow_definitions && label != 0 && rest.size() > label + 3 &&
                                                    rest[label + 3] == ':') {
        end_run(line.begin);
        std::uint32_t begin = line.begin + indent.bytes;
        blocks.definitions.push_back({begin, line.end, text.substr(begin + 2, label), {}, {}});
        def = &blocks.definitions.back();
        std::uint32_t body = begin + static_cast<std::uint32_t>(label) + 4;
        while (body < line.end && (text[body] == ' ' || text[body] == '\t')) ++body;
        add_body_line(*def, text, body, line.end, 0);
        def_lazy = body < line.end;
        def_blank = 0;
        paragraph = false;
        continue;
      }
      if (directive_colons(rest)) {  // a directive's line keeps its text
        end_run(line.begin);
        paragraph = false;
        after_blank = false;
        continue;
      }
      if (is_list_marker(rest)) {
        in_list = true;
        text_line(line, false);
        paragraph = true;
        after_blank = false;
        continue;
      }
      if (atx_heading_level(rest) || is_thematic_break(rest)) {
        text_line(line, true);
        paragraph = false;
        after_blank = false;
        continue;
      }
      if (after_blank && indent.columns == 0) in_list = false;
    }
    text_line(line, false);
    paragraph = true;
    after_blank = false;
  }
  end_run(static_cast<std::uint32_t>(text.size()));
  return blocks;
}

std::string fold_label(std::string_view label) {
  std::string out(label);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A reference found in an inline run: where, and which label.
struct Candidate {
  std::uint32_t offset;
  std::uint32_t length;
  std::string_view label;
};

// The backtick runs of [begin, end), each with the index of the next run of the same length.
constexpr std::uint32_t kNone = 0xFFFFFFFF;
struct TickRun {
  std::uint32_t begin;
  std::uint32_t length;
  std::uint32_t closer = kNone;
};

std::vector<TickRun> tick_runs(std::string_view run, std::uint32_t begin, std::uint32_t end) {
  std::vector<TickRun> ticks;
  for (std::uint32_t i = begin; i < end;) {
    if (run[i] != '`') {
      ++i;
      continue;
    }
    std::uint32_t n = i;
    while (n < end && run[n] == '`') ++n;
    ticks.push_back({i, n - i});
    i = n;
  }
  // By length, 1 + the index of the nearest run to the right (0: none yet). Lengths are at most the run's
  // size, so a vector indexed by length is bounded by the input.
  std::uint32_t longest = 0;
  for (const TickRun& tick : ticks) longest = std::max(longest, tick.length);
  std::vector<std::uint32_t> nearest(ticks.empty() ? 0 : longest + 1, 0);
  for (std::size_t k = ticks.size(); k-- > 0;) {
    if (std::uint32_t found = nearest[ticks[k].length]) ticks[k].closer = found - 1;
    nearest[ticks[k].length] = static_cast<std::uint32_t>(k) + 1;
  }
  return ticks;
}

// Finds `[^label]` in the inline runs, skipping code spans, escapes, autolinks and HTML tags, and inline
// links' destinations.
std::vector<Candidate> find_candidates(std::string_view text, const Blocks& blocks) {
  std::vector<Candidate> out;
  for (auto [begin, end] : blocks.inline_runs) {
    std::string_view run = text.substr(0, end);
    std::vector<TickRun> ticks = tick_runs(run, begin, end);
    std::size_t next_run = 0;
    std::uint32_t i = begin;
    while (i < end) {
      char c = run[i];
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '`') {
        // A code span: to the next run of exactly as many backticks (precomputed: linear time).
        while (next_run < ticks.size() && ticks[next_run].begin < i) ++next_run;
        if (next_run < ticks.size() && ticks[next_run].begin == i) {
          const TickRun& open = ticks[next_run];
          i = open.closer != kNone ? ticks[open.closer].begin + open.length : open.begin + open.length;
        } else {
          ++i;
        }
        continue;
      }
      if (c == '<' && i + 1 < end &&
          ((run[i + 1] >= 'a' && run[i + 1] <= 'z') || (run[i + 1] >= 'A' && run[i + 1] <= 'Z') ||
           run[i + 1] == '/' || run[i + 1] == '!' || run[i + 1] == '?')) {
        std::size_t close = run.find_first_of("<>\n", i + 1);
        if (close != std::string_view::npos && close < end && run[close] == '>') {
          i = static_cast<std::uint32_t>(close + 1);
          continue;
        }
      }
      if (c == ']' && i + 1 < end && run[i + 1] == '(') {  // an inline link's destination and title
        // Destinations and titles are short: the scan is capped so that many unclosed `](` stay linear.
        int depth = 0;
        std::uint32_t j = i + 1;
        std::uint32_t stop = std::min<std::uint32_t>(end, i + 1 + 4096);
        for (; j < stop; ++j) {
          if (run[j] == '\\') { ++j; continue; }
          if (run[j] == '(') ++depth;
          else if (run[j] == ')' && --depth == 0) break;
        }
        if (j < stop) {
          i = j + 1;
          continue;
        }
      }
      if (c == '[' && i + 1 < end && run[i + 1] == '^') {
        std::size_t label = reference_label(run.substr(i, end - i));
        if (label != 0) {
          std::uint32_t length = static_cast<std::uint32_t>(label + 3);
          if (i + length < end && run[i + length] == '(') {  // `[^x](url)` is a link
            i += 1;
            continue;
          }
          out.push_back({i, length, run.substr(i + 2, label)});
          i += length;
          continue;
        }
      }
      ++i;
    }
  }
  return out;
}

void add_warning(FootnotePass& pass, std::uint32_t offset, std::string message) {
  pass.warnings.push_back({offset, std::move(message)});
}

}  // namespace

bool may_have_footnotes(std::string_view text) { return text.find("[^") != std::string_view::npos; }

std::string footnote_token(std::size_t length) {
  if (length < 4 || length > kMaxToken) return {};
  std::string token = "&f";
  token.append(length - 3, 'n');
  token += ';';
  return token;
}

FootnotePass find_footnotes(std::string_view text, char* writable) {
  FootnotePass pass;
  if (!may_have_footnotes(text)) return pass;
  Blocks blocks = scan_blocks(text, true);

  // Definitions: the first of a label wins.
  std::vector<Footnote> notes;
  std::unordered_map<std::string, std::uint32_t> by_label;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> blanked;
  for (Definition& def : blocks.definitions) {
    blanked.emplace_back(def.begin, def.end);
    std::string key = fold_label(def.label);
    if (auto found = by_label.find(key); found != by_label.end()) {
      add_warning(pass, def.begin,
                  "footnote [^" + std::string(def.label) + "] is defined twice; the first definition is used");
      continue;
    }
    by_label.emplace(key, static_cast<std::uint32_t>(notes.size()));
    Footnote note;
    note.label = std::string(def.label);
    note.offset = def.begin;
    note.body = std::move(def.body);
    note.body_lines = std::move(def.body_lines);
    notes.push_back(std::move(note));
  }

  std::uint32_t next_number = 1;
  std::vector<std::uint32_t> numbered;  // note indices in number order
  auto refer = [&](const Candidate& candidate, std::int32_t container, char* out, std::uint32_t source_offset) {
    auto found = by_label.find(fold_label(candidate.label));
    if (found == by_label.end()) {
      add_warning(pass, source_offset,
                  "footnote [^" + std::string(candidate.label) + "] is not defined; it is kept as text");
      return;
    }
    if (candidate.length > kMaxToken) {
      add_warning(pass, source_offset,
                  "footnote label [^" + std::string(candidate.label) +
                      "] is longer than 47 bytes; it is kept as text");
      return;
    }
    Footnote& note = notes[found->second];
    if (note.number == 0) {
      note.number = next_number++;
      numbered.push_back(found->second);
    }
    ++note.references;
    pass.references.push_back({container, candidate.offset, candidate.length, found->second, note.references});
    std::string token = footnote_token(candidate.length);
    std::copy(token.begin(), token.end(), out + candidate.offset);
  };

  for (const Candidate& candidate : find_candidates(text, blocks)) refer(candidate, -1, writable, candidate.offset);

  // References inside notes, in number order; a note first referenced from a note joins the end.
  for (std::size_t k = 0; k < numbered.size(); ++k) {
    std::uint32_t index = numbered[k];
    Blocks inner = scan_blocks(notes[index].body, false);
    for (const Candidate& candidate : find_candidates(notes[index].body, inner)) {
      // The source offset of a position in the body: its line's origin plus the distance into the line.
      const auto& lines = notes[index].body_lines;
      auto line = std::upper_bound(lines.begin(), lines.end(), candidate.offset,
                                   [](std::uint32_t offset, const auto& entry) { return offset < entry.first; });
      std::uint32_t source = line == lines.begin() ? notes[index].offset
                                                   : (line - 1)->second + (candidate.offset - (line - 1)->first);
      refer(candidate, static_cast<std::int32_t>(index), notes[index].body.data(), source);
    }
  }

  for (const Footnote& note : notes)
    if (note.number == 0)
      add_warning(pass, note.offset, "footnote [^" + note.label + "] is defined but never referenced");

  // Blank the definitions (newlines kept, so lines and offsets stay the source's).
  for (auto [begin, end] : blanked)
    for (std::uint32_t i = begin; i < end; ++i)
      if (text[i] != '\n') writable[i] = ' ';

  // Notes in number order, unused ones last; references follow the new indices.
  std::vector<std::uint32_t> order = numbered;
  for (std::uint32_t i = 0; i < notes.size(); ++i)
    if (notes[i].number == 0) order.push_back(i);
  std::vector<std::uint32_t> new_index(notes.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) new_index[order[i]] = i;
  for (std::uint32_t i : order) pass.notes.push_back(std::move(notes[i]));
  for (FootnoteReference& ref : pass.references) {
    ref.note = new_index[ref.note];
    if (ref.container >= 0) ref.container = static_cast<std::int32_t>(new_index[ref.container]);
  }
  stable_sort_items(pass.warnings, [](const FootnoteWarning& a, const FootnoteWarning& b) { return a.offset < b.offset; });
  pass.changed = !blanked.empty() || !pass.references.empty();
  return pass;
}

}  // namespace broadsheet
