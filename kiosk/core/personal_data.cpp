#include "kiosk/core/personal_data.h"

#include <algorithm>
#include <cassert>

namespace wp {

PersonalDataRegistration& PersonalDataRegistration::operator=(PersonalDataRegistration&& other) noexcept {
    if (this != &other) {
        reset();
        list_ = std::exchange(other.list_, nullptr);
        id_ = other.id_;
    }
    return *this;
}

void PersonalDataRegistration::reset() {
    if (list_ != nullptr) std::exchange(list_, nullptr)->remove(id_);
}

PersonalDataHolders::~PersonalDataHolders() {
    assert(holders_.empty() && "every holder's registration ends before the session it registered with");
}

PersonalDataRegistration PersonalDataHolders::add(PersonalDataHolder& holder) {
    assert(!wiping_ && "a holder's wipe() must not register holders");
    const std::uint64_t id = nextId_++;
    holders_.emplace_back(id, &holder);
    return PersonalDataRegistration(*this, id);
}

void PersonalDataHolders::remove(std::uint64_t id) {
    assert(!wiping_ && "a holder's wipe() must not end registrations");
    std::erase_if(holders_, [&](const auto& h) { return h.first == id; });
}

void PersonalDataHolders::wipeAll() {
    wiping_ = true;
    for (const auto& [id, holder] : holders_) holder->wipe();
    wiping_ = false;
}

std::vector<const PersonalDataHolder*> PersonalDataHolders::holders() const {
    std::vector<const PersonalDataHolder*> out;
    out.reserve(holders_.size());
    for (const auto& [id, holder] : holders_) out.push_back(holder);
    return out;
}

}  // namespace wp
