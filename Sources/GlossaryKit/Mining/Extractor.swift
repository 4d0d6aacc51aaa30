import Foundation
import GlossaryAlign
import GlossaryText

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
/// let (prepared, alignment) = try PreparedCorpus.load(store: store, options: WordAlignOptions())
/// let terms = try Extractor(options: .init()).mine(prepared, alignment: alignment)
/// ```
public struct Extractor: Sendable {
  public var options: MiningParameters
  /// A general-language dictionary (CC-CEDICT's glosses, without glossary pairs): a headword
  /// rendered by one word of its own glosses is vocabulary, not a formulation.
  public var dictionary: TranslationLexicon?

  public init(options: MiningParameters = MiningParameters(), dictionary: TranslationLexicon? = nil) {
    self.options = options
    self.dictionary = dictionary
  }

  /// Recurring source phrases with their renderings and evidence, best first.
  public func mine(_ corpus: PreparedCorpus, alignment: CorpusWordAlignment) throws -> [MinedTerm] {
    let links = alignment.links
    let candidates = recurringPhrases(corpus)
    let tv = corpus.targetVocabulary
    let targetEdgeWords = EdgeWords.words(for: corpus.targetLanguage.code)
    let isTargetWord = (0..<tv.count).map { tv.isWord[$0] || Self.isNumber(tv.strings[$0]) }
    let barred = targetEdgeWords.union(EdgeWords.articles(for: corpus.targetLanguage.code))
    let spotter = RenderingSpotter(
      pairs: corpus.pairs, links: links, isWord: isTargetWord, isBarredEdge: tv.strings.map { barred.contains($0) },
      index: TokenSequenceIndex(pairs: corpus.pairs, vocabularySize: tv.count, sourceVocabularySize: corpus.sourceVocabulary.count),
      maxLength: options.maxRenderingTokens)
    let sv = corpus.sourceVocabulary
    let spaced = !corpus.sourceLanguage.isUnspaced
    // Each candidate is spotted on its own: in parallel, with per-thread scratch memory and keys.
    let mined = try Parallel.map(candidates.count, state: {
      (scratch: RenderingSpotter.Scratch(targetVocabularySize: tv.count), keys: try LookupKeys())
    }) { state, c -> MinedTerm? in
      let cand = candidates[c]
      let traced = MiningTrace.isOn ? cand.tokens.map { sv.strings[Int($0)] }.joined(separator: spaced ? " " : "") : ""
      let trace = MiningTrace.wants(traced)
      let (seen, linked) = spotter.spot(cand, scratch: &state.scratch)
      guard linked > 0 else {
        if trace { MiningTrace.say(traced, "no occurrence has a word link") }
        return nil
      }
      var renderings = chooseRenderings(seen, for: cand, linked: linked, corpus: corpus, alignment: alignment)
      renderings = mergeByKey(renderings, language: corpus.targetLanguage.code, keys: state.keys)
      if trace {
        let top = seen.sorted { $0.occurrences.count > $1.occurrences.count }.prefix(12)
        MiningTrace.say(traced, "\(cand.occurrences.count) occurrences in \(cand.documents.count) documents, \(linked) linked, "
          + "independence \(cand.independence), opener \(cand.ledByOpener); spans: "
          + top.map { "\($0.tokens.map { tv.strings[Int($0)] }.joined(separator: " ")) (\($0.occurrences.count))" }.joined(separator: "; "))
      }
      guard let best = renderings.first else {
        if trace { MiningTrace.say(traced, "no rendering recurs") }
        return nil
      }
      let sourceText = surface(
        cand.occurrences.map { (corpus.pairs[Int($0.pair)], $0.start..<($0.start + Int32(cand.tokens.count))) },
        corpus: corpus, side: .source)
      let score = ((best.score * termhood(cand, source: sourceText, best: best.target, corpus: corpus)) * 1000).rounded() / 1000
      if trace, isDictionaryWord(cand, best: best.target, corpus: corpus) { MiningTrace.say(traced, "a dictionary word rendered by its gloss") }
      if trace {
        MiningTrace.say(traced, "score \(score) = rendering \(best.score) x termhood; renderings: "
          + renderings.map { "\($0.target) (\($0.occurrences), \($0.score))" }.joined(separator: "; "))
      }
      guard score >= options.minScore else { return nil }
      return MinedTerm(
        source: sourceText, documents: cand.documents.count, independentDocuments: cand.independentDocuments,
        renderings: Array(renderings.prefix(options.maxRenderings)), score: score)
    }
    var terms = mined.compactMap { $0 }
    terms.sort { ($0.score, $0.documents, $1.source) > ($1.score, $1.documents, $0.source) }
    return terms
  }

