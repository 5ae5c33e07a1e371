#include "core/lint.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>

#include "core/policy.hpp"
#include "core/sanitize.hpp"
#include "core/utf8.hpp"

namespace broadsheet {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `text` (no space at either end) is `phrase` (lower case, single spaces) without case, with
// each run of spaces in `text` taken as one.
bool equals_collapsed(std::string_view text, std::string_view phrase) {
  std::size_t i = 0;
  for (char want : phrase) {
    if (i == text.size()) return false;
    if (want == ' ') {
      if (!is_space(text[i])) return false;
      while (i < text.size() && is_space(text[i])) ++i;
      continue;
    }
    if (lower(text[i++]) != want) return false;
  }
  return i == text.size();
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

bool starts_with_http(std::string_view url) {
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
  return iequals_prefix(url, "http:");
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

class Linter {
 public:
  Linter(Document& doc, const LintSettings& settings) : doc_(doc), settings_(settings) {}

  void run() {
    front_matter();
    visit(0);
    sections();
  }

 private:
  void warn_at(std::uint32_t offset, const char* rule, std::string message) {
    if (!doc_.may_warn()) return;
    auto [line, column] = doc_.source.position(offset);
    if (line == 0) line = column = 1;
    doc_.warnings.push_back({line, column, std::move(message), rule});
  }

  // A warning about the whole issue (no better place than 1:1).
  void warn_issue(const char* rule, std::string message, bool hint = false) {
    if (doc_.may_warn()) doc_.warnings.push_back({1, 1, std::move(message), rule, hint});
  }

  void warn_key(std::string_view key, const char* rule, std::string message, bool hint = false) {
    if (!doc_.may_warn()) return;
    auto [line, column] = doc_.front.position_of(key);
    doc_.warnings.push_back({line, column, std::move(message), rule, hint});
  }

  void front_matter() {
    const FrontMatter& fm = doc_.front;
    bool preview_matters = fm.present || settings_.inbox;
    if (fm.preheader.empty() && preview_matters) {
      warn_issue("preheader",
                 "no preheader: inboxes will show the first words of the email as its preview "
                 "(add `preheader:` to the front matter)");
    } else if (std::size_t n = utf8::count_code_points(fm.preheader); n > kPreheaderMaxChars) {
      warn_key(preheader_key(), "preheader",
               "the preheader is " + std::to_string(n) + " characters; inboxes show about " +
                   std::to_string(kPreheaderMaxChars) + ", so the rest is cut off");
    }
    std::string title = fm.title;
    std::uint32_t title_offset = kNoOffset;
    if (title.empty() && doc_.title_heading) {
      title = plain_text(doc_, doc_.title_heading);
      title_offset = doc_[doc_.title_heading].offset;
    }
    if (std::size_t n = utf8::count_code_points(title); n > kTitleMaxChars) {
      std::string message = "the title is " + std::to_string(n) + " characters; over " +
                            std::to_string(kTitleMaxChars) + " it is cut off in subject lines and search results";
      if (title_offset != kNoOffset) warn_at(title_offset, "title-length", std::move(message));
      else warn_key("title", "title-length", std::move(message));
    }
    if (starts_with_http(fm.canonical_url)) warn_key("canonical_url", "http-link", "`canonical_url` uses http:; use https:");
    if (fm.hero && (starts_with_http(fm.hero->src) || starts_with_http(fm.hero->credit_url)))
      warn_key("hero", "http-link", "the hero uses an http: URL; use https:");
    if (fm.present && fm.lang.empty())
      warn_issue("lang",
                 "no `lang` in the front matter: the issue is marked as English (lang=\"en\") and "
                 "Broadsheet's own words are English; add `lang:` (e.g. fr, zh-Hans, ar)",
                 true);
    if (fm.draft == FrontMatter::Draft::Unreadable)
      warn_key("draft", "draft", "front matter `draft` should be true or false: a publication treats this issue as a draft");
    for (const std::string& key : fm.unknown_keys)
      warn_key(key, "front-matter-key",
               "unknown front-matter key `" + key + "`: kept in meta but not rendered (check the spelling)", true);
  }

  std::string_view preheader_key() const {
    for (const auto& k : doc_.front.keys)
      if (k.key == "preheader") return "preheader";
    return "description";
  }

  // Depth-first, in document order: headings, links and images.
  void visit(std::uint32_t parent) {
    for (std::uint32_t child = doc_[parent].first_child; child; child = doc_[child].next) {
      const Node& n = doc_[child];
      if (n.type == NodeType::Heading) heading(child);
      else if (n.type == NodeType::Link) link(child);
      else if (n.type == NodeType::Image) image(child);
      if (n.first_child) visit(child);  // leaves (text, breaks) have nothing to visit
    }
  }

  void heading(std::uint32_t index) {
    int level = doc_[index].heading_level();
    if (level > previous_level_ + 1)
      warn_at(doc_[index].offset, "heading-level",
              "heading level skips from " + std::to_string(previous_level_) + " to " + std::to_string(level) +
                  " (use a level-" + std::to_string(previous_level_ + 1) + " heading)");
    previous_level_ = level;
  }

  void link(std::uint32_t index) {
    const Node& n = doc_[index];
    if (n.has(kUnsafeUrl)) return;  // already reported and removed
    relative_in_email(n, "link");
    if (starts_with_http(n.url()))
      warn_at(n.offset, "http-link",
              n.has(kAutolink) ? "this autolink becomes an http: link; write it with https://"
                               : "link uses http:; use https:");
    if (!n.title().empty()) return;  // a title says where the link leads
    ShortText text;
    if (for_each_text_piece(doc_, index, [&](std::string_view piece) { return text.append(piece); }) &&
        is_vague_link_text(text.view()))
      warn_at(n.offset, "link-text",
              "link text \"" + std::string(text.view()) +
                  "\" says nothing out of context; say where the link leads (or give it a title)");
  }

  // A link's text when it is short enough to be a vague phrase ("click here", "read more"…): collected
  // without allocating, as this runs for every link (it was a tenth of a short README's render in wasm).
  struct ShortText {
    static constexpr std::size_t kCapacity = 96;  // the longest phrase is 16 bytes; room for spaces and arrows
    char bytes[kCapacity];
    std::size_t size = 0;
    bool append(std::string_view piece) {
      if (piece.size() > kCapacity - size) return false;
      std::memcpy(bytes + size, piece.data(), piece.size());
      size += piece.size();
      return true;
    }
    std::string_view view() const { return {bytes, size}; }
  };

  void image(std::uint32_t index) {
    const Node& n = doc_[index];
    if (n.has(kUnsafeUrl)) return;
    relative_in_email(n, "image");
    // Stops at the first piece that is not blank: no copy of the alt text (README badges are many).
    if (for_each_text_piece(doc_, index, [](std::string_view piece) { return is_blank(piece); }))
      warn_at(n.offset, "image-alt", "image has no alt text");
    if (starts_with_http(n.url())) warn_at(n.offset, "http-link", "image uses http:; use https:");
  }

  // A relative URL (`/a`, `img/x.png`, `//host/x`) means nothing in a mail client; without canonical_url
  // the email renderer has no address to resolve it against. Fragments (`#id`) stay: they name the
  // email's own anchors.
  void relative_in_email(const Node& n, const char* what) {
    if (!settings_.mail_client || !doc_.front.canonical_url.empty()) return;
    std::string_view url = n.url();
    while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
    if (url.empty() || url.front() == '#') return;
    std::size_t end = url.find_first_of(":/?#");
    if (end != std::string_view::npos && url[end] == ':' && end > 0) return;  // has a scheme
    warn_at(n.offset, "relative-url",
            std::string(what) + " URL \"" + url_for_message(url) +
                "\" is relative and breaks in every mail client: use an absolute https:// URL or set `canonical_url`");
  }

  // One warning per empty section and per repeated title (naming the first section with it).
  void sections() {
    std::unordered_map<std::string, std::uint32_t> first_offset;  // lower-cased title → offset of its first section
    for (std::uint32_t child = doc_[0].first_child; child; child = doc_[child].next) {
      const Node& section = doc_[child];
      if (section.type != NodeType::Section) continue;
      std::uint32_t heading = section.first_child;
      std::string_view title = doc_[heading].plain_title();
      if (doc_[heading].next == 0)
        warn_at(section.offset, "empty-section", "section \"" + std::string(title) + "\" has no content");
      if (title.empty()) continue;
      auto [earlier, added] = first_offset.emplace(lower_ascii(title), section.offset);
      if (!added)
        warn_at(section.offset, "duplicate-section",
                "section \"" + std::string(title) + "\" has the same title as the section on line " +
                    std::to_string(doc_.source.line(earlier->second)));
    }
  }

  Document& doc_;
  LintSettings settings_;
  int previous_level_ = 1;  // the issue title is the page's h1, so the first heading may be h2
};

}  // namespace

bool is_vague_link_text(std::string_view text) {
  using namespace std::string_view_literals;
  static constexpr std::array<std::string_view, 24> kVague = {
      "click here", "click", "here", "click this", "read more", "read on", "more", "link", "this link",
      "learn more", "more info", "more information", "details", "this", "go", "see more", "continue",
      "continue reading", "this page", "website", "page", "here's the link", "go here", "find out more"};
  // Compared without case, with spaces collapsed and surrounding punctuation and arrows removed; on a
  // view of the text, as this runs for every link.
  auto trimmed = [](unsigned char c) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return c < 0x80 && !alnum && c != '\'';  // spaces included
  };
  // "Read more →" / "» More": one of each of these (multi-byte) is stripped from either end too.
  constexpr std::array<std::string_view, 3> kArrows = {"\xE2\x86\x92"sv, "\xC2\xBB"sv, "\xE2\x80\xA6"sv};
  // The front first: most link texts are rejected by their first letter, before the rest is looked at.
  while (!text.empty() && trimmed(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  for (std::string_view arrow : kArrows)
    if (text.starts_with(arrow)) text.remove_prefix(arrow.size());
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  constexpr std::uint32_t kFirstLetters = [] {
    std::uint32_t letters = 0;
    for (std::string_view vague : kVague) letters |= 1u << (vague[0] - 'a');
    return letters;
  }();
  char first = text.empty() ? '\0' : lower(text[0]);
  if (first < 'a' || first > 'z' || !(kFirstLetters & (1u << (first - 'a')))) return false;
  while (!text.empty() && trimmed(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  for (std::string_view arrow : kArrows)
    if (text.ends_with(arrow)) text.remove_suffix(arrow.size());
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.empty()) return false;
  for (std::string_view vague : kVague)
    if (vague[0] == lower(text[0]) && equals_collapsed(text, vague)) return true;
  return false;
}

void lint_document(Document& doc, const LintSettings& settings) {
  if (doc.commonmark) return;
  Linter(doc, settings).run();
}

void lint_email_size(std::size_t bytes, std::vector<Diagnostic>& warnings) {
  if (bytes <= kEmailClipBytes) return;
  warnings.push_back({0, 0,
                      "the email is " + std::to_string((bytes + 1023) / 1024) +
                          " KB; Gmail clips messages over 102 KB and hides the rest behind a link",
                      "email-size"});
}

}  // namespace broadsheet
