// Test helpers: source paths, file reading and golden-file comparison.
#include "testing/testing.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace layak::testing {

std::string SourcePath(const std::string& relative) {
  const char* root = std::getenv("LAYAK_SOURCE_DIR");
  std::string base = root != nullptr ? root : LAYAK_DEFAULT_SOURCE_DIR;
  return base + "/" + relative;
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void ExpectMatchesGolden(const std::string& actual, const std::string& relative) {
  std::string path = SourcePath(relative);
  const char* update = std::getenv("LAYAK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "golden file " << relative << " is missing; actual output:\n"
                  << actual << "\n(run with LAYAK_UPDATE_GOLDEN=1 to create it)";
    return;
  }
  std::ostringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(expected.str(), actual) << "golden file " << relative << " differs; full actual output:\n"
                                    << actual << "\n(run with LAYAK_UPDATE_GOLDEN=1 to accept it)";
}

}  // namespace layak::testing
