#include <cstdio>
#include <iostream>
#include "expr/parser.h"
#include "testing/testing.h"
namespace layak::expr {
TEST(Explore, Stdin) {
  std::string line;
  while (std::getline(std::cin, line)) {
    // \n and \t escapes
    std::string s;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size() && line[i+1] == 'n') { s += '\n'; ++i; }
      else if (line[i] == '\\' && i + 1 < line.size() && line[i+1] == 't') { s += '\t'; ++i; }
      else s += line[i];
    }
    ParseResult r = ParseExpression(s);
    if (r.ok()) {
      std::cout << "[" << line << "] OK " << r.ast.DebugString() << "\n";
      for (size_t i = 0; i < r.ast.nodes.size(); ++i) std::cout << "    " << i << " {" << r.ast.Text(i) << "}\n";
    } else {
      std::cout << "[" << line << "] E" << static_cast<int>(r.error->code) << " [" << r.error->span.begin << "," << r.error->span.end << ") " << r.error->message;
      for (auto& n : r.error->notes) std::cout << " | " << n;
      std::cout << "\n";
    }
  }
}
}
