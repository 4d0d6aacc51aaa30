import GlossaryAlign

/// What the word aligner says a source term was translated as, for terms
/// whose aligned target holds none of their renderings: the evidence that
/// turns a missing rendering into a `warning` (the translator chose other
/// words) rather than an `info` (the term was left out or restructured).
///
/// Per document: every sentence pair (span with both sides) becomes one pair
/// of token sequences; the source side has each glossary term as one token
/// (the checker's own hits), other Han words split into characters (what the
/// aligner learns from on a small corpus), the target side the check's words
/// (``TargetWords``, inflection-folded). GlossaryAlign's HMM aligner is trained
/// on the document with the glossary's term pairs as priors, and a term's
/// links (grow-diag-final-and) are its evidence.
///
/// Cost stays linear in the document: a pair longer than ``maxCells`` source x
/// target tokens is not aligned whole; each queried term in it gets a window of
/// ``window`` source tokens on each side and the proportional target window.
/// Not thread-safe.
final class TermEvidence {
  /// A term occurrence to explain: source sentence `sentence`, hit `hit` of that sentence.
  struct Query: Hashable {
    var span: Int
    var sentence: Int
    var hit: Int
  }

  /// A target word: sentence and index into its ``TargetWords``.
  struct WordRef: Hashable, Comparable {
    var sentence: Int
    var word: Int
    static func < (a: WordRef, b: WordRef) -> Bool { (a.sentence, a.word) < (b.sentence, b.word) }
  }

  /// Pairs bigger than this (source x target tokens) are aligned in windows around the queried
  /// terms: the aligner's tables hold every cell of a pair. 150 x 200 tokens covers any
  /// ordinary sentence pair (Corpus/ has none above 90 x 120).
  static let maxCells = 30_000
  /// Source tokens on each side of a term in a window of a long pair.
  static let window = 12

  private let index: CheckIndex
  private let tokenizer: WordTokenizer
  private lazy var priors: [LexicalPrior] = Self.priors(index)
  /// Sentence pairs of documents the aligner learns from but nothing is asked about (``addBackground(_:)``).
  private var background = WordAlignCorpus()

  init(index: CheckIndex) throws {
    self.index = index
    tokenizer = try WordTokenizer(language: index.sourceLanguage, normalizer: index.normalizer)
  }

  /// Adds every sentence pair of a document (but the pairs too long to align whole) to what
  /// the aligner learns from.
  func addBackground(_ doc: PreparedPair) throws {
    var termAt: [Query: Int] = [:]
    for span in doc.spans where !span.source.isEmpty && !span.target.isEmpty {
      var src: [Int32] = []
      for i in span.source {
        try appendSource(sentence: i, doc.ctx, hits: doc.srcHits[i], span: -1, into: &src, termAt: &termAt, vocabulary: background.sourceVocabulary)
      }
      let tgt = span.target.flatMap { j in doc.tgtWords[j].loose.map { background.targetVocabulary.id(ArraySlice(index.targetKeys.key($0))) } }
      guard !src.isEmpty, !tgt.isEmpty, src.count * tgt.count <= Self.maxCells else { continue }
      background.append(sourceIDs: src, targetIDs: tgt)
    }
  }

  /// Number of background sentence pairs.
  var backgroundPairs: Int { background.count }

  /// For each document, the target words the aligner links to each query's term (sorted; []
  /// when none). One model is trained on the background and all the documents' pairs.
  func linkedWords(_ docs: [(queries: [Query], doc: PreparedPair)]) throws -> [[Query: [WordRef]]] {
    var corpus = background
    // Where each query's term token sits: corpus pair and source position, per document.
    var place: [[Query: (pair: Int, position: Int)]] = []
    // Per corpus pair (from background.count on): document and the target word of each target position.
    var targetRefs: [(doc: Int, refs: [WordRef])] = []
    for (d, (queries, doc)) in docs.enumerated() {
      place.append([:])
      let queried = Dictionary(grouping: queries, by: \.span)
      let tw = doc.tgtWords
      for (n, span) in doc.spans.enumerated() where !span.source.isEmpty && !span.target.isEmpty {
        var src: [Int32] = []
        var termAt: [Query: Int] = [:]
        for i in span.source {
          try appendSource(sentence: i, doc.ctx, hits: doc.srcHits[i], span: n, into: &src, termAt: &termAt, vocabulary: corpus.sourceVocabulary)
        }
        var tgt: [Int32] = []
        var refs: [WordRef] = []
        for j in span.target {
          for k in 0..<tw[j].count {
            tgt.append(corpus.targetVocabulary.id(ArraySlice(index.targetKeys.key(tw[j].loose[k]))))
            refs.append(WordRef(sentence: j, word: k))
          }
        }
        guard !src.isEmpty, !tgt.isEmpty else { continue }
        if src.count * tgt.count <= Self.maxCells {
          for q in queried[n] ?? [] { if let at = termAt[q] { place[d][q] = (corpus.count, at) } }
          corpus.append(sourceIDs: src, targetIDs: tgt)
          targetRefs.append((d, refs))
          continue
        }
        // A long pair: one window per queried term, the target window at the proportional place.
        for q in queried[n] ?? [] {
          guard let at = termAt[q] else { continue }
          let lo = max(0, at - Self.window), hi = min(src.count, at + Self.window + 1)
          let ratio = Double(tgt.count) / Double(src.count)
          let center = Int(Double(at) * ratio)
          let half = Int(Double(Self.window) * ratio) + Self.window
          let tlo = max(0, center - half), thi = min(tgt.count, center + half + 1)
          place[d][q] = (corpus.count, at - lo)
          corpus.append(sourceIDs: src[lo..<hi], targetIDs: tgt[tlo..<thi])
          targetRefs.append((d, Array(refs[tlo..<thi])))
        }
      }
    }
    guard place.contains(where: { !$0.isEmpty }) else { return docs.map { _ in [:] } }
    var options = WordAlignOptions()
    options.threads = corpus.count >= 400 ? 2 : 1
    let aligner = WordAligner(corpus: corpus, options: options, priors: priors)
    aligner.train()
    var out: [[Query: [WordRef]]] = []
    for (d, (_, doc)) in docs.enumerated() {
      var linked: [Query: [WordRef]] = [:]
      for (q, p) in place[d] {
        linked[q] = words(aligner.links(pair: p.pair), at: p.position, refs: targetRefs[p.pair - background.count].refs, doc)
      }
      out.append(linked)
    }
    return out
  }

