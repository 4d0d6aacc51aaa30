import GlossaryText
import Foundation

/// Unsupervised word aligner: IBM Model 1 then an HMM alignment model with jump
/// distributions (Vogel et al. 1996), both directions trained by agreement
/// (Liang et al. 2006), posterior decoding, then symmetrization.
///
/// Lexicon and term pairs (`LexicalPrior`) are Dirichlet pseudo-counts on both
/// translation tables, which is what makes small corpora align.
///
/// Index legend: pair `p`; source positions `i < I`; target positions `j < J`.
/// "Forward" is t(target | source), "reverse" is t(source | target).
///
/// Typical use (the miner): tokens -> ids -> corpus -> train -> links (spans scored with `PhraseExtraction.lexicalWeight`).
/// ```swift
/// var corpus = WordAlignCorpus()            // or share WordVocabulary objects between corpora
/// corpus.append(source: ["我们", "支持"], target: ["we", "support"])   // match keys, or
/// // corpus.append(sourceIDs: ids, targetIDs: ids)                      // ids from its vocabularies
/// let priors = WordAlignPriors.pairs(from: lexicon, normalizer: normalizer)
///   + WordAlignPriors.pairs(fromTerms: [("支持", "support")], normalizer: normalizer)
/// let aligner = WordAligner(corpus: corpus, priors: priors)
/// aligner.train()                                         // both cores
/// let links = aligner.allLinks(symmetrization: .growDiagFinalAnd)   // [[AlignmentLink]] per pair
/// let p = aligner.forwardProbability(source: 1, target: 1)          // t(support | 支持), by id
/// ```
/// For raw or pretokenized text files, `WordAlignJob` does tokenization (`WordAlignTokenizer`:
/// ICU words merged by lexicon headwords, character fallback, English inflection folding).
///
/// Thread-safety: `train()` and `allLinks` use `options.threads` workers internally; do not
/// call methods concurrently with `train()`.
public final class WordAligner: @unchecked Sendable {
  public let corpus: WordAlignCorpus
  public let options: WordAlignOptions

  // Co-occurring (source id, target id) pairs: one id per pair, shared by both tables.
  let pairTable: PairTable
  let pairSource: [Int32]
  let pairTarget: [Int32]
  /// Pair ids of each sentence pair's I x J cells (row-major, i * J + j), flat.
  let cells: [Int32]
  let cellStart: [Int]
  /// Prior pseudo-count per pair id.
  let prior: [Double]

  /// t(target | source) per pair id.
  public private(set) var forwardTable: [Double]
  /// t(source | target) per pair id.
  public private(set) var reverseTable: [Double]
  /// t(target | NULL) per target id.
  public private(set) var forwardNull: [Double]
  /// t(source | NULL) per source id.
  public private(set) var reverseNull: [Double]
  /// Jump distributions, index d + maxJump for d in -maxJump...maxJump.
  public private(set) var forwardJump: [Double]
  public private(set) var reverseJump: [Double]
  /// True once the HMM is in use (Model 1 before).
  var useHMM = false

  /// Per-iteration log-likelihoods (forward + reverse), for progress reports.
  public private(set) var logLikelihoods: [Double] = []

