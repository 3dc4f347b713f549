#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace hark {

// Runs jobs on worker threads and hands their results, in the order the jobs were
// submitted, to a callback on the submitting thread. At most `window` jobs are queued,
// running or done-but-not-delivered at once, so memory stays bounded however many are
// submitted. With one thread there are no workers: each job runs inside submit().
// A job's exception is rethrown by the submit() or finish() that would deliver its result.
template <class T>
class OrderedJobs {
 public:
  using Job = std::function<T()>;
  using Deliver = std::function<void(T&&)>;

  OrderedJobs(unsigned threads, std::size_t window, Deliver deliver)
      : window_(window < threads ? threads : window), deliver_(std::move(deliver)) {
    if (threads <= 1) return;
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }

  ~OrderedJobs() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_workers_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  OrderedJobs(const OrderedJobs&) = delete;
  OrderedJobs& operator=(const OrderedJobs&) = delete;

  // Queues a job; first delivers the results that are ready at the front, and waits for
  // the oldest while the window is full.
  void submit(Job job) {
    if (workers_.empty()) {
      deliver_(job());
      return;
    }
    deliver_ready(window_ - 1);
    {
      std::lock_guard lock(mutex_);
      slots_.push_back(Slot{std::move(job), {}, {}, false});
    }
    wake_workers_.notify_one();
  }

  // Waits for every job and delivers the remaining results.
  void finish() { deliver_ready(0); }

 private:
  struct Slot {
    Job job;  // empty once a worker has taken it
    std::optional<T> result;
    std::exception_ptr error;
    bool done;
  };

  // Delivers finished results from the front; waits for the front one while more than
  // `keep` are pending.
  void deliver_ready(std::size_t keep) {
    for (;;) {
      std::unique_lock lock(mutex_);
      if (slots_.empty()) return;
      if (!slots_.front().done) {
        if (slots_.size() <= keep) return;
        front_done_.wait(lock, [this] { return slots_.front().done; });
      }
      Slot slot = std::move(slots_.front());
      slots_.pop_front();
      ++delivered_;
      lock.unlock();
      if (slot.error) std::rethrow_exception(slot.error);
      deliver_(std::move(*slot.result));
    }
  }

  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_workers_.wait(lock, [this] { return stop_ || taken_ < delivered_ + slots_.size(); });
      if (stop_) return;
      // Slots are numbered from the first ever submitted; only done ones leave the front,
      // so the one taken stays at the same number until it is done.
      const std::size_t number = taken_++;
      Job job = std::move(slots_[number - delivered_].job);
      lock.unlock();
      std::optional<T> result;
      std::exception_ptr error;
      try {
        result.emplace(job());
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      Slot& slot = slots_[number - delivered_];
      slot.result = std::move(result);
      slot.error = error;
      slot.done = true;
      if (number == delivered_) front_done_.notify_one();
    }
  }

  std::size_t window_;
  Deliver deliver_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_workers_;
  std::condition_variable front_done_;
  std::deque<Slot> slots_;   // submitted and not yet delivered, oldest first
  std::size_t delivered_ = 0;  // results delivered: the number of slots_.front()
  std::size_t taken_ = 0;      // jobs given to a worker, counted from the first
  bool stop_ = false;
};

}  // namespace hark
