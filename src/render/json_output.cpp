#include "render/json_output.hpp"

#include "core/directives.hpp"
#include "core/json_string.hpp"
#include "core/json_value.hpp"
#include "core/output_budget.hpp"
#include "core/stage.hpp"
#include "core/word_count.hpp"
#include "render/formats.hpp"

namespace broadsheet {

namespace {

const char* type_name(NodeType type) {
  switch (type) {
    case NodeType::Document: return "document";
    case NodeType::Section: return "section";
    case NodeType::Story: return "story";
    case NodeType::Directive: return "directive";
    case NodeType::Figure: return "figure";
    case NodeType::Paragraph: return "paragraph";
    case NodeType::Heading: return "heading";
    case NodeType::BlockQuote: return "blockquote";
    case NodeType::List: return "list";
    case NodeType::ListItem: return "item";
    case NodeType::CodeBlock: return "code_block";
    case NodeType::HtmlBlock: return "html_block";
    case NodeType::ThematicBreak: return "thematic_break";
    case NodeType::Table: return "table";
    case NodeType::TableHead: return "table_head";
    case NodeType::TableBody: return "table_body";
    case NodeType::TableRow: return "table_row";
    case NodeType::TableCell: return "table_cell";
    case NodeType::Text: return "text";
    case NodeType::SoftBreak: return "softbreak";
    case NodeType::LineBreak: return "linebreak";
    case NodeType::CodeSpan: return "code";
    case NodeType::InlineHtml: return "html_inline";
    case NodeType::Emphasis: return "emphasis";
    case NodeType::Strong: return "strong";
    case NodeType::Strikethrough: return "strikethrough";
    case NodeType::Link: return "link";
    case NodeType::Image: return "image";
    case NodeType::FootnoteRef: return "footnote_reference";
    case NodeType::Footnotes: return "footnotes";
    case NodeType::Footnote: return "footnote";
  }
  return "unknown";
}

class JsonTree {
 public:
  explicit JsonTree(const Document& doc) : doc_(doc) {}

  // [output budget, issue 15] Writes the node straight into `out`: a JsonValue tree of the whole document
  // took ~600 bytes per node (27× the input for an ordinary 4 MB issue). The node's own keys form a small
  // object; "children" is written at its sorted place, so the bytes are those the tree wrote.
  void write(std::uint32_t index, std::string& out) const {
    if (output_budget().over(out.size())) return;  // the render fails
    const Node& n = doc_[index];
    JsonValue own = JsonValue::object();
    own["type"] = text(type_name(n.type));
    if (n.offset != kNoOffset && n.type != NodeType::Text) own["line"] = JsonValue::number(doc_.source.line(n.offset));
    attributes(n, own);
    bool leaf_text = n.type == NodeType::Text || n.type == NodeType::InlineHtml;
    if (leaf_text) own["text"] = text(n.literal());
    bool children_due = !leaf_text && n.first_child;
    bool first = true;
    auto key = [&](std::string_view name) {
      if (!first) out.push_back(',');
      first = false;
      append_json_string(out, name);
      out.push_back(':');
    };
    auto children = [&] {
      key("children");
      out.push_back('[');
      for (std::uint32_t child = n.first_child; child; child = doc_[child].next) {
        if (child != n.first_child) out.push_back(',');
        write(child, out);
      }
      out.push_back(']');
      children_due = false;
    };
    out.push_back('{');
    for (const JsonMember& member : own.members) {
      if (children_due && member.key > "children") children();
      key(member.key);
      append_json(out, member.value);
    }
    if (children_due) children();
    out.push_back('}');
  }

 private:
  static JsonValue text(std::string_view s) { return JsonValue::string(std::string(s)); }

  void attributes(const Node& n, JsonValue& out) const {
    switch (n.type) {
      case NodeType::Section:
      case NodeType::Story: out["id"] = text(n.id()); break;
      case NodeType::Heading:
        out["level"] = JsonValue::number(n.heading_level());
        if (!n.id().empty()) out["id"] = text(n.id());
        break;
      case NodeType::List:
        out["ordered"] = JsonValue::flag(n.has(kOrdered));
        out["tight"] = JsonValue::flag(n.has(kTight));
        if (n.has(kOrdered)) out["start"] = JsonValue::number(n.list_start());
        break;
      case NodeType::ListItem:
        if (n.has(kTask)) out["checked"] = JsonValue::flag(n.has(kChecked));
        break;
      case NodeType::CodeBlock:
        if (!n.info_string().empty()) out["info"] = text(n.info_string());
        if (!n.language().empty()) out["lang"] = text(n.language());
        break;
      case NodeType::TableCell: {
        static const char* const aligns[] = {"", "left", "center", "right"};
        out["header"] = JsonValue::flag(n.has(kHeaderCell));
        if (n.alignment() != CellAlignment::None) out["align"] = text(aligns[static_cast<int>(n.alignment())]);
        break;
      }
      case NodeType::Link:
      case NodeType::Image:
        if (n.has(kUnsafeUrl)) out["unsafe"] = JsonValue::flag(true);
        else out[n.type == NodeType::Link ? "href" : "src"] = text(n.url());
        if (!n.title().empty()) out["title"] = text(n.title());
        if (n.has(kButton)) out["button"] = JsonValue::flag(true);
        if (n.has(kAutolink)) out["autolink"] = JsonValue::flag(true);
        break;
      case NodeType::Directive: {
        const Directive& d = doc_.directives[n.directive_index()];
        out["name"] = text(d.name);
        out["kind"] = text(directive_kind_info(d.kind).name);
        if (!d.callout.empty()) out["callout"] = text(d.callout);
        if (!d.title.empty()) out["title"] = text(d.title);
        if (!d.classes.empty()) out["classes"] = text(d.classes);
        if (!d.attributes.empty()) {
          JsonValue& attributes = out["attributes"] = JsonValue::object();
          for (const auto& [key, value] : d.attributes) attributes[key] = text(value);
        }
        break;
      }
      case NodeType::FootnoteRef:
      case NodeType::Footnote: {
        std::uint32_t number = n.note_number();
        out["number"] = JsonValue::number(number);
        if (number >= 1 && number <= doc_.footnote_labels.size()) out["label"] = text(doc_.footnote_labels[number - 1]);
        bool note = n.type == NodeType::Footnote;
        out["id"] = text(note ? n.id() : n.reference_id());
        if (!note) out["href"] = text(std::string("#") + std::string(n.note_id()));
        else if (!n.back_link().empty()) out["back"] = text(std::string("#") + std::string(n.back_link()));
        break;
      }
      default:
        break;
    }
  }

