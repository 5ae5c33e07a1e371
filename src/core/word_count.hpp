// Word counts and reading time, for the JSON format's per-section statistics.
#pragma once

#include <cstddef>
#include <string_view>

namespace broadsheet {

inline constexpr std::size_t kWordsPerMinute = 230;

// Words in valid UTF-8 text: runs of letters and digits (any non-ASCII character counts as a letter),
// except that each East Asian wide character (CJK ideographs, kana, hangul) is a word of its own,
// since those scripts do not separate words with spaces.
std::size_t count_words(std::string_view text);

// Whole minutes at kWordsPerMinute, rounded up; 0 only for no words at all.
std::size_t reading_minutes(std::size_t words);

}  // namespace broadsheet
