# cmake -DINPUT=file.css -DOUTPUT=header.hpp -P embed_file.cmake
file(READ ${INPUT} content)
string(REGEX REPLACE "[ \t]*\n[ \t]*" "\n" content "${content}")   # trim indentation: smaller binary
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n#pragma once\nnamespace broadsheet::generated {\ninline constexpr char theme_css[] = R\"bs_css(${content})bs_css\";\n}\n")
