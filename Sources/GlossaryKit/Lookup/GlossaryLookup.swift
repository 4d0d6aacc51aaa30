import Foundation

/// Lookup over several glossaries together (the `--glossary` list).
public final class GlossaryLookup {
  public let indexes: [LookupIndex]
  public let keys: LookupKeys

  /// Opens every glossary (cache files beside large ones).
  public init(paths: [String], cacheMinBytes: Int = LookupIndex.defaultCacheMinBytes) throws {
    let keys = try LookupKeys()
    self.keys = keys
    indexes = try paths.map { try LookupIndex.open(path: $0, keys: keys, cacheMinBytes: cacheMinBytes) }
  }

  public init(indexes: [LookupIndex], keys: LookupKeys) {
    self.indexes = indexes
    self.keys = keys
  }

  /// Hits from all glossaries: best match kind first, then glossary order.
  public func lookup(_ query: String, options: LookupOptions = LookupOptions()) -> [LookupHit] {
    var all: [LookupHit] = []
    for index in indexes { all += index.lookup(query, keys: keys, options: options) }
    if indexes.count > 1 {
      let order = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0.offset, $0.element) })
      all = order.sorted { ($0.value.kind, $0.key) < ($1.value.kind, $1.key) }.map(\.value)
    }
    if all.contains(where: { $0.kind != .fuzzy }) { all.removeAll { $0.kind == .fuzzy } }
    return Array(all.prefix(options.limit))
  }
}
