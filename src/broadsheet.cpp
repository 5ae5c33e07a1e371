// The public API: the pipeline in one place.
//   front matter → directive pre-pass → md4c callbacks → model → policy → renderer
//   (CommonMark HTML, which needs no model, streams from the md4c callbacks: render/commonmark.cpp)
#include "broadsheet/broadsheet.hpp"

#include <algorithm>

#include "core/builder.hpp"
#include "core/byte_scan.hpp"
#include "core/directives.hpp"
#include "core/footnotes.hpp"
#include "core/front_matter.hpp"
#include "core/json_string.hpp"
#include "core/md4c_adapter.hpp"
#include "core/output_budget.hpp"
#include "core/policy.hpp"
#include "core/recent.hpp"
#include "core/sort.hpp"
#include "core/utf8.hpp"
#include "render/commonmark.hpp"
#include "render/formats.hpp"
#include "render/json_output.hpp"
#include "render/view.hpp"
#include "render/writer.hpp"

namespace broadsheet {

std::optional<Format> parse_format(std::string_view name) {
  for (const OutputFormat& entry : output_formats())
    if (entry.name == name) return entry.format;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  const OutputFormat* entry = find_output_format(format);
  return entry ? entry->name : std::string_view();
}

std::vector<std::string_view> format_names() {
  std::vector<std::string_view> names;
  for (const OutputFormat& entry : output_formats()) names.push_back(entry.name);
  return names;
}

std::vector<FormatDescription> format_descriptions() {
  std::vector<FormatDescription> descriptions;
  for (const OutputFormat& entry : output_formats())
    descriptions.push_back({entry.format, entry.name, entry.summary, entry.standalone});
  return descriptions;
}

namespace {

Result failure(Diagnostic error) {
  Result result;
  result.error = std::move(error);
  result.meta_json = "{}";
  result.outline_json = "[]";
  return result;
}

// The words Broadsheet writes, from the table of the issue's `lang` and the `labels` option; an unknown
// key or a template without its placeholder is a warning (the option has no line: 0:0).
void resolve_locale(const Options& options, Document& doc) {
  if (options.labels.empty() && doc.front.lang.empty()) return;  // English, the default
  std::vector<LabelOverride> overrides;
  overrides.reserve(options.labels.size());
  for (const auto& [key, value] : options.labels) overrides.push_back({key, value});
  std::vector<LabelProblem> problems;
  doc.locale = Locale::resolve(doc.front.lang, overrides, &problems);
  for (LabelProblem& problem : problems) doc.warnings.push_back({0, 0, "labels option: " + problem.message});
}

// The labels the page around the output needs (the widget's table of contents and error box, the pager
// of `broadsheet build`'s pages). Every render sends them, so a language's own table is written once and
// kept (a tenth of the time of a one-line render otherwise).
std::string page_labels_json(const Locale& locale) {
  thread_local std::string cached_table, cached_json;
  bool cacheable = !locale.has_overrides();
  if (cacheable && !cached_json.empty() && cached_table == locale.table()) return cached_json;
  std::string out = "{";
  // The widget's words, and the publication's (pager, archive, its filter and search): `broadsheet build`
  // and <broadsheet-archive> take every word they show from here.
  // A set of bits walked in a loop: a list of labels is unrolled by the compiler.
  constexpr auto bit = [](Label label) { return std::uint64_t{1} << static_cast<unsigned>(label); };
  constexpr std::uint64_t kPageLabels =
      bit(Label::InThisIssue) | bit(Label::RenderError) | bit(Label::PreviousIssue) | bit(Label::NextIssue) |
      bit(Label::AllIssues) | bit(Label::RssFeed) | bit(Label::MoreIssues) | bit(Label::IssueNumber) |
      bit(Label::Colon) | bit(Label::Tags) | bit(Label::IssueCountOne) | bit(Label::IssueCount) |
      bit(Label::MatchingIssues) | bit(Label::FilterIssues) | bit(Label::ShowMore) | bit(Label::SearchIssues) |
      bit(Label::SearchResults) | bit(Label::SearchNoResults) | bit(Label::ArchiveDescription);
  for (std::size_t index = 0; index < kLabelCount; ++index) {
    if (!(kPageLabels & (std::uint64_t{1} << index))) continue;
    auto label = static_cast<Label>(index);
    std::string_view text = locale.label(label);
    if (text.empty() && !locale.has_overrides()) continue;  // a lean build has no publication words
    if (out.size() > 1) out += ",";
    append_json_string(out, label_key(label));
    out += ":";
    append_json_string(out, text);
  }
  out += "}";
  if (cacheable) cached_table = locale.table(), cached_json = out;
  return out;
}

// Parses `input` (valid UTF-8) into `doc`; an error stops the render. `writable`, if not null, is the
// input's own memory, which the directive pass may overwrite instead of copying the body.
std::optional<Diagnostic> build(std::string_view input, char* writable, const Options& options, Document& doc) {
  doc.commonmark = options.commonmark;
  doc.source.set_original(input);
  std::string_view body = input;
  std::uint32_t base = 0;
  // Both passes are skipped, not just quick, when their syntax is absent: see may_have_front_matter.
  if (!options.commonmark && may_have_front_matter(input)) {
    if (auto error = parse_front_matter(input, doc.front, doc.warnings)) return error;
    base = doc.front.body_offset;
    body = input.substr(base);
  }
  if (const PublicationSupport* publication = publication_support(); publication && !options.commonmark)
    publication->apply_defaults(doc.front, {options.default_lang, options.default_canonical_url, options.default_slug});
  resolve_locale(options, doc);
  DirectivePass directives;
  if (!options.commonmark && may_have_directives(body))
    directives = find_directives(body, base, doc, writable ? writable + base : nullptr);
  if (directives.error) return directives.error;
  doc.parse_buffer = std::move(directives.buffer);
  std::string_view buffer = doc.parse_buffer.empty() ? body : std::string_view(doc.parse_buffer);
  // Footnotes (newsletter mode): after the directive pass, on the final parse buffer, rewritten in place
  // byte for byte (so offsets stay the source's). The caller's read-only body is copied first.
  FootnotePass footnotes;
  if (!options.commonmark && may_have_footnotes(buffer)) {
    char* target = nullptr;
    if (!doc.parse_buffer.empty()) target = doc.parse_buffer.data();
    else if (writable) target = writable + base;  // the body is the caller's scratch memory
    else {
      doc.parse_buffer.assign(body);
      buffer = doc.parse_buffer;
      target = doc.parse_buffer.data();
    }
    footnotes = find_footnotes(buffer, target);
  }
  doc.source.set_parse_buffer(buffer, base);
  for (const auto& [parse_offset, original_offset] : directives.segments)
    doc.source.add_segment(parse_offset, original_offset);
  for (const FootnoteWarning& warning : footnotes.warnings)
    doc.warn(doc.source.to_original(buffer.data() + warning.offset), warning.message);

  // The notes' bodies and labels live as long as the document (text views point into them).
  std::vector<std::string_view> bodies;
  for (const Footnote& note : footnotes.notes) {
    if (note.number == 0) break;  // unused notes come last and are not shown
    bodies.push_back(doc.arena.store(note.body));
    doc.source.add_detached(bodies.back(), note.body_lines);  // positions inside the note
    doc.footnote_labels.push_back(doc.arena.store(note.label));
  }
  // Each text's reference tokens, by address: [0] the body, [k + 1] note k.
  std::vector<std::vector<FootnoteToken>> tokens(bodies.size() + 1);
  for (const FootnoteReference& ref : footnotes.references) {
    if (ref.note >= bodies.size()) continue;
    const char* base_of = ref.container < 0 ? buffer.data() : bodies[static_cast<std::size_t>(ref.container)].data();
    std::size_t slot = ref.container < 0 ? 0 : static_cast<std::size_t>(ref.container) + 1;
    if (slot >= tokens.size()) continue;
    tokens[slot].push_back({base_of + ref.offset, ref.note + 1, ref.ordinal, doc.footnote_labels[ref.note]});
  }
  for (auto& list : tokens)
    stable_sort_items(list, [](const FootnoteToken& a, const FootnoteToken& b) { return std::less<>()(a.at, b.at); });

  Builder builder(doc, directives.markers, buffer);
  if (!parse_markdown(buffer, builder, ParseSettings{options.commonmark, options.allow_html, tokens[0]}))
    return builder.failure().value_or(parse_failure(buffer, doc));
  // The notes, in number order, as the document's last block: each parsed as a Markdown document of its own.
  if (!bodies.empty()) {
    std::uint32_t list = builder.open(NodeType::Footnotes);
    for (std::size_t k = 0; k < bodies.size(); ++k) {
      if (k > 0) builder.enter(list);
      std::uint32_t note = builder.open(NodeType::Footnote);
      doc.nodes[note].set_note_number(static_cast<std::uint32_t>(k + 1));
      doc.nodes[note].offset = doc.source.to_original(buffer.data() + footnotes.notes[k].offset);
      if (!parse_markdown(bodies[k], builder, ParseSettings{false, options.allow_html, tokens[k + 1]}))
        return builder.failure().value_or(parse_failure(bodies[k], doc));
    }
  }
  doc.recent_count = fill_recent(doc, options.recent);  // before the policy: its links are checked too
  apply_policy(doc, PolicySettings{options.id_prefix});
  return std::nullopt;
}

// Room for the output: about 1 + 1/`growth` times the input (HTML is a little longer than its Markdown),
// or one piece and some when a format that streams hands it over in pieces.
std::size_t output_reserve(std::size_t input_bytes, const Options& options, const OutputFormat& format,
                           std::size_t growth) {
  std::size_t whole = input_bytes + input_bytes / growth + (options.standalone ? 8192 : 256);
  bool in_pieces = options.output_pieces && format.streams;
  return in_pieces ? std::min(whole, Writer::kPieceBytes + Writer::kPieceBytes / 2) : whole;
}

Result render_input(std::string_view markdown, char* writable, const Options& options) {
  if (markdown.size() > options.max_input_bytes)
    return failure({0, 0, "the input is " + std::to_string(markdown.size()) + " bytes, over the limit of " +
                              std::to_string(options.max_input_bytes) + " (option maxInputBytes)"});
  const OutputFormat* format = find_output_format(options.format);
  if (!format) return failure({0, 0, "this build does not render the format asked for"});
  std::string unsubscribe = unsubscribe_href(options.unsubscribe_url);
  if (unsubscribe.empty()) return failure({0, 0, "the unsubscribe URL is not a safe URL (option unsubscribeUrl)"});
  if (const PublicationSupport* publication = publication_support())
    if (auto problem = publication->defaults_problem(options.default_lang, options.default_canonical_url))
      return failure({0, 0, *problem});

  // The output budget is of the input as given: repairs below may make it up to 3 times longer.
  const std::size_t input_bytes = markdown.size();
  // Invalid UTF-8 is repaired up front so every later step (and every output) sees valid text.
  std::string repaired;
  bool invalid_utf8 = !utf8::is_valid(markdown);
  if (invalid_utf8) {
    repaired = utf8::repaired(markdown);
    markdown = repaired;
    writable = repaired.data();
  }
  // NUL becomes U+FFFD here too (CommonMark requires it; md4c keeps it inside code spans).
  if (byte_scan::find(markdown, '\0') != std::string_view::npos) {
    std::string without_nul;
    without_nul.reserve(markdown.size() + 16);
    for (char c : markdown) {
      if (c == '\0') without_nul.append(utf8::kReplacement);
      else without_nul.push_back(c);
    }
    repaired = std::move(without_nul);
    markdown = repaired;
    writable = repaired.data();
  }

  const Diagnostic invalid_utf8_warning{1, 1, "the input is not valid UTF-8; invalid bytes were replaced by U+FFFD"};

  // [output budget, issue 15] Every writer keeps to it; over it the render fails (docs/limits.md).
  std::size_t max_output = options.max_output_bytes ? options.max_output_bytes : OutputBudget::default_limit(input_bytes);
  ScopedOutputBudget output_budget_scope(max_output);
  // Output handed over in pieces (HTML and email, Options::output_pieces) counts against the cap too;
  // past it the render fails, so the rest is not handed over.
  std::size_t handed = 0;
  std::function<void(std::string_view)> counted_pieces;
  if (options.output_pieces) {
    counted_pieces = [&](std::string_view piece) {
      handed += piece.size();
      if (!output_budget().over(handed)) options.output_pieces(piece);
    };
  }
  auto over_output_budget = [&] {
    return failure({0, 0, "the output is over the limit of " + std::to_string(max_output) + " bytes (" +
                              (options.max_output_bytes ? "" : "16 × the input + 1 MiB; ") + "option maxOutputBytes)"});
  };

  // CommonMark HTML needs no model (no sections, policy or lint): it streams from the parser.
  if (options.commonmark && format->commonmark_direct) {
    Result result;
    result.output.reserve(output_reserve(markdown.size(), options, *format, 4));
    if (!render_commonmark_html(markdown, result.output, result.warnings, counted_pieces))
      return failure({0, 0, "the Markdown parser ran out of memory"});
    if (output_budget().over(handed + result.output.size())) return over_output_budget();
    if (invalid_utf8) result.warnings.push_back(invalid_utf8_warning);  // after the nesting warning at 0:0
    result.meta_json = "{}";
    result.outline_json = "[]";
    return result;
  }

  Document doc;
  if (auto error = build(markdown, writable, options, doc)) return failure(std::move(*error));
  if (invalid_utf8) doc.warnings.insert(doc.warnings.begin(), invalid_utf8_warning);
  // Lint and the output check come with the format (a lean build has neither): render/formats.cpp.
  if (options.lint && format->lint && !options.summary_only) format->lint(doc, format->lint_settings);

  stable_sort_items(doc.warnings, [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  Result result;
  if (!options.summary_only) {  // a publication reading its issues writes no output
    result.output.reserve(output_reserve(markdown.size(), options, *format, 2));
    RenderSettings settings;
    settings.standalone = options.standalone;
    settings.allow_html = options.allow_html;
    settings.unsubscribe_href = unsubscribe;
    if (options.output_pieces) settings.output_pieces = &counted_pieces;
    format->render(doc, settings, result.output);
    if (output_budget().over(handed + result.output.size())) return over_output_budget();
    if (options.lint && format->check_output) format->check_output(handed + result.output.size(), doc.warnings);
  }

  result.meta_json = doc.front.meta_json;
  result.outline_json = outline_json(doc.outline);
  result.labels_json = page_labels_json(doc.locale);
  if (const PublicationSupport* publication = publication_support()) result.summary_json = publication->summarize(doc);
  result.warnings = std::move(doc.warnings);
  return result;
}

}  // namespace

Result render(std::string_view markdown, const Options& options) { return render_input(markdown, nullptr, options); }

Result render_in_place(char* markdown, std::size_t size, const Options& options) {
  return render_input(std::string_view(markdown, size), markdown, options);
}

std::string sidecar_json(const Result& result) {
  std::string warnings = diagnostics_json(result.warnings);
  std::string error = result.error ? diagnostic_json(*result.error) : std::string("null");
  std::string_view meta = result.meta_json.empty() ? std::string_view("{}") : std::string_view(result.meta_json);
  std::string_view outline =
      result.outline_json.empty() ? std::string_view("[]") : std::string_view(result.outline_json);
  std::string out;
  out.reserve(80 + meta.size() + outline.size() + warnings.size() + result.labels_json.size() +
              result.summary_json.size() + error.size());
  out.append("{\"meta\":").append(meta).append(",\"outline\":").append(outline);
  out.append(",\"warnings\":").append(warnings);
  if (!result.labels_json.empty()) out.append(",\"labels\":").append(result.labels_json);
  if (!result.summary_json.empty()) out.append(",\"summary\":").append(result.summary_json);
  out.append(",\"error\":").append(error).append("}");
  return out;
}

}  // namespace broadsheet
