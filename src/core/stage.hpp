// BROADSHEET_STAGE marks a pipeline stage (front matter, directive pass, parse, policy, lint, each
// renderer) as a function of its own. With LTO, stages called once would all be inlined into the wasm
// binding's render(), one 68 KB function; engines compile wasm lazily, function by function, so the first
// render of any format paid for compiling every format (about 10 ms). Called once per render, a stage
// costs nothing to call. This attribute stops LLVM's inliner; Binaryen's, which runs after it and does
// not see the attribute, is held back by --one-caller-inline-max-function-size in CMakeLists.txt.
#pragma once

#define BROADSHEET_STAGE [[gnu::noinline]]