  /// The source phrases that recur and can be formulations (see `PhraseMiner`).
  func recurringPhrases(_ corpus: PreparedCorpus) -> [PhraseCandidate] {
    let sv = corpus.sourceVocabulary
    // Dashes, quotation marks, middle dots and enumeration commas may stand inside a term
    // (澜沧江－湄公河合作, 高质量共建“一带一路”, 本扬·沃拉吉, 好邻居、好朋友、好同志、好伙伴): match keys fold dashes and quotes.
    let inner: Set<String> = ["-", "\"", "·", "・", "、"]
    let strings = sv.strings
    let separator = corpus.sourceLanguage.isUnspaced ? "" : " "
    let text: @Sendable ([Int32]) -> String = { ids in ids.map { strings[Int($0)] }.joined(separator: separator) }
    let isContent: [Bool] = (0..<sv.count).map { sv.isWord[$0] || Self.isNumber(strings[$0]) }
    let vocabulary = PhraseMiner.Vocabulary(
      isContent: isContent, isInner: strings.map { inner.contains($0) }, isQuote: strings.map { $0 == "\"" },
      length: strings.map { $0.count }, unspaced: corpus.sourceLanguage.isUnspaced, isNumber: strings.map(Self.isNumber),
      text: MiningTrace.isOn ? text : nil)
    return PhraseMiner(parameters: options).mine(pairs: corpus.pairs, vocabulary: vocabulary)
  }

