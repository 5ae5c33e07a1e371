// Newsletter lint: problems a reader or an inbox would notice, reported as warnings with a line and a
// column and the name of the rule. Never an error: the issue still renders. Runs on the finished model
// (after the policy pass), so it sees the ids, titles and URL checks the renderers see.
//
// Rules: image-alt, link-text, preheader, title-length, heading-level, duplicate-section, empty-section,
// http-link, front-matter-key (a hint), email-size. Unknown directive names are already reported by the
// directive pre-pass and are not reported again.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/stage.hpp"

namespace broadsheet {

inline constexpr std::size_t kPreheaderMaxChars = 100;
inline constexpr std::size_t kTitleMaxChars = 70;
inline constexpr std::size_t kEmailClipBytes = 102 * 1024;  // Gmail clips a message body larger than this

// What lint needs to know of the output format: facts of its row in the format table (render/formats.cpp).
struct LintSettings {
  bool inbox = false;        // read in an inbox, whose preview is the preheader: a missing one matters even
                             // without front matter (email, text)
  bool mail_client = false;  // opened by a mail client, where a relative URL breaks unless `canonical_url`
                             // resolves it (email)
};

// Adds the lint warnings for `doc` to doc.warnings.
BROADSHEET_STAGE void lint_document(Document& doc, const LintSettings& settings);

// Adds a warning when a rendered email is over the size at which Gmail clips it.
void lint_email_size(std::size_t bytes, std::vector<Diagnostic>& warnings);

// True for link text that means nothing out of context ("click here", "Read more", "link"…), compared
// without case, surrounding punctuation or extra spaces.
bool is_vague_link_text(std::string_view text);

}  // namespace broadsheet
