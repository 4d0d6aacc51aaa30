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
/// let prepared = try PreparedCorpus.prepare(documents: ..., makeAligner: ...)
/// let alignment = try DefaultAligners.wordAligner(lexicon: nil, termPairs: [])(prepared)
/// let terms = Extractor(options: .init()).mine(prepared, alignment: alignment)
/// ```
public struct Extractor: Sendable {
  public var options: ExtractionOptions

  public init(options: ExtractionOptions = ExtractionOptions()) {
    self.options = options
  }

  /// Recurring source phrases with their renderings and evidence, best first.
  public func mine(_ corpus: PreparedCorpus, alignment: CorpusWordAlignment) -> [MinedTerm] {
    let links = alignment.links
    let candidates = recurringPhrases(corpus)
    let tv = corpus.targetVocabulary
    let targetEdgeWords = EdgeWords.words(for: corpus.targetLanguage.code)
    let isTargetWord = (0..<tv.count).map { tv.isWord[$0] || Self.isNumber(tv.strings[$0]) }
    let isTargetEdge = (0..<tv.count).map { targetEdgeWords.contains(tv.strings[$0]) }
    let articles = EdgeWords.articles(for: corpus.targetLanguage.code)
    let closure = RenderingClosure(
      pairs: corpus.pairs, links: links, isWord: isTargetWord, isArticle: (0..<tv.count).map { articles.contains(tv.strings[$0]) },
      isFunctionWord: isTargetEdge, index: TargetPostings(pairs: corpus.pairs, vocabularySize: tv.count))
    let (collected, alignedCounts) = RenderingCollector().collect(
      candidates: candidates, pairs: corpus.pairs, links: links, isTargetWord: isTargetWord, isEdgeWord: isTargetEdge)
    let keys = try? LookupKeys()
    let openers = CollocationOpeners.words(for: corpus.sourceLanguage.code)
    var terms: [MinedTerm] = []
    for (c, cand) in candidates.enumerated() where alignedCounts[c] > 0 {
      let closed = closure.close(collected[c], sourcePairs: Set(cand.occurrences.map(\.pair)), sourceLength: cand.tokens.count)
      var renderings = chooseRenderings(closed, for: cand, aligned: alignedCounts[c], corpus: corpus, alignment: alignment)
      if let keys { renderings = mergeByKey(renderings, language: corpus.targetLanguage.code, keys: keys) }
      guard let best = renderings.first else { continue }
      let sourceText = surface(
        cand.occurrences.map { (corpus.pairs[Int($0.pair)], $0.start..<($0.start + Int32(cand.tokens.count))) },
        corpus: corpus, side: .source)
      let score = ((best.score * termhood(cand, source: sourceText, best: best.target, corpus: corpus, openers: openers)) * 1000).rounded() / 1000
      guard score >= options.minScore else { continue }
      terms.append(MinedTerm(
        source: sourceText, documents: cand.documents.count, independentDocuments: cand.independentDocuments,
        renderings: Array(renderings.prefix(options.maxRenderings)), score: score))
    }
    terms.sort { ($0.score, $0.documents, $1.source) > ($1.score, $1.documents, $0.source) }
    return terms
  }

  /// The source phrases that recur, are well formed and stand on their own.
  func recurringPhrases(_ corpus: PreparedCorpus) -> [PhraseCandidate] {
    let sv = corpus.sourceVocabulary
    let language = corpus.sourceLanguage.code
    let edgeWords = EdgeWords.words(for: language)
    let notFinal = EdgeWords.notFinal(for: language), notInitial = EdgeWords.notInitial(for: language)
    // Dashes and quotation marks may stand inside a term (澜沧江－湄公河合作, 高质量共建“一带一路”).
    let isInner = (0..<sv.count).map { sv.strings[$0] == "-" || sv.strings[$0] == "\"" }
    let isContent = (0..<sv.count).map { sv.isWord[$0] || Self.isNumber(sv.strings[$0]) || isInner[$0] }
    let isEdge = (0..<sv.count).map { sv.isWord[$0] && !edgeWords.contains(sv.strings[$0]) }
    let isRightEdge = (0..<sv.count).map { (isEdge[$0] && !notFinal.contains(sv.strings[$0])) || sv.strings[$0] == "\"" }
    // A number may open a phrase (2030年可持续发展议程, 21世纪海上丝绸之路) but not close it.
    let isLeftEdge = (0..<sv.count).map { (isEdge[$0] && !notInitial.contains(sv.strings[$0])) || Self.isNumber(sv.strings[$0]) }
    let unspaced = corpus.sourceLanguage.isUnspaced
    let miner = PhraseMiner(minDocuments: options.minDocuments, maxLength: options.maxPhraseLength)
    return miner.mine(
      pairs: corpus.pairs, isContent: isContent, isLeftEdge: isLeftEdge, isRightEdge: isRightEdge,
      isWord: (0..<sv.count).map { isContent[$0] && !isInner[$0] }
    ) { tokens in
      // Quotation marks come in pairs inside a term.
      if tokens.filter({ sv.strings[Int($0)] == "\"" }).count % 2 == 1 { return false }
      // A term carries at least two characters of an unspaced script, or one longer word.
      let text = tokens.filter { !isInner[Int($0)] }.map { sv.strings[Int($0)] }.joined()
      return unspaced ? text.count >= 2 : (tokens.count > 1 || text.count >= 4)
    }
  }

