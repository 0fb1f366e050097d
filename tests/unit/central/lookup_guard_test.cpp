// The limits on status lookups (central/lookup_guard.h): per address, per prefix, for everyone, and misses
// that cost more than hits; the prefixes of IPv4 and IPv6 addresses.
#include "central/lookup_guard.h"

#include <gtest/gtest.h>

#include "tests/unit/fake_clock.h"

namespace wp {
namespace {

using namespace std::chrono_literals;
using Refusal = LookupGuard::Refusal;

TEST(AddressPrefixTest, IPv4IsItsSlash24AndIPv6ItsSlash64) {
    EXPECT_EQ(addressPrefix("192.0.2.77"), "192.0.2.0/24");
    EXPECT_EQ(addressPrefix("127.0.0.1"), "127.0.0.0/24");
    EXPECT_EQ(addressPrefix("::ffff:192.0.2.77"), "192.0.2.0/24");
    EXPECT_EQ(addressPrefix("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
    EXPECT_EQ(addressPrefix("2001:db8::1"), "2001:db8::/64");
    EXPECT_EQ(addressPrefix("::1"), "::/64");
    EXPECT_EQ(addressPrefix("not an address"), "not an address");
}

class LookupGuardTest : public ::testing::Test {
  protected:
    CentralConfig::Lookup limits(int perMinute, int perPrefix, int global, int misses, int prefixMisses,
                                 int globalMisses, int alert = 1000) {
        CentralConfig::Lookup l;
        l.perMinute = perMinute;
        l.perPrefixPerMinute = perPrefix;
        l.globalPerMinute = global;
        l.missesPerHour = misses;
        l.prefixMissesPerHour = prefixMisses;
        l.globalMissesPerHour = globalMisses;
        l.alertMissesPerHour = alert;
        return l;
    }
    testing::FakeClock clock_;
};

TEST_F(LookupGuardTest, EachAddressHasItsOwnLookupsPerMinute) {
    LookupGuard guard(clock_, limits(3, 100, 100, 100, 100, 100));
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(guard.admit("192.0.2.1").admitted());
    auto refused = guard.admit("192.0.2.1");
    EXPECT_EQ(refused.refusal, Refusal::Source);
    EXPECT_EQ(refused.retryAfter, 60s);
    EXPECT_TRUE(guard.admit("192.0.2.2").admitted());
    clock_.advance(60s);
    EXPECT_TRUE(guard.admit("192.0.2.1").admitted());
}

TEST_F(LookupGuardTest, NeighboursShareTheirPrefixLimit) {
    LookupGuard guard(clock_, limits(3, 5, 100, 100, 100, 100));
    int admitted = 0;
    for (int host = 1; host <= 20; ++host)
        admitted += guard.admit("192.0.2." + std::to_string(host)).admitted();
    EXPECT_EQ(admitted, 5) << "twenty addresses of one /24 get the prefix's five";
    EXPECT_EQ(guard.admit("192.0.2.99").refusal, Refusal::Prefix);
    EXPECT_TRUE(guard.admit("198.51.100.1").admitted()) << "another /24";
    for (int host = 1; host <= 5; ++host)
        EXPECT_TRUE(guard.admit("2001:db8:0:" + std::to_string(host) + "::1").admitted());
    int v6 = 0;
    for (int host = 1; host <= 20; ++host)
        v6 += guard.admit("2001:db8:0:9::" + std::to_string(host)).admitted();
    EXPECT_EQ(v6, 5) << "one /64";
}

TEST_F(LookupGuardTest, EveryoneTogetherHasAGlobalLimit) {
    LookupGuard guard(clock_, limits(3, 3, 10, 100, 100, 100));
    int admitted = 0;
    for (int net = 1; net <= 30; ++net)
        admitted += guard.admit("10.0." + std::to_string(net) + ".1").admitted();
    EXPECT_EQ(admitted, 10);
    EXPECT_EQ(guard.admit("10.9.9.9").refusal, Refusal::Global);
}

TEST_F(LookupGuardTest, MissesCostMoreThanHitsAndLastAnHour) {
    LookupGuard guard(clock_, limits(30, 100, 1000, 2, 100, 1000));
    for (int i = 0; i < 2; ++i) {
        ASSERT_TRUE(guard.admit("192.0.2.1").admitted());
        guard.miss("192.0.2.1");
    }
    auto refused = guard.admit("192.0.2.1");
    EXPECT_EQ(refused.refusal, Refusal::SourceMisses);
    EXPECT_EQ(refused.retryAfter, 1h);
    EXPECT_TRUE(guard.admit("192.0.2.2").admitted()) << "a neighbour is not punished for one address";
    clock_.advance(59min);
    EXPECT_FALSE(guard.admit("192.0.2.1").admitted()) << "still within the hour";
    clock_.advance(1min);
    EXPECT_TRUE(guard.admit("192.0.2.1").admitted());
    EXPECT_EQ(guard.misses(), 2u);
}

TEST_F(LookupGuardTest, MissesOfAPrefixAndOfEveryoneAreLimitedToo) {
    LookupGuard prefix(clock_, limits(30, 100, 1000, 100, 3, 1000));
    for (int host = 1; host <= 3; ++host) prefix.miss("192.0.2." + std::to_string(host));
    EXPECT_EQ(prefix.admit("192.0.2.50").refusal, Refusal::PrefixMisses);
    EXPECT_TRUE(prefix.admit("198.51.100.1").admitted());

    LookupGuard global(clock_, limits(30, 100, 1000, 100, 100, 4));
    for (int net = 1; net <= 4; ++net) global.miss("10.0." + std::to_string(net) + ".1");
    EXPECT_EQ(global.admit("10.0.1.1").refusal, Refusal::GlobalMisses) << "a source that missed waits";
    ASSERT_TRUE(global.admit("10.9.9.9").admitted()) << "one that did not may look up its own code";
    global.miss("10.9.9.9");
    EXPECT_EQ(global.admit("10.9.9.9").refusal, Refusal::GlobalMisses) << "one guess, then it waits too";
    clock_.advance(1h);
    EXPECT_TRUE(global.admit("10.0.1.1").admitted());
}

TEST_F(LookupGuardTest, ManyMissesRaiseOneAlertAnHour) {
    LookupGuard guard(clock_, limits(30, 100, 1000, 1000, 1000, 1000, 5));
    for (int i = 0; i < 4; ++i) guard.miss("10.0.0." + std::to_string(i));
    EXPECT_EQ(guard.alerts(), 0u);
    guard.miss("10.0.1.1");
    EXPECT_EQ(guard.alerts(), 1u) << "the fifth miss in an hour";
    for (int i = 0; i < 20; ++i) guard.miss("10.0.2.1");
    EXPECT_EQ(guard.alerts(), 1u) << "once an hour";
    clock_.advance(1h);
    for (int i = 0; i < 6; ++i) guard.miss("10.0.3.1");
    EXPECT_EQ(guard.alerts(), 2u);
}

}  // namespace
}  // namespace wp
