// The raw-HTML allowlist on its own (what allowHtml runs): whatever the input, the output holds no
// dangerous element and no event-handler attribute, and every element it opens it also closes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/sanitize.hpp"
#include "fuzz_invariants.hpp"

namespace {

// Walks the tags of the sanitizer's output (which it wrote itself: well-formed, attribute values quoted
// and escaped) and checks that opens and closes nest.
void require_balanced(std::string_view html) {
  std::vector<std::string_view> open;
  for (std::size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', lt + 1)) {
    std::size_t gt = html.find('>', lt);
    fuzz::require(gt != std::string_view::npos, "unterminated tag in the output");
    std::string_view tag = html.substr(lt + 1, gt - lt - 1);
    bool closing = !tag.empty() && tag[0] == '/';
    if (closing) tag.remove_prefix(1);
    tag = tag.substr(0, tag.find(' '));
    if (tag == "br" || tag == "hr" || tag == "img" || tag == "wbr" || tag == "col") continue;
    if (!closing) {
      open.push_back(tag);
    } else {
      fuzz::require(!open.empty() && open.back() == tag, "closing tag does not match the open element");
      open.pop_back();
    }
  }
  fuzz::require(open.empty(), "an element was left open");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string raw(reinterpret_cast<const char*>(data), size);
  if (!broadsheet::utf8::is_valid(raw)) raw = broadsheet::utf8::repaired(raw);  // the core repairs first
  std::string out;
  broadsheet::sanitize_html(raw, out);
  fuzz::require_valid_utf8(out, "output is not valid UTF-8");
  fuzz::require_no_dangerous_elements(out);
  for (std::size_t at = out.find('<'); at != std::string::npos; at = out.find('<', at + 1)) {
    std::size_t gt = out.find('>', at);
    fuzz::require(gt != std::string::npos, "unterminated tag in the output");
    std::string names;  // the tag without its quoted attribute values (escaped text, harmless)
    bool quoted = false;
    for (std::size_t k = at; k < gt; ++k) {
      if (out[k] == '"') quoted = !quoted;
      else if (!quoted) names.push_back(out[k]);
    }
    fuzz::require(!fuzz::contains_ci(names, " on"), "an event-handler attribute survived");
    fuzz::require(!fuzz::contains_ci(names, " style="), "a style attribute survived");
  }
  require_balanced(out);
  return 0;
}