  /// The target words linked to source position `position` of a pair, grown over neighbouring
  /// target words no source word is linked to (as phrase extraction does): "policy" linked,
  /// "communication" unlinked -> "policy communication".
  private func words(_ all: [AlignmentLink], at position: Int, refs: [WordRef], _ doc: PreparedPair) -> [WordRef] {
    let tw = doc.tgtWords
    let mine = all.filter { $0.source == position }.map(\.target)
    guard let lo = mine.min(), let hi = mine.max() else { return [] }
    var linkedTarget = [Bool](repeating: false, count: refs.count)
    for l in all { linkedTarget[l.target] = true }
    func free(_ t: Int, _ u: Int) -> Bool { !linkedTarget[u] && Self.adjacent(refs[min(t, u)], refs[max(t, u)], tw, doc.ctx) }
    func content(_ u: Int) -> Bool { !index.targetKeys.isFunctionWord(tw[refs[u].sentence].loose[refs[u].word]) }
    /// The next edge when growing from `t` by `step`: one free content word, or a free function word and one.
    func grow(_ t: Int, _ step: Int) -> Int? {
      let u = t + step, v = t + 2 * step
      guard u >= 0, u < refs.count, free(t, u) else { return nil }
      if content(u) { return u }
      guard v >= 0, v < refs.count, free(u, v), content(v) else { return nil }
      return v
    }
    var a = lo, b = hi
    for _ in 0..<Self.growth { if let n = grow(a, -1) { a = n } else { break } }
    for _ in 0..<Self.growth { if let n = grow(b, 1) { b = n } else { break } }
    var words = Set(mine)
    for t in a...b where t < lo || t > hi { words.insert(t) }
    return words.map { refs[$0] }.sorted()
  }

  /// Unlinked content words added on each side of a term's links, at most, each across at most one
  /// function word ("heads of plan"); set by reading the warnings on Corpus/ documents up to 2019
  /// (2 words swallowed neighbouring terms).
  static let growth = 1

  /// Whether two consecutive target words are one phrase: same sentence, only spaces (or a
  /// hyphen) between them, not punctuation.
  static func adjacent(_ a: WordRef, _ b: WordRef, _ tw: [TargetWords], _ ctx: CheckContext) -> Bool {
    guard a.sentence == b.sentence, b.word == a.word + 1 else { return false }
    let base = ctx.ts[a.sentence].range.lowerBound
    let gap = (base + tw[a.sentence].ranges[a.word].upperBound)..<(base + tw[b.sentence].ranges[b.word].lowerBound)
    return ctx.target.utf16[gap].allSatisfy { $0 == 0x20 || $0 == 0x2D || $0 == 0x0A }
  }

  /// Source tokens of one sentence: each hit one token (its concept's key), other tokens
  /// their keys, Han words of several characters split into characters.
  private func appendSource(
    sentence i: Int, _ ctx: CheckContext, hits: [CheckIndex.SourceHit], span: Int,
    into out: inout [Int32], termAt: inout [Query: Int], vocabulary: WordVocabulary
  ) throws {
    let tokens = try ctx.source.utf16[ctx.ss[i].range].withUnsafeBufferPointer { try tokenizer.tokenize($0) }
    let units = tokens.key.units
    var h = 0
    for t in tokens.tokens {
      let r = Int(t.range.lowerBound)..<Int(t.range.upperBound)
      while h < hits.count, hits[h].range.upperBound <= r.lowerBound { h += 1 }
      if h < hits.count, hits[h].range.overlaps(r) {
        let q = Query(span: span, sentence: i, hit: h)
        if termAt[q] == nil {
          termAt[q] = out.count
          out.append(vocabulary.id(ArraySlice(index.concepts[hits[h].concept].sourceKey)))
        }
        continue
      }
      let lo = Int(t.keyRange.lowerBound), hi = Int(t.keyRange.upperBound)
      if t.script == ScriptCode.han, hi - lo > 1 {
        var k = lo
        while k < hi {
          let w = UTF16.isLeadSurrogate(units[k]) && k + 1 < hi ? 2 : 1
          out.append(vocabulary.id(units[k..<(k + w)]))
          k += w
        }
      } else {
        out.append(vocabulary.id(units[lo..<hi]))
      }
    }
  }

  /// The glossary's term pairs as priors: each concept's source key with each folded word of its renderings.
  private static func priors(_ index: CheckIndex) -> [LexicalPrior] {
    var out: [LexicalPrior] = []
    var seen = Set<LexicalPrior>()
    for c in index.concepts {
      let source = String(decoding: c.sourceKey, as: UTF16.self)
      for r in c.renderings {
        for id in r.words.loose {
          let p = LexicalPrior(source: source, target: String(decoding: index.targetKeys.key(id), as: UTF16.self), weight: 1)
          if seen.insert(p).inserted { out.append(p) }
        }
      }
    }
    return out
  }
}