  /// Ranks the renderings spotted for a phrase: the share of its linked occurrences each
  /// covers times its association with the phrase (Dice over sentence pairs), longer first on
  /// ties. A strict part of a longer rendering seen nearly as often is truncated and not
  /// proposed ("shared future" of "community with a shared future"); besides the best, a
  /// rendering is kept when it covers a real share of the occurrences (a variant, dated by its
  /// own documents: "One Belt, One Road" beside "the Belt and Road Initiative").
  func chooseRenderings(
    _ seen: [RenderingEvidence], for cand: PhraseCandidate, linked: Int, corpus: PreparedCorpus, alignment: CorpusWordAlignment
  ) -> [MinedRendering] {
    let p = options
    let sourcePairs = Set(cand.occurrences.map(\.pair)).count
    var scored: [(r: RenderingEvidence, dice: Double, share: Double)] = []
    for r in seen where r.occurrences.count >= min(2, linked) {
      let share = Double(r.occurrences.count) / Double(linked)
      let dice = 2 * Double(r.pairsWithBoth) / Double(max(1, sourcePairs + r.pairsContaining))
      scored.append((r, dice, share))
    }
    // Truncated: the longer renderings holding it (each a real share) cover nearly all its
    // occurrences ("Belt" of "Belt and Road" and "One Belt, One Road"; "community with a shared
    // future" of "... for mankind" and "... for humanity").
    scored = scored.filter { s in
      var covered = Set<Int64>()
      for o in scored where o.r.tokens.count > s.r.tokens.count && o.share >= p.variantShare
        && Containment.firstIndex(of: s.r.tokens, in: o.r.tokens) != nil
      {
        for x in o.r.occurrences { covered.insert(Int64(x.pair) << 32 | Int64(x.sourceStart)) }
      }
      let own = Set(s.r.occurrences.map { Int64($0.pair) << 32 | Int64($0.sourceStart) })
      return Double(own.intersection(covered).count) < (1 - p.growthTolerance) * Double(own.count)
    }
    scored.sort { a, b in
      let sa = a.dice * a.share, sb = b.dice * b.share
      return sa != sb ? sa > sb : a.r.tokens.count > b.r.tokens.count
    }
    var kept: [(r: RenderingEvidence, dice: Double, share: Double)] = []
    // A variant covers a real share and is no part of a kept rendering.
    for s in scored where kept.count < p.maxRenderings && (kept.isEmpty || s.share >= p.variantShare) {
      if kept.contains(where: { $0.r.tokens.count > s.r.tokens.count && Containment.firstIndex(of: s.r.tokens, in: $0.r.tokens) != nil }) {
        continue
      }
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
        span, links: links, probability: { alignment.forward(pair.sourceWord(at: $0), pair.targetWord(at: $1)) },
        nullProbability: { alignment.forwardNull(pair.targetWord(at: $0)) })
      // The other direction: the same computation with the roles of the two sides swapped.
      reverse += PhraseExtraction.lexicalWeight(
        PhrasePair(source: span.target, target: span.source), links: links.map { AlignmentLink(source: $0.target, target: $0.source) },
        probability: { alignment.reverse(pair.sourceWord(at: $1), pair.targetWord(at: $0)) },
        nullProbability: { alignment.reverseNull(pair.sourceWord(at: $0)) })
    }
    let n = Double(max(1, r.occurrences.count))
    return ((forward / n * 1e4).rounded() / 1e4, (reverse / n * 1e4).rounded() / 1e4)
  }

  /// Termhood in (0, 1]: longer formulations are terms more often than single words; a
  /// candidate that mostly stands inside longer ones ranks lower (C-value); an opener-led
  /// one is a collocation more often than a term (高度评价 stays, below terms); a single
  /// common word rendered by a single lowercase word (市场 market) is vocabulary, while
  /// names (北京 Beijing) stay up.
  func termhood(_ cand: PhraseCandidate, source: String, best: String, corpus: PreparedCorpus) -> Double {
    let p = options
    let length = corpus.sourceLanguage.isUnspaced ? Double(source.count) : Double(cand.tokens.count) * 2
    var termhood = min(1, p.termhoodBase + p.termhoodPerCharacter * length)
    termhood *= p.nestedTermhood + (1 - p.nestedTermhood) * cand.independence
    if cand.ledByOpener { termhood *= p.openerTermhood }
    if isDictionaryWord(cand, best: best, corpus: corpus) {
      termhood *= p.dictionaryWordTermhood
    } else {
      let oneWord = corpus.sourceLanguage.isUnspaced ? source.count <= 2 : cand.tokens.count == 1
      if oneWord, !best.contains(" "), best.first?.isLowercase ?? false { termhood *= p.vocabularyTermhood }
    }
    return termhood
  }

  /// A headword of the dictionary rendered by one lowercase word of its own glosses (合作
  /// cooperation, 加强 strengthen). Names (北京 Beijing) and multiword renderings (国际社会
  /// international community) are not vocabulary.
  func isDictionaryWord(_ cand: PhraseCandidate, best: String, corpus: PreparedCorpus) -> Bool {
    guard let dictionary, !best.contains(" "), best.first?.isLowercase ?? false else { return false }
    let key = cand.tokens.map { corpus.sourceVocabulary.strings[Int($0)] }.joined(separator: corpus.sourceLanguage.isUnspaced ? "" : " ")
    let glosses = dictionary.translations(ofSourceKey: key)
    guard !glosses.isEmpty else { return false }
    let word = best.lowercased()  // glosses are lowercase content words
    return glosses.contains(word) || (word.hasSuffix("s") && glosses.contains(String(word.dropLast())))
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
