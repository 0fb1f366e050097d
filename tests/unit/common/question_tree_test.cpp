// content/questions.toml: a good tree loads with its categories, topics, sub-topics and routes, the demo
// content loads, and every mistake an editor can make is named with file:line:col and what is wrong.
#include "common/question_tree.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/bundle.h"
#include "common/services.h"
#include "tests/unit/temp_dir.h"

namespace wp {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

// The good tree. Line numbers matter: the error tests edit single lines of it.
const char* kGood = R"([[category]]
id = "huur"
label = "qcat.huur"
hint = "qcat.huur_hint"
topics = ["repairs", "rent"]

[[topic]]
id = "repairs"
label = "qtopic.repairs"
answer = "qanswer.repairs"
request_category = "huur"
service = "huurloket"
topics = ["urgent"]

[[topic]]
id = "urgent"
label = "qtopic.urgent"
answer = "qanswer.urgent"
request_category = "huur"
service = "huurloket"
routes = ["talk-now", "callback"]

[[topic]]
id = "rent"
label = "qtopic.rent"
hint = "qtopic.rent_hint"
answer = "qanswer.rent"
request_category = "geld"
service = "wijkteam"
routes = ["talk-now", "leave-question", "appointment", "topic:repairs"]
)";

class QuestionTreeTest : public ::testing::Test {
  protected:
    void SetUp() override {
        content_.languages = {"nl", "en"};
        for (const char* code : {"nl", "en"}) {
            LanguageTexts& lt = content_.texts[code];
            lt.code = code;
            lt.file = fmt::format("texts/{}.toml", code);
            for (const char* key :
                 {"qcat.huur", "qcat.huur_hint", "qtopic.repairs", "qanswer.repairs", "qtopic.urgent",
                  "qanswer.urgent", "qtopic.rent", "qtopic.rent_hint", "qanswer.rent"})
                lt.texts[key] = fmt::format("{} in {}", key, code);
        }
        services_.resize(2);
        services_[0].id = "huurloket";
        services_[1].id = "wijkteam";
    }

    fs::path write(const std::string& text) { return dir_.write("questions.toml", text); }
    // text with line `line` (1-based) replaced by `with` (several lines may be given).
    static std::string edited(const std::string& text, int line, const std::string& with) {
        std::string out;
        int at = 1;
        size_t from = 0;
        while (from < text.size()) {
            size_t nl = text.find('\n', from);
            std::string l = text.substr(from, nl - from);
            out += (at == line ? with : l) + "\n";
            from = nl + 1;
            ++at;
        }
        return out;
    }
    static std::string edited(int line, const std::string& with) { return edited(kGood, line, with); }
    std::string errorOf(const std::string& text) {
        auto r = loadQuestionTree(write(text), services_, content_);
        EXPECT_FALSE(r.isOk());
        if (r.isOk()) return {};
        EXPECT_EQ(r.status().code(), Status::Code::InvalidInput);
        return r.status().message();
    }
    std::string at(int line, int col) const {
        return fmt::format("{}:{}:{}: ", (dir_.path() / "questions.toml").string(), line, col);
    }

    testing::TempDir dir_;
    Content content_;
    std::vector<Service> services_;
};

TEST_F(QuestionTreeTest, AGoodTreeLoadsEveryPart) {
    auto r = loadQuestionTree(write(kGood), services_, content_);
    ASSERT_TRUE(r.isOk()) << r.status().message();
    const QuestionTree& tree = r.value();
    ASSERT_EQ(tree.categories().size(), 1u);
    const QuestionCategory* huur = tree.category("huur");
    ASSERT_NE(huur, nullptr);
    EXPECT_EQ(huur->labelKey, "qcat.huur");
    EXPECT_EQ(huur->hintKey, "qcat.huur_hint");
    EXPECT_EQ(huur->topics, (std::vector<std::string>{"repairs", "rent"}));
    EXPECT_EQ(tree.category("zorg"), nullptr);

    const QuestionTopic* repairs = tree.topic("repairs");
    ASSERT_NE(repairs, nullptr);
    EXPECT_EQ(repairs->labelKey, "qtopic.repairs");
    EXPECT_EQ(repairs->answerKey, "qanswer.repairs");
    EXPECT_EQ(repairs->hintKey, "");
    EXPECT_EQ(repairs->requestCategory, "huur");
    EXPECT_EQ(repairs->serviceId, "huurloket");
    EXPECT_EQ(repairs->subTopics, (std::vector<std::string>{"urgent"}));
    EXPECT_TRUE(repairs->routes.empty());

    const QuestionTopic* rent = tree.topic("rent");
    ASSERT_NE(rent, nullptr);
    EXPECT_EQ(rent->hintKey, "qtopic.rent_hint");
    EXPECT_EQ(rent->requestCategory, "geld");
    EXPECT_EQ(rent->serviceId, "wijkteam");
    ASSERT_EQ(rent->routes.size(), 4u);
    EXPECT_EQ(rent->routes[0].kind, RouteKind::TalkNow);
    EXPECT_EQ(rent->routes[1].kind, RouteKind::LeaveQuestion);
    EXPECT_EQ(rent->routes[2].kind, RouteKind::Appointment);
    EXPECT_EQ(rent->routes[3].kind, RouteKind::Topic);
    EXPECT_EQ(rent->routes[3].topicId, "repairs");
    EXPECT_TRUE(rent->hasRoute(RouteKind::LeaveQuestion));
    EXPECT_FALSE(rent->hasRoute(RouteKind::Callback));
    EXPECT_TRUE(tree.topic("urgent")->hasRoute(RouteKind::Callback));
    EXPECT_EQ(tree.topic("nowhere"), nullptr);
    EXPECT_EQ(routeKindName(RouteKind::Callback), "callback");
}

