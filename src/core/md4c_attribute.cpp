#include "core/md4c_attribute.hpp"

#include <string_view>

#include "core/entities.hpp"
#include "core/utf8.hpp"

namespace broadsheet {

void append_attribute_text(std::string& out, const MD_ATTRIBUTE& attr) {
  for (int i = 0; attr.size > 0 && attr.substr_offsets[i] < attr.size; ++i) {
    std::string_view piece(attr.text + attr.substr_offsets[i], attr.substr_offsets[i + 1] - attr.substr_offsets[i]);
    switch (attr.substr_types[i]) {
      case MD_TEXT_NULLCHAR: out.append(utf8::kReplacement); break;
      case MD_TEXT_ENTITY: append_entity(out, piece); break;
      default: out.append(piece);
    }
  }
}

}  // namespace broadsheet
