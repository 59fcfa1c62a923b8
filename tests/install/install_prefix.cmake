# The install_prefix fixture: a fresh `cmake --install BUILD --prefix PREFIX` (the old prefix removed first, so
# nothing stale from an earlier install is left).
# Usage: cmake -DBUILD=<build dir> -DPREFIX=<prefix> -P install_prefix.cmake
if(NOT BUILD OR NOT PREFIX)
    message(FATAL_ERROR "usage: cmake -DBUILD=<build dir> -DPREFIX=<prefix> -P install_prefix.cmake")
endif()
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD}" --prefix "${PREFIX}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install ${BUILD} --prefix ${PREFIX} failed: ${result}")
endif()
if(NOT EXISTS "${PREFIX}/bin/hookline")
    message(FATAL_ERROR "${PREFIX}/bin/hookline was not installed")
endif()
