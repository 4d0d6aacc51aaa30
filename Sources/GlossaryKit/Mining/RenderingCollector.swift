import GlossaryAlign

/// How the miner aligns words: a seam like `SentenceAlignFunction`; the default
/// is GlossaryAlign's word aligner trained on the prepared corpus itself.
public typealias WordAlignFunction = @Sendable (PreparedCorpus) throws -> [[AlignmentLink]]

/// One way a candidate was rendered: target token ids with where it was seen.
struct RenderingEvidence {
  var tokens: [Int32]
  /// Occurrences as (pair, target token span).
  var occurrences: [(pair: Int32, span: Range<Int32>, sourceStart: Int32)] = []
  /// Pairs whose target contains this token sequence anywhere (for association).
  var pairsContaining = 0
  var pairsWithBoth = 0
}

/// Finds, for each occurrence of a source phrase, the target span the word
/// links assign to it (the smallest span consistent with the links, as in
/// phrase-based SMT), and gathers association counts over sentence pairs.
struct RenderingCollector {
  var maxTargetLength = 14

  /// Renderings of every candidate, in candidate order.
  func collect(
    candidates: [PhraseCandidate], pairs: [AlignedPair], links: [[AlignmentLink]], isTargetWord: [Bool]
  ) -> [[RenderingEvidence]] {
    var result: [[RenderingEvidence]] = []
    result.reserveCapacity(candidates.count)
    var trie = SequenceTrie()
    for cand in candidates {
      var byTokens: [[Int32]: Int] = [:]
      var renderings: [RenderingEvidence] = []
      for occ in cand.occurrences {
        let pair = pairs[Int(occ.pair)]
        let span = occ.start..<(occ.start + Int32(cand.tokens.count))
        guard let t = targetSpan(of: span, links: links[Int(occ.pair)], targetCount: pair.targetTokens.count, isWord: isTargetWord, tokens: pair.targetTokens)
        else { continue }
        let tokens = Array(pair.targetTokens[Int(t.lowerBound)..<Int(t.upperBound)])
        if let i = byTokens[tokens] {
          renderings[i].occurrences.append((occ.pair, t, occ.start))
        } else {
          byTokens[tokens] = renderings.count
          renderings.append(RenderingEvidence(tokens: tokens, occurrences: [(occ.pair, t, occ.start)]))
        }
      }
      for r in renderings { trie.insert(r.tokens) }
      result.append(renderings)
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
    return result
  }

  /// The smallest target span linked to the source span and linked to nothing
  /// outside it, without punctuation at its edges; nil when there is none.
  func targetSpan(of span: Range<Int32>, links: [AlignmentLink], targetCount: Int, isWord: [Bool], tokens: [Int32]) -> Range<Int32>? {
    var lo = Int32.max, hi = Int32.min
    for l in links where span.contains(Int32(l.source)) {
      lo = min(lo, Int32(l.target))
      hi = max(hi, Int32(l.target))
    }
    guard lo <= hi else { return nil }
    for l in links where l.target >= lo && l.target <= hi && !span.contains(Int32(l.source)) { return nil }
    while lo <= hi, !isWord[Int(tokens[Int(lo)])] { lo += 1 }
    while hi >= lo, !isWord[Int(tokens[Int(hi)])] { hi -= 1 }
    guard lo <= hi, Int(hi - lo + 1) <= maxTargetLength else { return nil }
    return lo..<(hi + 1)
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
