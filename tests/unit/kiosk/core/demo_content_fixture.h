// A test fixture holding the demo bundle (provisioning/demo: the real content, services, question tree and
// texts in every language), for the core tests of what residents read and get on paper.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "common/bundle.h"
#include "kiosk/core/texts.h"

namespace wp::testing {

class DemoContentTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto loaded =
            loadBundle(std::filesystem::path(WIJKPUNT_SOURCE_DIR) / "provisioning/demo/settings.toml");
        ASSERT_TRUE(loaded) << loaded.status().message();
        bundle_ = std::move(loaded).value();
        texts_ = std::make_unique<Texts>(bundle_.content);
    }

    Bundle bundle_;
    std::unique_ptr<Texts> texts_;
};

}  // namespace wp::testing
