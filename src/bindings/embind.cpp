// The wasm boundary: Embind bindings only. Strings cross as bytes in wasm memory (the JS layer encodes
// into the input buffer and decodes the output with one TextDecoder), never through per-call Embind
// string marshalling. A render call takes and returns plain numbers: the options as bit flags, and the
// address of a summary (ok, output and sidecar pointers and lengths) that JS reads from memory. The
// string options (id prefix, unsubscribe URL, the publication's defaults, labels, recent issues) are sent
// only when they change. The HTML and email output of big
// inputs (over 1 MiB) are handed to JS in pieces while they are written (setOutputSink), so they
// never sit whole in wasm memory.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <vector>

#include "broadsheet/broadsheet.hpp"

namespace {

// Bits of the `flags` argument of render(); bits 8 and up hold the format's number: its index in
// the list formats() gives, which web/src/index.js reads from the core at start-up (the list is the core's
// one list of formats, src/render/formats.cpp; a lean build carries fewer). web/src/index.js packs them,
// with the same names in capitals (COMMON_MARK…): tests/js/boundary-declared.test.js fails if they differ.
constexpr std::uint32_t kCommonMark = 1, kStandalone = 2, kAllowHtml = 4, kNoLint = 8, kSummaryOnly = 16,
                        kFormatShift = 8;
// The words of render()'s result, which web/src/index.js reads from memory (same names in capitals).
enum ResultWord : std::uint32_t { kOk = 0, kOutputPointer = 1, kOutputLength = 2, kSidecarPointer = 3, kSidecarLength = 4 };

class Engine {
 public:
  // A buffer of at least `length` bytes for the UTF-8 input; reused across calls. Its bytes are kept when
  // it grows: the JS layer encodes in two steps when the text is not all ASCII.
  std::uintptr_t inputBuffer(std::uint32_t length) {
    if (input_.size() < length) {
      input_.reserve(length);  // exactly: resize alone would double the capacity
      input_.resize(length);
    }
    return reinterpret_cast<std::uintptr_t>(input_.data());
  }

  // The names of the formats this core renders, space-separated, in the order of their numbers.
  std::string formats() const {
    std::string names;
    for (std::string_view name : formats_) names.append(names.empty() ? "" : " ").append(name);
    return names;
  }

  // `sink(pointer, length)` takes each piece of HTML output (Options::output_pieces) during render().
  void setOutputSink(emscripten::val sink) { sink_ = std::move(sink); }

  // The string options, sent only when one changes: id prefix, unsubscribe URL, default lang, default
  // canonical URL and default slug, joined by U+001F (which none holds; web/src/index.js packs them).
  void setStrings(const std::string& packed) {
    std::string_view rest = packed;
    for (std::string* field : {&id_prefix_, &unsubscribe_url_, &default_lang_, &default_canonical_url_, &default_slug_}) {
      std::size_t end = rest.find('\x1F');
      field->assign(rest.substr(0, end));
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    }
  }

  // The `labels` option as one string, sent only when it changes: key, value, key, value... each ended by
  // U+001F (which no label holds).
  void setLabels(const std::string& packed) {
    labels_.clear();
    std::size_t at = 0;
    while (at < packed.size()) {
      std::size_t key_end = packed.find('\x1F', at);
      if (key_end == std::string::npos) break;
      std::size_t value_end = packed.find('\x1F', key_end + 1);
      if (value_end == std::string::npos) value_end = packed.size();
      labels_.emplace_back(packed.substr(at, key_end - at), packed.substr(key_end + 1, value_end - key_end - 1));
      at = value_end + 1;
    }
  }

  // The `recent` option (the issues before this one, newest first) as one string, sent only when it
  // changes: per issue its url, title, number and date, each ended by U+001F (which no field holds). The
  // issues are views into the kept string.
  void setRecent(const std::string& packed) {
    recent_packed_ = packed;
    recent_count_ = 0;
    std::string_view rest = recent_packed_;
    auto field = [&rest] {
      std::size_t end = rest.find('\x1F');
      std::string_view value = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      return value;
    };
    while (!rest.empty() && recent_count_ < std::size(recent_)) {
      broadsheet::RecentIssue& issue = recent_[recent_count_++];
      issue.url = field();
      issue.title = field();
      issue.number = field();
      issue.date = field();
    }
  }

