#include "core/directives.hpp"

#include <algorithm>
#include <cstring>

#include "core/attributes.hpp"
#include "core/byte_scan.hpp"
#include "core/line_scanner.hpp"

namespace broadsheet {

namespace {

constexpr std::string_view kMarker = "# D";  // the "D" sits at offset 2

// The containers a line's content sits in: how many `>` and, inside them, the column where list item
// content starts (0 outside lists).
struct Containers {
  std::size_t quotes = 0;
  std::size_t list_indent = 0;
};

// Skips blockquote markers and list markers so that fences inside containers are seen.
std::string_view strip_container_prefix(std::string_view s, Containers* seen = nullptr) {
  const char* after_quotes = s.data();
  for (;;) {
    std::size_t i = leading_spaces(s);
    if (i < 4 && i < s.size() && s[i] == '>') {
      s.remove_prefix(i + 1);
      if (!s.empty() && s[0] == ' ') s.remove_prefix(1);
      after_quotes = s.data();
      if (seen) {
        ++seen->quotes;
        seen->list_indent = 0;
      }
      continue;
    }
    std::size_t j = i + list_marker_length(s.substr(std::min(i, s.size())));
    if (j > i && j < s.size() && s[j] == ' ') {
      s.remove_prefix(j + 1);
      if (seen) seen->list_indent = static_cast<std::size_t>(s.data() - after_quotes);
      continue;
    }
    return s.substr(std::min(i, s.size()));
  }
}

// Whether a line still belongs to the containers a fence was opened in: a fenced code block inside a
// blockquote or list item ends with it (CommonMark has no lazy continuation for code).
bool stays_in_containers(std::string_view s, const Containers& opened) {
  if (is_blank(s)) return true;
  std::size_t quotes = 0;
  for (;;) {
    std::size_t i = leading_spaces(s);
    if (quotes == opened.quotes || i >= 4 || i >= s.size() || s[i] != '>') break;
    s.remove_prefix(i + 1);
    if (!s.empty() && s[0] == ' ') s.remove_prefix(1);
    ++quotes;
  }
  if (quotes < opened.quotes) return false;
  return opened.list_indent == 0 || is_blank(s) || leading_spaces(s) >= opened.list_indent;
}

// An open code fence and the containers its opening line stood in.
struct OpenFence {
  Fence fence;
  Containers containers;
};

bool closes_open_fence(std::string_view s, const OpenFence& open) {
  s = strip_container_prefix(s);
  return closes_fence(s.substr(leading_spaces(s)), open.fence);
}

// Number of leading colons of a directive line (indent <= 3), or 0.
std::size_t colon_count(std::string_view s) {
  std::size_t indent = leading_spaces(s);
  return indent > 3 ? 0 : directive_colons(s.substr(indent));
}

// A top-level `#` or `##` ATX heading line: where an unclosed directive ends.
bool is_top_heading(std::string_view s) {
  std::size_t indent = leading_spaces(s);
  if (indent > 3) return false;
  std::size_t level = atx_heading_level(s.substr(indent));
  return level == 1 || level == 2;
}

// Whether a line outside a fence can be a directive line, a fence (possibly inside a blockquote or list
// item) or a top-level heading: only if its first non-space byte is one of those markers.
bool may_matter(std::string_view s) {
  std::size_t i = leading_spaces(s);
  if (i >= s.size()) return false;
  char c = s[i];
  return c == ':' || c == '`' || c == '~' || c == '>' || c == '#' || c == '-' || c == '*' || c == '+' ||
         (c >= '0' && c <= '9');
}

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '_'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// What a directive keeps of its attribute block: classes, ids, `lang`, `dir`, `title`, `label` and
// `data-*`; event handlers, `style`, `href` and `src` are dropped with a warning; any other key becomes a
// harmless `data-KEY`. Keys are folded to lower case. `at` is the block's offset in the line's text.
void take_attributes(const AttributeBlock& block, std::uint32_t at, Directive& out,
                     std::vector<DirectiveProblem>& problems) {
  for (const Attribute& attribute : block.attributes) {
    std::string value(attribute.value);
    if (attribute.kind == Attribute::Kind::Class) {
      if (!out.classes.empty()) out.classes += ' ';
      out.classes += attribute.name;
      continue;
    }
    if (attribute.kind == Attribute::Kind::Id) {
      out.attributes.emplace_back("id", std::string(attribute.name));
      continue;
    }
    std::string key = lower(attribute.name);
    if (key == "class") {
      out.classes += (out.classes.empty() ? "" : " ") + value;
    } else if (key == "title" || key == "label") {
      if (key == "title" && out.title.empty()) out.title = value;
      else out.attributes.emplace_back(key, value);
    } else if (key == "id" || key == "lang" || key == "dir" || key.rfind("data-", 0) == 0) {
      out.attributes.emplace_back(key, value);
    } else if (key.rfind("on", 0) == 0 || key == "style" || key == "href" || key == "src") {
      problems.push_back({at + attribute.at, attribute_problem("directive", key, "is not allowed", "it was dropped")});
    } else {
      out.attributes.emplace_back("data-" + key, value);
    }
  }
}

// Directive names and the kind each stands for; every callout kind's name is a name too.
struct DirectiveName {
  std::string_view name;
  DirectiveKind kind;
  std::string_view callout;  // for callouts: the callout kind
};
constexpr DirectiveName kDirectiveNames[] = {
    {"sponsor", DirectiveKind::Sponsor, ""},
    {"sponsored", DirectiveKind::Sponsor, ""},
    {"cta", DirectiveKind::Cta, ""},
    {"callout", DirectiveKind::Callout, "note"},
    {"info", DirectiveKind::Callout, "note"},
    {"recent", DirectiveKind::Recent, ""},  // filled with the issues before this one by `broadsheet build` or the widget
};

constexpr DirectiveKindInfo kDirectiveKinds[] = {
    // kind                  name       css        labelled note   centred
    {DirectiveKind::Sponsor, "sponsor", "sponsor", true,    false, false},
    {DirectiveKind::Callout, "callout", "callout", false,   true,  false},
    {DirectiveKind::Cta,     "cta",     "cta",     false,   false, true},
    {DirectiveKind::Recent,  "recent",  "block",   false,   false, false},
    {DirectiveKind::Unknown, "unknown", "block",   false,   false, false},
};

void classify(Directive& d) {
  d.kind = DirectiveKind::Unknown;
  if (const CalloutKind* callout = find_callout_kind(d.name)) {
    d.kind = DirectiveKind::Callout;
    d.callout = std::string(callout->name);
    return;
  }
  for (const DirectiveName& known : kDirectiveNames) {
    if (d.name != known.name) continue;
    d.kind = known.kind;
    d.callout = std::string(known.callout);
    return;
  }
}

struct Event {
  std::uint32_t at;          // offset in the body where the line starts
  std::uint32_t length;      // the directive line's length; 0 for an inserted closing marker
  bool opens;
  std::uint32_t directive;   // index into Document::directives, or kCheckpoint
  std::uint32_t line;
};
constexpr std::uint32_t kCheckpoint = 0xFFFFFFFFu;  // a top-level heading seen while directives were open

// `length` bytes of a marker line: the indentation kept, then `# D`, then spaces.
void write_marker_line(char* out, std::size_t indent, std::size_t length) {
  std::memset(out, ' ', length);
  std::memcpy(out + indent, kMarker.data(), kMarker.size());
}

// Overwrites the directive lines of `body` (in `writable`, its own memory) with markers of the same length.
DirectivePass mark_in_place(std::string_view body, char* writable, const std::vector<Event>& events, Arena& arena) {
  DirectivePass pass;
  pass.markers.reserve(events.size());
  for (const Event& event : events) {
    std::size_t indent = leading_spaces(body.substr(event.at, event.length));
    std::string_view original = arena.store(body.substr(event.at + indent, event.length - indent));
    write_marker_line(writable + event.at, indent, event.length);
    pass.markers.push_back({static_cast<std::uint32_t>(event.at + indent + 2), event.directive, event.line, event.opens,
                            false, original});
  }
  return pass;
}

// Builds the parse buffer: directive lines overwritten by `# D` (after their indentation, padded with
// spaces), closing markers inserted as lines of their own. Records where the markers are.
DirectivePass write_markers(std::string_view body, std::uint32_t base, const std::vector<Event>& events, Arena& arena) {
  DirectivePass pass;
  pass.markers.reserve(events.size());
  std::size_t inserted = std::count_if(events.begin(), events.end(), [](const Event& e) { return e.length == 0; });
  pass.buffer.reserve(body.size() + inserted * (kMarker.size() + 2) + 16);
  std::uint32_t copied = 0;  // body bytes copied so far
  for (const Event& event : events) {
    pass.buffer.append(body.substr(copied, event.at - copied));
    copied = event.at;
    auto here = static_cast<std::uint32_t>(pass.buffer.size());
    if (event.length > 0) {
      std::size_t indent = leading_spaces(body.substr(event.at, event.length));
      pass.buffer.append(event.length, ' ');
      write_marker_line(pass.buffer.data() + here, indent, event.length);
      copied += event.length;
      pass.markers.push_back({static_cast<std::uint32_t>(here + indent + 2), event.directive, event.line, event.opens,
                              false, arena.store(body.substr(event.at + indent, event.length - indent))});
    } else {
      if (!pass.buffer.empty() && pass.buffer.back() != '\n') pass.buffer.push_back('\n');
      std::uint32_t marker_at = static_cast<std::uint32_t>(pass.buffer.size());
      pass.buffer.append(kMarker);
      pass.buffer.push_back('\n');
      pass.markers.push_back({marker_at + 2, event.directive, event.line, false, true, {}});
      // What follows the inserted line maps back to where it was in the body.
      pass.segments.push_back({static_cast<std::uint32_t>(pass.buffer.size()), base + copied});
    }
  }
  pass.buffer.append(body.substr(copied));
  return pass;
}

}  // namespace

bool parse_directive_line(std::string_view line, Directive& out, std::vector<DirectiveProblem>& problems) {
  std::string_view rest = trim(line);
  if (rest.empty() || !is_name_start(rest[0])) return false;
  std::size_t n = 0;
  while (n < rest.size() && is_name_char(rest[n])) ++n;
  if (n < rest.size() && rest[n] != ' ' && rest[n] != '\t' && rest[n] != '{') return false;
  out.name = lower(rest.substr(0, n));
  rest = trim(rest.substr(n));
  // A trailing `{…}` is the attribute block; if it does not read it stays part of the title.
  if (!rest.empty() && rest.back() == '}') {
    std::size_t open = rest.rfind('{');
    if (open != std::string_view::npos) {
      std::string_view written = rest.substr(open);
      auto at = static_cast<std::uint32_t>(written.data() - line.data());
      AttributeBlock block = read_attribute_block(written);
      if (block.length == written.size()) {
        Directive attrs;
        take_attributes(block, at, attrs, problems);
        out.classes = std::move(attrs.classes);
        out.attributes = std::move(attrs.attributes);
        out.title = std::move(attrs.title);
        rest = trim(rest.substr(0, open));
      } else {
        problems.push_back({at, malformed_block_problem(written, "it was kept in the title")});
      }
    }
  }
  if (!rest.empty()) out.title = std::string(rest);
  classify(out);
  return true;
}

const DirectiveKindInfo& directive_kind_info(DirectiveKind kind) {
  for (const DirectiveKindInfo& info : kDirectiveKinds)
    if (info.kind == kind) return info;
  return kDirectiveKinds[std::size(kDirectiveKinds) - 1];
}

const CalloutKind* find_callout_kind(std::string_view name) {
  for (const CalloutKind& kind : kCalloutKinds)
    if (kind.name == name) return &kind;
  return nullptr;
}

// As deep as the model nests blocks (Builder::kMaxNesting): a directive opened deeper could not be shown
// as one.
constexpr std::size_t kMaxOpenDirectives = 200;

bool may_have_directives(std::string_view body) {
  for (std::size_t at = byte_scan::find(body, ':'); at != std::string_view::npos; at = byte_scan::find(body, ':', at + 1))
    if (body.compare(at, 3, ":::") == 0) return true;
  return false;
}

DirectivePass find_directives(std::string_view body, std::uint32_t base, Document& doc, char* writable) {
  struct Open {
    std::size_t colons;
    std::uint32_t directive;
  };
  std::vector<Event> events;
  std::vector<Open> stack;
  std::vector<std::uint32_t> unclosed;   // directives waiting for a heading or the end
  OpenFence fence;
  bool in_fence = false;
  bool warned_depth = false;
  std::uint32_t line_number = doc.source.line(base);
  const std::size_t max_directives = kBaseDirectives + body.size() / kBytesPerDirective;

  auto close_unclosed = [&](std::vector<Event>& into, std::uint32_t at, std::uint32_t line, const std::string& where) {
    // Innermost first: the markers must nest.
    for (auto it = unclosed.rbegin(); it != unclosed.rend(); ++it) {
      into.push_back({at, 0, false, *it, line});
      const Directive& d = doc.directives[*it];
      doc.warn_at_line(d.line, 1, "`::: " + d.name + "` is not closed; it was closed " + where);  // [issue 15: capped]
    }
    unclosed.clear();
  };

  const auto size = static_cast<std::uint32_t>(body.size());
  Line line;
  for (LineCursor lines(body); lines.next(line); ++line_number) {
    // The directive line's bytes run to the newline: a "\r" before it is overwritten with the rest.
    const std::uint32_t begin = line.begin, end = line.newline;
    std::string_view text = body.substr(begin, end - begin);
    // Most lines start with a letter: none of the checks below can match them (fast path).
    if (!in_fence && !may_matter(text)) continue;

    if (in_fence && !stays_in_containers(text, fence.containers)) in_fence = false;
    Containers containers;
    if (in_fence) {
      if (closes_open_fence(text, fence)) in_fence = false;
    } else if (std::size_t colons = colon_count(text)) {
      std::string_view after = text.substr(leading_spaces(text) + colons);
      Directive directive;
      std::vector<DirectiveProblem> problems;
      if (is_blank(after)) {
        if (!stack.empty() && colons >= stack.back().colons) {
          events.push_back({begin, end - begin, false, stack.back().directive, line_number});
          stack.pop_back();
        }
      } else if (stack.size() >= kMaxOpenDirectives) {
        // Deeper than the model nests anyway: the line stays text, and the pass stays small (a
        // directive, its events and markers for every line of `::: note` repeated would not).
        if (!warned_depth) doc.warn_at_line(line_number, 1, "more than " + std::to_string(kMaxOpenDirectives) +
                                                                " directives are open here; this line is shown as text");
        warned_depth = true;
      } else if (after.find(':') != 0 && parse_directive_line(after, directive, problems)) {
        directive.line = line_number;
        // At the attribute's own column (offsets in `after` are offsets in the input from `base` on).
        auto after_at = static_cast<std::uint32_t>(base + (after.data() - body.data()));
        for (auto& problem : problems) doc.warn(after_at + problem.at, std::move(problem.message));  // [issue 15: capped]
        if (directive.kind == DirectiveKind::Unknown)
          doc.warn_at_line(line_number, 1, "unknown directive `" + directive.name +
                                               "`; it was rendered as a plain block");
        auto index = static_cast<std::uint32_t>(doc.directives.size());
        if (index >= max_directives) {
          DirectivePass refused;
          refused.error = Diagnostic{line_number, 1,
                                     "more than " + std::to_string(max_directives) +
                                         " directives, the limit for an input of this size (" +
                                         std::to_string(kBaseDirectives) + " and one per " +
                                         std::to_string(kBytesPerDirective) + " bytes), which keeps memory bounded"};
          return refused;
        }
        doc.directives.push_back(std::move(directive));
        events.push_back({begin, end - begin, true, index, line_number});
        stack.push_back({colons, index});
      }
    } else if (std::string_view rest = strip_container_prefix(text, &containers);
               (fence.fence = fence_opener(rest.substr(leading_spaces(rest)))).mark) {
      fence.containers = containers;
      in_fence = true;
    } else if (is_top_heading(text) && !stack.empty()) {
      // Directives still open at a top-level heading: if no closing line follows they end here. Whether
      // one follows is only known later, so remember the heading and decide at the end.
      events.push_back({begin, 0, false, kCheckpoint, line_number});
    }
  }
  if (events.empty()) return {};

  // Directives left on the stack have no closing line: each is closed before the first top-level heading
  // after its opening line, or at the end of the body.
  // When every directive was closed (the usual case) the events are already in place: no second list.
  std::vector<Event> placed;
  if (stack.empty()) {
    std::erase_if(events, [](const Event& e) { return e.directive == kCheckpoint; });
    placed = std::move(events);
  } else {
    std::vector<std::uint8_t> never_closed(doc.directives.size(), 0);  // not vector<bool>: its bit copies are 2 KB of wasm
    for (const Open& open : stack) never_closed[open.directive] = 1;
    placed.reserve(events.size() + stack.size());
    for (const Event& event : events) {
      if (event.directive == kCheckpoint) {
        close_unclosed(placed, event.at, event.line, "before the heading on line " + std::to_string(event.line));
        continue;
      }
      placed.push_back(event);
      if (event.opens && never_closed[event.directive]) unclosed.push_back(event.directive);
    }
    std::vector<Event>().swap(events);
    close_unclosed(placed, size, line_number, "at the end of the issue");
  }
  if (placed.empty()) return {};
  bool fits_in_place = std::none_of(placed.begin(), placed.end(), [](const Event& e) { return e.length == 0; });
  if (writable && fits_in_place) return mark_in_place(body, writable, placed, doc.arena);
  return write_markers(body, base, placed, doc.arena);
}

}  // namespace broadsheet
