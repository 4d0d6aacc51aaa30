import Foundation
import GlossaryAlign
import GlossaryText

/// Errors of concordance queries.
public enum ConcordanceError: Error, CustomStringConvertible, Equatable {
  case emptyQuery

  public var description: String {
    switch self {
    case .emptyQuery: return "the query is empty (after normalization)"
    }
  }
}

extension ConcordanceError: ExitCodeConvertible {
  public var exitCode: Int32 { ExitStatus.usage }
}

/// A bilingual concordance over a corpus's alignment store: every sentence
/// pair where a term occurs, found on match keys (Traditional/Simplified,
/// width, case, quotes and dashes do not matter; whole words in spaced
/// scripts), with the term highlighted and, on the other side, its aligned
/// rendering: a known rendering when one is in the sentence, else the span
/// the word links give.
///
/// Candidates come from the store's FTS5 trigram index (a scan of the keys
/// for queries of one or two characters); every candidate is verified on the
/// match keys, so trigram false positives never show. A Latin query against
/// a Han source also finds the source words whose pinyin key it is
/// ("Wang Yi" finds 王毅).
///
/// ```swift
/// let c = try Concordance(store: try AlignmentStore.openForReading(path: "Corpus/.glossary/alignments.sqlite"))
/// for o in try c.occurrences(ConcordanceQuery("务实合作")) { print(o.document, o.rendering ?? "-") }
/// ```
public final class Concordance {
  public let store: AlignmentStore
  let reader: StoredDocumentReader
  let keys: LookupKeys
  var normalizer: MatchKeyNormalizer { keys.normalizer }
  private let pairRow: SQLiteStatement

  public init(store: AlignmentStore) throws {
    self.store = store
    reader = try StoredDocumentReader(store: store)
    keys = try LookupKeys()
    pairRow = try store.db.prepare("""
      SELECT p.source, p.target, d.id, d.name, d.collection, d.date FROM pairs p JOIN documents d ON d.id = p.document WHERE p.id = ?
      """)
  }

  /// The sides a query is looked for on: the explicit one, else the side whose language the
  /// query's script names, else both.
  public func sides(for query: ConcordanceQuery) -> [PairSide] {
    if let side = query.side { return [side] }
    let guessed = Language.guess(query.text).base
    let source = String(store.sourceLanguage.prefix { $0 != "-" }), target = String(store.targetLanguage.prefix { $0 != "-" })
    if guessed == source && guessed != target { return [.source] }
    if guessed == target && guessed != source { return [.target] }
    return [.source, .target]
  }

  /// Every occurrence, in date order.
  public func occurrences(_ query: ConcordanceQuery) throws -> [ConcordanceOccurrence] {
    var out: [ConcordanceOccurrence] = []
    try occurrences(query) { out.append($0); return true }
    return out
  }

  /// Calls `body` with each occurrence in date order (then document, position) until it returns
  /// false; returns how many were found.
  @discardableResult
  public func occurrences(_ query: ConcordanceQuery, _ body: (ConcordanceOccurrence) throws -> Bool) throws -> Int {
    let needle = normalizer.key(for: query.text.trimmingCharacters(in: .whitespacesAndNewlines)).units
    guard !needle.isEmpty else { throw ConcordanceError.emptyQuery }
    let needleString = String(decoding: needle, as: UTF16.self)
    // Needles per side: the query's key, plus source words whose pinyin the query spells.
    var needles: [PairSide: [[UInt16]]] = [:]
    var candidates: [(id: Int64, date: String, name: String)] = []
    for side in sides(for: query) {
      needles[side, default: []].append(needle)
      candidates += try store.candidatePairRows(containing: needleString, side: side, filter: query.filter)
    }
    if query.side == nil, needles[.source] == nil, try namesSourceSide(query.text) {
      for word in try sourceWords(withPinyinOf: query.text) {
        needles[.source, default: []].append(Array(word.utf16))
        candidates += try store.candidatePairRows(containing: word, side: .source, filter: query.filter)
      }
    }
    candidates.sort { ($0.date, $0.name, $0.id) < ($1.date, $1.name, $1.id) }
    let known = query.knownRenderings.flatMap(renderingNeedles)
    var found = 0
    var last: Int64 = -1
    for c in candidates where c.id != last {
      last = c.id
      guard let o = try verify(pair: c.id, needles: needles, known: known) else { continue }
      found += 1
      if try !body(o) { break }
    }
    return found
  }

  /// Whether a query in another script may name source words by their pinyin (a Latin query
  /// against a source language written in Han characters).
  private func namesSourceSide(_ text: String) throws -> Bool {
    store.sourceLanguage.hasPrefix("zh") && Language.guess(text).base == "en"
      && text.unicodeScalars.contains { CharacterClass.of($0).contains(.latin) }
  }

