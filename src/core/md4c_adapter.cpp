#include "core/md4c_adapter.hpp"

#include <md4c.h>

#include <algorithm>
#include <string>

#include "core/entities.hpp"
#include "core/md4c_attribute.hpp"
#include "core/utf8.hpp"

namespace broadsheet {

namespace {

// md4c calls back through C frames: nothing here may throw. Allocation failure and the builder's node
// budget are turned into an md4c abort. It must be negative: md4c 0.5 stops between blocks only on a
// negative code (MD_CHECK), so a positive one ended the block and went on parsing the rest.
constexpr int kAbort = -1;

struct Context {
  Builder& builder;
  Document& doc;
  std::string_view buffer;
  std::span<const FootnoteToken> footnotes;
};

// 0 to go on; kAbort once the builder went over its node budget (md4c then stops the parse).
int go_on(void* userdata) { return static_cast<Context*>(userdata)->builder.failure() ? kAbort : 0; }

// The footnote reference whose token md4c reports at `data`, if any: recognised by address, never by
// text (a writer's own `&fnn;` stays an unknown entity).
const FootnoteToken* footnote_at(const Context& ctx, const char* data) {
  if (ctx.footnotes.empty()) return nullptr;
  auto found = std::lower_bound(ctx.footnotes.begin(), ctx.footnotes.end(), data,
                                [](const FootnoteToken& t, const char* at) { return std::less<>()(t.at, at); });
  return found != ctx.footnotes.end() && found->at == data ? &*found : nullptr;
}

bool in_buffer(const Context& ctx, const char* text) {
  return text >= ctx.buffer.data() && text < ctx.buffer.data() + ctx.buffer.size();
}

// Decodes an md4c attribute (href, title, info string): entities resolved, NULs replaced. md4c may
// hand us a temporary copy (after removing backslash escapes): only views into the parse buffer are kept.
std::string_view decode(Context& ctx, const MD_ATTRIBUTE& attr) {
  Document& doc = ctx.doc;
  if (attr.size == 0) return {};
  if (attr.substr_offsets[1] >= attr.size && attr.substr_types[0] == MD_TEXT_NORMAL)
    return in_buffer(ctx, attr.text) ? std::string_view(attr.text, attr.size)
                                     : doc.arena.store({attr.text, attr.size});
  std::string out;
  append_attribute_text(out, attr);
  return doc.arena.store(out);
}

NodeType block_type(MD_BLOCKTYPE type) {
  switch (type) {
    case MD_BLOCK_QUOTE: return NodeType::BlockQuote;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL: return NodeType::List;
    case MD_BLOCK_LI: return NodeType::ListItem;
    case MD_BLOCK_HR: return NodeType::ThematicBreak;
    case MD_BLOCK_CODE: return NodeType::CodeBlock;
    case MD_BLOCK_HTML: return NodeType::HtmlBlock;
    case MD_BLOCK_P: return NodeType::Paragraph;
    case MD_BLOCK_TABLE: return NodeType::Table;
    case MD_BLOCK_THEAD: return NodeType::TableHead;
    case MD_BLOCK_TBODY: return NodeType::TableBody;
    case MD_BLOCK_TR: return NodeType::TableRow;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: return NodeType::TableCell;
    default: return NodeType::Document;
  }
}

NodeType span_type(MD_SPANTYPE type) {
  switch (type) {
    case MD_SPAN_EM: return NodeType::Emphasis;
    case MD_SPAN_STRONG: return NodeType::Strong;
    case MD_SPAN_A: return NodeType::Link;
    case MD_SPAN_IMG: return NodeType::Image;
    case MD_SPAN_CODE: return NodeType::CodeSpan;
    case MD_SPAN_DEL: return NodeType::Strikethrough;
    default: return NodeType::Emphasis;  // spans of extensions we do not enable
  }
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* userdata) noexcept try {
  auto& ctx = *static_cast<Context*>(userdata);
  if (type == MD_BLOCK_DOC) return 0;
  if (type == MD_BLOCK_H) {
    ctx.builder.open_heading(static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
    return go_on(userdata);
  }
  if (type == MD_BLOCK_TH || type == MD_BLOCK_TD) {  // cells may be deferred (Builder::open_cell)
    auto* d = static_cast<MD_BLOCK_TD_DETAIL*>(detail);
    ctx.builder.open_cell(static_cast<std::uint16_t>(d->align), type == MD_BLOCK_TH);
    return go_on(userdata);
  }
  std::uint32_t index = ctx.builder.open(block_type(type));
  if (index == 0) return 0;  // over the nesting limit: the content joins the enclosing node
  Node& node = ctx.doc.nodes[index];
  switch (type) {
    case MD_BLOCK_UL: {
      auto* d = static_cast<MD_BLOCK_UL_DETAIL*>(detail);
      if (d->is_tight) node.flags |= kTight;
      node.set_list_mark(d->mark);
      break;
    }
    case MD_BLOCK_OL: {
      auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
      node.flags |= kOrdered | (d->is_tight ? kTight : 0);
      node.set_list_start(static_cast<std::int32_t>(d->start));
      node.set_list_mark(d->mark_delimiter);
      break;
    }
    case MD_BLOCK_LI: {
      auto* d = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
      if (d->is_task) node.flags |= kTask | ((d->task_mark == 'x' || d->task_mark == 'X') ? kChecked : 0);
      break;
    }
    case MD_BLOCK_CODE: {
      auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
      node.set_info_string(decode(ctx, d->info));
      node.set_language(decode(ctx, d->lang));
      node.set_fence_char(d->fence_char);
      break;
    }
    default:
      break;
  }
  return go_on(userdata);
} catch (...) {
  return kAbort;
}

int leave_block(MD_BLOCKTYPE type, void*, void* userdata) noexcept try {
  auto& ctx = *static_cast<Context*>(userdata);
  if (type == MD_BLOCK_DOC) return 0;
  if (type == MD_BLOCK_H) ctx.builder.close_heading();
  else ctx.builder.close(block_type(type));
  return go_on(userdata);
} catch (...) {
  return kAbort;
}

int enter_span(MD_SPANTYPE type, void* detail, void* userdata) noexcept try {
  auto& ctx = *static_cast<Context*>(userdata);
  // A block that starts with a link or image takes its position from the URL (its own text comes later).
  if (type == MD_SPAN_A) ctx.builder.note_source(static_cast<MD_SPAN_A_DETAIL*>(detail)->href.text);
  if (type == MD_SPAN_IMG) ctx.builder.note_source(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src.text);
  std::uint32_t index = ctx.builder.open(span_type(type));
  if (index == 0) return 0;  // over the nesting limit: the text stays, the span goes
  Node& node = ctx.doc.nodes[index];
  if (type == MD_SPAN_A) {
    auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
    node.set_url(decode(ctx, d->href));
    node.set_title(decode(ctx, d->title));
    if (d->is_autolink) node.flags |= kAutolink;
    node.offset = ctx.doc.source.to_original(d->href.text);
  } else if (type == MD_SPAN_IMG) {
    auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
    node.set_url(decode(ctx, d->src));
    node.set_title(decode(ctx, d->title));
    node.offset = ctx.doc.source.to_original(d->src.text);
  }
  return go_on(userdata);
} catch (...) {
  return kAbort;
}

int leave_span(MD_SPANTYPE type, void*, void* userdata) noexcept try {
  static_cast<Context*>(userdata)->builder.close(span_type(type));
  return go_on(userdata);
} catch (...) {
  return kAbort;
}

int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* userdata) noexcept try {
  auto& ctx = *static_cast<Context*>(userdata);
  std::string_view piece(data, size);
  switch (type) {
    case MD_TEXT_NULLCHAR: ctx.builder.text(utf8::kReplacement, nullptr); break;
    case MD_TEXT_BR: ctx.builder.leaf(NodeType::LineBreak); break;
    case MD_TEXT_SOFTBR: ctx.builder.leaf(NodeType::SoftBreak); break;
    case MD_TEXT_ENTITY: {
      if (const FootnoteToken* note = footnote_at(ctx, data)) {
        ctx.builder.note_source(data);
        std::uint32_t index = ctx.builder.leaf(NodeType::FootnoteRef);
        Node& node = ctx.doc.nodes[index];
        node.set_note_number(note->number);
        node.set_reference_ordinal(note->ordinal);
        node.set_note_id(note->label);  // the policy puts the note's id in its place
        node.offset = ctx.doc.source.to_original(data);
        break;
      }
      std::string decoded;
      append_entity(decoded, piece);
      ctx.builder.text(ctx.doc.arena.store(decoded), data);
      break;
    }
    case MD_TEXT_HTML:
      if (ctx.builder.current().type == NodeType::HtmlBlock) ctx.builder.html_block_text(piece, data);
      else ctx.builder.inline_html(piece, data);
      break;
    default:
      // Text outside the parse buffer (md4c's static indentation string for code blocks) is copied.
      if (!in_buffer(ctx, data)) ctx.builder.text(ctx.doc.arena.store(piece), nullptr);
      else ctx.builder.text(piece, data);
      break;
  }
  return go_on(userdata);
} catch (...) {
  return kAbort;
}

}  // namespace

bool parse_markdown(std::string_view buffer, Builder& builder, const ParseSettings& settings) {
  MD_PARSER parser{};
  parser.abi_version = 0;
  // Newsletter mode lets '*', '_' and '~~' next to Chinese, Japanese and Korean text open and close
  // (tools/patches/md4c/0001-cjk-friendly-emphasis.patch); CommonMark mode stays strict.
  parser.flags = settings.commonmark ? MD_DIALECT_COMMONMARK
                                     : (MD_DIALECT_GITHUB | unsigned(MD_FLAG_CJKFRIENDLY) |
                                        (settings.allow_html ? 0u : unsigned(MD_FLAG_NOHTML)));
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = text;
  Context ctx{builder, builder.document(), buffer, settings.footnotes};
  int status = md_parse(buffer.data(), static_cast<MD_SIZE>(buffer.size()), &parser, &ctx);
  builder.finish();
  return status == 0;
}

}  // namespace broadsheet
