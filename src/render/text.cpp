// The plain text of an issue: the text/plain part of the same email. Title and preheader, the header
// facts, sections with underlined headings, bullets, the sponsor block labelled, callouts marked with
// "| ", tables as aligned columns; lines wrapped at 78 columns (East Asian wide characters count two).
// Links keep their text and get a number, "text [3]", and the numbered URLs are listed under "Links"
// at the end; a link whose text already is its URL stays as it is. No HTML.
#include <algorithm>
#include <unordered_map>

#include "core/display_width.hpp"
#include "core/stage.hpp"
#include "render/formats.hpp"
#include "core/output_budget.hpp"
#include "render/issue_header.hpp"
#include "render/resolve_url.hpp"
#include "render/view.hpp"
#include "render/text_table.hpp"
#include "render/wrap.hpp"

namespace broadsheet {

namespace {


bool is_inline(NodeType type) { return type >= NodeType::Text && type <= NodeType::FootnoteRef; }

// Raw HTML under allowHtml: the text between the tags (the text format never carries markup).
std::string without_tags(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>' && in_tag) in_tag = false;
    else if (!in_tag) out.push_back(c);
  }
  return out;
}

// [output budget, issue 15] A nested block's prefix grows by `mark` only while it is narrower than half
// the text width: 199 nested quotes made every word a 400-byte line (200 MB of text from 1 MB).
std::string nested(const std::string& prefix, std::string_view mark) {
  constexpr std::size_t kMaxPrefixWidth = 72 / 2;
  return display_width(prefix) < kMaxPrefixWidth ? prefix + std::string(mark) : prefix;
}

std::string rtrim(std::string_view s) {
  std::size_t end = s.find_last_not_of(' ');
  return end == std::string_view::npos ? std::string() : std::string(s.substr(0, end + 1));
}

class IssueText {
 public:
  IssueText(const Document& doc, const RenderSettings& settings, std::string& out)
      : doc_(doc), fm_(doc.front), settings_(settings), out_(out) {}

  void document() {
    header();
    body();
    references();
    footer();
  }

 private:
  // ---- layout helpers

  // A blank line between blocks. Inside one quote or callout it carries the marks ("|", ">") the two
  // blocks share, without trailing spaces; entering or leaving one it is empty.
  void gap(std::string_view prefix) {
    if (!out_.empty() && pending_gap_ && !tight_) {
      std::size_t common = 0;
      while (common < prefix.size() && common < last_prefix_.size() && prefix[common] == last_prefix_[common]) ++common;
      out_ += rtrim(prefix.substr(0, common));
      out_.push_back('\n');
    }
    pending_gap_ = false;
    last_prefix_ = prefix;
  }

  void paragraph_text(const std::string& text, std::string_view first, std::string_view rest) {
    gap(rest);
    wrap_text(text, kTextWidth, first, rest, out_);
    pending_gap_ = true;
  }

  void underlined(const std::string& text, char mark, std::string_view prefix) {
    gap(prefix);
    std::string wrapped;
    wrap_text(text, kTextWidth, prefix, prefix, wrapped);
    std::size_t widest = 0;
    for (std::size_t start = 0; start < wrapped.size();) {
      std::size_t end = wrapped.find('\n', start);
      widest = std::max(widest, display_width(std::string_view(wrapped).substr(start, end - start)));
      start = end + 1;
    }
    out_ += wrapped;
    std::size_t lead = display_width(prefix);
    out_ += prefix;
    out_.append(widest > lead ? widest - lead : 1, mark);
    out_.push_back('\n');
    pending_gap_ = true;
  }

  void rule(std::string_view prefix) {
    gap(prefix);
    out_ += prefix;
    out_.append(kTextWidth - std::min(kTextWidth - 10, display_width(prefix)), '-');
    out_.push_back('\n');
    pending_gap_ = true;
  }

  // The number of a link's URL in the list at the end (one number per URL); the title, if any, goes
  // with it there.
  std::size_t reference(std::string_view url, std::string_view title = {}) {
    std::string absolute = resolve_url(url, fm_.canonical_url);
    auto [it, added] = numbers_.emplace(absolute, static_cast<std::uint32_t>(links_.size() + 1));
    if (added) links_.push_back(title.empty() ? absolute : absolute + " (" + std::string(title) + ")");
    return it->second;
  }

  // ---- header, references, footer

