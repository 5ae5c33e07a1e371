// The conformance mode: CommonMark 0.31.2 HTML written straight from md4c's callbacks, raw HTML kept.
//
// This mode has no sections, policy or lint, so nothing needs the document model: building it cost about
// a third of a CommonMark render. The output is what the model renderer (html_body.cpp with the CommonMark
// flavour) wrote, byte for byte, and it keeps the model's guarantees: at most Builder::kMaxNesting levels
// (deeper tags are left out, their text kept, with the same warning) and a close that md4c sends for a
// span it never opened is ignored, so tags always balance.
#include "render/commonmark.hpp"

#include <md4c.h>

#include <string>
#include <vector>

#include "core/builder.hpp"
#include "core/entities.hpp"
#include "core/md4c_attribute.hpp"
#include "core/utf8.hpp"
#include "render/html_attributes.hpp"
#include "render/writer.hpp"

namespace broadsheet {

namespace {

constexpr const char* kAlign[] = {"", " align=\"left\"", " align=\"center\"", " align=\"right\""};

// What is open, innermost last. Blocks and spans share one stack, as in the model.
enum class Kind : std::uint8_t { Document, Heading, Block, Span };

struct Open {
  Open(Kind k, unsigned t, std::uint8_t l = 0) : kind(k), type(t), level(l) {}
  Kind kind;
  unsigned type;       // MD_BLOCKTYPE or MD_SPANTYPE
  std::uint8_t level;  // heading level
  std::string title;   // image: its title, written after the alt text
};

class Stream {
 public:
  Stream(std::string& out, std::vector<Diagnostic>& warnings, const std::function<void(std::string_view)>& pieces)
      : w_(out), warnings_(warnings) {
    w_.hand_over_to(pieces);
    stack_.push_back({Kind::Document, 0});
  }

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    if (type == MD_BLOCK_DOC) return;
    if (type == MD_BLOCK_H) {  // headings are never refused, as in Builder::open_heading
      auto level = static_cast<std::uint8_t>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
      w_.raw("<h");
      w_.raw(static_cast<char>('0' + level));
      w_.raw('>');
      stack_.push_back({Kind::Heading, type, level});
      return;
    }
    if (!may_open()) return;
    Open open{Kind::Block, type};
    switch (type) {
      case MD_BLOCK_QUOTE: w_.raw("<blockquote>\n"); break;
      case MD_BLOCK_UL: w_.raw("<ul>\n"); break;
      case MD_BLOCK_OL: {
        unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
        if (start == 1) {
          w_.raw("<ol>\n");
        } else {
          w_.raw("<ol start=\"");
          w_.raw(std::to_string(start));
          w_.raw("\">\n");
        }
        break;
      }
      case MD_BLOCK_LI: {
        auto* d = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
        if (d->is_task) {
          w_.raw("<li class=\"task-list-item\"><input type=\"checkbox\" disabled");
          w_.raw((d->task_mark == 'x' || d->task_mark == 'X') ? " checked> " : "> ");
        } else {
          w_.raw("<li>");
        }
        break;
      }
      case MD_BLOCK_HR: w_.raw("<hr>\n"); break;
      case MD_BLOCK_CODE: {
        auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        w_.raw("<pre><code");
        if (d->lang.size > 0) {
          w_.raw(" class=\"language-");
          w_.text(decoded(d->lang));
          w_.raw("\"");
        }
        w_.raw(">");
        break;
      }
      case MD_BLOCK_P: w_.raw("<p>"); break;
      case MD_BLOCK_TABLE: w_.raw("<table>\n"); break;
      case MD_BLOCK_THEAD: w_.raw("<thead>\n"); break;
      case MD_BLOCK_TBODY: w_.raw("<tbody>\n"); break;
      case MD_BLOCK_TR: w_.raw("<tr>\n"); break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        w_.raw(type == MD_BLOCK_TH ? "<th" : "<td");
        w_.raw(kAlign[static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align & 3]);
        w_.raw('>');
        break;
      default: break;  // MD_BLOCK_HTML: its text is written as it comes
    }
    stack_.push_back(std::move(open));
  }

