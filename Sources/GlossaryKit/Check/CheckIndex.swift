/// Glossaries compiled for checking: concepts (one source term and its
/// curated renderings), a trie over source-term match keys, and renderings as
/// word-id sequences.
///
/// Not thread-safe (normalizer, word keys): one per thread.
public final class CheckIndex {
  /// One rendering of a concept, with its words.
  public struct Rendering: Sendable {
    public var entry: GlossaryEntry
    public var words: TargetWords
    /// Whether the rendering starts with an article (then a mark includes the one in the text).
    public var startsWithArticle: Bool { words.articleStart.first.map { $0 >= 0 } ?? false }
  }

  /// A source term with its curated renderings (candidate and rejected rows are left out).
  public struct Concept: Sendable {
    public var source: String
    /// Match key of the source term (for containment tests).
    public var sourceKey: [UInt16]
    public var renderings: [Rendering]
  }

  public let sourceLanguage: Language
  public let targetLanguage: Language
  public private(set) var concepts: [Concept] = []
  let normalizer: MatchKeyNormalizer
  let targetKeys: TargetWordKeys
  private var sourceTrie = TermTrie()
  /// First loose word id of a rendering -> (concept, rendering) pairs, for target-side search.
  private var renderingsByFirstWord: [Int32: [(concept: Int32, rendering: Int32)]] = [:]

  /// Compiles glossaries whose languages are `source` and `target`.
  /// - Throws: `CheckError.languageMismatch` when a glossary has other languages.
  public init(glossaries: [Glossary], paths: [String] = [], source: Language, target: Language) throws {
    sourceLanguage = source
    targetLanguage = target
    normalizer = try MatchKeyNormalizer()
    targetKeys = TargetWordKeys(language: target, normalizer: normalizer)
    var bySource: [String: Int] = [:]
    for (g, glossary) in glossaries.enumerated() {
      guard (try? Language(glossary.sourceLanguage))?.base == source.base,
        (try? Language(glossary.targetLanguage))?.base == target.base
      else {
        throw CheckError.languageMismatch(
          path: g < paths.count ? paths[g] : "glossary \(g + 1)",
          glossary: "\(glossary.sourceLanguage)-\(glossary.targetLanguage)", documents: "\(source.code)-\(target.code)")
      }
      for e in glossary.entries where e.status.isCurated {
        let key = normalizer.key(for: e.source).units
        guard !key.isEmpty else { continue }
        let c: Int
        if let existing = bySource[e.source] {
          c = existing
        } else if let v = sourceTrie.value(of: key) {
          c = Int(v)  // same key (e.g. Traditional and Simplified spellings): one concept
        } else {
          c = concepts.count
          concepts.append(Concept(source: e.source, sourceKey: key, renderings: []))
          sourceTrie.insert(key, value: Int32(c))
        }
        bySource[e.source] = c
        let words = targetKeys.words(of: e.target)
        guard words.count > 0 else { continue }
        if concepts[c].renderings.contains(where: { $0.entry.target == e.target && $0.entry.status == e.status }) { continue }
        concepts[c].renderings.append(Rendering(entry: e, words: words))
        renderingsByFirstWord[words.loose[0], default: []].append((Int32(c), Int32(concepts[c].renderings.count - 1)))
      }
    }
  }

  // MARK: Source side

  /// A source term found in a text: its concept and UTF-16 range in the searched buffer.
  public struct SourceHit: Sendable, Equatable {
    public var concept: Int
    public var range: Range<Int>
  }

  /// Source terms in `text`, leftmost-longest and non-overlapping: a nested
  /// term (命运共同体 inside 人类命运共同体) is not reported again. Matching
  /// is on match keys, so Traditional/Simplified and width do not matter, and
  /// on word boundaries (``Containment/isBoundary(_:at:)``: any position in Han text).
  public func sourceTerms(in text: UnsafeBufferPointer<UInt16>) -> (hits: [SourceHit], key: MatchKey) {
    let key = normalizer.key(for: text)
    var hits: [SourceHit] = []
    key.units.withUnsafeBufferPointer { k in
      var i = 0
      while i < k.count {
        guard Containment.isBoundary(k, at: i) else { i += 1; continue }
        let found = sourceTrie.longestMatch(in: k, from: i) { end in Containment.isBoundary(k, at: end) }
        if let found {
          hits.append(SourceHit(concept: Int(found.value), range: key.originalRange(i..<found.end)))
          i = found.end
        } else {
          i += 1
        }
      }
    }
    return (hits, key)
  }

