import GlossaryAlign
import GlossaryText

/// One way a candidate was rendered: target token ids with where it was seen.
struct RenderingEvidence {
  var tokens: [Int32]
  /// Occurrences as (pair, target token span, source start).
  var occurrences: [(pair: Int32, span: Range<Int32>, sourceStart: Int32)] = []
  /// Pairs whose target contains this token sequence anywhere (for association).
  var pairsContaining = 0
  /// Of those, pairs whose source has the term.
  var pairsWithBoth = 0

  init(tokens: [Int32], occurrences: [(pair: Int32, span: Range<Int32>, sourceStart: Int32)] = []) {
    self.tokens = tokens
    self.occurrences = occurrences
  }
}

/// Translation spotting (Smadja, McKeown and Hatzivassiloglou 1996, as Champollion does it):
/// the renderings of a source term are the target n-grams of the aligned target sentences of its
/// occurrences, ranked later by sentence-level association (Dice) with the term.
///
/// Which target words may belong to the term is decided by association first, with the word
/// aligner's links as evidence (competitive linking, Melamed 2000): a target word linked to the
/// term is an anchor; a word linked only to other source words is kept out when it is at least as
/// associated (Dice over sentence pairs) with one of those words as with the term ("Premier"
/// linked to 总理 is no part of 国务院's rendering, "build" linked to 构建 none of
/// 人类命运共同体's), and is an anchor of the term when the term wins ("mankind" wrongly linked
/// elsewhere still renders 人类, since it occurs with 人类命运共同体 far more than with that
/// word). Unlinked words and function words join spans freely, never at an edge
/// ("people-to-people and cultural exchanges", "a community with a shared future for mankind").
/// Spans are whole orthographic words (never `one-` of `one-China`).
struct RenderingSpotter {
  let pairs: [AlignedPair]
  let links: [[AlignmentLink]]
  /// Per target id: a word or number.
  let isWord: [Bool]
  /// Per target id: may not stand at an edge of a rendering (function words, articles); these
  /// never keep a span out either (their links say little).
  let isBarredEdge: [Bool]
  let index: TokenSequenceIndex
  /// Longest rendering, in target tokens.
  var maxLength = 16

  /// Per-thread working memory: counts per target id, reset after each candidate.
  struct Scratch {
    var counts: [Int32]
    var lastPair: [Int32]
    var touched: [Int32] = []
    /// Dice of (source word, target token), by `UInt64(word) << 32 | token`.
    var dice: [UInt64: Float] = [:]

    init(targetVocabularySize: Int) {
      counts = Array(repeating: 0, count: targetVocabularySize)
      lastPair = Array(repeating: -1, count: targetVocabularySize)
    }
  }

  /// Association of the term with target tokens: pairs holding both, over the term's pairs.
  struct TermAssociation {
    let termPairs: Int
    let index: TokenSequenceIndex
    let counts: [Int32]

    /// Dice of the term and target token `t` over sentence pairs.
    func dice(_ t: Int32) -> Double {
      2 * Double(counts[Int(t)]) / Double(termPairs + Int(index.targetPairFrequency[Int(t)]))
    }
    func pairsWithBoth(_ t: Int32) -> Int32 { counts[Int(t)] }
  }

  /// The renderings seen for a candidate, and how many of its occurrences had an anchor.
  func spot(_ cand: PhraseCandidate, scratch: inout Scratch) -> (renderings: [RenderingEvidence], linked: Int) {
    // The term's pairs, and per target token how many of them hold it.
    var termPairs: [Int32] = []
    for o in cand.occurrences where termPairs.last != o.pair { termPairs.append(o.pair) }
    var counts: [Int32] = []
    swap(&counts, &scratch.counts)
    for p in termPairs {
      for t in pairs[Int(p)].targetTokens where scratch.lastPair[Int(t)] != p {
        scratch.lastPair[Int(t)] = p
        if counts[Int(t)] == 0 { scratch.touched.append(t) }
        counts[Int(t)] += 1
      }
    }
    let result = collect(
      cand, termPairs: termPairs, association: TermAssociation(termPairs: termPairs.count, index: index, counts: counts),
      dice: &scratch.dice)
    for t in scratch.touched { counts[Int(t)] = 0; scratch.lastPair[Int(t)] = -1 }
    scratch.touched.removeAll(keepingCapacity: true)
    swap(&counts, &scratch.counts)
    return result
  }

