# CMake platform module for VeridianOS (CMAKE_SYSTEM_NAME VeridianOS), shipped beside the toolchain file
# that `veridian targets emit <triple> --format cmake` writes.
include_guard(GLOBAL)

set(UNIX 1)
set(VERIDIAN 1)

# Static ELF executables and archives; VeridianOS has no dynamic loader yet.
set(CMAKE_EXECUTABLE_SUFFIX "")
set(CMAKE_STATIC_LIBRARY_PREFIX "lib")
set(CMAKE_STATIC_LIBRARY_SUFFIX ".a")
set(CMAKE_SHARED_LIBRARY_PREFIX "lib")
set(CMAKE_SHARED_LIBRARY_SUFFIX ".so")
set(CMAKE_FIND_LIBRARY_PREFIXES "lib")
set(CMAKE_FIND_LIBRARY_SUFFIXES ".a")
set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)
set(CMAKE_LINK_SEARCH_START_STATIC ON)
set(CMAKE_LINK_SEARCH_END_STATIC ON)

# Headers and libraries live in <sysroot>/<triple>/{include,lib}.
list(APPEND CMAKE_SYSTEM_PREFIX_PATH "/")
list(APPEND CMAKE_SYSTEM_INCLUDE_PATH "/include")
list(APPEND CMAKE_SYSTEM_LIBRARY_PATH "/lib")
