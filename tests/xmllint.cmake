# Validates every XML file under checklists/ and samples/ with xmllint, each on its own: the
# workshop packs (samples/workshop/) against schemas/workshop-pack.xsd, every other file (a
# checklist or an item file it includes) against schemas/checklist.xsd.
file(GLOB_RECURSE files ${SOURCE_DIR}/checklists/*.xml ${SOURCE_DIR}/samples/*.xml)
list(LENGTH files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no XML files found to validate")
endif()
foreach(file IN LISTS files)
  if(file MATCHES "/samples/workshop/")
    set(schema ${SOURCE_DIR}/schemas/workshop-pack.xsd)
  else()
    set(schema ${SOURCE_DIR}/schemas/checklist.xsd)
  endif()
  execute_process(COMMAND ${XMLLINT} --noout --schema ${schema} ${file}
                  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${file} does not validate against ${schema}:\n${err}")
  endif()
endforeach()
message(STATUS "${count} XML files validate against their schemas")
