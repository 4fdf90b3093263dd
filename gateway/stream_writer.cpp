// The chunk queue between a streaming handler and its connection.

#include "gateway/stream_writer.hpp"

namespace auraos::gateway {

stream_writer::stream_writer(std::size_t capacity) : capacity_(capacity) {}

bool stream_writer::push(stream_chunk chunk) {
  std::unique_lock lock{mutex_};
  if (closing_ || ended_ || queue_.size() >= capacity_) return false;
  queue_.push_back(std::move(chunk));
  wake_locked(lock);
  return true;
}

bool stream_writer::push(std::string text) {
  return push(std::make_shared<const std::string>(std::move(text)));
}

void stream_writer::close(std::string last) {
  std::unique_lock lock{mutex_};
  if (closing_ || ended_) return;
  closing_ = true;
  if (!last.empty()) queue_.push_back(std::make_shared<const std::string>(std::move(last)));
  wake_locked(lock);
}

void stream_writer::close_with(std::uint16_t code, std::string reason) {
  std::unique_lock lock{mutex_};
  if (closing_ || ended_) return;
  closing_ = true;
  close_code_ = code;
  close_reason_ = std::move(reason);
  wake_locked(lock);
}

bool stream_writer::closing() const {
  std::lock_guard lock{mutex_};
  return closing_ || ended_;
}

std::size_t stream_writer::queued() const {
  std::lock_guard lock{mutex_};
  return queue_.size();
}

bool stream_writer::ended() const {
  std::lock_guard lock{mutex_};
  return ended_;
}

void stream_writer::on_end(std::function<void()> f) {
  std::unique_lock lock{mutex_};
  if (!ended_) {
    on_end_ = std::move(f);
    return;
  }
  lock.unlock();
  f();
}

void stream_writer::connect(std::function<void()> wake) {
  std::unique_lock lock{mutex_};
  wake_ = std::move(wake);
  wake_pending_ = false;
  if (!queue_.empty() || closing_) wake_locked(lock);
}

stream_writer::batch stream_writer::take() {
  std::lock_guard lock{mutex_};
  wake_pending_ = false;
  batch out;
  out.chunks.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
  queue_.clear();
  out.finish = closing_;
  if (closing_) {
    out.close_code = close_code_;
    out.close_reason = close_reason_;
  }
  return out;
}

void stream_writer::finish() {
  std::function<void()> ended;
  {
    std::lock_guard lock{mutex_};
    if (ended_) return;
    ended_ = true;
    queue_.clear();
    wake_ = nullptr;
    ended = std::move(on_end_);
  }
  if (ended) ended();
}

void stream_writer::wake_locked(std::unique_lock<std::mutex>& lock) {
  if (wake_pending_ || !wake_) return;
  wake_pending_ = true;
  auto wake = wake_;
  lock.unlock();
  wake();
}

}  // namespace auraos::gateway
