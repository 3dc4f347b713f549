#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "hark/ordered_jobs.hpp"

using hark::OrderedJobs;

TEST_SUITE_BEGIN("ordered_jobs");

TEST_CASE("results come back in submission order, however long each job takes") {
  for (unsigned threads : {1u, 2u, 4u}) {
    std::vector<int> got;
    {
      OrderedJobs<int> jobs(threads, 3, [&](int&& v) { got.push_back(v); });
      for (int i = 0; i < 40; ++i) {
        jobs.submit([i] {
          // Early jobs slowest, so later ones finish first.
          std::this_thread::sleep_for(std::chrono::microseconds((40 - i) * 50));
          return i;
        });
      }
      jobs.finish();
    }
    REQUIRE(got.size() == 40);
    for (int i = 0; i < 40; ++i) CHECK(got[static_cast<std::size_t>(i)] == i);
  }
}

TEST_CASE("no more than the window is pending at once") {
  std::atomic<int> started{0};
  int delivered = 0;
  int most = 0;
  OrderedJobs<int> jobs(2, 4, [&](int&&) { ++delivered; });
  for (int i = 0; i < 50; ++i) {
    jobs.submit([&] {
      ++started;
      return 0;
    });
    // Everything submitted and not delivered is in the window.
    most = std::max(most, i + 1 - delivered);
  }
  jobs.finish();
  CHECK(delivered == 50);
  CHECK(started == 50);
  CHECK(most <= 4);
}

TEST_CASE("with one thread each job runs inside submit") {
  std::vector<std::thread::id> ran;
  OrderedJobs<int> jobs(1, 8, [](int&&) {});
  jobs.submit([&] {
    ran.push_back(std::this_thread::get_id());
    return 0;
  });
  REQUIRE(ran.size() == 1);
  CHECK(ran[0] == std::this_thread::get_id());
}

TEST_CASE("a job's exception is rethrown where its result would be delivered") {
  std::vector<int> got;
  OrderedJobs<int> jobs(2, 4, [&](int&& v) { got.push_back(v); });
  // Whichever call meets the failed result first throws: a later submit() or finish().
  bool third = false;
  const auto submit_all = [&] {
    jobs.submit([] { return 1; });
    jobs.submit([]() -> int { throw std::runtime_error("bad job"); });
    jobs.submit([] { return 3; });
    third = true;
    jobs.finish();
  };
  CHECK_THROWS_WITH(submit_all(), "bad job");
  CHECK(got == std::vector<int>{1});
  jobs.finish();  // what was submitted after the failed job is still delivered
  CHECK(got == (third ? std::vector<int>{1, 3} : std::vector<int>{1}));
}

TEST_CASE("stopping with jobs pending (a failed delivery) joins the workers") {
  std::atomic<int> ran{0};
  try {
    OrderedJobs<int> jobs(2, 8, [](int&& v) {
      if (v == 2) throw std::runtime_error("write error");
    });
    for (int i = 0; i < 8; ++i)
      jobs.submit([&ran, i] {
        ++ran;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return i;
      });
    jobs.finish();
    FAIL("the delivery error was not thrown");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) == "write error");
  }
  CHECK(ran <= 8);
}

TEST_SUITE_END();
