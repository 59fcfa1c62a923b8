#pragma once

// libre and librem for C++: pkg-config does not define what re.h expects, and the headers are C that
// trips C++20 warnings, so they are included as system headers (the CMake target says so).
#ifndef HAVE_INTTYPES_H
#define HAVE_INTTYPES_H 1
#endif
#ifndef HAVE_STDBOOL_H
#define HAVE_STDBOOL_H 1
#endif
#include <re.h>
#include <rem.h>
