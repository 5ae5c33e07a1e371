/* The benchmark's ceiling: md4c built exactly as in Broadsheet's wasm (same compiler, flags, SIMD, LTO),
 * with a plain C boundary and no model. `parse` runs md4c with callbacks that do nothing (the parser's
 * own cost: no renderer on md4c can be faster); `html` runs md4c-html into a reused buffer. bench/peers.mjs
 * drives it like Broadsheet: UTF-8 encoded into wasm memory, the output decoded from a memory view. */
#include <stdlib.h>
#include <string.h>

#include <emscripten.h>

#include "md4c-html.h"
#include "md4c.h"

static char* input_buffer;
static size_t input_capacity;
static char* output_buffer;
static size_t output_size, output_capacity;

EMSCRIPTEN_KEEPALIVE char* input(size_t size) {
  if (size > input_capacity) {
    free(input_buffer);
    input_buffer = malloc(size);
    input_capacity = input_buffer ? size : 0;
  }
  return input_buffer;
}

static void append(const MD_CHAR* text, MD_SIZE size, void* unused) {
  (void)unused;
  if (output_size + size > output_capacity) {
    size_t capacity = (output_size + size) * 2;
    char* grown = realloc(output_buffer, capacity);
    if (!grown) return;
    output_buffer = grown;
    output_capacity = capacity;
  }
  memcpy(output_buffer + output_size, text, size);
  output_size += size;
}

EMSCRIPTEN_KEEPALIVE size_t html(size_t size, unsigned parser_flags) {
  output_size = 0;
  md_html(input_buffer, (MD_SIZE)size, append, NULL, parser_flags, 0);
  return output_size;
}

EMSCRIPTEN_KEEPALIVE char* output(void) { return output_buffer; }

static int block(MD_BLOCKTYPE type, void* detail, void* user) { (void)type, (void)detail, (void)user; return 0; }
static int span(MD_SPANTYPE type, void* detail, void* user) { (void)type, (void)detail, (void)user; return 0; }
static int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  (void)type, (void)text, (void)size, (void)user;
  return 0;
}

EMSCRIPTEN_KEEPALIVE int parse(size_t size, unsigned parser_flags) {
  MD_PARSER parser;
  memset(&parser, 0, sizeof parser);
  parser.flags = parser_flags;
  parser.enter_block = parser.leave_block = block;
  parser.enter_span = parser.leave_span = span;
  parser.text = text;
  return md_parse(input_buffer, (MD_SIZE)size, &parser, NULL);
}

/* The flags Broadsheet passes md4c (src/core/md4c_adapter.cpp), so the ceiling parses the same dialect. */
EMSCRIPTEN_KEEPALIVE unsigned newsletter_flags(void) { return MD_DIALECT_GITHUB | MD_FLAG_NOHTML; }
EMSCRIPTEN_KEEPALIVE unsigned commonmark_flags(void) { return MD_DIALECT_COMMONMARK; }