TEST(QuestionTreeDemo, TheDemoContentLoadsWithEveryCategoryTheIssueNames) {
    auto bundle = loadBundle(fs::path(WIJKPUNT_SOURCE_DIR) / "provisioning/demo/settings.toml");
    ASSERT_TRUE(bundle) << bundle.status().message();
    const QuestionTree& tree = bundle->questions;
    for (const char* id : {"huur", "zorg", "geld", "buren", "gemeente", "anders"}) {
        const QuestionCategory* c = tree.category(id);
        ASSERT_NE(c, nullptr) << id;
        EXPECT_GE(c->topics.size(), 2u) << id;
    }
    for (const char* id :
         {"repairs", "household-help", "debts", "noise", "passport", "waste", "parking", "other"})
        EXPECT_NE(tree.topic(id), nullptr) << id;
    EXPECT_EQ(tree.topic("repairs")->serviceId, "huurloket");
    EXPECT_EQ(tree.topic("household-help")->serviceId, "wijkteam");
    EXPECT_EQ(tree.topic("passport")->requestCategory, "gemeente");
    EXPECT_FALSE(tree.topic("repairs")->subTopics.empty());  // at least one deeper step
}

TEST_F(QuestionTreeTest, ARouteToAMissingTopicIsNamed) {
    EXPECT_THAT(errorOf(edited(30, R"(routes = ["talk-now", "topic:nowhere"])")),
                HasSubstr(at(30, 23) + "topic 'rent' has a route to topic 'nowhere', which does not exist"));
}

TEST_F(QuestionTreeTest, ASubTopicThatDoesNotExistIsNamed) {
    EXPECT_THAT(errorOf(edited(13, R"(topics = ["urgent", "leak"])")),
                HasSubstr(at(13, 21) + "topic 'repairs' lists sub-topic 'leak', which does not exist"));
}

TEST_F(QuestionTreeTest, ACategoryListingAMissingTopicIsNamed) {
    EXPECT_THAT(errorOf(edited(5, R"(topics = ["repairs", "rent", "mould"])")),
                HasSubstr(at(5, 30) + "category 'huur' lists topic 'mould', which does not exist"));
}

TEST_F(QuestionTreeTest, ACycleOfSubTopicsIsNamedWhereItCloses) {
    // urgent lists repairs, which lists urgent.
    std::string text = edited(21, "routes = [\"talk-now\"]\ntopics = [\"repairs\"]");
    EXPECT_THAT(errorOf(text),
                HasSubstr(at(22, 11) + "sub-topics form a cycle: repairs -> urgent -> repairs"));
}

TEST_F(QuestionTreeTest, ATopicAsItsOwnSubTopicIsACycle) {
    EXPECT_THAT(errorOf(edited(13, R"(topics = ["urgent", "repairs"])")),
                HasSubstr(at(13, 21) + "sub-topics form a cycle: repairs -> repairs"));
}

TEST_F(QuestionTreeTest, AMissingTranslationNamesTheKeyTheLanguageAndWhereTheTreeUsesIt) {
    content_.texts["en"].texts.erase("qanswer.urgent");
    EXPECT_THAT(errorOf(kGood),
                HasSubstr(at(18, 10) + "text 'qanswer.urgent' is missing in language 'en' (texts/en.toml)"));
    content_.texts["nl"].texts.erase("qcat.huur_hint");
    EXPECT_THAT(errorOf(kGood),
                HasSubstr(at(4, 8) + "text 'qcat.huur_hint' is missing in language 'nl' (texts/nl.toml)"));
}

TEST_F(QuestionTreeTest, AnUnknownServiceIsNamed) {
    EXPECT_THAT(errorOf(edited(20, R"(service = "loket")")),
                HasSubstr(at(20, 11) + "unknown service 'loket' (expected an id from services.toml)"));
}

TEST_F(QuestionTreeTest, AnUnknownRouteKindIsNamed) {
    EXPECT_THAT(
        errorOf(edited(21, R"(routes = ["talk-now", "email-me"])")),
        HasSubstr(at(21, 23) + "unknown route 'email-me' (expected talk-now, leave-question, callback, "
                               "appointment or topic:<topic id>)"));
}

