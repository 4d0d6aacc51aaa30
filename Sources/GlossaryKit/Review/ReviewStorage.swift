import Foundation

/// Where a review session reads and writes the glossary: the seam between
/// the session logic and the glossary store.
///
/// `modify` must run under the glossary's lock, read the current file, let the
/// body change it, and write the result atomically before returning, so that
/// every decision is on disk before the next screen.
public protocol ReviewStorage: AnyObject {
  /// The glossary file, for messages.
  var path: String { get }
  /// The glossary as it is on disk now.
  func read() throws -> Glossary
  /// Reads under the lock, applies `body`, writes atomically; returns what the body returned.
  func modify<T>(_ body: (inout Glossary) throws -> T) throws -> T
}

/// A glossary file as review storage, through `GlossaryStore` (validated
/// reads, lock, atomic sorted writes). The file must exist.
public final class ReviewFileStorage: ReviewStorage {
  public let path: String

  public init(path: String) { self.path = path }

  public func read() throws -> Glossary { try GlossaryStore.load(path: path) }

  public func modify<T>(_ body: (inout Glossary) throws -> T) throws -> T {
    try GlossaryStore.update(path: path, create: false) { glossary in try body(&glossary) }
  }
}

/// A glossary held in memory as review storage (tests, previews).
public final class ReviewMemoryStorage: ReviewStorage {
  public let path: String
  public private(set) var glossary: Glossary

  public init(_ glossary: Glossary, path: String = "memory.tsv") {
    self.glossary = glossary
    self.path = path
  }

  public func read() throws -> Glossary { glossary }

  public func modify<T>(_ body: (inout Glossary) throws -> T) throws -> T {
    var g = glossary
    let result = try body(&g)
    let (errors, _) = g.crossRowProblems(path: path)
    if let first = errors.first { throw GlossaryError.refused(path: path, reason: first.message) }
    g.sort()
    glossary = g
    return result
  }
}
