// Status and Result<T>: how a module tells its caller that the world said no.
//
// A Status is either ok or an error with a code and a human-readable message. Errors are for things the
// world does (bad content file, disk full, network down); programmer mistakes are asserts instead.
// Result<T> holds either a T or a non-ok Status. Neither throws.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace wp {

class [[nodiscard]] Status {
  public:
    enum class Code { Ok, InvalidInput, NotFound, IoError, Unavailable, Conflict, Internal };

    Status() = default;
    static Status ok() { return {}; }
    static Status invalidInput(std::string msg) { return {Code::InvalidInput, std::move(msg)}; }
    static Status notFound(std::string msg) { return {Code::NotFound, std::move(msg)}; }
    static Status ioError(std::string msg) { return {Code::IoError, std::move(msg)}; }
    static Status unavailable(std::string msg) { return {Code::Unavailable, std::move(msg)}; }
    static Status conflict(std::string msg) { return {Code::Conflict, std::move(msg)}; }
    static Status internal(std::string msg) { return {Code::Internal, std::move(msg)}; }

    bool isOk() const { return code_ == Code::Ok; }
    explicit operator bool() const { return isOk(); }
    Code code() const { return code_; }
    const std::string& message() const { return message_; }

  private:
    Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
    Code code_ = Code::Ok;
    std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose, like std::optional
    Result(Status status) : status_(std::move(status)) { assert(!status_.isOk()); }  // NOLINT

    bool isOk() const { return value_.has_value(); }
    explicit operator bool() const { return isOk(); }
    const Status& status() const { return status_; }
    T& value() & {
        assert(value_);
        return *value_;
    }
    const T& value() const& {
        assert(value_);
        return *value_;
    }
    T&& value() && {
        assert(value_);
        return std::move(*value_);
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

  private:
    std::optional<T> value_;
    Status status_;
};

}  // namespace wp
