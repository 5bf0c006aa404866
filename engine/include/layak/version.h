// File: layak/version.h
// The library's version, recorded in every output so that an appeal can ask
// which engine decided.
//
//   std::cout << layak::VersionString();   // "0.1.0"
#ifndef LAYAK_VERSION_H_
#define LAYAK_VERSION_H_

#include <string>

namespace layak {

// The library's semantic version, e.g. "0.1.0".
std::string VersionString();

}  // namespace layak

#endif  // LAYAK_VERSION_H_
