#pragma once

// spandsp 0.0.6 (Debian) declares inline helpers that use C99 features; include it in one place.
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <spandsp.h>
#include <spandsp/version.h>

#if !defined(SPANDSP_RELEASE_DATE) || SPANDSP_RELEASE_DATE > 20120101
#error                                                                                                       \
    "Hookline's sound-card line is written against the spandsp 0.0.6 API (Debian); see docs/device-facts.md 3"
#endif
