#pragma once

// spandsp 0.0.6 (Debian) for the SIP codecs: its headers use C99 and need these first; included in
// the codec sources only.
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <spandsp.h>
