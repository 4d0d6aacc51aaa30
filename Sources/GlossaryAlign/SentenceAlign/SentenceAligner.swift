import Foundation
import GlossaryText

/// Settings of `SentenceAligner`; the defaults are what scores best on mac-dev.
public struct SentenceAlignerConfig: Sendable {
  /// Largest number of sentences on one side of a bead (beads up to 1-N, N-1
  /// and 2-3 / 3-2 when N >= 3; 2 gives Gale-Church's 1-1, 1-2, 2-1, 2-2).
  public var maxSide = 4
  /// Half-width of the search band around the diagonal (0: automatic).
  public var bandWidth = 0
  /// Re-align with a translation table learned from the first pass's confident beads.
  /// Off by default: on mac-dev it raises lax F1 but lowers strict F1 (it favours merges).
  public var secondPass = false
  /// Use only the length term (plain Gale-Church; the benchmark baseline).
  public var lengthOnly = false
  public var lengthWeight = 0.5
  public var lexicalWeight = 3.5
  /// Cost per sentence left unaligned (1-0 or 0-1), on top of its prior (2.0), when a
  /// dictionary (CC-CEDICT) gives lexical evidence. Tuned on mac-dev dev-anno.001-003, clean and
  /// noisy (scripts/eval-align.sh's mac+noise), mean strict F1 of the two: 0 -> 0.771 (clean
  /// 0.803, noisy 0.739), 0.5 -> 0.765, 1 -> 0.757, -0.5 -> 0.762, 4 (the old value) -> 0.742.
  public var skipCost = 0.0
  /// The same without a dictionary (numbers, names, punctuation and glossary pairs only: a
  /// sentence without a match is weak evidence of an omission). Same tuning: 2 -> 0.546
  /// (0.636 / 0.457), 1 -> 0.541, 3 -> 0.542, 4 (the old value) -> 0.540, 0 -> 0.509.
  public var skipCostWithoutLexicon = 2.0
  /// Beads scoring below this are flagged `isLowConfidence`.
  public var lowConfidence = 0.25
  /// Target words are compared by their first `stemLength` characters (0: whole words).
  public var stemLength = 5
  public var paragraphPenalty = 6.0
  /// Multiple of chance lexical coverage subtracted per sentence pair of a bead.
  public var chance = 1.5
  /// Lexicon headwords of at least this many characters found anywhere in a
  /// source sentence (not only its tokens) also cover target words (0: off).
  public var substringMatches = 2
  /// Second pass: a learned pair needs this many confident beads and this Dice score.
  public var learnMinCount = 2
  public var learnMinDice = 0.3
  /// Second pass: learn from 1-1 beads only.
  public var learnOneToOneOnly = false
  /// Second pass: share of the best-scoring beads that count as confident.
  public var confidentShare = 0.7
  /// Added to each sentence's lexical weight before taking its covered share.
  public var smoothing = 1.0
  /// Second pass: re-estimate length ratio and variance from confident beads.
  public var refitLength = false

  public init() {}
}

/// Aligns the sentences of two language versions of a document.
///
/// Cost of a bead = bead-shape prior + Gale-Church length term (length ratio
/// and variance estimated on the document pair itself) + lexical
/// dissimilarity (weighted share of words with a translation on the other
/// side: lexicon, numbers, names, Latin tokens, punctuation). A second pass
/// learns a document-level translation table and shape priors from the
/// confident beads of the first, then re-aligns in a band around its path.
///
/// Not thread-safe (tokenizers); make one per thread.
public final class SentenceAligner {
  public let sourceLanguage: Language
  public let targetLanguage: Language
  public let config: SentenceAlignerConfig
  private let extractor: FeatureExtractor
  private let shapes: [(a: Int, b: Int)]
  /// A dictionary backs the lexical evidence (see `skipCost`).
  private let hasDictionary: Bool

  /// - Parameters:
  ///   - lexicon: translation pairs (source language -> target language); nil for none.
  /// - Throws: `SentenceAlignError.badConfiguration`, `TextError` from ICU.
  public init(
    sourceLanguage: Language, targetLanguage: Language, lexicon: TranslationLexicon? = nil,
    config: SentenceAlignerConfig = SentenceAlignerConfig()
  ) throws {
    guard config.maxSide >= 1 else { throw SentenceAlignError.badConfiguration("maxSide must be at least 1") }
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.config = config
    hasDictionary = lexicon?.lexicon != nil
    extractor = try FeatureExtractor(
      source: sourceLanguage, target: targetLanguage, lexicon: lexicon ?? TranslationLexicon(),
      stemLength: config.stemLength, substringMatches: config.substringMatches)
    var s: [(a: Int, b: Int)] = [(1, 1), (1, 0), (0, 1)]
    for a in 1...config.maxSide {
      for b in 1...config.maxSide where !(a == 1 && b == 1) && (min(a, b) == 1 || a + b <= 5) {
        s.append((a, b))
      }
    }
    shapes = s
  }

