# Headers generated at build time into ${BROADSHEET_GENERATED_DIR}, the same for native and wasm builds.
set(BROADSHEET_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)

# The default theme is part of the core's output (standalone pages): web/src/theme.css becomes a raw string
# literal.
set(BROADSHEET_THEME_CSS ${CMAKE_SOURCE_DIR}/web/src/theme.css)
set(BROADSHEET_THEME_HEADER ${BROADSHEET_GENERATED_DIR}/broadsheet_theme_css.hpp)
add_custom_command(
  OUTPUT ${BROADSHEET_THEME_HEADER}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${BROADSHEET_THEME_CSS} -DOUTPUT=${BROADSHEET_THEME_HEADER}
          -P ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
  DEPENDS ${BROADSHEET_THEME_CSS} ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
  COMMENT "Embedding the default theme")

# md4c's table of named character references, repacked smaller (cmake/entity_table.cmake).
set(BROADSHEET_ENTITIES_HEADER ${BROADSHEET_GENERATED_DIR}/broadsheet_entities.hpp)
add_custom_command(
  OUTPUT ${BROADSHEET_ENTITIES_HEADER}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${MD4C_DIR}/src/entity.c -DOUTPUT=${BROADSHEET_ENTITIES_HEADER}
          -P ${CMAKE_SOURCE_DIR}/cmake/entity_table.cmake
  DEPENDS ${MD4C_DIR}/src/entity.c ${CMAKE_SOURCE_DIR}/cmake/entity_table.cmake
  COMMENT "Repacking md4c's entity table")

add_custom_target(broadsheet_generated DEPENDS ${BROADSHEET_THEME_HEADER} ${BROADSHEET_ENTITIES_HEADER})
