# Helpers that give every project target the same flags.

# Our own code builds clean under -Wall -Wextra.
function(auraos_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
endfunction()

# auraos_library(NAME SOURCES... ) : one static library per top-level folder.
function(auraos_library name)
  add_library(${name} STATIC ${ARGN})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
  auraos_warnings(${name})
endfunction()
