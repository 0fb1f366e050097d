// The request flows' screen (kiosk/ui/screens/request_screen.cpp): the summary, radio and check lists,
// errors under a field and the height of a field.
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
            const std::string& send = session_->tr("flow.send");
            const std::string& more = session_->tr("question.more");
            const std::string& back = session_->tr("common.back");
            std::set<std::string> labels;
            for (const auto& row : requestFlow_->summary()) labels.insert(session_->tr(row.labelKey));

            std::string shown;  // every row's answer, page after page
            std::set<std::string> changeable;
            std::optional<Rect> forwardAt, backAt;
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
                    if (item.region != Region::Content || item.clickable || !labels.contains(item.text))
                        continue;
                    // A row: its label (text), its answer (text), then "Wijzig" named after it (a control)
                    // unless it cannot change here.
                    ASSERT_LT(i + 1, f.items.size());
                    EXPECT_FALSE(f.items[i + 1].clickable) << where << ": " << item.text;
                    shown += f.items[i + 1].text;
                    const std::string named =
                        fillIn(session_->tr("flow.change_named"), {{"label", item.text}});
                    if (i + 2 < f.items.size() && f.items[i + 2].clickable &&
                        f.items[i + 2].region == Region::Content && f.items[i + 2].name == named) {
                        EXPECT_EQ(f.items[i + 2].text, session_->tr("flow.change_row")) << where;
                        EXPECT_EQ(f.items[i + 2].kind, WidgetKind::Secondary) << where;
                        changeable.insert(item.text);
                    }
                }
                const DrawnItem* s = control(send);
                const DrawnItem* m = control(more);
                const DrawnItem* b = control(back);
                ASSERT_NE(b, nullptr) << where;
                // "Verstuur" only on the last page; before it "Lees verder" in its place.
                ASSERT_TRUE((s == nullptr) != (m == nullptr)) << where << ", page " << pages + 1;
                const DrawnItem* forward = s ? s : m;
                EXPECT_EQ(forward->kind, WidgetKind::MainAction) << where;
                if (!forwardAt) forwardAt = forward->rect, backAt = b->rect;
                EXPECT_EQ(forward->rect.y0, forwardAt->y0) << where;
                EXPECT_EQ(forward->rect.x0, forwardAt->x0) << where;
                EXPECT_EQ(b->rect.y0, backAt->y0) << where;
                EXPECT_EQ(control("…"), nullptr);
                if (m == nullptr) break;
                tapCentre(*m);
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
            // "Terug" pages back to the first page, and from there a step back.
            for (int p = 0; p < pageCount - 1; ++p) {
                tapCentre(*control(back));
                frame();
                EXPECT_EQ(requestFlow_->step().kind, StepKind::Summary) << where;
            }
            EXPECT_NE(control(more), nullptr) << where;
        }

    // "Wijzig" on the last page: its question, then back to that page.
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
    const DrawnItem* email = control("Wijzig: E-mailadres");
    ASSERT_NE(email, nullptr);
    tapCentre(*email);
    EXPECT_EQ(requestFlow_->step().id, "email");
    tapCentre(*control("Verder"));
    ASSERT_EQ(requestFlow_->step().kind, StepKind::Summary);
    frame();
    EXPECT_NE(control("Wijzig: E-mailadres"), nullptr) << "back on " << page << "?";
    EXPECT_NE(control("Verstuur"), nullptr);
}

TEST_F(RequestScreenTest, OneAnswerIsARadioListThatMovesOnAndSeveralACheckListWithVerder) {
    session_->open({"request", "home-visit"});
    frame();
    // One answer: round marks, no "Verder"; a tap moves on.
    const FrameRecord& f = frame();
    int options = 0;
    for (const DrawnItem& i : f.items)
        if (i.kind == WidgetKind::Choice) ++options;
    EXPECT_EQ(options, 6);
    EXPECT_EQ(control("Verder"), nullptr);
    tapCentre(*control("Zorg of verzorging"));
    EXPECT_EQ(requestFlow_->step().id, "privacy");
    // Back on it: the chosen option says so in a word, not by colour alone.
    tapCentre(*control("Terug"));
    const FrameRecord& back = frame();
    const DrawnItem* chosen = control("Zorg of verzorging");
    ASSERT_NE(chosen, nullptr);
    EXPECT_TRUE(chosen->selected);
    EXPECT_TRUE(std::any_of(back.items.begin(), back.items.end(), [&](const DrawnItem& i) {
        return !i.clickable && i.text == "gekozen" && chosen->rect.contains(i.rect);
    }));
    // Several (the days): "Verder" as the main action and the words that say to tap it.
    requestFlow_->choose("care");
    requestFlow_->next();
    requestFlow_->entry().set("Truus de Vries");
    requestFlow_->next();
    requestFlow_->entry().set("3121AB");
    requestFlow_->next();
    requestFlow_->entry().set("12");
    requestFlow_->next();
    requestFlow_->entry().set("0612345678");
    requestFlow_->next();
    ASSERT_EQ(requestFlow_->step().id, "days");
    const FrameRecord& days = frame();
    EXPECT_TRUE(std::any_of(days.items.begin(), days.items.end(),
                            [&](const DrawnItem& i) { return i.text == session_->tr("flow.then_next"); }));
    ASSERT_NE(control("Verder"), nullptr);
    EXPECT_EQ(control("Verder")->kind, WidgetKind::MainAction);
    tapCentre(*control("Maandag"));
    EXPECT_EQ(requestFlow_->step().id, "days");
    frame();
    EXPECT_TRUE(control("Maandag")->selected);
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
