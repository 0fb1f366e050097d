// What the three "Vraag stellen" screens share: splitting a long answer into parts that each fit the room
// on screen (residents page with "Lees verder"; no scrolling, no swipe), and the line about a topic's desk.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/question_tree.h"
#include "kiosk/core/resident_session.h"
#include "kiosk/ui/ui.h"

namespace wp::ui {

// Paragraphs ('\n' between them) drawn as separate texts, `gap` pixels apart, each wrapped to the width of
// `where`; and the height that takes. drawParagraphs returns the height used.
float measureParagraphs(const Ui& ui, std::string_view text, float width, FontRole font, float gap);
float drawParagraphs(Ui& ui, std::string_view text, Rect where, FontRole font, const Rgba& color,
                     const Rgba& background, float gap);

// Splits text into parts whose paragraphs (as measureParagraphs measures them) each fit `room` pixels of
// height. Parts break between sentences and keep the text's paragraphs; only a sentence taller than the room
// on its own is broken between words. Always at least one part (an empty text gives one empty part).
std::vector<std::string> splitIntoPages(const Ui& ui, std::string_view text, float width, float room,
                                        FontRole font, float gap);

// The topic's tree entry for the screen's argument, or nullptr (a stale argument after new content).
const QuestionTopic* topicOf(const ResidentSession& session);

}  // namespace wp::ui