  // Renders the first `length` bytes of the input buffer; returns the address of five uint32: ok,
  // output pointer, output length, sidecar pointer, sidecar length.
  // The two caps come as doubles (a JS number; 0 = the core's default): Options::max_input_bytes and
  // Options::max_output_bytes.
  std::uintptr_t render(std::uint32_t length, std::uint32_t flags, double max_input_bytes, double max_output_bytes) {
    // The previous render's output goes first, so a big render does not hold two outputs at once.
    result_ = {};
    std::string().swap(sidecar_);
    broadsheet::Options options;
    options.commonmark = (flags & kCommonMark) != 0;
    options.standalone = (flags & kStandalone) != 0;
    options.allow_html = (flags & kAllowHtml) != 0;
    options.lint = (flags & kNoLint) == 0;
    options.summary_only = (flags & kSummaryOnly) != 0;
    options.id_prefix = id_prefix_;
    options.unsubscribe_url = unsubscribe_url_;
    options.labels = labels_;
    options.recent = std::span(recent_, recent_count_);
    options.default_lang = default_lang_;
    options.default_canonical_url = default_canonical_url_;
    options.default_slug = default_slug_;
    // Up to 1 MiB of input the output comes back whole: one decode in JS costs less than decoding
    // pieces and joining them (the README corpus renders 4-5% faster, a 128 KB issue up to 2x), and
    // holding it stays within the memory budget.
    if (!sink_.isUndefined() && length > kBigInput) {
      options.output_pieces = [this](std::string_view piece) {
        sink_(reinterpret_cast<std::uintptr_t>(piece.data()), static_cast<std::uint32_t>(piece.size()));
      };
    }
    if (max_input_bytes > 0) options.max_input_bytes = static_cast<std::size_t>(max_input_bytes);
    if (max_output_bytes > 0) options.max_output_bytes = static_cast<std::size_t>(max_output_bytes);
    std::uint32_t format = flags >> kFormatShift;
    if (format >= formats_.size()) {
      result_.error = broadsheet::Diagnostic{0, 0, "unknown format number " + std::to_string(format)};
    } else {
      options.format = *broadsheet::parse_format(formats_[format]);
      result_ = broadsheet::render_in_place(input_.data(), std::min<std::size_t>(length, input_.size()), options);
    }
    if (input_.size() > kBigInput) std::vector<char>().swap(input_);  // give big inputs' memory back
    sidecar_ = broadsheet::sidecar_json(result_);
    summary_[kOk] = result_.ok() ? 1 : 0;
    summary_[kOutputPointer] = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(result_.output.data()));
    summary_[kOutputLength] = static_cast<std::uint32_t>(result_.output.size());
    summary_[kSidecarPointer] = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(sidecar_.data()));
    summary_[kSidecarLength] = static_cast<std::uint32_t>(sidecar_.size());
    return reinterpret_cast<std::uintptr_t>(summary_);
  }

  // Bytes malloc has handed out and not taken back: what a leak would make grow (Renderer.memoryUsage).
  double heapBytes() const { return static_cast<double>(mallinfo().uordblks); }

 private:
  static constexpr std::size_t kBigInput = 1 << 20;  // over this, output in pieces and the input buffer freed
  std::vector<std::string_view> formats_ = broadsheet::format_names();
  std::vector<char> input_;
  std::string id_prefix_;
  std::string unsubscribe_url_;
  std::string default_lang_;
  std::string default_canonical_url_;
  std::string default_slug_;
  std::string recent_packed_;
  // The core lists at most 50 issues in a `::: recent` block (core/recent.hpp): a fixed array, no vector.
  broadsheet::RecentIssue recent_[50];
  std::size_t recent_count_ = 0;
  std::vector<std::pair<std::string, std::string>> labels_;
  broadsheet::Result result_;
  std::string sidecar_;
  std::uint32_t summary_[kSidecarLength + 1] = {};
  emscripten::val sink_ = emscripten::val::undefined();
};

// One engine per module instance (web/src/index.js starts an instance per renderer), bound as plain
// functions: Embind's class machinery (handles, pointer registries, deletion) was 2.6 KB of the glue,
// gzipped, for a class that was only ever made once.
Engine& engine() {
  static Engine the_engine;
  return the_engine;
}

}  // namespace

EMSCRIPTEN_BINDINGS(broadsheet) {
  using namespace emscripten;
  function("inputBuffer", +[](std::uint32_t length) { return engine().inputBuffer(length); });
  function("formats", +[]() { return engine().formats(); });
  function("setStrings", +[](const std::string& packed) { engine().setStrings(packed); });
  function("setRecent", +[](const std::string& packed) { engine().setRecent(packed); });
  function("setLabels", +[](const std::string& packed) { engine().setLabels(packed); });
  function("setOutputSink", +[](emscripten::val sink) { engine().setOutputSink(std::move(sink)); });
  function("render", +[](std::uint32_t length, std::uint32_t flags, double max_input_bytes, double max_output_bytes) {
    return engine().render(length, flags, max_input_bytes, max_output_bytes);
  });
  function("heapBytes", +[]() { return engine().heapBytes(); });
}
