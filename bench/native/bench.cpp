// Native benchmark: broadsheet::render against Debian's libmd4c-html (md_html) over the same files.
//   broadsheet_bench FILE...   (bench/native/run.sh builds the corpus and runs this)
// Each file is rendered by both in turn, several rounds after a warm-up; the median round counts.
// libmd4c-html is loaded with dlopen: it brings its own md4c (Debian's), which must not be mixed up with
// the md4c compiled into Broadsheet (a link-time dependency would let one md_parse replace the other).
#include <dlfcn.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include <md4c.h>

#include "broadsheet/broadsheet.hpp"

namespace {

using MdHtml = int (*)(const char*, unsigned, void (*)(const char*, unsigned, void*), void*, unsigned, unsigned);

struct File {
  std::string name;
  std::string text;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// Seconds per render of `file` by each of `renderers`, alternating, median of `rounds`.
std::vector<double> time_file(const File& file, const std::vector<std::function<std::size_t(const std::string&)>>& renderers,
                              int rounds, std::size_t& sink) {
  const std::size_t repeat = std::max<std::size_t>(1, (256 * 1024) / std::max<std::size_t>(1, file.text.size()));
  std::vector<std::vector<double>> samples(renderers.size());
  for (auto& render : renderers) sink += render(file.text);  // warm-up
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t k = 0; k < renderers.size(); ++k) {
      std::size_t r = (k + static_cast<std::size_t>(round)) % renderers.size();
      auto start = std::chrono::steady_clock::now();
      for (std::size_t i = 0; i < repeat; ++i) sink += renderers[r](file.text);
      std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      samples[r].push_back(took.count() / static_cast<double>(repeat));
    }
  }
  std::vector<double> out;
  for (auto& s : samples) out.push_back(median(s));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE...\n", argv[0]);
    return 2;
  }
  void* library = dlopen("libmd4c-html.so.0", RTLD_NOW | RTLD_LOCAL);
  auto md_html = library ? reinterpret_cast<MdHtml>(dlsym(library, "md_html")) : nullptr;
  if (!md_html) {
    std::fprintf(stderr, "cannot load md_html from libmd4c-html.so.0 (apt install libmd4c-html0-dev): %s\n", dlerror());
    return 1;
  }
  std::vector<File> files;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", argv[i]);
      return 1;
    }
    files.push_back({argv[i], std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())});
  }

  auto md4c = [md_html](unsigned flags) {
    return [md_html, flags](const std::string& text) {
      std::string out;
      out.reserve(text.size() + text.size() / 4);
      md_html(text.data(), static_cast<unsigned>(text.size()),
              [](const char* data, unsigned size, void* user) { static_cast<std::string*>(user)->append(data, size); },
              &out, flags, 0);
      return out.size();
    };
  };
  auto broadsheet = [](bool commonmark) {
    return [commonmark](const std::string& text) {
      broadsheet::Options options;
      options.commonmark = commonmark;
      return broadsheet::render(text, options).output.size();
    };
  };

  struct Mode {
    const char* name;
    std::function<std::size_t(const std::string&)> ours, theirs;
  };
  const Mode modes[] = {
      {"newsletter (md4c-html: GitHub dialect)", broadsheet(false), md4c(MD_DIALECT_GITHUB)},
      {"commonmark (md4c-html: CommonMark)", broadsheet(true), md4c(MD_DIALECT_COMMONMARK)},
  };
  std::size_t total_bytes = 0;
  for (const File& f : files) total_bytes += f.text.size();
  std::printf("%zu files, %.2f MB\n\n", files.size(), static_cast<double>(total_bytes) / 1e6);
  std::printf("| mode | broadsheet MB/s | md4c-html MB/s | total ratio | per-file geomean ratio |\n|:--|--:|--:|--:|--:|\n");
  std::size_t sink = 0;
  for (const Mode& mode : modes) {
    double ours = 0, theirs = 0, log_ratio = 0;
    for (const File& file : files) {
      auto t = time_file(file, {mode.ours, mode.theirs}, 5, sink);
      ours += t[0];
      theirs += t[1];
      log_ratio += std::log(t[1] / t[0]);
    }
    double mb = static_cast<double>(total_bytes) / 1e6;
    std::printf("| %s | %.1f | %.1f | %.2f× | %.2f× |\n", mode.name, mb / ours, mb / theirs, theirs / ours,
                std::exp(log_ratio / static_cast<double>(files.size())));
  }
  return sink == 0;
}
