# The queue under fire: two processes issuing tickets into one SQLite file while the test kills them.
# Sources in queue/; included from CMakeLists.txt here. queue_issuer is also what tests/bench/queue-bench runs.
add_executable(queue_issuer queue/queue_issuer.cpp)
target_link_libraries(queue_issuer PRIVATE wp_kiosk_store)
wijkpunt_target_defaults(queue_issuer)

add_executable(queue_stress_test queue/queue_stress_test.cpp)
target_link_libraries(queue_stress_test PRIVATE wp_kiosk_store GTest::gtest GTest::gtest_main)
target_compile_definitions(queue_stress_test PRIVATE QUEUE_ISSUER_PATH="$<TARGET_FILE:queue_issuer>")
add_dependencies(queue_stress_test queue_issuer)
wijkpunt_target_defaults(queue_stress_test)
gtest_discover_tests(queue_stress_test PROPERTIES LABELS integration TIMEOUT 90 DISCOVERY_TIMEOUT 60)
