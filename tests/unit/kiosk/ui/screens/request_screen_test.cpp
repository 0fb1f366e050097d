// The request flows' screen (kiosk/ui/screens/request_screen.cpp): the summary, errors under a field and
// the height of a field.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "tests/unit/kiosk/ui/screen_fixture.h"

namespace wp::ui {
namespace {

using RequestScreenTest = ScreenTest;

TEST_F(RequestScreenTest, TheSummaryShowsEveryAnswerWholeAndEachCanBeChanged) {
    const double mmPerPx = bundle_.settings.screen.mmPerPx;
    auto noSpace = [](std::string t) {
        std::erase_if(t, [](char c) { return c == ' ' || c == '\n'; });
        return t;
    };
    for (const std::string& lang : bundle_.content.languages)
        for (const char* flowId : {"question", "initiative"}) {
            const std::string where = fmt::format("{} / {}", flowId, lang);
            session_->startAgain();
            session_->setLanguage(lang);
            session_->open({"request", flowId});
            frame();
            ASSERT_NO_FATAL_FAILURE(walkWithLongestAnswers(flowId));
            frame();
            const std::string& change = session_->tr("flow.change");
            const std::string& send = session_->tr("flow.send");
            const std::string& back = session_->tr("common.back");
            std::set<std::string> labels;
            for (const auto& row : requestFlow_->summary()) labels.insert(session_->tr(row.labelKey));

            std::string shown;  // every box's text, page after page, without the hint
            std::set<std::string> changeable;
            std::optional<Rect> sendAt, backAt;
            int pages = 0;
            for (; pages < 12; ++pages) {
                const FrameRecord& f = frame();
                for (std::size_t i = 0; i < f.items.size(); ++i) {
                    const DrawnItem& item = f.items[i];
                    EXPECT_TRUE(f.isVisible(item))
                        << where << ", page " << pages + 1 << ": \"" << item.text << "\"";
                    if (item.clickable) {
                        EXPECT_GE(item.rect.height() * mmPerPx, 10.0) << where << ": " << item.text;
                        EXPECT_GE(item.rect.width() * mmPerPx, 10.0) << where << ": " << item.text;
                    }
                    if (item.region != Region::Content || !labels.contains(item.text)) continue;
                    if (item.clickable) {
                        // A box to change: its text comes right after it and ends with the hint.
                        ASSERT_LT(i + 1, f.items.size());
                        const std::string& text = f.items[i + 1].text;
                        ASSERT_TRUE(text.ends_with("\n" + change))
                            << where << ": " << item.text << " says " << text;
                        shown += text.substr(0, text.size() - change.size() - 1);
                        changeable.insert(item.text);
                    } else if (i + 1 < f.items.size()) {
                        shown += f.items[i + 1].text;  // the topic, as text
                    }
                }
                const DrawnItem* s = control(send);
                const DrawnItem* b = control(back);
                ASSERT_NE(s, nullptr) << where;
                ASSERT_NE(b, nullptr) << where;
                if (!sendAt) sendAt = s->rect, backAt = b->rect;
                EXPECT_EQ(s->rect.y0, sendAt->y0) << where;
                EXPECT_EQ(s->rect.x0, sendAt->x0) << where;
                EXPECT_EQ(b->rect.y0, backAt->y0) << where;
                EXPECT_EQ(control("…"), nullptr);
                const DrawnItem* more = control(session_->tr("question.more"));
                if (more == nullptr) break;
                tapCentre(*more);
            }
            const int pageCount = pages + 1;  // the loop left at the last page
            EXPECT_GE(pageCount, 2) << where << ": the longest answers cannot fit on one page";
            EXPECT_LE(pageCount, 12) << where;
            EXPECT_EQ(shown.find("…"), std::string::npos) << where;
            const std::string all = noSpace(shown);
            for (const auto& row : requestFlow_->summary()) {
                std::string value;
                for (const std::string& k : row.textKeys)
                    value += (value.empty() ? "" : ", ") + session_->tr(k);
                if (row.textKeys.empty()) value = row.value;
                EXPECT_NE(all.find(noSpace(value)), std::string::npos)
                    << where << ": " << row.labelKey << " is not shown whole: " << value;
                if (!row.stepId.empty()) {
                    EXPECT_TRUE(changeable.contains(session_->tr(row.labelKey)))
                        << where << ": " << row.labelKey;
                }
            }
        }

    // A box on the last page: its question, then back to that page.
    session_->startAgain();
    session_->open({"request", "initiative"});
    frame();
    ASSERT_NO_FATAL_FAILURE(walkWithLongestAnswers("initiative"));
    frame();
    std::string page;
    while (const DrawnItem* more = control("Lees verder")) tapCentre(*more);
    for (const DrawnItem& i : ui_->lastFrame().items)
        if (i.text.starts_with("Deel ")) page = i.text;
    ASSERT_NE(page, "");
    const DrawnItem* email = control("E-mail");
    ASSERT_NE(email, nullptr);
    tapCentre(*email);
    EXPECT_EQ(requestFlow_->step().id, "email");
    tapCentre(*control("Verder"));
    ASSERT_EQ(requestFlow_->step().kind, StepKind::Summary);
    frame();
    EXPECT_NE(control("E-mail"), nullptr) << "back on " << page << "?";
}

// "Dit vak is nog leeg" goes as soon as a key is typed, and comes back only with "Verder".
TEST_F(RequestScreenTest, AnErrorUnderAFieldGoesWithTheFirstKeyTyped) {
    auto shows = [this](const std::string& text) {
        const FrameRecord& f = frame();
        return std::any_of(f.items.begin(), f.items.end(),
                           [&](const DrawnItem& i) { return i.text == text; });
    };
    const std::string& empty = session_->tr("form.required");
    session_->open({"request", "question/" + bundle_.questions.topics().front().id});
    frame();
    ASSERT_TRUE(requestFlow_->next());
    requestFlow_->choose("type");
    frame();
    tapCentre(*control("Verder"));
    ASSERT_TRUE(shows(empty));
    const std::vector<KeyCap> keys = ui_->lastKeys();
    auto d = std::find_if(keys.begin(), keys.end(), [](const KeyCap& k) { return k.types == "d"; });
    ASSERT_NE(d, keys.end());
    const float x = (d->rect.x0 + d->rect.x1) / 2, y = (d->rect.y0 + d->rect.y1) / 2;
    frame(x, y, false);
    frame(x, y, true);
    frame(x, y, false);
    EXPECT_EQ(requestFlow_->entry().value(), "d");
    EXPECT_FALSE(shows(empty));
    const std::vector<KeyCap> again = ui_->lastKeys();
    auto erase = std::find_if(again.begin(), again.end(),
                              [](const KeyCap& k) { return k.kind == KeyCap::Kind::Erase; });
    ASSERT_NE(erase, again.end());
    const float ex = (erase->rect.x0 + erase->rect.x1) / 2, ey = (erase->rect.y0 + erase->rect.y1) / 2;
    frame(ex, ey, false);
    frame(ex, ey, true);
    frame(ex, ey, false);
    EXPECT_EQ(requestFlow_->entry().value(), "");
    EXPECT_FALSE(shows(empty));
    tapCentre(*control("Verder"));
    EXPECT_TRUE(shows(empty));
}

// One-line kinds (phone, e-mail, postcode, house number, a name) get a one-line box, so the error sits right
// under it; only a long free text (the question) gets a tall box.
TEST_F(RequestScreenTest, OnlyLongFreeTextGetsATallField) {
    struct Case {
        std::string arg;
        std::vector<std::string> before;  // options; "" = "Verder"
        std::string wrong;
        bool tall;
    };
    const std::string topic = bundle_.questions.topics().front().id;
    const std::vector<Case> cases{
        {"question/" + topic, {"", "topic-only", "email"}, "jan@", false},
        {"question/" + topic, {"", "topic-only", "phone"}, "0612", false},
        {"home-visit", {"care", ""}, "", false},                   // the name
        {"home-visit", {"care", "", "@name", ""}, "0000", false},  // the postcode
        {"question/" + topic, {"", "type"}, "", true},
    };
    for (const Case& c : cases) {
        session_->startAgain();
        session_->open({"request", c.arg});
        frame();
        for (const std::string& o : c.before) {
            if (o == "@name")
                requestFlow_->entry().set("Truus de Vries");
            else if (o.empty())
                requestFlow_->next();
            else
                requestFlow_->choose(o);
        }
        ASSERT_EQ(requestFlow_->step().kind, StepKind::Entry) << c.arg;
        requestFlow_->entry().set(c.wrong);
        EXPECT_FALSE(requestFlow_->next());
        const std::string label = session_->tr(requestFlow_->step().labelKey);
        const std::string error = session_->tr(requestFlow_->errorKey());
        frame();
        const FrameRecord& f = frame();
        const DrawnItem *labelItem = nullptr, *errorItem = nullptr;
        for (const DrawnItem& i : f.items) {
            if (i.text == label && !i.clickable) labelItem = &i;
            if (i.text == error) errorItem = &i;
        }
        ASSERT_NE(labelItem, nullptr) << requestFlow_->step().id;
        ASSERT_NE(errorItem, nullptr) << requestFlow_->step().id;
        const float between = errorItem->rect.y0 - labelItem->rect.y1;
        const float line = fonts_.forTheme(session_->theme().id).large->FontSize * 1.15f;
        if (c.tall) {
            EXPECT_GT(between, line * 3) << requestFlow_->step().id;
        } else {
            EXPECT_LT(between, line * 2.5f)
                << requestFlow_->step().id << ": a one-line field drawn " << between << " px tall";
        }
    }
}

}  // namespace
}  // namespace wp::ui