  /// Prepares the tables (co-occurrences, priors); call `train()` next.
  /// - Parameters:
  ///   - corpus: sentence pairs as token ids.
  ///   - options: iterations, prior weights, threads.
  ///   - priors: lexicon and term pairs by match key; pairs whose words never co-occur are ignored.
  public init(corpus: WordAlignCorpus, options: WordAlignOptions = WordAlignOptions(), priors: [LexicalPrior] = []) {
    self.corpus = corpus
    self.options = options
    var table = PairTable()
    var src: [Int32] = [], tgt: [Int32] = []
    var cells: [Int32] = []
    var cellStart = [0]
    for p in 0..<corpus.count {
      let s = corpus.source(p), t = corpus.target(p)
      for e in s {
        for f in t {
          let id = table.insert(e, f, next: Int32(src.count))
          if id == Int32(src.count) { src.append(e); tgt.append(f) }
          cells.append(id)
        }
      }
      cellStart.append(cells.count)
    }
    self.pairTable = table
    self.pairSource = src
    self.pairTarget = tgt
    self.cells = cells
    self.cellStart = cellStart

    var prior = [Double](repeating: 0, count: src.count)
    for pr in priors {
      guard let e = corpus.sourceVocabulary.existingID(pr.source),
        let f = corpus.targetVocabulary.existingID(pr.target), let id = table[e, f]
      else { continue }
      prior[Int(id)] = max(prior[Int(id)], options.priorWeight * pr.weight)
    }
    if options.identicalWeight > 0 {
      for id in 0..<src.count where prior[id] == 0 {
        if corpus.sourceVocabulary.keyUnits(src[id]) == corpus.targetVocabulary.keyUnits(tgt[id]) {
          prior[id] = options.identicalWeight
        }
      }
    }
    self.prior = prior

    // Uniform start over co-occurring words.
    var perSource = [Double](repeating: 0, count: corpus.sourceVocabulary.count)
    var perTarget = [Double](repeating: 0, count: corpus.targetVocabulary.count)
    for id in 0..<src.count {
      perSource[Int(src[id])] += 1
      perTarget[Int(tgt[id])] += 1
    }
    forwardTable = (0..<src.count).map { 1 / perSource[Int(src[$0])] }
    reverseTable = (0..<src.count).map { 1 / perTarget[Int(tgt[$0])] }
    let nt = corpus.targetVocabulary.count, ns = corpus.sourceVocabulary.count
    forwardNull = [Double](repeating: 1 / Double(max(1, nt)), count: nt)
    reverseNull = [Double](repeating: 1 / Double(max(1, ns)), count: ns)
    let m = options.maxJump
    let jump = (-m...m).map { d in d == 1 ? 0.4 : 0.6 / Double(2 * m) * (d < 0 ? 0.5 : 1.5) }
    forwardJump = jump
    reverseJump = jump
  }

  /// Number of co-occurring (source, target) word pairs: the size of the tables.
  public var pairCount: Int { pairSource.count }

  /// Trains Model 1 then the HMM, as many iterations as the options say.
  public func train() {
    useHMM = false
    for _ in 0..<options.model1Iterations { iterate() }
    if options.hmmIterations > 0 { useHMM = true }
    for _ in 0..<options.hmmIterations { iterate() }
  }

  /// t(target | source) by ids (0 when they never co-occur in the corpus).
  public func forwardProbability(source: Int32, target: Int32) -> Double {
    pairTable[source, target].map { forwardTable[Int($0)] } ?? 0
  }

  /// t(source | target) by ids (0 when they never co-occur in the corpus).
  public func reverseProbability(source: Int32, target: Int32) -> Double {
    pairTable[source, target].map { reverseTable[Int($0)] } ?? 0
  }

  /// t(target | NULL) by target id.
  public func forwardNullProbability(target: Int32) -> Double { forwardNull[Int(target)] }
  /// t(source | NULL) by source id.
  public func reverseNullProbability(source: Int32) -> Double { reverseNull[Int(source)] }

  /// The most probable targets of a source id by t(target | source), best first.
  public func bestTargets(source: Int32, limit: Int = 5) -> [(target: Int32, probability: Double)] {
    var out: [(target: Int32, probability: Double)] = []
    for id in 0..<pairSource.count where pairSource[id] == source { out.append((pairTarget[id], forwardTable[id])) }
    return Array(out.sorted { $0.probability > $1.probability }.prefix(limit))
  }

  /// Directional links of a pair (posterior decoding): forward has at most one source per
  /// target word, reverse at most one target per source word (by default from the mean of
  /// both directions' posteriors, `WordAlignOptions.averagedDirectionalThreshold`).
  public func directionalLinks(pair p: Int) -> (forward: [AlignmentLink], reverse: [AlignmentLink]) {
    decode(pair: p, scratch: Scratch())
  }

