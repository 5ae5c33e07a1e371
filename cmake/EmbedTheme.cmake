# The default theme is part of the core's output (standalone pages), so native and wasm builds embed the
# same bytes: web/src/theme.css becomes a raw string literal in a generated header.
set(BROADSHEET_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)
set(BROADSHEET_THEME_CSS ${CMAKE_SOURCE_DIR}/web/src/theme.css)
set(BROADSHEET_THEME_HEADER ${BROADSHEET_GENERATED_DIR}/broadsheet_theme_css.hpp)
add_custom_command(
  OUTPUT ${BROADSHEET_THEME_HEADER}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${BROADSHEET_THEME_CSS} -DOUTPUT=${BROADSHEET_THEME_HEADER}
          -P ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
  DEPENDS ${BROADSHEET_THEME_CSS} ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
  COMMENT "Embedding the default theme")
add_custom_target(broadsheet_theme DEPENDS ${BROADSHEET_THEME_HEADER})
