#include "central/http_exchange.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

TEST(HttpExchangeTest, HeaderNamesCompareWithoutCase) {
    HttpRequest req;
    req.headers.emplace("Accept-Language", "nl");
    EXPECT_TRUE(req.has_header("accept-language"));
    EXPECT_EQ(req.get_header_value("ACCEPT-LANGUAGE"), "nl");
    EXPECT_EQ(req.get_header_value("Accept"), "");
}

TEST(HttpExchangeTest, SetHeaderReplacesAndSetContentSetsTheType) {
    HttpResponse res;
    res.set_header("Retry-After", "5");
    res.set_header("retry-after", "7");
    EXPECT_EQ(res.headers.size(), 1u);
    EXPECT_EQ(res.get_header_value("Retry-After"), "7");
    res.set_content("{}", kJson);
    EXPECT_EQ(res.body, "{}");
    EXPECT_EQ(res.get_header_value("content-type"), "application/json");
}

TEST(HttpExchangeTest, QueryStringsArePercentDecoded) {
    auto params = parseQueryString("team=huur%20loket&flagged=true&&empty=&bare&plus=a+b&bad=%zz%4");
    EXPECT_EQ(params.find("team")->second, "huur loket");
    EXPECT_EQ(params.find("flagged")->second, "true");
    EXPECT_EQ(params.find("empty")->second, "");
    EXPECT_EQ(params.find("bare")->second, "");
    EXPECT_EQ(params.find("plus")->second, "a b");
    EXPECT_EQ(params.find("bad")->second, "%zz%4");
    EXPECT_EQ(params.size(), 6u);
}

TEST(HttpExchangeTest, PathsKeepTheirPlusSigns) {
    EXPECT_EQ(percentDecode("a+b%2Fc"), "a+b/c");
}

TEST(HttpExchangeTest, AnErrorIsTheJsonOfDesignMd) {
    HttpResponse res;
    sendError(res, 413, error_code::kBodyTooLarge, "too big");
    EXPECT_EQ(res.status, 413);
    EXPECT_EQ(res.get_header_value("Content-Type"), "application/json");
    EXPECT_NE(res.body.find("\"code\":\"body_too_large\""), std::string::npos) << res.body;
}

}  // namespace
}  // namespace wp