  /// Aligns two sentence lists.
  /// - Parameters:
  ///   - sourceParagraphs, targetParagraphs: paragraph number of each sentence
  ///     (`Sentence.paragraph`); used as hints when both sides have several.
  /// - Returns: beads covering every sentence once, in order, with warnings.
  public func align(
    source: [String], target: [String], sourceParagraphs: [Int]? = nil, targetParagraphs: [Int]? = nil
  ) throws -> SentenceAlignment {
    if let p = sourceParagraphs, p.count != source.count {
      throw SentenceAlignError.paragraphCountMismatch(side: "source", sentences: source.count, paragraphs: p.count)
    }
    if let p = targetParagraphs, p.count != target.count {
      throw SentenceAlignError.paragraphCountMismatch(side: "target", sentences: target.count, paragraphs: p.count)
    }
    var warnings: [String] = []
    if sourceLanguage == targetLanguage {
      warnings.append("source and target are both '\(sourceLanguage)': aligning anyway, by length and shared words")
    }
    if source.isEmpty || target.isEmpty {
      if source.isEmpty != target.isEmpty {
        warnings.append("the \(source.isEmpty ? "source" : "target") side has no sentences: every sentence is left unaligned")
      }
      let beads = source.indices.map { Bead(source: $0..<$0 + 1, target: 0..<0, score: 0, isLowConfidence: true) }
        + target.indices.map { Bead(source: 0..<0, target: $0..<$0 + 1, score: 0, isLowConfidence: true) }
      return SentenceAlignment(beads: beads, warnings: warnings)
    }
    let ratio = Double(max(source.count, target.count)) / Double(min(source.count, target.count))
    if ratio > Double(config.maxSide) * 0.75, max(source.count, target.count) >= 8 {
      warnings.append("one side has \(String(format: "%.1f", ratio)) times as many sentences as the other: "
        + "the texts may not be translations of each other")
    }

    var f = try extractor.extract(source: source, target: target)
    let n = f.n, m = f.m
    let lenRatio = max(1e-3, f.targetLength.reduce(0, +)) / max(1e-3, f.sourceLength.reduce(0, +))
    let useParagraphs = Self.paragraphHints(sourceParagraphs, targetParagraphs)
    var model = BeadModel(
      shapes: shapes, prior: shapes.map { Self.defaultPrior($0.a, $0.b) }, ratio: lenRatio,
      variance: 6.8 * max(1, lenRatio), lengthWeight: config.lengthWeight,
      lexicalWeight: config.lengthOnly ? 0 : config.lexicalWeight, skipCost: hasDictionary ? config.skipCost : config.skipCostWithoutLexicon, smoothing: config.smoothing, chance: config.chance,
      useLexical: !config.lengthOnly, sourceParagraph: useParagraphs ? sourceParagraphs : nil,
      targetParagraph: useParagraphs ? targetParagraphs : nil, paragraphPenalty: config.paragraphPenalty)

    let halfWidth = config.bandWidth > 0 ? config.bandWidth : Self.autoBand(n: n, m: m)
    var band = Band.diagonal(n: n, m: m, halfWidth: halfWidth)
    var search = BeadSearch(features: f, band: band, maxSide: config.maxSide, lexical: !config.lengthOnly)
    var path = search.run(model: model)
    if path == nil {  // the band missed the corner: search everything
      band = Band.diagonal(n: n, m: m, halfWidth: max(n, m))
      search = BeadSearch(features: f, band: band, maxSide: config.maxSide, lexical: !config.lengthOnly)
      path = search.run(model: model)
    }
    var beads = makeBeads(path ?? [], search: search, model: model)
    var learned = 0
    if config.secondPass && !config.lengthOnly {
      let confident = Self.confidentBeads(beads, share: config.confidentShare, oneToOne: config.learnOneToOneOnly)
      let table = Self.learnTable(confident, features: f, minCount: config.learnMinCount, minDice: config.learnMinDice)
      learned = table.values.reduce(0) { $0 + $1.count }
      f.finalize(extra: table)
      if config.refitLength { Self.refit(&model, from: confident, features: f) }
      band = Band.around(beads, n: n, m: m, halfWidth: max(8, halfWidth / 4))
      search = BeadSearch(features: f, band: band, maxSide: config.maxSide, lexical: true)
      if let p = search.run(model: model) { beads = makeBeads(p, search: search, model: model) }
    }
    return SentenceAlignment(beads: beads, warnings: warnings, lengthRatio: model.ratio, learnedPairs: learned)
  }

  private func makeBeads(_ path: [(shape: Int, i: Int, j: Int)], search: BeadSearch, model: BeadModel) -> [Bead] {
    path.map { step in
      let s = shapes[step.shape]
      let i0 = step.i - s.a, j0 = step.j - s.b
      let c = search.beadCost(step.shape, i0, step.i, j0, step.j, model: model)
      let score = s.a == 0 || s.b == 0 ? 0 : Self.score(sim: c.sim, len: c.len, lengthOnly: config.lengthOnly)
      return Bead(source: i0..<step.i, target: j0..<step.j, score: score, isLowConfidence: score < config.lowConfidence)
    }
  }

