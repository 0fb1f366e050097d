// What every libcurl user in drivers/net shares: libcurl's one-time global set-up, and the write callback
// that collects a response body into a std::string. Private to drivers/net.
#pragma once

#include <cstddef>

namespace wp {

// Initialises libcurl once per process (thread-safe); call before the first curl_easy_init.
void initCurlOnce();

// CURLOPT_WRITEFUNCTION that appends to the std::string given as CURLOPT_WRITEDATA.
std::size_t appendToString(char* data, std::size_t size, std::size_t n, void* body);

}  // namespace wp
