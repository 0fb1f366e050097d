#include "common/question_tree.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "common/bundle.h"
#include "common/services.h"
#include "common/toml_reader.h"

namespace wp {

using toml_reader::TomlReader;
namespace fs = std::filesystem;

bool QuestionTopic::hasRoute(RouteKind kind) const {
    return std::any_of(routes.begin(), routes.end(),
                       [kind](const QuestionRoute& r) { return r.kind == kind; });
}

const QuestionCategory* QuestionTree::category(std::string_view id) const {
    for (const QuestionCategory& c : categories_)
        if (c.id == id) return &c;
    return nullptr;
}

const QuestionTopic* QuestionTree::topic(std::string_view id) const {
    for (const QuestionTopic& t : topics_)
        if (t.id == id) return &t;
    return nullptr;
}

std::string_view routeKindName(RouteKind kind) {
    switch (kind) {
        case RouteKind::TalkNow:
            return "talk-now";
        case RouteKind::LeaveQuestion:
            return "leave-question";
        case RouteKind::Callback:
            return "callback";
        case RouteKind::Appointment:
            return "appointment";
        case RouteKind::Topic:
            return "topic";
    }
    return "topic";
}

namespace {

constexpr std::string_view kTopicRoutePrefix = "topic:";

bool isId(std::string_view s) {
    if (s.empty() || s.size() > 48 || s.front() == '-' || s.back() == '-') return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Where each link of the file was written, for errors found after reading.
struct Link {
    std::string to;
    const toml::node* at = nullptr;
};

// A text key the tree names, and where.
struct KeyUse {
    std::string key;
    const toml::node* at = nullptr;
};

class TreeReader {
  public:
    TreeReader(TomlReader& r, const std::vector<Service>& services, const Content& content)
        : r_(r), services_(services), content_(content) {}

    QuestionTree read();

  private:
    // A list of topic ids ("topics = [...]"): each a string naming a topic (checked later).
    std::vector<Link> readTopicList(const toml::table& t, bool required, std::string_view owner);
    void readCategory(const toml::table& t);
    void readTopic(const toml::table& t);
    std::string textKey(const toml::table& t, std::string_view key, bool required, std::string_view expected);
    void checkLinks();
    void checkCycles();
    void checkReachable();
    void checkTexts();

    TomlReader& r_;
    const std::vector<Service>& services_;
    const Content& content_;

    std::vector<QuestionCategory> categories_;
    std::vector<QuestionTopic> topics_;
    std::vector<const toml::table*> topicTables_;   // parallel to topics_
    std::vector<std::vector<Link>> categoryLinks_;  // parallel to categories_
    std::vector<std::vector<Link>> subTopicLinks_;  // parallel to topics_
    std::vector<std::vector<Link>> routeLinks_;     // parallel to topics_: "topic:" routes only
    std::map<std::string, size_t> topicIndex_;
    std::vector<KeyUse> keys_;
};

std::string TreeReader::textKey(const toml::table& t, std::string_view key, bool required,
                                std::string_view expected) {
    std::string value =
        required ? r_.requireString(t, key, expected) : r_.optionalString(t, key, "", expected);
    if (!value.empty()) keys_.push_back({value, t.get(key)});
    return value;
}

std::vector<Link> TreeReader::readTopicList(const toml::table& t, bool required, std::string_view owner) {
    std::vector<Link> out;
    const toml::node* n = t.get("topics");
    if (n == nullptr) {
        if (required)
            r_.error(&t, fmt::format("{} has no topics (expected topics = [\"topic-id\", ...])", owner));
        return out;
    }
    const toml::array* list = n->as_array();
    if (list == nullptr) {
        r_.error(n, fmt::format("'topics' must be a list of topic ids, found {}", TomlReader::typeName(*n)));
        return out;
    }
    if (list->empty() && required)
        r_.error(n, fmt::format("{} has no topics (expected at least one topic id)", owner));
    std::set<std::string> seen;
    for (const toml::node& item : *list) {
        if (!item.is_string()) {
            r_.error(&item, fmt::format("a topic id must be a string, found {}", TomlReader::typeName(item)));
            continue;
        }
        std::string id(*item.value<std::string_view>());
        if (!seen.insert(id).second) r_.error(&item, fmt::format("topic '{}' is listed twice", id));
        out.push_back({std::move(id), &item});
    }
    return out;
}

void TreeReader::readCategory(const toml::table& t) {
    r_.checkKeys(t, {"id", "label", "hint", "topics"}, "id, label, hint or topics");
    QuestionCategory c;
    c.id = r_.requireString(t, "id", "the category's id, like \"huur\"");
    if (!c.id.empty() && !isId(c.id))
        r_.error(t.get("id"), fmt::format("id '{}' must be lowercase letters, digits and '-'", c.id));
    if (!c.id.empty() && std::any_of(categories_.begin(), categories_.end(),
                                     [&](const QuestionCategory& o) { return o.id == c.id; }))
        r_.error(t.get("id"), fmt::format("category id '{}' appears twice", c.id));
    c.labelKey = textKey(t, "label", true, "the text key of the category's title, like \"qcat.huur\"");
    c.hintKey = textKey(t, "hint", true, "the text key of the line under the title");
    auto links = readTopicList(t, true, fmt::format("category '{}'", c.id));
    if (links.size() > kMaxTopicsPerCategory)
        r_.error(t.get("topics"), fmt::format("category '{}' lists {} topics; at most {} fit on one screen",
                                              c.id, links.size(), kMaxTopicsPerCategory));
    for (const Link& l : links) c.topics.push_back(l.to);
    categories_.push_back(std::move(c));
    categoryLinks_.push_back(std::move(links));
}

void TreeReader::readTopic(const toml::table& t) {
    r_.checkKeys(t, {"id", "label", "hint", "answer", "request_category", "service", "topics", "routes"},
                 "id, label, hint, answer, request_category, service, topics or routes");
    QuestionTopic topic;
    topic.id = r_.requireString(t, "id", "the topic's id, like \"repairs\"");
    if (!topic.id.empty() && !isId(topic.id))
        r_.error(t.get("id"), fmt::format("id '{}' must be lowercase letters, digits and '-'", topic.id));
    if (!topic.id.empty() && !topicIndex_.emplace(topic.id, topics_.size()).second)
        r_.error(t.get("id"), fmt::format("topic id '{}' appears twice", topic.id));
    topic.labelKey = textKey(t, "label", true, "the text key of the topic's title, like \"qtopic.repairs\"");
    topic.hintKey = textKey(t, "hint", false, "the text key of the line on the topic's tile");
    topic.answerKey = textKey(t, "answer", false, "the text key of the answer, like \"qanswer.repairs\"");

    topic.requestCategory = r_.requireString(t, "request_category", "the routing key, like \"huur\"");
    if (!topic.requestCategory.empty() && std::find(kRequestCategories.begin(), kRequestCategories.end(),
                                                    topic.requestCategory) == kRequestCategories.end())
        r_.error(t.get("request_category"),
                 fmt::format(
                     "unknown request_category '{}' (expected huur, zorg, geld, buren, gemeente or anders)",
                     topic.requestCategory));
    topic.serviceId =
        r_.requireString(t, "service", "the id of a service in services.toml, like \"huurloket\"");
    if (!topic.serviceId.empty() && std::none_of(services_.begin(), services_.end(),
                                                 [&](const Service& s) { return s.id == topic.serviceId; }))
        r_.error(t.get("service"),
                 fmt::format("unknown service '{}' (expected an id from services.toml)", topic.serviceId));

    auto subLinks = readTopicList(t, false, fmt::format("topic '{}'", topic.id));
    if (subLinks.size() > kMaxSubTopics)
        r_.error(t.get("topics"), fmt::format("topic '{}' lists {} sub-topics; at most {} fit on one screen",
                                              topic.id, subLinks.size(), kMaxSubTopics));
    for (const Link& l : subLinks) topic.subTopics.push_back(l.to);

    std::vector<Link> routeLinks;
    if (const toml::node* n = t.get("routes")) {
        if (const toml::array* list = n->as_array()) {
            std::set<std::string> seen;
            for (const toml::node& item : *list) {
                if (!item.is_string()) {
                    r_.error(&item, fmt::format("a route must be a string like \"talk-now\", found {}",
                                                TomlReader::typeName(item)));
                    continue;
                }
                std::string_view word = *item.value<std::string_view>();
                if (!seen.emplace(word).second)
                    r_.error(&item, fmt::format("route '{}' is listed twice", word));
                QuestionRoute route;
                if (word.substr(0, kTopicRoutePrefix.size()) == kTopicRoutePrefix) {
                    route.kind = RouteKind::Topic;
                    route.topicId = std::string(word.substr(kTopicRoutePrefix.size()));
                    routeLinks.push_back({route.topicId, &item});
                } else if (word == "talk-now") {
                    route.kind = RouteKind::TalkNow;
                } else if (word == "leave-question") {
                    route.kind = RouteKind::LeaveQuestion;
                } else if (word == "callback") {
                    route.kind = RouteKind::Callback;
                } else if (word == "appointment") {
                    route.kind = RouteKind::Appointment;
                } else {
                    r_.error(&item,
                             fmt::format("unknown route '{}' (expected talk-now, leave-question, callback, "
                                         "appointment or topic:<topic id>)",
                                         word));
                    continue;
                }
                topic.routes.push_back(std::move(route));
            }
            if (list->size() > kMaxRoutes)
                r_.error(n, fmt::format("topic '{}' has {} routes; at most {} fit on one screen", topic.id,
                                        list->size(), kMaxRoutes));
        } else {
            r_.error(n, fmt::format("'routes' must be a list like [\"talk-now\", \"callback\"], found {}",
                                    TomlReader::typeName(*n)));
        }
    }
    if (topic.answerKey.empty() && topic.subTopics.empty() && topic.routes.empty())
        r_.error(&t,
                 fmt::format("topic '{}' leads nowhere (expected an answer, topics or routes)", topic.id));

    topics_.push_back(std::move(topic));
    topicTables_.push_back(&t);
    subTopicLinks_.push_back(std::move(subLinks));
    routeLinks_.push_back(std::move(routeLinks));
}

void TreeReader::checkLinks() {
    for (size_t c = 0; c < categories_.size(); ++c)
        for (const Link& l : categoryLinks_[c])
            if (!topicIndex_.contains(l.to))
                r_.error(l.at, fmt::format("category '{}' lists topic '{}', which does not exist",
                                           categories_[c].id, l.to));
    for (size_t t = 0; t < topics_.size(); ++t) {
        for (const Link& l : subTopicLinks_[t]) {
            if (!topicIndex_.contains(l.to))
                r_.error(l.at, fmt::format("topic '{}' lists sub-topic '{}', which does not exist",
                                           topics_[t].id, l.to));
        }
        for (const Link& l : routeLinks_[t]) {
            if (!topicIndex_.contains(l.to))
                r_.error(l.at, fmt::format("topic '{}' has a route to topic '{}', which does not exist",
                                           topics_[t].id, l.to));
            else if (l.to == topics_[t].id)
                r_.error(l.at, fmt::format("topic '{}' has a route to itself", topics_[t].id));
        }
    }
}

// Sub-topics must form a tree (or at least no loop): a resident going deeper must reach an end.
void TreeReader::checkCycles() {
    enum class Mark { New, OnPath, Done };
    std::vector<Mark> mark(topics_.size(), Mark::New);
    std::vector<size_t> path;
    std::function<void(size_t)> visit = [&](size_t t) {
        mark[t] = Mark::OnPath;
        path.push_back(t);
        for (const Link& l : subTopicLinks_[t]) {
            auto it = topicIndex_.find(l.to);
            if (it == topicIndex_.end()) continue;
            size_t next = it->second;
            if (mark[next] == Mark::OnPath) {
                std::string loop;
                auto from = std::find(path.begin(), path.end(), next);
                for (auto p = from; p != path.end(); ++p) loop += topics_[*p].id + " -> ";
                loop += topics_[next].id;
                r_.error(l.at, fmt::format("sub-topics form a cycle: {}", loop));
            } else if (mark[next] == Mark::New) {
                visit(next);
            }
        }
        path.pop_back();
        mark[t] = Mark::Done;
    };
    for (size_t t = 0; t < topics_.size(); ++t)
        if (mark[t] == Mark::New) visit(t);
}

// Every topic can be reached from a category, through sub-topics or a topic route.
void TreeReader::checkReachable() {
    std::vector<bool> seen(topics_.size(), false);
    std::vector<size_t> todo;
    auto reach = [&](const std::vector<Link>& links) {
        for (const Link& l : links)
            if (auto it = topicIndex_.find(l.to); it != topicIndex_.end() && !seen[it->second]) {
                seen[it->second] = true;
                todo.push_back(it->second);
            }
    };
    for (const auto& links : categoryLinks_) reach(links);
    while (!todo.empty()) {
        size_t t = todo.back();
        todo.pop_back();
        reach(subTopicLinks_[t]);
        reach(routeLinks_[t]);
    }
    for (size_t t = 0; t < topics_.size(); ++t)
        if (!seen[t] && !topics_[t].id.empty())
            r_.error(topicTables_[t], fmt::format("topic '{}' is not listed by any category, topic or route "
                                                  "(residents cannot reach it)",
                                                  topics_[t].id));
}

void TreeReader::checkTexts() {
    for (const KeyUse& use : keys_)
        for (const std::string& code : content_.languages) {
            auto it = content_.texts.find(code);
            if (it == content_.texts.end()) continue;
            if (!it->second.texts.contains(use.key))
                r_.error(use.at, fmt::format("text '{}' is missing in language '{}' ({})", use.key, code,
                                             it->second.file));
        }
}

QuestionTree TreeReader::read() {
    const toml::table& root = r_.root();
    for (const auto& [key, node] : root)
        if (key.str() != "category" && key.str() != "topic")
            r_.error(&node, fmt::format("unknown key '{}' (expected [[category]] and [[topic]] entries)",
                                        key.str()));
    if (const toml::array* list = r_.requireArray(root, "topic", "[[topic]] entries")) {
        for (const toml::node& n : *list) {
            if (const toml::table* t = n.as_table())
                readTopic(*t);
            else
                r_.error(&n, "each topic must be a [[topic]] table");
        }
    }
    if (const toml::array* list = r_.requireArray(root, "category", "[[category]] entries")) {
        for (const toml::node& n : *list) {
            if (const toml::table* t = n.as_table())
                readCategory(*t);
            else
                r_.error(&n, "each category must be a [[category]] table");
        }
        if (list->empty()) r_.error(list, "at least one [[category]] is needed");
    }
    checkLinks();
    checkCycles();
    checkReachable();
    checkTexts();
    return QuestionTree(std::move(categories_), std::move(topics_));
}

}  // namespace

Result<QuestionTree> loadQuestionTree(const fs::path& file, const std::vector<Service>& services,
                                      const Content& content) {
    if (!fs::exists(file))
        return Status::notFound(
            fmt::format("{}: file not found (expected the question tree)", file.string()));
    TomlReader r(file.string());
    if (!r.ok()) return r.status();
    QuestionTree tree = TreeReader(r, services, content).read();
    if (!r.ok()) return r.status();
    return tree;
}

Result<QuestionTree> loadContentQuestions(const fs::path& contentDir, const std::vector<Service>& services,
                                          const Content& content) {
    fs::path file = contentDir / "questions.toml";
    if (!fs::exists(file)) {
        for (const StartTile& tile : content.tiles)
            if (tile.screen == "question")
                return Status::notFound(
                    fmt::format("{}: file not found (tile '{}' in {} opens screen \"question\")",
                                file.string(), tile.id, (contentDir / "content.toml").string()));
        return QuestionTree{};
    }
    return loadQuestionTree(file, services, content);
}

}  // namespace wp
