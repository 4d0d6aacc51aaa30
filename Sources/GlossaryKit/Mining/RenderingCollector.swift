import GlossaryAlign

/// How the miner aligns words: a seam like `SentenceAlignFunction`; the default
/// is GlossaryAlign's word aligner trained on the prepared corpus itself.
public typealias WordAlignFunction = @Sendable (PreparedCorpus) throws -> CorpusWordAlignment

/// Word links of every aligned pair of a prepared corpus, and the lexical
/// translation tables that produced them (by the corpus's own token ids), for
/// the lexical weights of mined phrase pairs.
public struct CorpusWordAlignment: @unchecked Sendable {
  public var links: [[AlignmentLink]]
  /// t(target | source) and t(target | NULL).
  public var forward: (_ source: Int32, _ target: Int32) -> Double
  public var forwardNull: (_ target: Int32) -> Double
  /// t(source | target) and t(source | NULL).
  public var reverse: (_ source: Int32, _ target: Int32) -> Double
  public var reverseNull: (_ source: Int32) -> Double

  public init(
    links: [[AlignmentLink]], forward: @escaping (Int32, Int32) -> Double = { _, _ in 0 },
    forwardNull: @escaping (Int32) -> Double = { _ in 0 }, reverse: @escaping (Int32, Int32) -> Double = { _, _ in 0 },
    reverseNull: @escaping (Int32) -> Double = { _ in 0 }
  ) {
    self.links = links
    self.forward = forward
    self.forwardNull = forwardNull
    self.reverse = reverse
    self.reverseNull = reverseNull
  }
}

/// One way a candidate was rendered: target token ids with where it was seen.
struct RenderingEvidence {
  var tokens: [Int32]
  init(tokens: [Int32], occurrences: [(pair: Int32, span: Range<Int32>, sourceStart: Int32)] = []) {
    self.tokens = tokens
    self.occurrences = occurrences
  }
  /// Occurrences as (pair, target token span).
  var occurrences: [(pair: Int32, span: Range<Int32>, sourceStart: Int32)] = []
  /// Pairs whose target contains this token sequence anywhere (for association).
  var pairsContaining = 0
  var pairsWithBoth = 0
}

/// Finds, for each occurrence of a source phrase, the target spans the word
/// links allow for it, and gathers association counts over sentence pairs.
///
/// The spans are those of phrase-based SMT's phrase extraction: the smallest
/// target span linked to the source phrase and to nothing outside it, widened
/// over unaligned words at either edge (symmetrized links often leave
/// "General Secretary of the ..." unaligned beside "Central Committee"), and
/// never cutting an orthographic word (`one-China`, `COVID-19`, `(CPC)`).
/// Which of them is the rendering is decided later, by association (Dice).
struct RenderingCollector {
  var maxTargetLength = 14
  /// How far a span may grow over unaligned words on each side.
  var maxExtension = 10

  /// Renderings of every candidate, in candidate order, and per candidate the
  /// number of occurrences that had any link.
  func collect(
    candidates: [PhraseCandidate], pairs: [AlignedPair], links: [[AlignmentLink]], isTargetWord: [Bool],
    isEdgeWord: [Bool]
  ) -> (renderings: [[RenderingEvidence]], aligned: [Int]) {
    var result: [[RenderingEvidence]] = []
    var aligned: [Int] = []
    result.reserveCapacity(candidates.count)
    var trie = SequenceTrie()
    for cand in candidates {
      var byTokens: [[Int32]: Int] = [:]
      var renderings: [RenderingEvidence] = []
      var linkedOccurrences = 0
      for occ in cand.occurrences {
        let pair = pairs[Int(occ.pair)]
        let span = occ.start..<(occ.start + Int32(cand.tokens.count))
        let spans = targetSpans(of: span, pair: pair, links: links[Int(occ.pair)], isWord: isTargetWord, isEdgeWord: isEdgeWord)
        if spans.isEmpty { continue }
        linkedOccurrences += 1
        for t in spans {
          let tokens = Array(pair.targetTokens[Int(t.lowerBound)..<Int(t.upperBound)])
          if let i = byTokens[tokens] {
            renderings[i].occurrences.append((occ.pair, t, occ.start))
          } else {
            byTokens[tokens] = renderings.count
            renderings.append(RenderingEvidence(tokens: tokens, occurrences: [(occ.pair, t, occ.start)]))
          }
        }
      }
      for r in renderings { trie.insert(r.tokens) }
      result.append(renderings)
      aligned.append(linkedOccurrences)
    }
    // Association: in how many pairs each rendering occurs at all, and together with its source phrase.
    let present = trie.pairsContaining(pairs.map(\.targetTokens))
    for (c, cand) in candidates.enumerated() {
      let sourcePairs = Set(cand.occurrences.map(\.pair))
      for r in result[c].indices {
        let node = trie.node(of: result[c][r].tokens)!
        let inPairs = present[node] ?? []
        result[c][r].pairsContaining = inPairs.count
        result[c][r].pairsWithBoth = inPairs.reduce(0) { $0 + (sourcePairs.contains($1) ? 1 : 0) }
      }
    }
    return (result, aligned)
  }