  void leave_block(MD_BLOCKTYPE type) {
    if (type == MD_BLOCK_DOC) return;
    if (type == MD_BLOCK_H) {
      // Whatever is still open inside the heading closes with it.
      while (stack_.size() > 2 && stack_.back().kind != Kind::Heading) pop();
      if (stack_.size() >= 2 && stack_.back().kind == Kind::Heading) pop();
      return;
    }
    close(Kind::Block, type);
    w_.maybe_hand_over();
  }

  void enter_span(MD_SPANTYPE type, void* detail) {
    if (!may_open()) return;
    Open open{Kind::Span, type};
    if (image_depth_ == 0) {
      switch (type) {
        case MD_SPAN_EM: w_.raw("<em>"); break;
        case MD_SPAN_STRONG: w_.raw("<strong>"); break;
        case MD_SPAN_CODE: w_.raw("<code>"); break;
        case MD_SPAN_DEL: w_.raw("<del>"); break;
        case MD_SPAN_A: {
          auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
          w_.raw("<a href=\"");
          w_.url(decoded(d->href));
          w_.raw('"');
          title_attribute(decoded(d->title));
          w_.raw('>');
          break;
        }
        case MD_SPAN_IMG: {
          auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
          w_.raw("<img src=\"");
          w_.url(decoded(d->src));
          w_.raw("\" alt=\"");
          open.title = decoded(d->title);
          break;
        }
        default: w_.raw("<em>"); break;  // spans of extensions we do not enable, as the model maps them
      }
    }
    if (type == MD_SPAN_IMG) ++image_depth_;
    stack_.push_back(std::move(open));
  }

  void leave_span(MD_SPANTYPE type) { close(Kind::Span, type); }

  void text(MD_TEXTTYPE type, std::string_view piece) {
    switch (type) {
      case MD_TEXT_NULLCHAR: w_.text(utf8::kReplacement); break;
      case MD_TEXT_BR: w_.raw(image_depth_ ? " " : "<br>\n"); break;
      case MD_TEXT_SOFTBR: w_.raw(image_depth_ ? ' ' : '\n'); break;
      case MD_TEXT_ENTITY: {
        entity_.clear();
        append_entity(entity_, piece);
        w_.text(entity_);
        break;
      }
      case MD_TEXT_HTML:
        if (image_depth_) w_.text(piece);
        else w_.raw(piece);
        break;
      default: w_.text(piece); break;
    }
  }

 private:
  // Builder::open's rule: refuse past the nesting limit, warning once.
  bool may_open() {
    if (stack_.size() < Builder::kMaxNesting) return true;
    if (not_opened_++ == 0)
      warnings_.push_back({0, 0, "the Markdown nests more than " + std::to_string(Builder::kMaxNesting) +
                                     " levels deep; deeper blocks and spans are shown at that level"});
    return false;
  }

  // Builder::close's rule: the innermost open of this type closes, with anything still open inside it.
  void close(Kind kind, unsigned type) {
    if (not_opened_ > 0) {
      --not_opened_;
      return;
    }
    bool open_here = false;
    for (std::size_t k = stack_.size(); k > 1 && !open_here; --k)
      open_here = stack_[k - 1].kind == kind && stack_[k - 1].type == type;
    if (!open_here) return;
    while (stack_.size() > 1) {
      bool last = stack_.back().kind == kind && stack_.back().type == type;
      pop();
      if (last) return;
    }
  }

  void pop() {
    Open open = std::move(stack_.back());
    stack_.pop_back();
    if (open.kind == Kind::Heading) {
      w_.raw("</h");
      w_.raw(static_cast<char>('0' + open.level));
      w_.raw(">\n");
    } else if (open.kind == Kind::Block) {
      end_block(static_cast<MD_BLOCKTYPE>(open.type));
    } else if (open.type == MD_SPAN_IMG) {
      if (--image_depth_ == 0) {
        w_.raw('"');
        title_attribute(open.title);
        w_.raw('>');
      }
    } else if (image_depth_ == 0) {
      end_span(static_cast<MD_SPANTYPE>(open.type));
    }
  }

