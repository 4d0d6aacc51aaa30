import Dispatch
import Foundation

/// THE parallel map of this project, with one thread policy: as many workers
/// as `ProcessInfo.activeProcessorCount` (never more than items), each taking
/// every n-th item; results in input order; when items fail, the error of the
/// lowest failed index is thrown (after all workers finished).
///
/// Work that needs per-thread state (ICU objects are not thread-safe) makes it
/// once per worker with `state:`.
///
/// ```swift
/// let keys = try Parallel.map(texts.count, state: { try MatchKeyNormalizer() }) { n, i in
///   n.keyString(texts[i])
/// }
/// ```
public enum Parallel {
  /// Workers for `count` items: the active processor count, at most `count`, at least 1.
  public static func workers(for count: Int) -> Int {
    max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
  }

  /// `body(i)` for `i` in `0..<count`, in parallel; results in index order.
  public static func map<T, E: Error>(_ count: Int, workers: Int? = nil, _ body: (Int) throws(E) -> T) throws(E) -> [T] {
    try map(count, workers: workers, state: { () throws(E) in () }, { (_: inout Void, i: Int) throws(E) in try body(i) })
  }

  /// `body(&state, i)` for `i` in `0..<count`, in parallel, with one `state()` per
  /// worker (made on that worker's thread); results in index order.
  /// - Parameter workers: override of the thread policy (tests, or work that must stay on one thread).
  public static func map<S, T, E: Error>(
    _ count: Int, workers: Int? = nil, state: () throws(E) -> S, _ body: (inout S, Int) throws(E) -> T
  ) throws(E) -> [T] {
    guard count > 0 else { return [] }
    let n = max(1, min(workers ?? Self.workers(for: count), count))
    if n == 1 {
      var s = try state()
      var out: [T] = []
      out.reserveCapacity(count)
      for i in 0..<count { out.append(try body(&s, i)) }
      return out
    }
    let results = UnsafeMutablePointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil, count: count)
    let failures = UnsafeMutablePointer<(index: Int, error: E)?>.allocate(capacity: n)
    failures.initialize(repeating: nil, count: n)
    defer {
      results.deinitialize(count: count); results.deallocate()
      failures.deinitialize(count: n); failures.deallocate()
    }
    // Worker w takes items w, w + n, w + 2n ...; it writes only their result slots and its failure slot.
    func work(_ w: Int) {
      do throws(E) {
        var s = try state()
        var i = w
        while i < count {
          do throws(E) {
            results[i] = try body(&s, i)
          } catch {
            failures[w] = (i, error)
            return
          }
          i += n
        }
      } catch {
        failures[w] = (w, error)
      }
    }
    withoutActuallyEscaping(work) { work in
      let run = Unchecked(work)
      DispatchQueue.concurrentPerform(iterations: n) { w in run.value(w) }
    }
    if let first = (0..<n).compactMap({ failures[$0] }).min(by: { $0.index < $1.index }) { throw first.error }
    return (0..<count).map { results[$0]! }
  }
}

/// A value handed to worker threads whose safety the code above guarantees
/// (each worker writes only its own slots).
private struct Unchecked<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
