// The checks every resident frame must pass (ACCESSIBILITY.md), as GoogleTest expectations that name `where`
// (the state, language and theme) and the text of what fails. every_screen_test.cpp runs them on every state
// of every registered screen; a screen's own test may run them on a frame of its own.
#pragma once

#include <string>

#include "kiosk/core/resident_session.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/frame_record.h"

namespace wp::ui {

// Every control is at least 10 mm wide and high on a screen of mmPerPx. Returns how many controls it checked.
int expectTargetsOfTenMillimetres(const std::string& where, const FrameRecord& f, double mmPerPx);
// Every text 4.5:1 against its background; every control's boundary or fill 3:1 against what surrounds it.
void expectEnoughContrast(const std::string& where, const FrameRecord& f);
// Nothing clipped; no two controls or two texts overlap; a text inside a control stays inside it.
void expectNothingClippedOrOverlapping(const std::string& where, const FrameRecord& f);
// "Begin opnieuw", "Voorlezen", "Vraag het de gastvrouw of gastheer" and every language, once each, in the
// session's language.
void expectHomeReadAloudLanguagesAndTheHost(const std::string& where, const FrameRecord& f,
                                            const ResidentSession& session);
// Exactly one main action in the content (and none in the chrome). A screen without one is a menu: the
// resident goes on by picking one of its tiles or choices (a single choice that moves on by itself), or it
// shows no control of its own while it waits ("Bezig met zoeken").
void expectOneMainAction(const std::string& where, const FrameRecord& f);
// Nothing that cannot be tapped sits on a control's fill (the tile, main-action or button colour where the
// theme tells those apart from the page), unless it is inside a control (a tile's hint) or is what is typed
// into a text field.
void expectNoTileLookingNonControl(const std::string& where, const FrameRecord& f, const Theme& theme);
// No control leads to a service that is not live here (live_routes.h): no start tile left out by
// tileIsLive, no "Afspraak maken" while appointments are not made at the kiosk.
void expectNoRouteToAServiceNotLive(const std::string& where, const FrameRecord& f,
                                    const ResidentSession& session);
// Every drawn character has a glyph in every theme's body, large and title fonts, and in the ticket font
// where that font drew it.
void expectEveryGlyph(const std::string& where, const FrameRecord& f, const FontSet& fonts);

}  // namespace wp::ui
