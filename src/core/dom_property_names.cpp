// Ids that would clobber the DOM: an element whose id is also the name of a property of `document` or of a
// form (`location`, `cookie`, `forms`, `body`, `onload`, `__proto__`…) shadows that property for scripts
// that look it up through named access, and sanitizers such as DOMPurify strip such ids. Generated ids
// avoid these names (IdRegistry treats them as taken). The list is every all-lower-case property name of
// Document and HTMLFormElement and their prototypes in Chromium; tests/browser/xss.test.js compares it
// with the browser it runs, so a name added by a new browser release shows up as a failing test.
#include "core/slug.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace broadsheet {

namespace {

constexpr std::array<std::string_view, 196> kDomPropertyNames = {
    "__proto__", "action", "after", "all", "anchors", "animate", "append", "applets", "attributes",
    "autocapitalize", "autocomplete", "autocorrect", "autofocus", "before", "blur", "body", "charset",
    "children", "clear", "click", "close", "closest", "constructor", "contains", "cookie", "dataset", "dir",
    "doctype", "domain", "draggable", "elements", "embeds", "encoding", "enctype", "evaluate", "focus", "fonts",
    "forms", "fullscreen", "head", "hidden", "id", "images", "implementation", "inert", "lang", "length",
    "links", "location", "matches", "method", "name", "nonce", "normalize", "onabort", "onanimationcancel",
    "onanimationend", "onanimationiteration", "onanimationstart", "onauxclick", "onbeforecopy", "onbeforecut",
    "onbeforeinput", "onbeforematch", "onbeforepaste", "onbeforetoggle", "onbeforexrselect", "onblur",
    "oncancel", "oncanplay", "oncanplaythrough", "onchange", "onclick", "onclose", "oncommand",
    "oncontentvisibilityautostatechange", "oncontextlost", "oncontextmenu", "oncontextrestored", "oncopy",
    "oncuechange", "oncut", "ondblclick", "ondrag", "ondragend", "ondragenter", "ondragleave", "ondragover",
    "ondragstart", "ondrop", "ondurationchange", "onemptied", "onended", "onerror", "onfocus", "onformdata",
    "onfreeze", "onfullscreenchange", "onfullscreenerror", "ongotpointercapture", "oninput", "oninvalid",
    "onkeydown", "onkeypress", "onkeyup", "onload", "onloadeddata", "onloadedmetadata", "onloadstart",
    "onlostpointercapture", "onmousedown", "onmouseenter", "onmouseleave", "onmousemove", "onmouseout",
    "onmouseover", "onmouseup", "onmousewheel", "onpaste", "onpause", "onplay", "onplaying", "onpointercancel",
    "onpointerdown", "onpointerenter", "onpointerleave", "onpointerlockchange", "onpointerlockerror",
    "onpointermove", "onpointerout", "onpointerover", "onpointerup", "onprerenderingchange", "onprogress",
    "onratechange", "onreadystatechange", "onreset", "onresize", "onresume", "onscroll", "onscrollend",
    "onscrollsnapchange", "onscrollsnapchanging", "onsearch", "onsecuritypolicyviolation", "onseeked",
    "onseeking", "onselect", "onselectionchange", "onselectstart", "onslotchange", "onstalled", "onsubmit",
    "onsuspend", "ontimeupdate", "ontoggle", "ontransitioncancel", "ontransitionend", "ontransitionrun",
    "ontransitionstart", "onvisibilitychange", "onvolumechange", "onwaiting", "onwebkitanimationend",
    "onwebkitanimationiteration", "onwebkitanimationstart", "onwebkitfullscreenchange",
    "onwebkitfullscreenerror", "onwebkittransitionend", "onwheel", "open", "part", "plugins", "popover",
    "prefix", "prepend", "prerendering", "pseudo", "referrer", "rel", "remove", "reset", "role", "scripts",
    "scroll", "slot", "spellcheck", "style", "submit", "target", "timeline", "title", "translate", "when",
    "write", "writeln",
};

}  // namespace

bool is_dom_property_name(std::string_view id) {
  return std::binary_search(kDomPropertyNames.begin(), kDomPropertyNames.end(), id);
}

}  // namespace broadsheet