  /// Source vocabulary words (with Han characters) whose pinyin key is the query's.
  func sourceWords(withPinyinOf text: String) throws -> [String] {
    let pinyin = String(decoding: keys.pinyinKey(ofKey: keys.key(text, language: "und")), as: UTF8.self)
    guard pinyin.count >= 2 else { return [] }
    var out: [String] = []
    try store.db.prepare("SELECT key FROM source_words WHERE pinyin = ?").rows(.text(pinyin)) { out.append($0.text(0)) }
    return out
  }

  /// Match keys of a known rendering, with and without a leading article.
  private func renderingNeedles(_ rendering: String) -> [[UInt16]] {
    let k = normalizer.key(for: rendering).units
    var out = [k]
    if let space = k.firstIndex(of: 0x20), EnglishFolding.isArticle(utf16: Array(k[..<space])) {
      out.append(Array(k[(space + 1)...]))
    }
    return out.filter { !$0.isEmpty }
  }

  /// The occurrence in a candidate pair, or nil when the keys do not contain a needle there.
  private func verify(pair id: Int64, needles: [PairSide: [[UInt16]]], known: [[UInt16]]) throws -> ConcordanceOccurrence? {
    try pairRow.bind([.integer(id)])
    guard try pairRow.step() else { return nil }
    let texts = [PairSide.source: pairRow.text(0), .target: pairRow.text(1)]
    let rowID = pairRow.int64(2), name = pairRow.text(3), collection = pairRow.text(4)
    guard let date = ISODate(pairRow.text(5)) else { throw StoreError.corrupt(path: store.path, reason: "pair \(id): bad date") }
    var hits: [PairSide: [Range<Int>]] = [:]
    for side in PairSide.allCases {
      guard let list = needles[side] else { continue }
      let key = normalizer.key(for: texts[side]!)
      var ranges: [Range<Int>] = []
      for n in list { ranges += Containment.ranges(of: n, in: key.units).map { key.originalRange($0) } }
      if !ranges.isEmpty { hits[side] = Self.merged(ranges) }
    }
    guard let side = PairSide.allCases.first(where: { hits[$0] != nil }) else { return nil }
    let other: PairSide = side == .source ? .target : .source
    if hits[other] == nil {
      hits[other] = try counterpart(of: hits[side]!, side: side, pairID: id, rowID: rowID, otherText: texts[other]!, known: known)
    }
    return ConcordanceOccurrence(
      document: name, collection: collection, date: date, pairID: id, side: side,
      source: HighlightedText(text: texts[.source]!, highlights: hits[.source] ?? []),
      target: HighlightedText(text: texts[.target]!, highlights: hits[.target] ?? []))
  }

  /// The rendering's ranges on the other side: the longest known rendering found in the
  /// sentence, else the span linked to the hit's words (first to last linked word).
  private func counterpart(
    of hit: [Range<Int>], side: PairSide, pairID: Int64, rowID: Int64, otherText: String, known: [[UInt16]]
  ) throws -> [Range<Int>] {
    if !known.isEmpty {
      let key = normalizer.key(for: otherText)
      var best: Range<Int>? = nil
      for n in known {
        for r in Containment.ranges(of: n, in: key.units) where best == nil || r.count > best!.count { best = r }
      }
      if let best { return [key.originalRange(best)] }
    }
    guard let doc = try reader.document(rowID), doc.isLinked, let pair = doc.pairs.first(where: { $0.id == pairID }) else { return [] }
    let (mine, theirs) = side == .source ? (pair.source.wordRanges, pair.target.wordRanges) : (pair.target.wordRanges, pair.source.wordRanges)
    var out: [Range<Int>] = []
    for h in hit {
      var covered = Set<Int>()
      for k in mine.indices where Int(mine[k].lowerBound) < h.upperBound && Int(mine[k].upperBound) > h.lowerBound {
        covered.insert(k)
      }
      let linked = pair.links.compactMap { l -> Int? in
        side == .source ? (covered.contains(l.source) ? l.target : nil) : (covered.contains(l.target) ? l.source : nil)
      }
      guard let run = Self.densestRun(linked) else { continue }
      out.append(Int(theirs[run.lowerBound].lowerBound)..<Int(theirs[run.upperBound].upperBound))
    }
    return Self.merged(out)
  }

  /// The run of linked word indices that holds the most links, where neighbours are at most
  /// `maxGap` words apart ("the [Belt] and [Road]" is one run; a stray link far away is not
  /// part of the rendering). Ties: the first.
  static func densestRun(_ indices: [Int], maxGap: Int = 2) -> ClosedRange<Int>? {
    let sorted = Array(Set(indices)).sorted()
    guard var start = sorted.first else { return nil }
    var best = start...start, bestCount = 0, count = 0, last = start
    for i in sorted {
      if i - last > maxGap + 1 { start = i; count = 0 }
      count += 1
      last = i
      if count > bestCount { bestCount = count; best = start...i }
    }
    return best
  }

  /// Sorted, overlapping ranges joined.
  static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !r.isEmpty {
      if let last = out.last, r.lowerBound <= last.upperBound {
        out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
      } else {
        out.append(r)
      }
    }
    return out
  }
}
