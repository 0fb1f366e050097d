#include "kiosk/core/appointment_board.h"

#include "common/wire.h"
#include "kiosk/core/queue.h"

namespace wp {

Result<std::vector<TodayAppointment>> AppointmentBoard::today() {
    return store_.appointmentsOfDay(localDay(clock_.now()));
}

Status AppointmentBoard::markNoShow(const std::string& code) {
    return store_.recordNoShow(code, clock_.now(), makeUuid(random_));
}

Status AppointmentBoard::undoNoShow(const std::string& code) {
    return store_.undoNoShow(code);
}

}  // namespace wp
