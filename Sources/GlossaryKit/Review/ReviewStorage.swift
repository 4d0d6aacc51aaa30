import Foundation

/// Where a review session reads and writes the glossary: the seam between
/// the session logic and the glossary store.
///
/// `modify` must run under the glossary's lock, read the current file, let the
/// body change the rows, and write the result atomically before returning, so
/// that every decision is on disk before the next screen.
public protocol ReviewStorage: AnyObject {
  /// The glossary file, for messages.
  var path: String { get }
  /// The rows as they are on disk now.
  func read() throws -> [GlossaryEntry]
  /// Reads under the lock, applies `body`, writes atomically; returns what the body returned.
  func modify<T>(_ body: (inout [GlossaryEntry]) throws -> T) throws -> T
}

/// A glossary file as review storage, through `GlossaryStore` (validated
/// reads, lock, atomic sorted writes). The file must exist.
public final class ReviewFileStorage: ReviewStorage {
  public let path: String

  public init(path: String) { self.path = path }

  public func read() throws -> [GlossaryEntry] { try GlossaryStore.load(path: path).entries }

  public func modify<T>(_ body: (inout [GlossaryEntry]) throws -> T) throws -> T {
    try GlossaryStore.update(path: path, create: false) { glossary in try body(&glossary.entries) }
  }
}
