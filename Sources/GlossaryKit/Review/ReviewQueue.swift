/// Order of the concepts in a review session.
public enum ReviewSort: String, CaseIterable, Sendable {
  /// Highest candidate score first.
  case score
  /// Most documents first (then most occurrences).
  case frequency
  /// Most recently seen first.
  case date
}

/// What a session reviews: which concepts, in which order, how many.
public struct ReviewOptions: Sendable {
  public var sort: ReviewSort
  /// Keep concepts whose source or a candidate rendering contains this text (on match keys).
  public var filter: String?
  /// At most this many concepts.
  public var limit: Int?

  public init(sort: ReviewSort = .score, filter: String? = nil, limit: Int? = nil) {
    self.sort = sort
    self.filter = filter
    self.limit = limit
  }
}

/// One concept on the review screen: a source term, its candidate renderings
/// still to decide, and what the glossary already has.
public struct ReviewConcept: Sendable, Equatable {
  public var source: String
  /// Undecided candidates (status `candidate`), best score first. The first is the proposal.
  public var candidates: [GlossaryEntry]
  /// Curated rows of the same source term (preferred, admitted, superseded, deprecated).
  public var existing: [GlossaryEntry]
  /// Curated rows whose source term contains this one or is contained in it.
  public var related: [GlossaryEntry]

  /// The rendering proposed for acceptance.
  public var proposal: GlossaryEntry? { candidates.first }

  /// The curated preferred rendering, if the concept has one.
  public var preferred: GlossaryEntry? { existing.first { $0.status == .preferred } }
}

/// Builds review concepts from glossary rows.
public final class ReviewQueueBuilder {
  private let normalizer: MatchKeyNormalizer
  /// Match keys of source terms seen so far (the related-entries scan asks for every curated source on each screen).
  private var keys: [String: String] = [:]

  public init(normalizer: MatchKeyNormalizer) { self.normalizer = normalizer }

  private func key(_ s: String) -> String {
    if let k = keys[s] { return k }
    let k = normalizer.keyString(s)
    keys[s] = k
    return k
  }

  /// Candidates first: best score, then most documents, then most occurrences, then target.
  static func candidateOrder(_ a: GlossaryEntry, _ b: GlossaryEntry) -> Bool {
    if (a.score ?? 0) != (b.score ?? 0) { return (a.score ?? 0) > (b.score ?? 0) }
    if a.documents != b.documents { return a.documents > b.documents }
    if (a.occurrences ?? 0) != (b.occurrences ?? 0) { return (a.occurrences ?? 0) > (b.occurrences ?? 0) }
    return a.target.unicodeScalars.lexicographicallyPrecedes(b.target.unicodeScalars)
  }

  /// Source terms with candidates left, in session order, filtered and limited.
  public func sources(in entries: [GlossaryEntry], options: ReviewOptions) -> [String] {
    var groups: [String: [GlossaryEntry]] = [:]
    for e in entries where e.status == .candidate { groups[e.source, default: []].append(e) }
    var keys = Array(groups.keys)
    if let filter = options.filter, !filter.isEmpty {
      let f = normalizer.keyString(filter)
      keys = keys.filter { s in
        key(s).contains(f) || groups[s]!.contains { normalizer.keyString($0.target).contains(f) }
      }
    }
    func codeOrder(_ a: String, _ b: String) -> Bool { a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) }
    let measure: (String) -> (Double, Double) = { s in
      let g = groups[s]!
      switch options.sort {
      case .score: return (g.map { $0.score ?? 0 }.max() ?? 0, Double(Set(g.flatMap(\.seenIn)).count))
      case .frequency:
        return (Double(Set(g.flatMap(\.seenIn)).count), Double(g.reduce(0) { $0 + ($1.occurrences ?? 0) }))
      case .date:
        let last = g.compactMap(\.lastSeen).max()
        return (Double(last.map { $0.year * 10000 + $0.month * 100 + $0.day } ?? 0), g.map { $0.score ?? 0 }.max() ?? 0)
      }
    }
    let measured = Dictionary(uniqueKeysWithValues: keys.map { ($0, measure($0)) })
    keys.sort { a, b in
      let ma = measured[a]!, mb = measured[b]!
      if ma != mb { return ma > mb }
      return codeOrder(a, b)
    }
    if let limit = options.limit { keys = Array(keys.prefix(max(0, limit))) }
    return keys
  }

  /// The concept for `source` as the rows stand now.
  /// - Parameter relatedLimit: at most this many related entries (0: do not look for them).
  public func concept(_ source: String, in entries: [GlossaryEntry], relatedLimit: Int = 6) -> ReviewConcept {
    let candidates = entries.filter { $0.source == source && $0.status == .candidate }.sorted(by: Self.candidateOrder)
    let existing = entries.filter { $0.source == source && $0.status.isCurated }.sorted(by: GlossaryEntry.fileOrder)
    let key = relatedLimit > 0 ? self.key(source) : ""
    var related: [GlossaryEntry] = []
    if !key.isEmpty {
      for e in entries where e.status.isCurated && e.source != source {
        let k = self.key(e.source)
        if !k.isEmpty && (k.contains(key) || key.contains(k)) { related.append(e) }
      }
    }
    // Closest in length first, preferred before variants.
    let n = key.count
    related.sort { a, b in
      let da = abs(a.source.count - n), db = abs(b.source.count - n)
      if da != db { return da < db }
      return GlossaryEntry.fileOrder(a, b)
    }
    return ReviewConcept(
      source: source, candidates: candidates, existing: existing, related: Array(related.prefix(relatedLimit)))
  }
}
