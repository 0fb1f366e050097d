# The back office's templates and static files, compiled into wijkpunt-central (embedded_files.h), so the
# installed server needs no data folder. A file added to either folder is picked up at the next build
# (CONFIGURE_DEPENDS); a changed file regenerates its source.
function(wijkpunt_embed_folder folder function output)
  file(GLOB files CONFIGURE_DEPENDS RELATIVE ${folder} ${folder}/*)
  list(SORT files)
  list(JOIN files "|" names)
  list(TRANSFORM files PREPEND ${folder}/ OUTPUT_VARIABLE paths)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DFUNCTION=${function} -DDIR=${folder} "-DNAMES=${names}"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/backoffice/embed_files.cmake
    DEPENDS ${paths} ${CMAKE_CURRENT_SOURCE_DIR}/backoffice/embed_files.cmake
    COMMENT "Embedding ${folder}"
    VERBATIM)
endfunction()

set(WIJKPUNT_BACKOFFICE_GENERATED
    ${CMAKE_CURRENT_BINARY_DIR}/backoffice_templates.cpp ${CMAKE_CURRENT_BINARY_DIR}/backoffice_static.cpp)
wijkpunt_embed_folder(${CMAKE_CURRENT_SOURCE_DIR}/backoffice/templates embeddedTemplates
                      ${CMAKE_CURRENT_BINARY_DIR}/backoffice_templates.cpp)
wijkpunt_embed_folder(${CMAKE_CURRENT_SOURCE_DIR}/backoffice/static embeddedStaticFiles
                      ${CMAKE_CURRENT_BINARY_DIR}/backoffice_static.cpp)
