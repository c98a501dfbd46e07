# Validates every XML file under checklists/ and samples/ against schemas/checklist.xsd.
file(GLOB_RECURSE files ${SOURCE_DIR}/checklists/*.xml ${SOURCE_DIR}/samples/*.xml)
list(LENGTH files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no XML files found to validate")
endif()
foreach(file IN LISTS files)
  execute_process(COMMAND ${XMLLINT} --noout --schema ${SOURCE_DIR}/schemas/checklist.xsd ${file}
                  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${file} does not validate:\n${err}")
  endif()
endforeach()
message(STATUS "${count} XML files validate against schemas/checklist.xsd")
