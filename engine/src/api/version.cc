// The version string compiled in from CMake's project(VERSION).
#include "layak/version.h"

namespace layak {

std::string VersionString() { return LAYAK_VERSION_STRING; }

}  // namespace layak
