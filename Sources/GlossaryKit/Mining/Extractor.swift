import Foundation
import GlossaryAlign
import GlossaryText

/// Options of a mining run.
public struct ExtractionOptions: Sendable {
  /// A phrase must recur in at least this many documents.
  public var minDocuments = 2
  /// Longest source phrase, in tokens (after the term merge).
  public var maxPhraseLength = 6
  /// Renderings kept per term (best first).
  public var maxRenderings = 4
  /// Terms below this combined score are not proposed.
  public var minScore = 0.05
  /// Sentence beads below this confidence are not mined.
  public var minBeadScore = 0.0

  public init() {}
}

/// Counts of a mining run, for the summary line.
public struct ExtractionSummary: Sendable, Equatable {
  public var documents = 0
  public var sentencePairs = 0
  public var terms = 0
  public var newCandidates = 0
  public var updatedEntries = 0
  public var unchangedEntries = 0
}

/// Mines recurring phrases and their renderings from a prepared corpus.
///
/// ```swift
/// let prepared = try PreparedCorpus.prepare(documents: ..., align: ...)
/// let links = try wordAlign(prepared)
/// let terms = Extractor(options: .init()).mine(prepared, links: links)
/// ```
public struct Extractor: Sendable {
  public var options: ExtractionOptions

  public init(options: ExtractionOptions = ExtractionOptions()) {
    self.options = options
  }

  /// Recurring source phrases with their renderings and evidence, best first.
  public func mine(_ corpus: PreparedCorpus, links: [[AlignmentLink]]) -> [MinedTerm] {
    let sv = corpus.sourceVocabulary, tv = corpus.targetVocabulary
    let sourceEdgeWords = EdgeWords.words(for: corpus.sourceLanguage.code)
    let isContent = (0..<sv.count).map { sv.isWord[$0] || Self.isNumber(sv.strings[$0]) }
    let isEdge = (0..<sv.count).map { sv.isWord[$0] && !sourceEdgeWords.contains(sv.strings[$0]) }
    let unspaced = corpus.sourceLanguage.isUnspaced
    let miner = PhraseMiner(minDocuments: options.minDocuments, maxLength: options.maxPhraseLength)
    let candidates = miner.mine(pairs: corpus.pairs, isContent: isContent, isEdgeAllowed: isEdge) { tokens in
      // A term carries at least two characters of an unspaced script, or one longer word.
      let text = tokens.map { sv.strings[Int($0)] }.joined()
      return unspaced ? text.count >= 2 : (tokens.count > 1 || text.count >= 4)
    }
    let targetEdgeWords = EdgeWords.words(for: corpus.targetLanguage.code)
    let isTargetWord = (0..<tv.count).map { tv.isWord[$0] || Self.isNumber(tv.strings[$0]) }
    let collected = RenderingCollector().collect(candidates: candidates, pairs: corpus.pairs, links: links, isTargetWord: isTargetWord)

    var terms: [MinedTerm] = []
    for (c, cand) in candidates.enumerated() {
      let aligned = collected[c].reduce(0) { $0 + $1.occurrences.count }
      guard aligned > 0 else { continue }
      let sourcePairs = Set(cand.occurrences.map(\.pair)).count
      var renderings: [MinedRendering] = []
      for r in collected[c] {
        // A rendering that starts or ends with a function word is a fragment of a longer one.
        let first = tv.strings[Int(r.tokens.first!)], last = tv.strings[Int(r.tokens.last!)]
        if r.tokens.count > 1 && (targetEdgeWords.contains(last) || (targetEdgeWords.contains(first) && !["the", "a", "an"].contains(first))) { continue }
        let share = Double(r.occurrences.count) / Double(aligned)
        let dice = 2 * Double(r.pairsWithBoth) / Double(sourcePairs + r.pairsContaining)
        let logDice = max(0, 14 + log2(max(dice, 1e-9)))
        let docs = Set(r.occurrences.map { corpus.pairs[Int($0.pair)].document })
        guard r.occurrences.count >= 2 || share >= 0.5 else { continue }
        let score = (logDice / 14) * share.squareRoot() * min(1, log2(1 + Double(docs.count)) / log2(1 + 8))
        renderings.append(evidence(r, corpus: corpus, share: share, logDice: logDice, score: score))
      }
      renderings = mergeByKey(renderings, language: corpus.targetLanguage.code)
      renderings.sort { ($0.score, $0.occurrences, $1.target) > ($1.score, $1.occurrences, $0.target) }
      guard let best = renderings.first else { continue }
      let sourceText = surface(cand.occurrences.map { (corpus.pairs[Int($0.pair)], $0.start..<($0.start + Int32(cand.tokens.count))) }, corpus: corpus, side: .source)
      // Termhood: longer formulations are terms more often than single words.
      let length = unspaced ? Double(sourceText.count) : Double(cand.tokens.count) * 2
      let termhood = min(1, 0.55 + 0.15 * length / 2)
      let score = (best.score * termhood * 1000).rounded() / 1000
      guard score >= options.minScore else { continue }
      terms.append(MinedTerm(
        source: sourceText, documents: cand.documents.count, independentDocuments: cand.independentDocuments,
        renderings: Array(renderings.prefix(options.maxRenderings)), score: score))
    }
    terms.sort { ($0.score, $0.documents, $1.source) > ($1.score, $1.documents, $0.source) }
    return terms
  }

