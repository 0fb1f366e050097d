# Printing: CupsPrinter against a private cupsd started by tests/support/private-cupsd.sh.
# The tests and the print bench program live in printer/.
add_subdirectory(${CMAKE_CURRENT_LIST_DIR}/printer ${CMAKE_CURRENT_BINARY_DIR}/printer)
