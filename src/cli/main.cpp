// The native CLI: the same interface as the npm CLI (web/cli.js), over the same core. Used by the tests
// (native/wasm parity), fuzzing and benchmarks.
//   broadsheet render FILE|- [--format html|json|email|text] [--commonmark] [--fragment] [--allow-html]
//                            [--id-prefix P] [--no-lint] [--unsubscribe-url URL] [--labels FILE.json]
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "broadsheet/broadsheet.hpp"
#include "nlohmann/json.hpp"

namespace {

// The usage, with the formats this build renders and what each is (the core's one table of formats).
std::string usage() {
  std::vector<broadsheet::FormatDescription> formats = broadsheet::format_descriptions();
  std::size_t width = 0;  // of the longest name: the summaries line up after it
  for (const broadsheet::FormatDescription& format : formats) width = std::max(width, format.name.size());
  std::string names, list;
  for (const broadsheet::FormatDescription& format : formats) {
    names.append(names.empty() ? "" : "|").append(format.name);
    list.append("  ").append(format.name).append(width + 2 - format.name.size(), ' ');
    list.append(format.summary).append(format.standalone ? " (--fragment: the body alone)\n" : "\n");
  }
  return "usage: broadsheet render FILE|- [--format " + names + "] [--commonmark] [--fragment]\n"
         "                                [--allow-html] [--id-prefix PREFIX] [--no-lint] [--unsubscribe-url URL]\n"
         "                                [--labels FILE.json]\n"
         "formats:\n" + list;
}

// Whether `format` is a whole page unless --fragment asks for the body alone.
bool is_standalone(broadsheet::Format format) {
  for (const broadsheet::FormatDescription& described : broadsheet::format_descriptions())
    if (described.format == format) return described.standalone;
  return false;
}

int usage_error(const std::string& message) {
  std::cerr << "broadsheet: " << message << "\n" << usage();
  return 2;
}

// Reads at most `limit` bytes of `path` (or standard input for "-"). Stops one byte past the limit, so
// `/dev/zero` or an endless pipe is refused at once instead of filling memory. An empty string on
// success, else why the input cannot be read (the same words as the npm CLI, web/cli.js).
std::string read_input(const std::string& path, std::size_t limit, std::string& out) {
  std::FILE* file = stdin;
  if (path != "-") {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::strerror(errno);
    if (S_ISDIR(info.st_mode)) return "it is a directory, not a file";
    file = std::fopen(path.c_str(), "rb");
    if (!file) return std::strerror(errno);
  }
  std::string problem;
  char chunk[64 * 1024];
  for (;;) {
    std::size_t want = std::min(sizeof chunk, limit + 1 - out.size());
    std::size_t got = std::fread(chunk, 1, want, file);
    out.append(chunk, got);
    if (out.size() > limit) {
      problem = "the input is over the limit of " + std::to_string(limit) + " bytes";
      break;
    }
    if (got < want) {
      if (std::ferror(file)) problem = std::strerror(errno);
      break;
    }
  }
  if (file != stdin) std::fclose(file);
  return problem;
}

// Reads `--labels FILE.json`: one object of label key -> text ({"in_this_issue": "Inside"}). A bad file is
// an error at its line:column; unknown keys are reported by the render as warnings.
bool read_labels(const std::string& path, broadsheet::Options& options) {
  std::string text;
  if (std::string problem = read_input(path, broadsheet::default_max_input_bytes, text); !problem.empty()) {
    std::cerr << "broadsheet: cannot read " << path << ": " << problem << "\n";
    return false;
  }
  nlohmann::json labels = nlohmann::json::parse(text, nullptr, false);
  if (labels.is_discarded()) {
    std::cerr << path << ": not valid JSON (expected an object of label keys and strings)\n";
    return false;
  }
  if (!labels.is_object()) {
    std::cerr << path << ": expected an object of label keys and strings, e.g. {\"in_this_issue\": \"Inside\"}\n";
    return false;
  }
  for (const auto& [key, value] : labels.items()) {
    if (!value.is_string()) {
      std::cerr << path << ": the label \"" << key << "\" should be a string\n";
      return false;
    }
    options.labels.emplace_back(key, value.get<std::string>());
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
    std::cout << usage();
    return 0;
  }
  if (argc < 2 || std::strcmp(argv[1], "render") != 0) return usage_error("expected the command `render`");
  broadsheet::Options options;
  bool fragment = false;
  std::string path;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--format" && i + 1 < argc) {
      auto format = broadsheet::parse_format(argv[++i]);
      if (!format) return usage_error(std::string("unknown format `") + argv[i] + "`");
      options.format = *format;
    } else if (arg == "--commonmark") {
      options.commonmark = true;
    } else if (arg == "--fragment") {
      fragment = true;
    } else if (arg == "--allow-html") {
      options.allow_html = true;
    } else if (arg == "--id-prefix" && i + 1 < argc) {
      options.id_prefix = argv[++i];
    } else if (arg == "--no-lint") {
      options.lint = false;
    } else if (arg == "--unsubscribe-url" && i + 1 < argc) {
      options.unsubscribe_url = argv[++i];
    } else if (arg == "--labels" && i + 1 < argc) {
      if (!read_labels(argv[++i], options)) return 1;
    } else if ((arg.size() > 1 && arg[0] == '-') || !path.empty()) {
      return usage_error("unexpected argument `" + arg + "`");
    } else {
      path = arg;
    }
  }
  if (path.empty()) return usage_error("missing FILE (or - for standard input)");
  options.standalone = !fragment && !options.commonmark && is_standalone(options.format);

  std::string input;
  std::string shown = path == "-" ? "<stdin>" : path;
  if (std::string problem = read_input(path, options.max_input_bytes, input); !problem.empty()) {
    std::cerr << "broadsheet: cannot read " << shown << ": " << problem << "\n";
    return 1;
  }
  // The input is ours to overwrite: no copy for the directive markers.
  broadsheet::Result result = broadsheet::render_in_place(input.data(), input.size(), options);
  for (const auto& warning : result.warnings)
    std::cerr << shown << ":" << warning.line << ":" << warning.column << (warning.hint ? ": hint: " : ": warning: ")
              << warning.message << "\n";
  if (!result.ok()) {
    const auto& error = *result.error;
    if (error.line > 0) std::cerr << shown << ":" << error.line << ":" << error.column << ": " << error.message << "\n";
    else std::cerr << shown << ": " << error.message << "\n";
    return 1;
  }
  std::fwrite(result.output.data(), 1, result.output.size(), stdout);
  return 0;
}