TEST_F(QuestionTreeTest, ACategoryWithNoTopicsIsRefused) {
    EXPECT_THAT(errorOf(edited(5, "topics = []")), HasSubstr(at(5, 10) + "category 'huur' has no topics"));
    EXPECT_THAT(errorOf(edited(5, "")), HasSubstr(at(1, 1) + "category 'huur' has no topics"));
}

TEST_F(QuestionTreeTest, AnUnknownRequestCategoryIsNamed) {
    EXPECT_THAT(errorOf(edited(11, R"(request_category = "wonen")")),
                HasSubstr(at(11, 20) + "unknown request_category 'wonen'"));
}

TEST_F(QuestionTreeTest, ATopicNobodyCanReachIsNamed) {
    std::string text = std::string(kGood) +
                       "\n[[topic]]\nid = \"lost\"\nlabel = \"qtopic.rent\"\nrequest_category = \"anders\"\n"
                       "service = \"wijkteam\"\nroutes = [\"callback\"]\n";
    EXPECT_THAT(errorOf(text),
                HasSubstr(at(32, 1) + "topic 'lost' is not listed by any category, topic or route"));
}

TEST_F(QuestionTreeTest, ATopicThatLeadsNowhereIsNamed) {
    // urgent without its answer and its routes.
    EXPECT_THAT(errorOf(edited(edited(kGood, 18, ""), 21, "")),
                HasSubstr(at(15, 1) + "topic 'urgent' leads nowhere (expected an answer, topics or routes)"));
}

TEST_F(QuestionTreeTest, AMisspeltKeyIsNamed) {
    EXPECT_THAT(
        errorOf(edited(18, R"(anwser = "qanswer.urgent")")),
        HasSubstr(at(18, 10) + "unknown key 'anwser' (expected id, label, hint, answer, request_category, "
                               "service, topics or routes)"));
    EXPECT_THAT(errorOf(edited(4, R"(hint = "qcat.huur_hint"
color = "blue")")),
                HasSubstr(at(5, 9) + "unknown key 'color' (expected id, label, hint or topics)"));
}

TEST_F(QuestionTreeTest, ADuplicateTopicIdIsNamed) {
    EXPECT_THAT(errorOf(edited(16, R"(id = "repairs")")),
                HasSubstr(at(16, 6) + "topic id 'repairs' appears twice"));
}

TEST_F(QuestionTreeTest, TooManyRoutesAreRefused) {
    EXPECT_THAT(
        errorOf(edited(
            30, R"(routes = ["talk-now", "leave-question", "callback", "appointment", "topic:repairs"])")),
        HasSubstr(at(30, 10) + "topic 'rent' has 5 routes; at most 4 fit on one screen"));
}

TEST_F(QuestionTreeTest, ASyntaxErrorNamesLineAndColumn) {
    EXPECT_THAT(errorOf(edited(12, R"(service = "huurloket)")), HasSubstr(at(12, 21) + "syntax error"));
}

TEST_F(QuestionTreeTest, EveryErrorOfTheFileIsReportedAtOnce) {
    std::string message = errorOf(
        edited(edited(kGood, 20, R"(service = "loket")"), 30, R"(routes = ["talk-now", "topic:nowhere"])"));
    EXPECT_THAT(message, HasSubstr(at(20, 11) + "unknown service 'loket'"));
    EXPECT_THAT(message, HasSubstr(at(30, 23) + "topic 'rent' has a route to topic 'nowhere'"));
}

TEST_F(QuestionTreeTest, AMissingFileIsNotFound) {
    auto r = loadQuestionTree(dir_.path() / "none.toml", services_, content_);
    ASSERT_FALSE(r.isOk());
    EXPECT_EQ(r.status().code(), Status::Code::NotFound);
}

TEST_F(QuestionTreeTest, ContentWithoutAQuestionTileNeedsNoTree) {
    auto r = loadContentQuestions(dir_.path(), services_, content_);
    ASSERT_TRUE(r.isOk()) << r.status().message();
    EXPECT_TRUE(r->empty());
}

TEST_F(QuestionTreeTest, ContentWhoseTileOpensTheQuestionScreenNeedsTheTree) {
    content_.tiles.push_back({"question", "tile.question", "tile.question_hint", "question"});
    auto r = loadContentQuestions(dir_.path(), services_, content_);
    ASSERT_FALSE(r.isOk());
    EXPECT_EQ(r.status().code(), Status::Code::NotFound);
    EXPECT_THAT(r.status().message(), HasSubstr("questions.toml: file not found (tile 'question'"));
    write(kGood);
    auto loaded = loadContentQuestions(dir_.path(), services_, content_);
    ASSERT_TRUE(loaded.isOk()) << loaded.status().message();
    EXPECT_EQ(loaded->categories().size(), 1u);
}

}  // namespace
}  // namespace wp