  static func isNumber(_ s: String) -> Bool { !s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType != nil } }

  enum Side { case source, target }

  /// The most frequent surface text of a set of token spans (ties: first in corpus order).
  func surface(_ spans: [(AlignedPair, Range<Int32>)], corpus: PreparedCorpus, side: Side) -> String {
    var counts: [String: (count: Int, first: Int)] = [:]
    for (i, (pair, span)) in spans.enumerated() {
      let doc = corpus.documents[Int(pair.document)]
      let text = side == .source ? doc.source : doc.target
      let ranges = side == .source ? pair.sourceTokenRanges : pair.targetTokenRanges
      let r = Int(ranges[Int(span.lowerBound)].lowerBound)..<Int(ranges[Int(span.upperBound) - 1].upperBound)
      let s = text.string(r).split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
      let old = counts[s]
      counts[s] = ((old?.count ?? 0) + 1, old?.first ?? i)
    }
    return counts.max { ($0.value.count, -$0.value.first) < ($1.value.count, -$1.value.first) }!.key
  }

  private func evidence(_ r: RenderingEvidence, corpus: PreparedCorpus, share: Double, logDice: Double, score: Double) -> MinedRendering {
    let target = surface(r.occurrences.map { (corpus.pairs[Int($0.pair)], $0.span) }, corpus: corpus, side: .target)
    // Occurrences in date order (documents are prepared in corpus order: by date).
    let ordered = r.occurrences.sorted { a, b in
      let da = corpus.documents[Int(corpus.pairs[Int(a.pair)].document)], db = corpus.documents[Int(corpus.pairs[Int(b.pair)].document)]
      return (da.date, da.id, a.pair) < (db.date, db.id, b.pair)
    }
    var documents: [String] = []
    for o in ordered {
      let id = corpus.documents[Int(corpus.pairs[Int(o.pair)].document)].id
      if documents.last != id { documents.append(id) }
    }
    var picks: [Int] = [0]
    if ordered.count > 1 { picks.append(ordered.count - 1) }
    if ordered.count > 2 {
      let lastDoc = corpus.pairs[Int(ordered[ordered.count - 1].pair)].document
      let firstDoc = corpus.pairs[Int(ordered[0].pair)].document
      if let mid = ordered.indices.dropFirst().dropLast().first(where: {
        let d = corpus.pairs[Int(ordered[$0].pair)].document
        return d != firstDoc && d != lastDoc
      }) { picks.insert(mid, at: 1) }
    }
    let examples = picks.map { i -> TermExample in
      let pair = corpus.pairs[Int(ordered[i].pair)]
      let doc = corpus.documents[Int(pair.document)]
      return TermExample(document: doc.id, source: oneLine(doc.source.string(pair.sourceRange)), target: oneLine(doc.target.string(pair.targetRange)))
    }
    return MinedRendering(
      target: target, occurrences: r.occurrences.count, documents: documents, examples: examples,
      share: (share * 1000).rounded() / 1000, logDice: (logDice * 100).rounded() / 100, score: (score * 1000).rounded() / 1000)
  }

  private func oneLine(_ s: String) -> String {
    s.split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
  }

  /// Renderings equal up to case, plural or a leading article are one rendering.
  private func mergeByKey(_ renderings: [MinedRendering], language: String) -> [MinedRendering] {
    guard let keys = try? LookupKeys() else { return renderings }
    var merged: [[UInt8]: MinedRendering] = [:]
    var order: [[UInt8]] = []
    for r in renderings {
      let k = keys.key(r.target, language: language)
      if var m = merged[k] {
        let keepTarget = m.occurrences >= r.occurrences ? m.target : r.target
        m.occurrences += r.occurrences
        m.share = ((m.share + r.share) * 1000).rounded() / 1000
        m.score = max(m.score, r.score)
        m.logDice = max(m.logDice, r.logDice)
        m.documents = Array(Set(m.documents + r.documents)).sorted()
        m.target = keepTarget
        merged[k] = m
      } else {
        merged[k] = r
        order.append(k)
      }
    }
    return order.map { merged[$0]! }
  }
}
