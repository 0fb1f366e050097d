#include "drivers/net/curl_easy.h"

#include <curl/curl.h>

#include <string>

namespace wp {

namespace {

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlGlobal() { curl_global_cleanup(); }
};

}  // namespace

void initCurlOnce() {
    static CurlGlobal global;
}

std::size_t appendToString(char* data, std::size_t size, std::size_t n, void* body) {
    static_cast<std::string*>(body)->append(data, size * n);
    return size * n;
}

}  // namespace wp
