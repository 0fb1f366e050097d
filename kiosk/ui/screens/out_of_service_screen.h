// Out of service: takes the start screen's place while an admin has put the kiosk out of service
// (ResidentSession::setOutOfService). Says plainly that nothing can be done here now and that the host
// helps, then the admin's message as it was written. No tiles, so no number is taken and nothing is asked;
// the shell's bars (language, read aloud, "Vraag het de gastvrouw of gastheer") stay.
#pragma once

#include "kiosk/ui/screen.h"

namespace wp::ui {

class OutOfServiceScreen final : public Screen {
  public:
    static constexpr const char* kId = kOutOfServiceScreen;
    void draw(Ui& ui, ResidentSession& session, Rect area) override;
};

}  // namespace wp::ui