  void end_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_QUOTE: w_.raw("</blockquote>\n"); break;
      case MD_BLOCK_UL: w_.raw("</ul>\n"); break;
      case MD_BLOCK_OL: w_.raw("</ol>\n"); break;
      case MD_BLOCK_LI: w_.raw("</li>\n"); break;
      case MD_BLOCK_CODE: w_.raw("</code></pre>\n"); break;
      case MD_BLOCK_P: w_.raw("</p>\n"); break;
      case MD_BLOCK_TABLE: w_.raw("</table>\n"); break;
      case MD_BLOCK_THEAD: w_.raw("</thead>\n"); break;
      case MD_BLOCK_TBODY: w_.raw("</tbody>\n"); break;
      case MD_BLOCK_TR: w_.raw("</tr>\n"); break;
      case MD_BLOCK_TH: w_.raw("</th>\n"); break;
      case MD_BLOCK_TD: w_.raw("</td>\n"); break;
      default: break;
    }
  }

  void end_span(MD_SPANTYPE type) {
    switch (type) {
      case MD_SPAN_STRONG: w_.raw("</strong>"); break;
      case MD_SPAN_CODE: w_.raw("</code>"); break;
      case MD_SPAN_DEL: w_.raw("</del>"); break;
      case MD_SPAN_A: w_.raw("</a>"); break;
      default: w_.raw("</em>"); break;
    }
  }

  void title_attribute(std::string_view title) { write_title_attribute(w_, title, /*drop_breakout_prone=*/false); }

  static std::string decoded(const MD_ATTRIBUTE& attr) {
    std::string out;
    append_attribute_text(out, attr);
    return out;
  }

  Writer w_;
  std::vector<Diagnostic>& warnings_;
  std::vector<Open> stack_;
  std::size_t not_opened_ = 0;  // opens refused at the nesting limit, still to be closed
  int image_depth_ = 0;         // inside an image only the alt text is written
  std::string entity_;
};

// md4c calls back through C frames: nothing may throw. Allocation failure, the only exception possible,
// becomes an md4c abort: a negative return (md4c's MD_CHECK passes only negative codes up, so a positive
// one would let the parse go on).
int on_enter_block(MD_BLOCKTYPE type, void* detail, void* stream) noexcept try {
  static_cast<Stream*>(stream)->enter_block(type, detail);
  return 0;
} catch (...) {
  return -1;
}
int on_leave_block(MD_BLOCKTYPE type, void*, void* stream) noexcept try {
  static_cast<Stream*>(stream)->leave_block(type);
  return 0;
} catch (...) {
  return -1;
}
int on_enter_span(MD_SPANTYPE type, void* detail, void* stream) noexcept try {
  static_cast<Stream*>(stream)->enter_span(type, detail);
  return 0;
} catch (...) {
  return -1;
}
int on_leave_span(MD_SPANTYPE type, void*, void* stream) noexcept try {
  static_cast<Stream*>(stream)->leave_span(type);
  return 0;
} catch (...) {
  return -1;
}
int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* stream) noexcept try {
  static_cast<Stream*>(stream)->text(type, std::string_view(text, size));
  return 0;
} catch (...) {
  return -1;
}

}  // namespace

bool render_commonmark_html(std::string_view markdown, std::string& out, std::vector<Diagnostic>& warnings,
                            const std::function<void(std::string_view)>& pieces) {
  MD_PARSER parser{};
  parser.flags = MD_DIALECT_COMMONMARK;
  parser.enter_block = on_enter_block;
  parser.leave_block = on_leave_block;
  parser.enter_span = on_enter_span;
  parser.leave_span = on_leave_span;
  parser.text = on_text;
  Stream stream(out, warnings, pieces);
  return md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &stream) == 0;
}

}  // namespace broadsheet