  /// Ranks a phrase's closed renderings and keeps the best few that are not
  /// parts or extensions of a better one. Each occurrence voted for every span
  /// its links allow; association (Dice over sentence pairs) weighted by that
  /// share decides, then fewer tokens.
  func chooseRenderings(
    _ closed: [RenderingEvidence], for cand: PhraseCandidate, aligned: Int, corpus: PreparedCorpus, alignment: CorpusWordAlignment
  ) -> [MinedRendering] {
    let sourcePairs = Set(cand.occurrences.map(\.pair)).count
    var scored: [(r: RenderingEvidence, dice: Double, share: Double)] = []
    for r in closed where r.occurrences.count >= min(2, aligned) {
      let share = Double(r.occurrences.count) / Double(aligned)
      let dice = 2 * Double(r.pairsWithBoth) / Double(sourcePairs + r.pairsContaining)
      scored.append((r, dice, share))
    }
    scored.sort { a, b in
      let sa = a.dice * a.share.squareRoot(), sb = b.dice * b.share.squareRoot()
      return sa != sb ? sa > sb : a.r.tokens.count < b.r.tokens.count
    }
    var kept: [(r: RenderingEvidence, dice: Double, share: Double)] = []
    for s in scored where kept.count < options.maxRenderings && !kept.contains(where: { overlaps($0.r.tokens, s.r.tokens) }) {
      kept.append(s)
    }
    return kept.map { r, dice, share in
      let logDice = max(0, 14 + log2(max(dice, 1e-9)))
      let docs = Set(r.occurrences.map { corpus.pairs[Int($0.pair)].document })
      let score = (logDice / 14) * share.squareRoot() * min(1, log2(1 + Double(docs.count)) / log2(1 + 8))
      var e = evidence(r, corpus: corpus, share: share, logDice: logDice, score: score)
      (e.lexicalWeight, e.reverseLexicalWeight) = lexicalWeights(r, sourceLength: cand.tokens.count, corpus: corpus, alignment: alignment)
      return e
    }
  }

  /// Lexical weights of a rendering in both directions, averaged over its occurrences.
  func lexicalWeights(
    _ r: RenderingEvidence, sourceLength: Int, corpus: PreparedCorpus, alignment: CorpusWordAlignment
  ) -> (Double, Double) {
    var forward = 0.0, reverse = 0.0
    for o in r.occurrences {
      let pair = corpus.pairs[Int(o.pair)]
      let links = alignment.links[Int(o.pair)]
      let span = PhrasePair(source: Int(o.sourceStart)..<(Int(o.sourceStart) + sourceLength), target: Int(o.span.lowerBound)..<Int(o.span.upperBound))
      forward += PhraseExtraction.lexicalWeight(
        span, links: links, probability: { alignment.forward(pair.sourceTokens[$0], pair.targetTokens[$1]) },
        nullProbability: { alignment.forwardNull(pair.targetTokens[$0]) })
      // The other direction: the same computation with the roles of the two sides swapped.
      reverse += PhraseExtraction.lexicalWeight(
        PhrasePair(source: span.target, target: span.source), links: links.map { AlignmentLink(source: $0.target, target: $0.source) },
        probability: { alignment.reverse(pair.sourceTokens[$1], pair.targetTokens[$0]) },
        nullProbability: { alignment.reverseNull(pair.sourceTokens[$0]) })
    }
    let n = Double(max(1, r.occurrences.count))
    return ((forward / n * 1e4).rounded() / 1e4, (reverse / n * 1e4).rounded() / 1e4)
  }

  /// Termhood in (0, 1]: longer formulations are terms more often than single
  /// words; a verb before a term makes a collocation (加强 + 战略沟通), which
  /// ranks below the term; a single common word rendered by a single lowercase
  /// word (市场 market) is vocabulary, while names (北京 Beijing) stay up.
  func termhood(_ cand: PhraseCandidate, source: String, best: String, corpus: PreparedCorpus, openers: Set<String>) -> Double {
    let sv = corpus.sourceVocabulary
    let length = corpus.sourceLanguage.isUnspaced ? Double(source.count) : Double(cand.tokens.count) * 2
    var termhood = min(1, 0.55 + 0.15 * length / 2)
    if cand.tokens.count > 1, openers.contains(sv.strings[Int(cand.tokens[0])]) { termhood *= 0.7 }
    if cand.tokens.count == 1, !best.contains(" "), best.first?.isLowercase ?? false { termhood *= 0.6 }
    return termhood
  }

  /// Whether one token sequence contains the other.
  func overlaps(_ a: [Int32], _ b: [Int32]) -> Bool {
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    guard !short.isEmpty else { return true }
    for i in 0...(long.count - short.count) where long[i..<(i + short.count)].elementsEqual(short) { return true }
    return false
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
    let pairs = r.occurrences.map(\.pair)
    let documents = corpus.documentIds(of: pairs)
    let examples = corpus.examples(at: pairs)
    let reverse = r.pairsContaining > 0 ? Double(r.pairsWithBoth) / Double(r.pairsContaining) : 0
    return MinedRendering(
      target: target, occurrences: r.occurrences.count, documents: documents, examples: examples,
      share: (share * 1000).rounded() / 1000, reverseShare: (reverse * 1000).rounded() / 1000,
      lexicalWeight: 0, reverseLexicalWeight: 0, logDice: (logDice * 100).rounded() / 100, score: (score * 1000).rounded() / 1000)
  }

  /// Renderings equal up to case, plural or a leading article are one rendering.
  private func mergeByKey(_ renderings: [MinedRendering], language: String, keys: LookupKeys) -> [MinedRendering] {
    var merged: [[UInt8]: MinedRendering] = [:]
    var order: [[UInt8]] = []
    for r in renderings {
      let k = keys.key(r.target, language: language)
      if var m = merged[k] {
        let keepTarget = m.occurrences >= r.occurrences ? m.target : r.target
        m.occurrences += r.occurrences
        m.share = ((m.share + r.share) * 1000).rounded() / 1000
        m.reverseShare = max(m.reverseShare, r.reverseShare)
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
