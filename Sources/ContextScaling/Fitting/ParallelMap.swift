import Dispatch
import Synchronization

/// `body(0), body(1), ..., body(count - 1)`, run side by side on the cores, in index order.
///
/// Each result is stored under a lock as soon as it is ready: the lock is taken once per index,
/// against thousands of objective evaluations inside `body`, so it costs nothing measurable, and
/// the compiler can check that nothing is shared unsafely.
func parallelMap<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let slots = Mutex<[T?]>([T?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let value = body(index)
        slots.withLock { $0[index] = value }
    }
    // concurrentPerform returns once every index has run, so every slot is filled.
    return slots.withLock { $0.compactMap { $0 } }
}
