// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <new>
#include <sys/mman.h>
#include <vector>

// For the few arrays that grow to a million elements (the capture table's rows, its keys and
// their hash table): from 2 MiB up they are mapped on their own and offered transparent huge
// pages, so filling them costs a page fault per 2 MiB instead of one per 4 KiB. On virtual
// machines a page fault is expensive enough that this halves the time to insert a million
// captures. Smaller arrays, and kernels that decline, get ordinary pages.
template <typename T> struct HugePageAllocator {
    using value_type = T;
    static constexpr std::size_t Threshold = std::size_t(2) * 1024 * 1024;

    HugePageAllocator() noexcept = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U> &) noexcept {}

    T *allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < Threshold)
            return static_cast<T *>(::operator new(bytes));
        void *p =
            ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
        ::madvise(p, bytes, MADV_HUGEPAGE);
#endif
        return static_cast<T *>(p);
    }

    void deallocate(T *p, std::size_t n) noexcept
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < Threshold)
            ::operator delete(p);
        else
            ::munmap(p, bytes);
    }

    template <typename U> bool operator==(const HugePageAllocator<U> &) const noexcept
    {
        return true;
    }
};

template <typename T> using HugeVector = std::vector<T, HugePageAllocator<T>>;