  const Document& doc_;
};

// The text of a subtree for counting words: like plain_text, but blocks are kept apart by a space
// (so the last word of a heading and the first of the paragraph after it stay two words).
void text_for_counting(const Document& doc, std::uint32_t node, std::string& out) {
  for (std::uint32_t child = doc[node].first_child; child; child = doc[child].next) {
    const Node& n = doc[child];
    if (n.type == NodeType::Text) out += n.literal();
    else if (n.type == NodeType::SoftBreak || n.type == NodeType::LineBreak) out += ' ';
    else if (n.type != NodeType::Image && n.type != NodeType::InlineHtml) text_for_counting(doc, child, out);
    if (n.type < NodeType::Text) out += ' ';
  }
}

std::size_t words_in(const Document& doc, std::uint32_t node) {
  std::string text;
  text_for_counting(doc, node, text);
  return count_words(text);
}

// Words and reading time of the whole body and of each `##` section (heading included).
JsonValue statistics(const Document& doc) {
  auto count = [](std::size_t n) { return JsonValue::number(static_cast<long long>(n)); };
  JsonValue out = JsonValue::object();
  JsonValue& sections = out["sections"] = JsonValue::array();
  for (std::uint32_t child = doc[0].first_child; child; child = doc[child].next) {
    if (doc[child].type != NodeType::Section) continue;
    std::size_t words = words_in(doc, child);
    JsonValue section = JsonValue::object();
    section["id"] = JsonValue::string(std::string(doc[child].id()));
    section["title"] = JsonValue::string(std::string(doc[doc[child].first_child].plain_title()));
    section["line"] = JsonValue::number(doc.source.line(doc[child].offset));
    section["words"] = count(words);
    section["reading_minutes"] = count(reading_minutes(words));
    sections.items.push_back(std::move(section));
  }
  std::size_t words = words_in(doc, 0);
  out["words"] = count(words);
  out["reading_minutes"] = count(reading_minutes(words));
  out["words_per_minute"] = count(kWordsPerMinute);
  return out;
}

}  // namespace

// Keys sorted, as JsonValue writes objects, so every JSON the core emits reads the same.
// Written by hand: building a json value per entry cost more than the rest of a small render's JSON.
std::string outline_json(const std::vector<OutlineEntry>& outline) {
  // Sized once: in wasm each reallocation of a growing string costs as much as several appends.
  std::size_t bytes = 2;
  for (const auto& entry : outline) bytes += 64 + entry.id.size() + entry.kind.size() + entry.title.size();
  std::string out;
  out.reserve(bytes);
  out += '[';
  for (const auto& entry : outline) {
    if (out.size() > 1) out += ',';
    out += "{\"id\":";
    append_json_string(out, entry.id);
    out += ",\"kind\":";
    append_json_string(out, entry.kind);
    out += ",\"level\":";
    append_json_number(out, entry.level);
    out += ",\"line\":";
    append_json_number(out, entry.line);
    out += ",\"title\":";
    append_json_string(out, entry.title);
    out += '}';
  }
  out += ']';
  return out;
}

namespace {

void append_diagnostic(std::string& out, const Diagnostic& d) {
  out += "{\"column\":";
  append_json_number(out, d.column);
  if (d.hint) out += ",\"hint\":true";
  out += ",\"line\":";
  append_json_number(out, d.line);
  out += ",\"message\":";
  append_json_string(out, d.message);
  if (!d.rule.empty()) {
    out += ",\"rule\":";
    append_json_string(out, d.rule);
  }
  out += '}';
}

}  // namespace

std::string diagnostic_json(const Diagnostic& d) {
  std::string out;
  append_diagnostic(out, d);
  return out;
}

std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  std::size_t bytes = 2;
  for (const auto& d : diagnostics) bytes += 72 + d.message.size() + d.rule.size();
  std::string out;
  out.reserve(bytes);
  out += '[';
  for (const auto& d : diagnostics) {
    if (out.size() > 1) out += ',';
    append_diagnostic(out, d);
  }
  out += ']';
  return out;
}

BROADSHEET_STAGE void render_json(const Document& doc, const RenderSettings&, std::string& out) {
  out += "{\"version\":" + std::to_string(kJsonSchemaVersion);
  out += ",\"meta\":" + doc.front.meta_json;
  out += ",\"outline\":" + outline_json(doc.outline);
  out += ",\"document\":";
  JsonTree(doc).write(0, out);
  out += ",\"stats\":";
  append_json(out, statistics(doc));
  out += ",\"warnings\":" + diagnostics_json(doc.warnings);
  out += "}\n";
}

}  // namespace broadsheet