  /// Symmetrized links of pair `p`, sorted.
  public func links(pair p: Int, symmetrization: Symmetrization = .growDiagFinalAnd) -> [AlignmentLink] {
    let d = directionalLinks(pair: p)
    return symmetrization.apply(forward: d.forward, reverse: d.reverse,
                                sourceLength: corpus.source(p).count, targetLength: corpus.target(p).count)
  }

  /// Symmetrized links of pairs `range` (all by default), decoded on `options.threads` threads.
  public func allLinks(_ range: Range<Int>? = nil, symmetrization: Symmetrization = .growDiagFinalAnd) -> [[AlignmentLink]] {
    let range = range ?? 0..<corpus.count
    let chunks = splitRange(range)
    let results = Parallel.map(chunks.count, workers: chunks.count) { c in
      let scratch = Scratch()
      var out: [[AlignmentLink]] = []
      out.reserveCapacity(chunks[c].count)
      for p in chunks[c] {
        let d = decode(pair: p, scratch: scratch)
        out.append(symmetrization.apply(forward: d.forward, reverse: d.reverse,
                                        sourceLength: corpus.source(p).count, targetLength: corpus.target(p).count))
      }
      return out
    }
    return results.flatMap { $0 }
  }

  // MARK: EM

  /// One EM iteration over all pairs, split into `threads` chunks with their own counts.
  func iterate() {
    let chunks = splitRange(0..<corpus.count)
    let m = options.maxJump
    let results = Parallel.map(chunks.count, workers: chunks.count) { c in
      var counts = Counts(pairs: pairSource.count, sources: reverseNull.count, targets: forwardNull.count, jumps: 2 * m + 1)
      let scratch = Scratch()
      for p in chunks[c] { expectation(pair: p, into: &counts, scratch: scratch) }
      return counts
    }
    guard var total = results.first else { return }
    for r in results.dropFirst() { total.add(r) }
    logLikelihoods.append(total.logLikelihood)
    maximize(total)
  }

  /// Chunks of about equal work (sum of I * J).
  func splitRange(_ range: Range<Int>) -> [Range<Int>] {
    let n = max(1, options.threads)
    guard n > 1, range.count > 1 else { return [range] }
    let first = cellStart[range.lowerBound]
    let work = cellStart[range.upperBound] - first
    var chunks: [Range<Int>] = []
    var lo = range.lowerBound
    for k in 1..<n {
      let goal = first + work * k / n
      var hi = lo
      while hi < range.upperBound - 1, cellStart[hi] < goal { hi += 1 }
      chunks.append(lo..<hi)
      lo = hi
    }
    chunks.append(lo..<range.upperBound)
    return chunks.filter { !$0.isEmpty }
  }

  /// M-step: counts plus prior pseudo-counts, normalized per conditioning word.
  func maximize(_ counts: Counts) {
    let np = pairSource.count
    var fTotal = [Double](repeating: 0, count: reverseNull.count)
    var rTotal = [Double](repeating: 0, count: forwardNull.count)
    for id in 0..<np {
      forwardTable[id] = counts.forward[id] + prior[id] + 1e-9
      reverseTable[id] = counts.reverse[id] + prior[id] + 1e-9
      fTotal[Int(pairSource[id])] += forwardTable[id]
      rTotal[Int(pairTarget[id])] += reverseTable[id]
    }
    if let alpha = options.variationalAlpha {
      // Variational Bayes with a symmetric Dirichlet(alpha): exp(digamma) shrinks rare counts,
      // so rare words stop collecting links (Riley & Gildea 2012; fast_align -v).
      for id in 0..<np {
        forwardTable[id] = exp(digamma(forwardTable[id] + alpha) - digamma(fTotal[Int(pairSource[id])] + alpha * 100))
        reverseTable[id] = exp(digamma(reverseTable[id] + alpha) - digamma(rTotal[Int(pairTarget[id])] + alpha * 100))
      }
    } else {
      for id in 0..<np {
        forwardTable[id] /= fTotal[Int(pairSource[id])]
        reverseTable[id] /= rTotal[Int(pairTarget[id])]
      }
    }
    func normalizeNull(_ c: [Double], into t: inout [Double]) {
      let sum = c.reduce(0, +)
      guard sum > 0 else { return }
      let smooth = 0.01
      let z = sum + smooth * Double(c.count)
      for w in 0..<c.count { t[w] = (c[w] + smooth) / z }
    }
    normalizeNull(counts.forwardNull, into: &forwardNull)
    normalizeNull(counts.reverseNull, into: &reverseNull)
    if useHMM {
      func normalizeJump(_ c: [Double], into t: inout [Double]) {
        let sum = c.reduce(0, +)
        guard sum > 0 else { return }
        let z = sum + 0.5 * Double(c.count)
        for d in 0..<c.count { t[d] = (c[d] + 0.5) / z }
      }
      normalizeJump(counts.forwardJump, into: &forwardJump)
      normalizeJump(counts.reverseJump, into: &reverseJump)
    }
  }
}