  void header() {
    if (!fm_.publication.empty()) paragraph_text(fm_.publication, "", "");
    underlined(issue_title(doc_), '=', "");
    if (!fm_.subtitle.empty()) paragraph_text(fm_.subtitle, "", "");
    std::string byline;
    for (const BylinePart& part : byline_parts(doc_)) {
      if (!byline.empty()) byline += kBylineSeparator;
      byline += part.text;
    }
    std::string tags;
    const Locale& locale = doc_.locale;
    for (const std::string& tag : fm_.tags) {
      if (tags.empty()) tags.append(locale.label(Label::Tags)).append(locale.label(Label::Colon));
      else tags.append(locale.label(Label::ListSeparator));
      tags += tag;
    }
    if (!byline.empty() || !tags.empty()) {
      gap("");
      if (!byline.empty()) wrap_text(byline, kTextWidth, "", "", out_);
      if (!tags.empty()) wrap_text(tags, kTextWidth, "", "", out_);
      pending_gap_ = true;
    }
    if (!fm_.preheader.empty()) paragraph_text(fm_.preheader, "", "");
    if (std::string_view address = web_address(fm_); !address.empty())
      paragraph_text(labelled(Label::ViewInBrowser, address), "", "");
    if (fm_.hero) hero(*fm_.hero);
  }

  // "[Image: alt]" where a picture stands, in the issue's language ("[Image : …]", "[图片：…]").
  std::string image_placeholder(std::string_view alt) const {
    std::string out = "[";
    out.append(doc_.locale.format(Label::Image, alt.empty() ? doc_.locale.label(Label::NoDescription) : alt)).append("]");
    return out;
  }

  void hero(const Hero& hero) {
    HeroView view = hero_view(hero);
    if (!view.image_src.empty())
      paragraph_text(image_placeholder(hero.alt), "", "");
    std::string caption = hero.caption;
    if (!hero.credit.empty()) {
      if (!caption.empty()) caption += ' ';
      caption += doc_.locale.format(Label::PhotoCredit, hero.credit);
      if (!view.credit_href.empty()) caption.append(" [").append(std::to_string(reference(view.credit_href))).append("]");
    }
    if (!caption.empty()) paragraph_text(caption, "", "");
  }

  void references() {
    if (links_.empty()) return;
    underlined(std::string(doc_.locale.label(Label::Links)), '-', "");
    gap("");
    for (std::size_t i = 0; i < links_.size(); ++i) {
      std::string label = "[";
      label += std::to_string(i + 1);
      label += "] ";
      wrap_text(label + links_[i], kTextWidth, "", std::string(label.size(), ' '), out_);
    }
    pending_gap_ = true;
  }

  void footer() {
    rule("");
    FooterView view = footer_view(doc_);
    wrap_text(view.from, kTextWidth, "", "", out_);
    if (!view.web_address.empty())
      wrap_text(labelled(Label::ReadOnWeb, view.web_address), kTextWidth, "", "  ", out_);
    wrap_text(labelled(Label::Unsubscribe, settings_.unsubscribe_href), kTextWidth, "", "  ", out_);
  }

  // "Label: value" in the issue's language ("Étiquettes : …", "标签：…").
  std::string labelled(Label label, std::string_view value) const {
    std::string out(doc_.locale.label(label));
    out.append(doc_.locale.label(Label::Colon)).append(value);
    return out;
  }

  // ---- body

  void body() {
    for (std::uint32_t child = doc_[0].first_child; child; child = doc_[child].next)
      if (child != doc_.title_heading) block(child, "", "");
  }

  // Renders the blocks under `parent`; runs of inline children (tight list items) form one paragraph.
  void blocks(std::uint32_t parent, std::string first, const std::string& rest) {
    std::string inlines;
    auto flush = [&] {
      if (inlines.find_first_not_of(" \n") == std::string::npos) return;
      paragraph_text(inlines, first, rest);
      inlines.clear();
      first = rest;
    };
    for (std::uint32_t child = doc_[parent].first_child; child; child = doc_[child].next) {
      if (output_budget().over(out_.size())) return;  // [output budget, issue 15] the render fails
      if (is_inline(doc_[child].type)) {
        inline_text(child, inlines);
        continue;
      }
      flush();
      block(child, first, rest);
      first = rest;
    }
    flush();
  }

