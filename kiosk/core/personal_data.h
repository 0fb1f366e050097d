// Personal data on the walk-in kiosk: one list of everything that can hold what a resident typed, chose or
// was told, so that one wipe forgets all of it ("Begin opnieuw", the idle timeout, the end of a flow).
//
// A PersonalDataHolder is anything that can hold such data: a flow's answers, a screen's typed code, the
// on-screen keyboard's state, receipts waiting for the printer. It joins the ResidentSession's list with
// ResidentSession::registerHolder, which returns a PersonalDataRegistration: the holder (or whoever owns
// it) keeps that handle beside the holder, so the registration ends when the holder goes and the list never
// points at a holder that is gone. Every registration must end before its list does (an assert checks it):
// declare the session before what registers with it.
// Not thread-safe: the UI thread owns the list and calls every wipe().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wp {

// Overwrites s's bytes, then empties it: what a holder's wipe() does to every string it keeps.
inline void wipeString(std::string& s) {
    volatile char* p = s.data();
    for (std::size_t i = 0; i < s.size(); ++i) p[i] = '\0';
    s.clear();
}

class PersonalDataHolder {
  public:
    virtual ~PersonalDataHolder() = default;
    // A short name that says what it holds ("request flow"), unique in one session: tests list holders by it.
    virtual std::string_view holderName() const = 0;
    // Forgets (and, where it keeps bytes, overwrites) every piece of personal data it holds. Afterwards
    // holdsNothing() is true.
    virtual void wipe() = 0;
    // True when it holds no personal data.
    virtual bool holdsNothing() const = 0;
};

class PersonalDataHolders;

// One holder's place in a list, for as long as the handle lives (or until reset()). Move-only.
class PersonalDataRegistration {
  public:
    PersonalDataRegistration() = default;
    PersonalDataRegistration(PersonalDataRegistration&& other) noexcept
        : list_(std::exchange(other.list_, nullptr)), id_(other.id_) {}
    PersonalDataRegistration& operator=(PersonalDataRegistration&& other) noexcept;
    PersonalDataRegistration(const PersonalDataRegistration&) = delete;
    PersonalDataRegistration& operator=(const PersonalDataRegistration&) = delete;
    ~PersonalDataRegistration() { reset(); }

    // Takes the holder off the list now.
    void reset();
    bool registered() const { return list_ != nullptr; }

  private:
    friend class PersonalDataHolders;
    PersonalDataRegistration(PersonalDataHolders& list, std::uint64_t id) : list_(&list), id_(id) {}

    PersonalDataHolders* list_ = nullptr;
    std::uint64_t id_ = 0;
};

// The list itself (ResidentSession owns one). Holders are wiped in the order they joined.
class PersonalDataHolders {
  public:
    PersonalDataHolders() = default;
    ~PersonalDataHolders();  // asserts that every registration has ended
    PersonalDataHolders(const PersonalDataHolders&) = delete;
    PersonalDataHolders& operator=(const PersonalDataHolders&) = delete;

    // Puts holder on the list until the returned handle ends. The holder must outlive the handle.
    [[nodiscard]] PersonalDataRegistration add(PersonalDataHolder& holder);
    // Wipes every holder on the list. A holder's wipe() must not add or remove registrations.
    void wipeAll();
    // Every holder on the list, in the order they joined.
    std::vector<const PersonalDataHolder*> holders() const;

  private:
    friend class PersonalDataRegistration;
    void remove(std::uint64_t id);

    std::vector<std::pair<std::uint64_t, PersonalDataHolder*>> holders_;
    std::uint64_t nextId_ = 1;
    bool wiping_ = false;
};

}  // namespace wp