  /// The target spans a source span may be rendered by (empty when it has no
  /// link, or its links are not consistent).
  func targetSpans(
    of span: Range<Int32>, pair: AlignedPair, links: [AlignmentLink], isWord: [Bool], isEdgeWord: [Bool]
  ) -> [Range<Int32>] {
    let n = pair.targetTokens.count
    var lo = Int.max, hi = Int.min
    var linkedElsewhere = [Bool](repeating: false, count: n)
    var linkedHere = [Bool](repeating: false, count: n)
    for l in links where l.target < n {
      if span.contains(Int32(l.source)) {
        linkedHere[l.target] = true
        lo = min(lo, l.target)
        hi = max(hi, l.target)
      } else {
        linkedElsewhere[l.target] = true
      }
    }
    guard lo <= hi else { return [] }
    (lo, hi) = wordUnit(lo, hi, pair)
    guard isConsistent(lo, hi, linkedHere, linkedElsewhere, pair) else { return [] }
    let (clo, chi) = (lo, hi)
    let linked = zip(linkedHere, linkedElsewhere).map { $0 || $1 }
    var lefts = [clo], rights = [chi]
    var l = clo - 1
    while l >= 0, clo - l <= maxExtension, !linked[l] {
      let (ul, _) = wordUnit(l, l, pair)
      if (ul..<clo).contains(where: { linked[$0] }) { break }
      lefts.append(ul)
      l = ul - 1
    }
    var r = chi + 1
    while r < n, r - chi <= maxExtension, !linked[r] {
      let (_, ur) = wordUnit(r, r, pair)
      if ((chi + 1)...ur).contains(where: { linked[$0] }) { break }
      rights.append(ur)
      r = ur + 1
    }
    var out: [Range<Int32>] = []
    for a in lefts {
      for b in rights where b - a + 1 <= maxTargetLength {
        var x = a, y = b
        while x <= y, !isWord[Int(pair.targetTokens[x])] { x += 1 }
        while y >= x, !isWord[Int(pair.targetTokens[y])] { y -= 1 }
        guard x <= y else { continue }
        // Only the core may start or end with a function word.
        if (x < clo && isEdgeWord[Int(pair.targetTokens[x])]) || (y > chi && isEdgeWord[Int(pair.targetTokens[y])]) { continue }
        let span = Int32(x)..<Int32(y + 1)
        if !out.contains(span) { out.append(span) }
      }
    }
    return out
  }

  /// Consistency as in phrase extraction, by orthographic word: no word inside
  /// the span may be linked only outside the source phrase. A word with one
  /// piece linked here keeps its other pieces (one-China: china may link to 中国).
  private func isConsistent(_ lo: Int, _ hi: Int, _ here: [Bool], _ elsewhere: [Bool], _ pair: AlignedPair) -> Bool {
    var k = lo
    while k <= hi {
      let (ul, uh) = wordUnit(k, k, pair)
      let unit = max(ul, lo)...min(uh, hi)
      if !unit.contains(where: { here[$0] }) && unit.contains(where: { elsewhere[$0] }) { return false }
      k = uh + 1
    }
    return true
  }

  /// Widens a token span to whole orthographic words: tokens with no space
  /// between them in the original text belong together.
  func wordUnit(_ lo: Int, _ hi: Int, _ pair: AlignedPair) -> (Int, Int) {
    let r = pair.targetTokenRanges
    var a = lo, b = hi
    while a > 0, r[a - 1].upperBound == r[a].lowerBound { a -= 1 }
    while b + 1 < r.count, r[b].upperBound == r[b + 1].lowerBound { b += 1 }
    return (a, b)
  }
}

/// A trie over token-id sequences, to find every known rendering in every target sentence in one pass.
struct SequenceTrie {
  private var edges: [UInt64: Int32] = [:]
  private var isEnd: [Bool] = [false]

  mutating func insert(_ tokens: [Int32]) {
    var node: Int32 = 0
    for t in tokens {
      let e = UInt64(UInt32(node)) << 32 | UInt64(UInt32(t))
      if let n = edges[e] { node = n } else {
        let n = Int32(isEnd.count)
        isEnd.append(false)
        edges[e] = n
        node = n
      }
    }
    isEnd[Int(node)] = true
  }

  func node(of tokens: [Int32]) -> Int32? {
    var node: Int32 = 0
    for t in tokens {
      guard let n = edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(t))] else { return nil }
      node = n
    }
    return node
  }

  /// For each end node: the pair indices whose sequence contains it (each pair once, ascending).
  func pairsContaining(_ sequences: [[Int32]]) -> [Int32: [Int32]] {
    var found: [Int32: [Int32]] = [:]
    for (p, seq) in sequences.enumerated() {
      for start in seq.indices {
        var node: Int32 = 0
        var i = start
        while i < seq.count, let n = edges[UInt64(UInt32(node)) << 32 | UInt64(UInt32(seq[i]))] {
          node = n
          i += 1
          if isEnd[Int(n)], found[n]?.last != Int32(p) { found[n, default: []].append(Int32(p)) }
        }
      }
    }
    return found
  }
}