  private func collect(
    _ cand: PhraseCandidate, termPairs: [Int32], association: TermAssociation, dice: inout [UInt64: Float]
  ) -> (renderings: [RenderingEvidence], linked: Int) {
    var byTokens: [[Int32]: Int] = [:]
    var found: [RenderingEvidence] = []
    var linked = 0
    let length = Int32(cand.tokens.count)
    for o in cand.occurrences {
      let spans = self.spans(pair: Int(o.pair), source: o.start..<(o.start + length), association: association, dice: &dice)
      if spans.isEmpty { continue }
      linked += 1
      let t = pairs[Int(o.pair)].targetTokens
      for s in spans {
        let tokens = Array(t[Int(s.lowerBound)..<Int(s.upperBound)])
        if let k = byTokens[tokens] {
          // The same words twice in one sentence are one rendering of this occurrence.
          if let last = found[k].occurrences.last, last.pair == o.pair, last.sourceStart == o.start { continue }
          found[k].occurrences.append((o.pair, s, o.start))
        } else {
          byTokens[tokens] = found.count
          found.append(RenderingEvidence(tokens: tokens, occurrences: [(o.pair, s, o.start)]))
        }
      }
    }
    let termPairSet = Set(termPairs)
    for k in found.indices where found[k].occurrences.count >= 2 || linked < 2 {
      if found[k].tokens.count == 1 {
        found[k].pairsContaining = Int(index.targetPairFrequency[Int(found[k].tokens[0])])
        found[k].pairsWithBoth = Int(association.pairsWithBoth(found[k].tokens[0]))
      } else {
        let present = index.pairs(containing: found[k].tokens)
        found[k].pairsContaining = present.count
        found[k].pairsWithBoth = present.reduce(0) { $0 + (termPairSet.contains($1) ? 1 : 0) }
      }
    }
    return (found, linked)
  }

  /// The target spans one occurrence may be rendered by (empty when no word is an anchor).
  func spans(pair p: Int, source: Range<Int32>, association: TermAssociation, dice: inout [UInt64: Float]) -> [Range<Int32>] {
    let pair = pairs[p]
    let t = pair.targetTokens
    let n = t.count
    // The source words the term covers (by index in the pair's word list, and by id).
    let inside: ClosedRange<Int32> = pair.sourceUnitWord.isEmpty
      ? source.lowerBound...(source.upperBound - 1)
      : pair.sourceUnitWord[Int(source.lowerBound)]...pair.sourceUnitWord[Int(source.upperBound) - 1]
    let termWords = Set(inside.map { pair.sourceUnitWord.isEmpty ? pair.sourceTokens[Int($0)] : pair.sourceWords[Int($0)] })
    // Evidence per target token: linked to the term, and the source words outside it linked to it
    // (words of the term itself that also stand outside it are no rivals).
    var here = [Bool](repeating: false, count: n)
    var outside: [(target: Int, word: Int32)] = []
    for l in links[p] where l.target < n {
      if source.contains(Int32(l.source)) {
        here[l.target] = true
      } else {
        let x = pair.sourceWord(at: l.source)
        if !termWords.contains(x) { outside.append((l.target, x)) }
      }
    }
    // Per target token: anchor (1), kept out (-1) or free (0). Competitive linking by association:
    // the term or an outside word linked to the token, whichever is more associated with it.
    var state = [Int8](repeating: 0, count: n)
    for j in 0..<n where here[j] { state[j] = 1 }
    for (j, x) in outside where !here[j] && state[j] >= 0 && !isBarredEdge[Int(t[j])] && isWord[Int(t[j])] {
      if Double(wordDice(x, t[j], cache: &dice)) >= association.dice(t[j]) {
        state[j] = -1
      } else if association.pairsWithBoth(t[j]) >= 2 {
        state[j] = 1
      }
    }
    // Orthographic words: tokens with no space between them belong together.
    var words: [(lo: Int, hi: Int, anchored: Bool, blocked: Bool)] = []
    var k = 0
    while k < n {
      var hi = k
      while hi + 1 < n, pair.targetTokenRanges[hi].upperBound == pair.targetTokenRanges[hi + 1].lowerBound { hi += 1 }
      let anchored = (k...hi).contains { state[$0] > 0 }
      words.append((k, hi, anchored, !anchored && (k...hi).contains { state[$0] < 0 }))
      k = hi + 1
    }
    var seen = Set<Int>()
    var out: [Range<Int32>] = []
    for (w, word) in words.enumerated() where word.anchored {
      // Every span of unblocked words around this anchor, within the length limit.
      var a = w
      while a >= 0, !words[a].blocked, word.hi - words[a].lo < maxLength {
        var b = w
        while b < words.count, !words[b].blocked, words[b].hi - words[a].lo < maxLength {
          // Punctuation glued to a word ("development.", "(CPC)") is no part of the rendering.
          var lo = words[a].lo, hi = words[b].hi
          while lo < hi, !isWord[Int(t[lo])] { lo += 1 }
          while hi > lo, !isWord[Int(t[hi])] { hi -= 1 }
          if isWord[Int(t[lo])], isWord[Int(t[hi])], !isBarredEdge[Int(t[lo])], !isBarredEdge[Int(t[hi])],
            seen.insert(lo * (n + 1) + hi).inserted
          {
            out.append(Int32(lo)..<Int32(hi + 1))
          }
          b += 1
        }
        a -= 1
      }
    }
    return out
  }

  /// Dice of source word `x` and target token `t` over sentence pairs (cached per thread).
  func wordDice(_ x: Int32, _ t: Int32, cache: inout [UInt64: Float]) -> Float {
    let key = UInt64(UInt32(bitPattern: x)) << 32 | UInt64(UInt32(bitPattern: t))
    if let d = cache[key] { return d }
    let fx = index.sourcePairFrequency(x), ft = Int(index.targetPairFrequency[Int(t)])
    let d = fx + ft == 0 ? 0 : Float(2 * index.cooccurrences(source: x, target: t)) / Float(fx + ft)
    cache[key] = d
    return d
  }
}
