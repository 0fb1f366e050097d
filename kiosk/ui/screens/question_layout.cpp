#include "kiosk/ui/screens/question_layout.h"

namespace wp::ui {

namespace {

struct Unit {
    std::string text;
    bool newParagraph = false;  // a '\n' comes before it
};

// Sentences (ending in . ? ! followed by a space), each marked when it starts a paragraph.
std::vector<Unit> sentences(std::string_view text) {
    std::vector<Unit> out;
    bool paragraph = false;
    std::string current;
    auto flush = [&] {
        while (!current.empty() && current.back() == ' ') current.pop_back();
        if (!current.empty()) out.push_back({current, paragraph && !out.empty()});
        current.clear();
        paragraph = false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') {
            flush();
            paragraph = true;
            continue;
        }
        if (c == ' ' && current.empty()) continue;
        current += c;
        if ((c == '.' || c == '?' || c == '!') && i + 1 < text.size() && text[i + 1] == ' ') flush();
    }
    flush();
    return out;
}

std::vector<std::string_view> paragraphs(std::string_view text) {
    std::vector<std::string_view> out;
    size_t from = 0;
    while (true) {
        size_t nl = text.find('\n', from);
        std::string_view p =
            text.substr(from, nl == std::string_view::npos ? std::string_view::npos : nl - from);
        if (!p.empty()) out.push_back(p);
        if (nl == std::string_view::npos) break;
        from = nl + 1;
    }
    return out;
}

}  // namespace

float measureParagraphs(const Ui& ui, std::string_view text, float width, FontRole font, float gap) {
    float h = 0;
    auto parts = paragraphs(text);
    for (std::string_view p : parts) h += ui.measureHeight(p, width, font);
    if (parts.size() > 1) h += gap * static_cast<float>(parts.size() - 1);
    return h;
}

float drawParagraphs(Ui& ui, std::string_view text, Rect where, FontRole font, const Rgba& color,
                     const Rgba& background, float gap) {
    float y = where.y0;
    bool first = true;
    for (std::string_view p : paragraphs(text)) {
        if (!first) y += gap;
        first = false;
        y += ui.text(p, {where.x0, y, where.x1, where.y1}, font, color, background, 0.f);
    }
    return y - where.y0;
}

std::vector<std::string> splitIntoPages(const Ui& ui, std::string_view text, float width, float room,
                                        FontRole font, float gap) {
    // A sentence taller than the room on its own is split into words.
    std::vector<Unit> units;
    for (Unit& s : sentences(text)) {
        if (measureParagraphs(ui, s.text, width, font, gap) <= room) {
            units.push_back(std::move(s));
            continue;
        }
        bool first = true;
        size_t from = 0;
        while (from < s.text.size()) {
            size_t sp = s.text.find(' ', from);
            std::string word = s.text.substr(from, sp == std::string::npos ? std::string::npos : sp - from);
            if (!word.empty()) units.push_back({word, first && s.newParagraph});
            first = false;
            if (sp == std::string::npos) break;
            from = sp + 1;
        }
    }
    std::vector<std::string> pages;
    std::string page;
    for (const Unit& u : units) {
        if (page.empty()) {
            page = u.text;
            continue;
        }
        std::string candidate = page + (u.newParagraph ? "\n" : " ") + u.text;
        if (measureParagraphs(ui, candidate, width, font, gap) <= room) {
            page = std::move(candidate);
        } else {
            pages.push_back(std::move(page));
            page = u.text;
        }
    }
    pages.push_back(std::move(page));
    return pages;
}

const QuestionTopic* topicOf(const ResidentSession& session) {
    return session.bundle().questions.topic(session.screen().arg);
}

}  // namespace wp::ui