  void block(std::uint32_t index, const std::string& first, const std::string& rest) {
    const Node& n = doc_[index];
    switch (n.type) {
      case NodeType::Section:
      case NodeType::Story:
      case NodeType::Document: {
        std::uint32_t outer = container_;
        container_ = index;
        blocks(index, first, rest);
        container_ = outer;
        break;
      }
      case NodeType::Heading: heading(index, rest); break;
      case NodeType::Paragraph: {
        std::string text;
        inlines_of(index, text);
        paragraph_text(text, first, rest);
        break;
      }
      case NodeType::Figure: figure(index, first, rest); break;
      case NodeType::BlockQuote: blocks(index, nested(first, "> "), nested(rest, "> ")); break;
      case NodeType::List: list(index, first, rest); break;
      case NodeType::ListItem: blocks(index, first, rest); break;
      case NodeType::CodeBlock: code_lines(index, rest); break;
      case NodeType::HtmlBlock: html_lines(index, rest); break;
      case NodeType::ThematicBreak: paragraph_text("* * *", first, rest); break;
      case NodeType::Table: table(index, rest); break;
      case NodeType::Directive: directive(index, rest); break;
      case NodeType::Footnotes: notes(index); break;
      default: {  // an inline where a block was expected: keep its text
        std::string text;
        inline_text(index, text);
        paragraph_text(text, first, rest);
      }
    }
  }

  void heading(std::uint32_t index, const std::string& prefix) {
    std::string text;
    inlines_of(index, text);
    std::replace(text.begin(), text.end(), '\n', ' ');
    bool opens = container_ && doc_[container_].first_child == index;
    if (opens && doc_[container_].type == NodeType::Section) {
      pending_gap_ = true;
      gap(prefix);  // two blank lines before a section
      pending_gap_ = true;
      underlined(text, '=', prefix);
    } else if (opens) {
      underlined(text, '-', prefix);
    } else {
      paragraph_text(text, prefix, prefix);
    }
  }

  void list(std::uint32_t index, const std::string& first, const std::string& rest) {
    const Node& n = doc_[index];
    int number = n.list_start();
    bool outer_tight = tight_;
    bool first_item = true;
    for (std::uint32_t item = n.first_child; item; item = doc_[item].next) {
      std::string marker = n.has(kOrdered) ? std::to_string(number++) + ". " : "- ";
      if (doc_[item].has(kTask)) marker += doc_[item].has(kChecked) ? "[x] " : "[ ] ";
      if (first_item) gap(first);  // the list is apart from what came before (unless itself in a tight list)
      tight_ = n.has(kTight);      // in a tight list, its items and what they hold are not
      std::string item_first = (first_item ? first : rest) + marker;
      blocks(item, item_first, nested(rest, std::string(n.has(kOrdered) ? marker.size() : 2, ' ')));
      first_item = false;
    }
    tight_ = outer_tight;
    pending_gap_ = true;
  }

  void figure(std::uint32_t index, const std::string& first, const std::string& rest) {
    std::string text;
    inline_text(doc_[index].first_child, text);
    std::uint32_t only = doc_[index].first_child;
    std::uint32_t img = doc_[only].type == NodeType::Image ? only : doc_[only].first_child;
    paragraph_text(text, first, rest);
    if (!doc_[img].title().empty()) paragraph_text(std::string(doc_[img].title()), rest, rest);
  }

  void code_lines(std::uint32_t index, const std::string& prefix) {
    std::string code;
    for (std::uint32_t child = doc_[index].first_child; child; child = doc_[child].next) code += doc_[child].literal();
    literal_lines(code, prefix + "    ");
  }

  void html_lines(std::uint32_t index, const std::string& prefix) {
    std::string html;
    for (std::uint32_t child = doc_[index].first_child; child; child = doc_[child].next) html += doc_[child].literal();
    literal_lines(settings_.allow_html ? without_tags(html) : html, prefix);
  }

  // Code and raw lines keep their line breaks and spacing: they are never wrapped.
  void literal_lines(std::string_view text, const std::string& prefix) {
    while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    if (text.empty()) return;
    gap(prefix);
    for (std::size_t start = 0; start <= text.size();) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      out_ += rtrim(prefix + std::string(text.substr(start, end - start)));
      out_.push_back('\n');
      start = end + 1;
    }
    pending_gap_ = true;
  }

