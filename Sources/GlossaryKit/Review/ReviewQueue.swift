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

/// One concept on the review screen: its head source term, its candidate
/// renderings still to decide, and what the glossary already has.
public struct ReviewConcept: Sendable, Equatable {
  public var conceptID: String
  /// The concept's head term in the source language.
  public var source: String
  /// Undecided candidates (status `candidate`), best score first. The first is the proposal.
  public var candidates: [GlossaryEntry]
  /// Curated renderings of the concept (preferred, admitted, superseded, deprecated).
  public var existing: [GlossaryEntry]
  /// Curated rows whose source term contains this one or is contained in it.
  public var related: [GlossaryEntry]

  /// The rendering proposed for acceptance.
  public var proposal: GlossaryEntry? { candidates.first }

  /// The switch the evidence suggests (`TermHistory`: one rendering stops, another starts),
  /// when its new rendering is still to decide and its old one is not deprecated or rejected.
  public var suggestedSwitch: TermHistory.Switch? {
    let open = Set(candidates.map(\.target))
    let entries = candidates + existing.filter { $0.status == .preferred || $0.status == .admitted }
    return TermHistory(source: source, entries: entries).switches.last { open.contains($0.to) }
  }

  /// The curated preferred rendering, if the concept has one.
  public var preferred: GlossaryEntry? { existing.first { $0.status == .preferred } }
}

/// Builds review concepts from a glossary.
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

  /// The renderings of a concept as pairs with its head source term.
  static func renderings(of c: Concept, in g: Glossary) -> (source: String, pairs: [GlossaryEntry]) {
    let source = c.headTerm(in: g.sourceLanguage)?.text ?? c.id
    let tags = c.tags
    let pairs = c.terms.filter { Glossary.sameLanguage($0.language, g.targetLanguage) }.map {
      Glossary.pair(concept: c.id, conceptTags: tags, source: source, target: $0)
    }
    return (source, pairs)
  }

  /// Concepts with candidates left, in session order, filtered and limited.
  public func conceptIDs(in g: Glossary, options: ReviewOptions) -> [String] {
    var groups: [String: (source: String, candidates: [GlossaryEntry])] = [:]
    for c in g.concepts {
      let (source, pairs) = Self.renderings(of: c, in: g)
      let candidates = pairs.filter { $0.status == .candidate }
      if !candidates.isEmpty { groups[c.id] = (source, candidates) }
    }
    var ids = Array(groups.keys)
    if let filter = options.filter, !filter.isEmpty {
      let f = normalizer.keyString(filter)
      ids = ids.filter { id in
        let group = groups[id]!
        return key(group.source).contains(f) || group.candidates.contains { normalizer.keyString($0.target).contains(f) }
      }
    }
    func codeOrder(_ a: String, _ b: String) -> Bool { a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) }
    let measure: (String) -> (Double, Double) = { id in
      let g = groups[id]!.candidates
      switch options.sort {
      case .score: return (g.map { $0.score ?? 0 }.max() ?? 0, Double(Set(g.flatMap(\.seenIn)).count))
      case .frequency:
        return (Double(Set(g.flatMap(\.seenIn)).count), Double(g.reduce(0) { $0 + ($1.occurrences ?? 0) }))
      case .date:
        let last = g.compactMap(\.lastSeen).max()
        return (Double(last.map { $0.year * 10000 + $0.month * 100 + $0.day } ?? 0), g.map { $0.score ?? 0 }.max() ?? 0)
      }
    }
    let measured = Dictionary(uniqueKeysWithValues: ids.map { ($0, measure($0)) })
    ids.sort { a, b in
      let ma = measured[a]!, mb = measured[b]!
      if ma != mb { return ma > mb }
      let sa = groups[a]!.source, sb = groups[b]!.source
      if sa != sb { return codeOrder(sa, sb) }
      return GlossaryFormat.idOrder(a, b)
    }
    if let limit = options.limit { ids = Array(ids.prefix(max(0, limit))) }
    return ids
  }

  /// The concept `id` as the glossary stands now (no candidates when it is gone).
  /// - Parameter relatedLimit: at most this many related entries (0: do not look for them).
  public func concept(_ id: String, in g: Glossary, relatedLimit: Int = 6) -> ReviewConcept {
    guard let c = g.concept(id: id) else { return ReviewConcept(conceptID: id, source: id, candidates: [], existing: [], related: []) }
    let (source, pairs) = Self.renderings(of: c, in: g)
    let candidates = pairs.filter { $0.status == .candidate }.sorted(by: Self.candidateOrder)
    let existing = pairs.filter { $0.status.isCurated }.sorted(by: GlossaryEntry.fileOrder)
    let key = relatedLimit > 0 ? self.key(source) : ""
    var related: [GlossaryEntry] = []
    if !key.isEmpty {
      // Related: source terms holding this one, or held by it, as whole words (Containment:
      // any position in Han, word boundaries in spaced scripts, so "act" is no part of "contact").
      let keyUnits = Array(key.utf16)
      for other in g.concepts where other.id != id {
        for s in other.terms(in: g.sourceLanguage) {
          let k = Array(self.key(s.text).utf16)
          guard !k.isEmpty && (Containment.contains(k, keyUnits) || Containment.contains(keyUnits, k)) else { continue }
          related += Glossary.pairs(of: other, from: g.sourceLanguage, to: g.targetLanguage).filter { $0.source == s.text && $0.status.isCurated }
        }
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
      conceptID: id, source: source, candidates: candidates, existing: existing, related: Array(related.prefix(relatedLimit)))
  }
}
