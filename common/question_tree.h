// QuestionTree: "Vraag stellen" as content — categories of topics; each topic an answer in plain language
// and/or sub-topics and routes to a person (content/questions.toml).
//
// A category ("Huur en reparaties") lists topics. A topic has the text key of its title, an optional short
// hint and an optional answer (text keys, so every language has them), the request category the central
// server routes on ("huur", "zorg", "geld", "buren", "gemeente", "anders"), the service whose desk
// "talk to someone now" takes a number for, optional sub-topics (a deeper tree) and routes: talk now,
// leave your question, call me back, make an appointment, or a link to another topic.
//
// The loader lives in common/ so the central server validates bundles with the kiosk's own code. It returns
// the whole, checked tree or one Status listing every problem as "file:line:col: what is wrong": a link to
// a missing topic, a cycle of sub-topics, a text key missing in any language, an unknown service or route,
// a category without topics. Plain data; safe to read from any thread once loaded.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace wp {

struct Content;
struct Service;

// The routing keys of question and callback requests, as the central server knows them.
inline constexpr std::array<std::string_view, 6> kRequestCategories = {"huur",  "zorg",     "geld",
                                                                       "buren", "gemeente", "anders"};

// What a topic offers besides its answer. In questions.toml: "talk-now", "leave-question", "callback",
// "appointment", or "topic:<id>" for a link to another topic.
enum class RouteKind { TalkNow, LeaveQuestion, Callback, Appointment, Topic };

struct QuestionRoute {
    RouteKind kind = RouteKind::TalkNow;
    std::string topicId;  // RouteKind::Topic only: the topic it opens
};

struct QuestionTopic {
    std::string id;                      // "repairs": lowercase letters, digits and '-', unique in the tree
    std::string labelKey;                // text key of its title: "qtopic.repairs"
    std::string hintKey;                 // text key of the short line on its tile; empty: none
    std::string answerKey;               // text key of the answer; empty: none (sub-topics and routes only)
    std::string requestCategory;         // one of kRequestCategories
    std::string serviceId;               // the desk for "talk to someone now": "huurloket", "wijkteam", ...
    std::vector<std::string> subTopics;  // ids of deeper topics, in display order
    std::vector<QuestionRoute> routes;   // in display order

    bool hasRoute(RouteKind kind) const;
};

struct QuestionCategory {
    std::string id;                   // "huur"
    std::string labelKey;             // "qcat.huur"
    std::string hintKey;              // "qcat.huur_hint"
    std::vector<std::string> topics;  // topic ids, in display order; never empty
};

// Limits that keep every list on one screen (the loader refuses more).
inline constexpr size_t kMaxTopicsPerCategory = 8;
inline constexpr size_t kMaxSubTopics = 4;
inline constexpr size_t kMaxRoutes = 4;

class QuestionTree {
  public:
    QuestionTree() = default;
    QuestionTree(std::vector<QuestionCategory> categories, std::vector<QuestionTopic> topics)
        : categories_(std::move(categories)), topics_(std::move(topics)) {}

    bool empty() const { return categories_.empty(); }
    // In display order.
    const std::vector<QuestionCategory>& categories() const { return categories_; }
    // In file order.
    const std::vector<QuestionTopic>& topics() const { return topics_; }
    // nullptr when there is no such category or topic.
    const QuestionCategory* category(std::string_view id) const;
    const QuestionTopic* topic(std::string_view id) const;

  private:
    std::vector<QuestionCategory> categories_;
    std::vector<QuestionTopic> topics_;
};

// Reads a questions file and checks it against the services (every topic's service must exist) and the
// texts of every language in content (every key the tree names must exist in each). A missing file is
// NotFound; anything wrong in it is InvalidInput with every problem as "file:line:col: ...".
Result<QuestionTree> loadQuestionTree(const std::filesystem::path& file, const std::vector<Service>& services,
                                      const Content& content);

// contentDir/questions.toml. When the file is absent the tree is empty, unless a start tile opens the
// screen "question": then it is NotFound, naming the tile.
Result<QuestionTree> loadContentQuestions(const std::filesystem::path& contentDir,
                                          const std::vector<Service>& services, const Content& content);

// "talk-now" and so on: the word questions.toml uses for a route kind (Topic gives "topic").
std::string_view routeKindName(RouteKind kind);

}  // namespace wp