  void table(std::uint32_t index, const std::string& prefix) {
    TextTable t;
    for (std::uint32_t part = doc_[index].first_child; part; part = doc_[part].next) {
      for (std::uint32_t row = doc_[part].first_child; row; row = doc_[row].next) {
        std::vector<std::string> cells;
        for (std::uint32_t cell = doc_[row].first_child; cell; cell = doc_[cell].next) {
          std::string text;
          inlines_of(cell, text);
          std::replace(text.begin(), text.end(), '\n', ' ');
          cells.push_back(std::move(text));
          if (doc_[part].type == NodeType::TableHead) t.align.push_back(static_cast<int>(doc_[cell].alignment()));
        }
        if (doc_[part].type == NodeType::TableHead) t.header = std::move(cells);
        else t.rows.push_back(std::move(cells));
      }
    }
    gap(prefix);
    render_text_table(t, prefix, kTextWidth, out_);
    pending_gap_ = true;
  }

  // The sponsor between two rules under its label; callouts, calls to action and other blocks as a
  // "| " column under their title.
  void directive(std::uint32_t index, const std::string& prefix) {
    DirectiveView view = directive_view(doc_, index);
    const std::string& written = view.directive.title;
    if (view.kind.labelled) {
      std::string label(view.label);
      rule(prefix);
      pending_gap_ = false;
      paragraph_text(written.empty() ? label : label + ": " + written, prefix, prefix);
      blocks(index, prefix, prefix);
      rule(prefix);
      return;
    }
    std::string title = written;
    if (!view.kind_title.empty()) {
      std::string kind(view.kind_title);
      title = title.empty() ? kind : kind + ": " + title;
    }
    std::string inner = nested(prefix, "| ");
    if (!title.empty()) paragraph_text(title, inner, inner);
    blocks(index, inner, inner);
  }

  // The footnotes, under "Notes" like the links under "Links": "[1] text", wrapped under its text.
  void notes(std::uint32_t index) {
    pending_gap_ = true;
    underlined(std::string(doc_.locale.label(Label::Notes)), '-', "");
    for (std::uint32_t note = doc_[index].first_child; note; note = doc_[note].next) {
      std::string label = "[";
      label.append(std::to_string(doc_[note].note_number())).append("] ");
      blocks(note, label, std::string(label.size(), ' '));
    }
    pending_gap_ = true;
  }

  // ---- inlines

  void inlines_of(std::uint32_t parent, std::string& out) {
    for (std::uint32_t child = doc_[parent].first_child; child; child = doc_[child].next) inline_text(child, out);
  }

  void inline_text(std::uint32_t index, std::string& out) {
    const Node& n = doc_[index];
    switch (n.type) {
      case NodeType::Text: out += n.literal(); break;
      case NodeType::SoftBreak: out += ' '; break;
      case NodeType::LineBreak: out += '\n'; break;
      case NodeType::InlineHtml: out += settings_.allow_html ? without_tags(n.literal()) : std::string(n.literal()); break;
      case NodeType::Strikethrough:
        out += "~~";
        inlines_of(index, out);
        out += "~~";
        break;
      case NodeType::Image: {
        std::string alt;
        inlines_of(index, alt);
        out += image_placeholder(alt);
        break;
      }
      case NodeType::Link: link(index, out); break;
      case NodeType::FootnoteRef: out += "[" + std::to_string(n.note_number()) + "]"; break;
      default: inlines_of(index, out);
    }
  }

  // Text first, then " [n]"; a link whose text already shows its URL (autolinks) gets no number.
  void link(std::uint32_t index, std::string& out) {
    const Node& n = doc_[index];
    std::size_t start = out.size();
    inlines_of(index, out);
    if (n.has(kUnsafeUrl)) return;
    std::string_view text = std::string_view(out).substr(start);
    std::string_view url = n.url();
    if (url.rfind("mailto:", 0) == 0 && text == url.substr(7)) return;
    if (text == url || n.has(kAutolink)) return;
    out += " [" + std::to_string(reference(url, n.title())) + "]";
  }

  const Document& doc_;
  const FrontMatter& fm_;
  const RenderSettings& settings_;
  std::string& out_;
  bool pending_gap_ = false;
  bool tight_ = false;           // inside a tight list: no blank lines
  std::string last_prefix_;      // the prefix of the last block written
  std::uint32_t container_ = 0;
  std::vector<std::string> links_;
  std::unordered_map<std::string, std::uint32_t> numbers_;  // by URL: its reference number (one map type in the module)
};

}  // namespace

BROADSHEET_STAGE void render_text(const Document& doc, const RenderSettings& settings, std::string& out) {
  IssueText(doc, settings, out).document();
}

}  // namespace broadsheet
