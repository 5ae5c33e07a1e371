# cmake -DINPUT=md4c/src/entity.c -DOUTPUT=header.hpp -P entity_table.cmake
# md4c's table of HTML named character references, repacked to gzip small in the wasm modules
# (docs/performance.md, issue 14; src/core/entities.cpp reads it):
# - entity_names: the names without "&" and ";", sorted bytewise and front-coded in blocks of entity_block.
#   Each entry is one byte, the length of the prefix its name shares with the name before it (0 at a block's
#   start), then the rest of the name. No terminator: the next entry's length byte (below "0"; names are
#   letters and digits) or the string's closing NUL ends a name.
# - entity_codepoint_planes, in the same order: the first code point split into three byte planes (the low
#   bytes of every entry, then the middle, then the high bytes), runs of like bytes that gzip packs better
#   than uint32 values or UTF-8; then a plane of second code points, 0 for none or k for
#   entity_second_codepoints[k - 1] (93 names have one, from a handful of values).
# 32 names a block: a walk through one costs about what the binary search does (64 would save 165 more bytes
# and make a lookup 1.3x slower).
set(block 32)
file(STRINGS ${INPUT} rows REGEX "^ *{ \"&[A-Za-z0-9]+;\", { [0-9]+, [0-9]+ } },?$")
# Every line that looks like an entry must be one we read: a change of md4c's format stops the build here.
file(STRINGS ${INPUT} lookalikes REGEX "\"&[^\"]*;\"")
list(LENGTH rows count)
list(LENGTH lookalikes lookalike_count)
if(count LESS 2000 OR NOT count EQUAL lookalike_count)
  message(FATAL_ERROR "${INPUT}: read ${count} of ${lookalike_count} entity rows (expected over 2000, all); "
                      "has md4c's table changed format?")
endif()
set(entries)
foreach(row IN LISTS rows)
  string(REGEX MATCH "\"&([A-Za-z0-9]+);\", { ([0-9]+), ([0-9]+) }" _ "${row}")
  # A space sorts before every letter and digit, so "sup" comes before "sup1" as with NUL-ended strings.
  list(APPEND entries "${CMAKE_MATCH_1} ${CMAKE_MATCH_2} ${CMAKE_MATCH_3}")
endforeach()
list(SORT entries)

# "\ooo": always three octal digits, so the character after it never joins the escape.
function(octal_escape value out)
  math(EXPR high "${value} / 64")
  math(EXPR middle "${value} / 8 % 8")
  math(EXPR low "${value} % 8")
  set(${out} "\\${high}${middle}${low}" PARENT_SCOPE)
endfunction()

set(names "")
set(planes 0 1 2 3)
set(seconds "")
foreach(p IN LISTS planes)
  set(plane_${p} "")
endforeach()
set(previous "")
set(longest 0)
set(index 0)
foreach(entry IN LISTS entries)
  string(REPLACE " " ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 first)
  list(GET parts 2 second)
  if(first EQUAL 0 OR first GREATER 1114111 OR second GREATER 1114111)
    message(FATAL_ERROR "${INPUT}: &${name}; maps to ${first}, ${second}: not one or two Unicode code points")
  endif()
  string(LENGTH "${name}" length)
  if(length GREATER longest)
    set(longest ${length})
  endif()
  set(shared 0)
  math(EXPR position "${index} % ${block}")
  if(NOT position EQUAL 0)
    string(LENGTH "${previous}" previous_length)
    while(shared LESS length AND shared LESS previous_length)
      string(SUBSTRING "${name}" ${shared} 1 a)
      string(SUBSTRING "${previous}" ${shared} 1 b)
      if(NOT a STREQUAL b)
        break()
      endif()
      math(EXPR shared "${shared} + 1")
    endwhile()
  endif()
  string(SUBSTRING "${name}" ${shared} -1 rest)
  octal_escape(${shared} shared_escape)
  string(APPEND names "  \"${shared_escape}${rest}\"\n")
  set(p 0)
  foreach(shift IN ITEMS 0 8 16)
    math(EXPR byte "(${first} >> ${shift}) & 255")
    string(APPEND plane_${p} "${byte},")
    math(EXPR p "${p} + 1")
  endforeach()
  set(second_id 0)
  if(NOT second EQUAL 0)
    list(FIND seconds ${second} second_id)
    if(second_id EQUAL -1)
      list(LENGTH seconds second_id)
      list(APPEND seconds ${second})
    endif()
    math(EXPR second_id "${second_id} + 1")
  endif()
  string(APPEND plane_3 "${second_id},")
  set(previous "${name}")
  math(EXPR index "${index} + 1")
endforeach()
if(longest GREATER 47)
  message(FATAL_ERROR "${INPUT}: a name of ${longest} characters; shared lengths must stay below \"0\"")
endif()
list(LENGTH seconds second_count)
if(second_count GREATER 255)
  message(FATAL_ERROR "${INPUT}: ${second_count} different second code points; their ids are one byte")
endif()
string(REPLACE ";" ", " seconds_list "${seconds}")
set(plane_rows "")
foreach(p IN LISTS planes)
  string(APPEND plane_rows "  {${plane_${p}}},\n")
endforeach()
file(WRITE ${OUTPUT} "// Generated from ${INPUT} by cmake/entity_table.cmake; do not edit.
#pragma once
#include <cstddef>
#include <cstdint>
namespace broadsheet::generated {
inline constexpr std::size_t entity_count = ${count};
inline constexpr std::size_t entity_block = ${block};
inline constexpr char entity_names[] =
${names};
// [0..2]: the first code point's low, middle and high bytes; [3]: the second code point, 0 for none or k
// for entity_second_codepoints[k - 1].
inline constexpr std::uint8_t entity_codepoint_planes[4][entity_count] = {
${plane_rows}};
inline constexpr std::uint32_t entity_second_codepoints[] = {${seconds_list}};
}
")
