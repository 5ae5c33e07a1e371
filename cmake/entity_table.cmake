# cmake -DINPUT=md4c/src/entity.c -DOUTPUT=header.hpp -P entity_table.cmake
# md4c's table of HTML named character references, repacked: one string of the names (without "&" and
# ";", sorted bytewise, each ended by NUL) and one array of their code points. md4c's own layout (a
# pointer and two code points per entry) gzips to 17 KB in the wasm module, this one to 11 KB.
file(STRINGS ${INPUT} rows REGEX "^ *{ \"&[A-Za-z0-9]+;\", { [0-9]+, [0-9]+ } },?$")
set(entries)
foreach(row IN LISTS rows)
  string(REGEX MATCH "\"&([A-Za-z0-9]+);\", { ([0-9]+), ([0-9]+) }" _ "${row}")
  # A space sorts before every letter and digit, so "sup" comes before "sup1" as with NUL-ended strings.
  list(APPEND entries "${CMAKE_MATCH_1} ${CMAKE_MATCH_2},${CMAKE_MATCH_3}")
endforeach()
list(SORT entries)
list(LENGTH entries count)
if(count LESS 2000)
  message(FATAL_ERROR "${INPUT}: found only ${count} entities; has md4c's table changed format?")
endif()
set(names "")
set(codepoints "")
foreach(entry IN LISTS entries)
  string(REPLACE " " ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 pair)
  string(APPEND names "  \"${name}\\0\"\n")
  string(APPEND codepoints "  {${pair}},\n")
endforeach()
file(WRITE ${OUTPUT} "// Generated from ${INPUT} by cmake/entity_table.cmake; do not edit.
#pragma once
#include <cstddef>
#include <cstdint>
namespace broadsheet::generated {
inline constexpr std::size_t entity_count = ${count};
inline constexpr char entity_names[] =
${names};
inline constexpr std::uint32_t entity_codepoints[][2] = {
${codepoints}};
}
")