  static func score(sim: Double, len: Double, lengthOnly: Bool) -> Double {
    let lengthAgreement = exp(-len / 2)
    return lengthOnly ? lengthAgreement : 0.7 * min(1, sim * 1.5) + 0.3 * lengthAgreement
  }

  /// Negative log prior of a bead shape before the document tells us better.
  static func defaultPrior(_ a: Int, _ b: Int) -> Double {
    switch (min(a, b), max(a, b)) {
    case (1, 1): return 0
    case (0, _): return 2.0
    case (1, 2): return 1.5
    case (2, 2): return 3.5
    case (1, 3): return 3.0
    case (1, 4): return 4.0
    case (2, 3): return 4.5
    default: return 5.0
    }
  }

  static func autoBand(n: Int, m: Int) -> Int {
    let big = max(n, m)
    if big <= 600 { return big }
    return min(big, max(150, min(300, big / 40)))
  }

  static func paragraphHints(_ s: [Int]?, _ t: [Int]?) -> Bool {
    guard let s, let t, let ls = s.last, let lt = t.last, ls >= 2, lt >= 2 else { return false }
    let r = Double(ls + 1) / Double(lt + 1)
    return r > 0.8 && r < 1.25
  }

  /// Non-skip beads with at most 3 sentences a side, best 70% by score.
  static func confidentBeads(_ beads: [Bead], share: Double = 0.7, oneToOne: Bool = false) -> [Bead] {
    let usable = beads.filter {
      !$0.source.isEmpty && !$0.target.isEmpty && $0.source.count <= (oneToOne ? 1 : 3) && $0.target.count <= (oneToOne ? 1 : 3)
    }
    let sorted = usable.map(\.score).sorted()
    guard !sorted.isEmpty else { return [] }
    let cut = sorted[min(sorted.count - 1, Int(Double(sorted.count) * (1 - share)))]
    return usable.filter { $0.score >= cut }
  }

  /// Dice co-occurrence of source ids and target ids over beads: pairs seen
  /// together at least twice with Dice >= 0.3, at most 3 per source id.
  static func learnTable(
    _ beads: [Bead], features f: AlignmentFeatures, minCount: Int = 2, minDice: Double = 0.3
  ) -> [Int32: [Int32]] {
    var fs = [Int32](repeating: 0, count: f.sourceIdCount), ft = [Int32](repeating: 0, count: f.targetIdCount)
    var seenS = [Int32](repeating: -1, count: f.sourceIdCount), seenT = [Int32](repeating: -1, count: f.targetIdCount)
    var co: [Int64: Int32] = [:]
    var ss: [Int32] = [], ts: [Int32] = []
    for (bi, b) in beads.enumerated() {
      ss.removeAll(keepingCapacity: true); ts.removeAll(keepingCapacity: true)
      let mark = Int32(bi)
      for i in b.source {
        for k in Int(f.srcUnitStart[i])..<Int(f.srcUnitStart[i + 1]) {
          let s = f.srcUnit[k]
          if f.srcIdf[Int(s)] > 0, seenS[Int(s)] != mark { seenS[Int(s)] = mark; ss.append(s); fs[Int(s)] += 1 }
        }
      }
      for j in b.target {
        for k in Int(f.tgtUnitStart[j])..<Int(f.tgtUnitStart[j + 1]) {
          let t = f.tgtUnit[k]
          if f.tgtIdf[Int(t)] > 0, seenT[Int(t)] != mark { seenT[Int(t)] = mark; ts.append(t); ft[Int(t)] += 1 }
        }
      }
      for s in ss { for t in ts { co[Int64(s) << 32 | Int64(t), default: 0] += 1 } }
    }
    var best: [Int32: [(Int32, Double)]] = [:]
    for (key, c) in co where c >= minCount {
      let s = Int32(key >> 32), t = Int32(truncatingIfNeeded: key)
      let dice = 2 * Double(c) / Double(fs[Int(s)] + ft[Int(t)])
      if dice >= minDice { best[s, default: []].append((t, dice)) }
    }
    return best.mapValues { Array($0.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(3).map(\.0)) }
  }

  /// Length ratio and variance from confident beads. (Shape priors learned from the
  /// first pass reinforced its merges on mac-dev, so priors stay fixed.)
  static func refit(_ model: inout BeadModel, from beads: [Bead], features f: AlignmentFeatures) {
    var ls = 0.0, lt = 0.0
    for b in beads {
      ls += b.source.reduce(0) { $0 + f.sourceLength[$1] }
      lt += b.target.reduce(0) { $0 + f.targetLength[$1] }
    }
    guard beads.count >= 10, ls > 0, lt > 0 else { return }
    let c = lt / ls
    var num = 0.0, den = 0.0
    for b in beads {
      let s = b.source.reduce(0) { $0 + f.sourceLength[$1] }, t = b.target.reduce(0) { $0 + f.targetLength[$1] }
      num += (t - c * s) * (t - c * s)
      den += max(1, (s + t / c) / 2)
    }
    model.ratio = c
    model.variance = max(1, num / den)
  }
}
