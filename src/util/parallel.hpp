// Runs fn(0) … fn(count - 1) on every core (at most eight threads, the
// calling thread among them), taking the next index as each one finishes.
// fn must be safe to run for different indices at once; results go into
// slots by index, so the outcome does not depend on the order.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace zs {

template <class F>
void parallel_for(std::size_t count, F&& fn) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++) fn(i);
    };
    unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, count));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
}

} // namespace zs
