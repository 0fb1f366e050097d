#include "central/api_routes.h"

#include <gtest/gtest.h>

namespace wp {
namespace {

TEST(ApiRoutesTest, APathMatchesItsRouteWithItsParameters) {
    auto m = matchRoutePath("/queue/{letters}/{day}/{ticket}", "/queue/SGN/2026-11-26/H-014");
    ASSERT_TRUE(m);
    EXPECT_EQ(*m, (std::vector<std::string>{"/queue/SGN/2026-11-26/H-014", "SGN", "2026-11-26", "H-014"}));
    auto exact = matchRoutePath("/v1/health", "/v1/health");
    ASSERT_TRUE(exact);
    EXPECT_EQ(exact->size(), 1u);
}

TEST(ApiRoutesTest, AParameterIsOneNonEmptySegment) {
    EXPECT_FALSE(matchRoutePath("/v1/requests/{reference}", "/v1/requests/"));
    EXPECT_FALSE(matchRoutePath("/v1/requests/{reference}", "/v1/requests/A/B"));
    EXPECT_FALSE(matchRoutePath("/v1/requests/{reference}", "/v1/requests"));
    EXPECT_FALSE(matchRoutePath("/v1/health", "/v1/healthz"));
    EXPECT_FALSE(matchRoutePath("/v1/health", "/v1/healt"));
    auto status =
        matchRoutePath("/v1/backoffice/requests/{reference}/status", "/v1/backoffice/requests/X/status");
    ASSERT_TRUE(status);
    EXPECT_EQ((*status)[1], "X");
    EXPECT_FALSE(
        matchRoutePath("/v1/backoffice/requests/{reference}/status", "/v1/backoffice/requests/X/st"));
}

TEST(ApiRoutesTest, ParametersArePercentDecoded) {
    auto m = matchRoutePath("/status/{reference}", "/status/SGN%2DK2");
    ASSERT_TRUE(m);
    EXPECT_EQ((*m)[1], "SGN-K2");
}

}  // namespace
}  // namespace wp