/// Expected counts of one worker.
struct Counts {
  var forward: [Double]
  var reverse: [Double]
  var forwardNull: [Double]
  var reverseNull: [Double]
  var forwardJump: [Double]
  var reverseJump: [Double]
  var logLikelihood = 0.0

  init(pairs: Int, sources: Int, targets: Int, jumps: Int) {
    forward = [Double](repeating: 0, count: pairs)
    reverse = [Double](repeating: 0, count: pairs)
    forwardNull = [Double](repeating: 0, count: targets)
    reverseNull = [Double](repeating: 0, count: sources)
    forwardJump = [Double](repeating: 0, count: jumps)
    reverseJump = [Double](repeating: 0, count: jumps)
  }

  mutating func add(_ o: Counts) {
    func add(_ a: inout [Double], _ b: [Double]) { for k in 0..<a.count { a[k] += b[k] } }
    add(&forward, o.forward); add(&reverse, o.reverse)
    add(&forwardNull, o.forwardNull); add(&reverseNull, o.reverseNull)
    add(&forwardJump, o.forwardJump); add(&reverseJump, o.reverseJump)
    logLikelihood += o.logLikelihood
  }
}

/// One slot per worker, each written once by its own worker (distinct indices: no race).
/// Open-addressing map (source id, target id) -> pair id.
struct PairTable: Sendable {
  private var keys = [UInt64](repeating: .max, count: 1024)
  private var values = [Int32](repeating: -1, count: 1024)
  private var count = 0

  @inline(__always) private static func slot(_ k: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  subscript(e: Int32, f: Int32) -> Int32? {
    let k = UInt64(UInt32(bitPattern: e)) << 32 | UInt64(UInt32(bitPattern: f))
    let mask = keys.count - 1
    var i = PairTable.slot(k, mask)
    while true {
      if keys[i] == k { return values[i] }
      if keys[i] == .max { return nil }
      i = (i + 1) & mask
    }
  }

  /// Returns the existing id, or stores and returns `next`.
  mutating func insert(_ e: Int32, _ f: Int32, next: Int32) -> Int32 {
    if (count + 1) * 2 > keys.count { grow() }
    let k = UInt64(UInt32(bitPattern: e)) << 32 | UInt64(UInt32(bitPattern: f))
    let mask = keys.count - 1
    var i = PairTable.slot(k, mask)
    while true {
      if keys[i] == k { return values[i] }
      if keys[i] == .max {
        keys[i] = k
        values[i] = next
        count += 1
        return next
      }
      i = (i + 1) & mask
    }
  }

  private mutating func grow() {
    let oldKeys = keys, oldValues = values
    keys = [UInt64](repeating: .max, count: oldKeys.count * 2)
    values = [Int32](repeating: -1, count: oldKeys.count * 2)
    let mask = keys.count - 1
    for (k, v) in zip(oldKeys, oldValues) where k != .max {
      var i = PairTable.slot(k, mask)
      while keys[i] != .max { i = (i + 1) & mask }
      keys[i] = k
      values[i] = v
    }
  }
}

/// Digamma function (asymptotic series after shifting x above 6).
func digamma(_ x: Double) -> Double {
  var x = x, r = 0.0
  while x < 6 { r -= 1 / x; x += 1 }
  let f = 1 / (x * x)
  return r + log(x) - 0.5 / x - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))))
}
