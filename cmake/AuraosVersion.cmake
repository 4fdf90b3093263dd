# Writes OUTPUT from TEMPLATE with the project version and `git describe` of SOURCE_DIR.
# Runs at every build (a script, not configure time) and rewrites OUTPUT only when the text
# changes, so a new commit rebuilds one small file.
#   cmake -DTEMPLATE=... -DOUTPUT=... -DSOURCE_DIR=... -DVERSION=... -P AuraosVersion.cmake
set(AURAOS_GIT_DESCRIBE "")
find_package(Git QUIET)
if(GIT_FOUND)
  execute_process(COMMAND ${GIT_EXECUTABLE} describe --tags --always --dirty
    WORKING_DIRECTORY ${SOURCE_DIR}
    OUTPUT_VARIABLE AURAOS_GIT_DESCRIBE OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE git_result ERROR_QUIET)
  if(NOT git_result EQUAL 0)
    set(AURAOS_GIT_DESCRIBE "")
  endif()
endif()
set(AURAOS_VERSION ${VERSION})
configure_file(${TEMPLATE} ${OUTPUT} @ONLY)