  /// Every concept whose source term occurs in `text`, nested ones included
  /// (人类命运共同体 and 命运共同体 in 构建人类命运共同体), on the same word
  /// boundaries as `sourceTerms`. For counting evidence, not for checking.
  public func allSourceConcepts(in text: UnsafeBufferPointer<UInt16>) -> Set<Int> {
    let key = normalizer.key(for: text).units
    var concepts = Set<Int>()
    key.withUnsafeBufferPointer { k in
      for i in 0..<k.count where Containment.isBoundary(k, at: i) {
        for m in sourceTrie.allMatches(in: k, from: i) where Containment.isBoundary(k, at: m.end) {
          concepts.insert(Int(m.value))
        }
      }
    }
    return concepts
  }

  // MARK: Target side

  /// A rendering found in target words: word range, concept, rendering, and
  /// whether it matched on exact words (not only after inflection folding).
  public struct RenderingHit: Sendable, Equatable {
    public var words: Range<Int>
    public var concept: Int
    public var rendering: Int
    public var exact: Bool
  }

  /// Original range of a hit in the words' text, with a leading article when the rendering has one.
  public func range(of h: RenderingHit, in words: TargetWords) -> Range<Int> {
    var start = words.ranges[h.words.lowerBound].lowerBound
    if concepts[h.concept].renderings[h.rendering].startsWithArticle, words.articleStart[h.words.lowerBound] >= 0 {
      start = words.articleStart[h.words.lowerBound]
    }
    return start..<words.ranges[h.words.upperBound - 1].upperBound
  }

  /// Words of a target buffer.
  public func targetWords(_ text: UnsafeBufferPointer<UInt16>) -> TargetWords { targetKeys.words(of: text) }

  /// Every occurrence of the renderings of `concepts` in `words` (overlaps kept).
  func occurrences(of concepts: some Sequence<Int>, in words: TargetWords, into out: inout [RenderingHit]) {
    for c in concepts {
      for (r, rendering) in self.concepts[c].renderings.enumerated() {
        find(rendering.words, in: words) { range, exact in
          out.append(RenderingHit(words: range, concept: c, rendering: r, exact: exact))
        }
      }
    }
  }

  /// Every occurrence of any rendering in `words` (overlaps kept).
  func allOccurrences(in words: TargetWords, into out: inout [RenderingHit]) {
    for start in 0..<words.count {
      for first in words.loose[start] == words.verb[start] ? [words.loose[start]] : [words.loose[start], words.verb[start]] {
        guard let candidates = renderingsByFirstWord[first] else { continue }
        for (c, r) in candidates {
          let w = concepts[Int(c)].renderings[Int(r)].words
          // A rendering starting with the verb reading is found from it only (not twice).
          if first != words.loose[start], w.loose[0] == words.loose[start] { continue }
          if let exact = matches(w, words, at: start) {
            out.append(RenderingHit(words: start..<(start + w.count), concept: Int(c), rendering: Int(r), exact: exact))
          }
        }
      }
    }
  }

  private func find(_ needle: TargetWords, in hay: TargetWords, _ report: (Range<Int>, Bool) -> Void) {
    guard needle.count > 0, needle.count <= hay.count else { return }
    for start in 0...(hay.count - needle.count) where hay.loose[start] == needle.loose[0] || hay.verb[start] == needle.loose[0] {
      if let exact = matches(needle, hay, at: start) { report(start..<(start + needle.count), exact) }
    }
  }

  /// nil: no match; true: exact words; false: loose words only (base forms, verb readings).
  @inline(__always)
  private func matches(_ needle: TargetWords, _ hay: TargetWords, at start: Int) -> Bool? {
    guard start + needle.count <= hay.count else { return nil }
    var exact = true
    for k in 0..<needle.count {
      if hay.loose[start + k] != needle.loose[k], hay.verb[start + k] != needle.loose[k] { return nil }
      if hay.exact[start + k] != needle.exact[k] { exact = false }
    }
    return exact
  }

  /// Keeps non-overlapping hits: longer first, then exact before loose, then
  /// approved before others, then earlier. Each target word counts for one term.
  static func resolve(_ hits: [RenderingHit], index: CheckIndex) -> [RenderingHit] {
    guard hits.count > 1 else { return hits }
    let sorted = hits.sorted { a, b in
      if a.words.count != b.words.count { return a.words.count > b.words.count }
      if a.exact != b.exact { return a.exact }
      let sa = index.concepts[a.concept].renderings[a.rendering].entry.status
      let sb = index.concepts[b.concept].renderings[b.rendering].entry.status
      if sa != sb { return sa < sb }
      return a.words.lowerBound < b.words.lowerBound
    }
    var taken = Set<Int>()
    var out: [RenderingHit] = []
    for h in sorted where !h.words.contains(where: taken.contains) {
      taken.formUnion(h.words)
      out.append(h)
    }
    return out.sorted { $0.words.lowerBound < $1.words.lowerBound }
  }
}
