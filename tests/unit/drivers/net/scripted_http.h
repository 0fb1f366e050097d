// ScriptedHttp: an HttpClient that records every request and answers from a queue (200 {} when empty).
#pragma once

#include <deque>
#include <vector>

#include "kiosk/core/net/http_client.h"

namespace wp::testing {

class ScriptedHttp final : public HttpClient {
  public:
    HttpResult send(const HttpRequest& request) override {
        requests.push_back(request);
        if (answers.empty()) return {TransportError::None, "", 200, "{}"};
        HttpResult r = answers.front();
        answers.pop_front();
        return r;
    }
    void answer(int status, std::string body) {
        answers.push_back({TransportError::None, "", status, std::move(body)});
    }
    void down() { answers.push_back({TransportError::Connect, "connection refused", 0, ""}); }

    std::deque<HttpResult> answers;
    std::vector<HttpRequest> requests;
};

}  // namespace wp::testing
