# Third-party code is never committed. On Debian (here and in CI) tools/fetch-sources.sh puts md4c and
# libyaml sources from Debian's source packages into third_party/, and nlohmann_json and Catch2 come from
# Debian's -dev packages. Elsewhere (e.g. a laptop with emsdk) FetchContent brings the same versions.
include(FetchContent)
set(BROADSHEET_THIRD_PARTY ${CMAKE_SOURCE_DIR}/third_party)

# Broadsheet's own patches to md4c (each names its origin and licence). tools/fetch-sources.sh applies them
# and keeps a stamp of the versions and patches in third_party/: it re-fetches when either changes, so CMake
# re-runs it whenever the script or a patch changes.
file(GLOB BROADSHEET_MD4C_PATCHES ${CMAKE_SOURCE_DIR}/tools/patches/md4c/*.patch)
list(SORT BROADSHEET_MD4C_PATCHES)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/tools/fetch-sources.sh ${BROADSHEET_MD4C_PATCHES})
if(EXISTS /usr/bin/apt-get)
  execute_process(COMMAND bash ${CMAKE_SOURCE_DIR}/tools/fetch-sources.sh RESULT_VARIABLE fetch_result)
  if(NOT fetch_result EQUAL 0)
    message(WARNING "tools/fetch-sources.sh failed (${fetch_result}); falling back to FetchContent")
  endif()
endif()

function(broadsheet_source name dir git_repository git_tag out_var)
  if(EXISTS ${BROADSHEET_THIRD_PARTY}/${dir})
    set(${out_var} ${BROADSHEET_THIRD_PARTY}/${dir} PARENT_SCOPE)
  else()
    message(STATUS "${name}: not in third_party/, fetching ${git_tag} with FetchContent")
    set(patch_command)
    foreach(patch_file IN LISTS ARGN)
      list(APPEND patch_command COMMAND patch -p1 -i ${patch_file})
    endforeach()
    if(patch_command)
      list(POP_FRONT patch_command)  # the first COMMAND keyword is implied by PATCH_COMMAND
      set(patch_command PATCH_COMMAND ${patch_command})
    endif()
    FetchContent_Declare(${name} GIT_REPOSITORY ${git_repository} GIT_TAG ${git_tag} GIT_SHALLOW TRUE
                         ${patch_command})
    FetchContent_GetProperties(${name})
    if(NOT ${name}_POPULATED)
      FetchContent_Populate(${name})
    endif()
    set(${out_var} ${${name}_SOURCE_DIR} PARENT_SCOPE)
  endif()
endfunction()

broadsheet_source(md4c md4c https://github.com/mity/md4c.git release-0.5.3 MD4C_DIR ${BROADSHEET_MD4C_PATCHES})
broadsheet_source(libyaml libyaml https://github.com/yaml/libyaml.git 0.2.5 LIBYAML_DIR)

# md4c is C: compiled as C (em++ would compile .c files as C++). Its entity table (entity.c) is not linked:
# cmake/entity_table.cmake repacks it for src/core/entities.cpp, the only reader.
add_library(bs_md4c STATIC ${MD4C_DIR}/src/md4c.c)
# At most this many inline marks in one block (tools/patches/md4c/0003-max-marks.patch): it bounds md4c's
# memory (about 20 bytes a mark, and half again while its array grows) on any input. PUBLIC: the core
# names the number in its error (src/broadsheet.cpp).
set(BROADSHEET_MD4C_MAX_MARKS 250000 CACHE STRING "md4c's limit of inline marks in one block")
# md4c's list of every block and line may hold at most 2 bytes per input byte and 1 MiB
# (tools/patches/md4c/0004-block-bytes-bound.patch): lines of one or two characters cost it more than that.
set(BROADSHEET_MD4C_BLOCK_LIMITS MD4C_BLOCK_BYTES_PER_INPUT_BYTE=2 MD4C_BLOCK_BYTES_BASE=1048576)
target_compile_definitions(bs_md4c PUBLIC MD4C_MAX_MARKS=${BROADSHEET_MD4C_MAX_MARKS} ${BROADSHEET_MD4C_BLOCK_LIMITS})
set_target_properties(bs_md4c PROPERTIES LINKER_LANGUAGE C POSITION_INDEPENDENT_CODE ON)
target_include_directories(bs_md4c SYSTEM PUBLIC ${MD4C_DIR}/src)

add_library(bs_yaml STATIC ${LIBYAML_DIR}/src/api.c ${LIBYAML_DIR}/src/parser.c
                           ${LIBYAML_DIR}/src/reader.c ${LIBYAML_DIR}/src/scanner.c)
target_include_directories(bs_yaml SYSTEM PUBLIC ${LIBYAML_DIR}/include)
target_compile_definitions(bs_yaml PUBLIC YAML_DECLARE_STATIC
  PRIVATE YAML_VERSION_MAJOR=0 YAML_VERSION_MINOR=2 YAML_VERSION_PATCH=5 YAML_VERSION_STRING="0.2.5")
target_compile_options(bs_yaml PRIVATE -w)

if(EMSCRIPTEN)
  # The same two libraries built for size, for the lean web core (CMakeLists.txt): 5 KB less gzipped wasm.
  add_library(bs_md4c_small STATIC ${MD4C_DIR}/src/md4c.c)
  target_compile_definitions(bs_md4c_small PUBLIC MD4C_MAX_MARKS=${BROADSHEET_MD4C_MAX_MARKS} ${BROADSHEET_MD4C_BLOCK_LIMITS})
  set_target_properties(bs_md4c_small PROPERTIES LINKER_LANGUAGE C)
  target_include_directories(bs_md4c_small SYSTEM PUBLIC ${MD4C_DIR}/src)
  target_compile_options(bs_md4c_small PRIVATE -Oz)
  add_library(bs_yaml_small STATIC ${LIBYAML_DIR}/src/api.c ${LIBYAML_DIR}/src/parser.c
                                   ${LIBYAML_DIR}/src/reader.c ${LIBYAML_DIR}/src/scanner.c)
  target_include_directories(bs_yaml_small SYSTEM PUBLIC ${LIBYAML_DIR}/include)
  target_compile_definitions(bs_yaml_small PUBLIC YAML_DECLARE_STATIC
    PRIVATE YAML_VERSION_MAJOR=0 YAML_VERSION_MINOR=2 YAML_VERSION_PATCH=5 YAML_VERSION_STRING="0.2.5")
  target_compile_options(bs_yaml_small PRIVATE -w -Oz)
endif()

# Header-only libraries. Under Emscripten the toolchain hides /usr/include, so the headers found on the host
# are copied into the build tree and used from there.
function(broadsheet_header_library target header git_repository git_tag include_subdir)
  find_path(${target}_INCLUDE ${header} PATHS /usr/include /usr/local/include NO_CMAKE_FIND_ROOT_PATH)
  add_library(${target} INTERFACE)
  if(${target}_INCLUDE)
    get_filename_component(top ${header} DIRECTORY)
    set(copy ${CMAKE_BINARY_DIR}/host-include/${target})
    file(COPY ${${target}_INCLUDE}/${top} DESTINATION ${copy})
    target_include_directories(${target} SYSTEM INTERFACE ${copy})
  else()
    message(STATUS "${header}: not installed, fetching ${git_tag} with FetchContent")
    FetchContent_Declare(${target} GIT_REPOSITORY ${git_repository} GIT_TAG ${git_tag} GIT_SHALLOW TRUE)
    FetchContent_GetProperties(${target})
    if(NOT ${target}_POPULATED)
      FetchContent_Populate(${target})
    endif()
    target_include_directories(${target} SYSTEM INTERFACE ${${target}_SOURCE_DIR}/${include_subdir})
  endif()
endfunction()

broadsheet_header_library(bs_json nlohmann/json.hpp https://github.com/nlohmann/json.git v3.11.2 include)
target_compile_definitions(bs_json INTERFACE JSON_NO_IO JSON_USE_IMPLICIT_CONVERSIONS=0)
if(NOT EMSCRIPTEN AND BROADSHEET_TESTS)
  broadsheet_header_library(bs_catch2 catch2/catch.hpp https://github.com/catchorg/Catch2.git v2.13.10 single_include)
endif()
