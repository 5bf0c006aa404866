// Runs a function on a thread with a large stack. Binding and checking a
// pack recurse over expressions whose depth adds up across inlined
// definitions; a generous stack, with explicit depth limits below it, keeps
// that from ever overflowing, sanitizers (larger frames) included.
#ifndef LAYAK_UTIL_LARGE_STACK_H_
#define LAYAK_UTIL_LARGE_STACK_H_

#include <cstddef>
#include <functional>

namespace layak::util {

// Stack size used by RunWithLargeStack: 256 MiB of address space, touched
// only as deep as the work goes.
inline constexpr std::size_t kLargeStackBytes = std::size_t{256} << 20;

// Calls `fn` on a new thread with a `stack_bytes` stack and waits for it.
// Falls back to calling it on the current thread if no thread can be made.
void RunWithLargeStack(const std::function<void()>& fn, std::size_t stack_bytes = kLargeStackBytes);

}  // namespace layak::util

#endif  // LAYAK_UTIL_LARGE_STACK_H_
