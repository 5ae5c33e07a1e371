// The wasm boundary: Embind bindings only. Strings cross as bytes in wasm memory (the JS layer encodes
// into the input buffer and decodes the output with one TextDecoder), never through per-call Embind
// string marshalling; options and the render summary are Embind value objects.
#include <emscripten/bind.h>
#include <malloc.h>

#include <string>
#include <vector>

#include "broadsheet/broadsheet.hpp"

namespace {

struct RenderOptions {
  std::string format = "html";
  bool commonmark = false;
  bool standalone = false;
  bool allowHtml = false;
  std::string idPrefix;
  double maxInputBytes = 0;
  bool lint = true;
  std::string unsubscribeUrl;
};

struct RenderSummary {
  bool ok = false;
  std::uintptr_t outputPointer = 0;
  std::uint32_t outputLength = 0;
  std::uintptr_t sidecarPointer = 0;
  std::uint32_t sidecarLength = 0;
};

class Engine {
 public:
  // A buffer of at least `length` bytes for the UTF-8 input; reused across calls.
  std::uintptr_t inputBuffer(std::uint32_t length) {
    if (input_.size() < length) input_.resize(length);
    return reinterpret_cast<std::uintptr_t>(input_.data());
  }

  RenderSummary render(std::uint32_t length, const RenderOptions& js) {
    broadsheet::Options options;
    options.commonmark = js.commonmark;
    options.standalone = js.standalone;
    options.allow_html = js.allowHtml;
    options.id_prefix = js.idPrefix;
    options.lint = js.lint;
    options.unsubscribe_url = js.unsubscribeUrl;
    if (js.maxInputBytes > 0) options.max_input_bytes = static_cast<std::size_t>(js.maxInputBytes);
    auto format = broadsheet::parse_format(js.format);
    if (!format) {
      result_ = {};
      result_.error = broadsheet::Diagnostic{0, 0, "unknown format `" + js.format + "`"};
    } else {
      options.format = *format;
      std::string_view input(input_.data(), std::min<std::size_t>(length, input_.size()));
      result_ = broadsheet::render(input, options);
    }
    if (input_.size() > kKeepInput) std::vector<char>().swap(input_);  // give big inputs' memory back
    sidecar_ = broadsheet::sidecar_json(result_);
    return {result_.ok(), reinterpret_cast<std::uintptr_t>(result_.output.data()),
            static_cast<std::uint32_t>(result_.output.size()), reinterpret_cast<std::uintptr_t>(sidecar_.data()),
            static_cast<std::uint32_t>(sidecar_.size())};
  }

  // Bytes malloc has handed out and not taken back: what a leak would make grow (Renderer.memoryUsage).
  double heapBytes() const { return static_cast<double>(mallinfo().uordblks); }

 private:
  static constexpr std::size_t kKeepInput = 1 << 20;
  std::vector<char> input_;
  broadsheet::Result result_;
  std::string sidecar_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(broadsheet) {
  using namespace emscripten;
  value_object<RenderOptions>("RenderOptions")
      .field("format", &RenderOptions::format)
      .field("commonmark", &RenderOptions::commonmark)
      .field("standalone", &RenderOptions::standalone)
      .field("allowHtml", &RenderOptions::allowHtml)
      .field("idPrefix", &RenderOptions::idPrefix)
      .field("maxInputBytes", &RenderOptions::maxInputBytes)
      .field("lint", &RenderOptions::lint)
      .field("unsubscribeUrl", &RenderOptions::unsubscribeUrl);
  value_object<RenderSummary>("RenderSummary")
      .field("ok", &RenderSummary::ok)
      .field("outputPointer", &RenderSummary::outputPointer)
      .field("outputLength", &RenderSummary::outputLength)
      .field("sidecarPointer", &RenderSummary::sidecarPointer)
      .field("sidecarLength", &RenderSummary::sidecarLength);
  class_<Engine>("Engine")
      .constructor<>()
      .function("inputBuffer", &Engine::inputBuffer)
      .function("render", &Engine::render)
      .function("heapBytes", &Engine::heapBytes);
}
