import GlossaryAlign

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
/// the renderings of a source term are the target n-grams that recur in the aligned target
/// sentences of its occurrences, ranked later by sentence-level association (Dice) with the
/// term. Word links are evidence beside it, not the only source: an n-gram must hold a word
/// linked to the term (an anchor) and no word linked only to other source words (phrase-
/// extraction consistency, so 国务院 is "State Council", not "Premier of the State Council"),
/// while unlinked words may join it on either side and inside ("people-to-people and cultural
/// exchanges", "a community with a shared future for mankind"). N-grams are whole orthographic
/// words (never `one-` of `one-China`) and neither start nor end with a function word.
struct RenderingSpotter {
  let pairs: [AlignedPair]
  let links: [[AlignmentLink]]
  /// Per target id: a word or number.
  let isWord: [Bool]
  /// Per target id: may not stand at an edge of a rendering (function words, articles).
  let isBarredEdge: [Bool]
  let index: TokenSequenceIndex
  /// Longest rendering, in target tokens.
  var maxLength = 16

  /// The renderings seen for a candidate, and how many of its occurrences had a link.
  func spot(_ cand: PhraseCandidate) -> (renderings: [RenderingEvidence], linked: Int) {
    var byTokens: [[Int32]: Int] = [:]
    var found: [RenderingEvidence] = []
    var linked = 0
    let length = Int32(cand.tokens.count)
    for o in cand.occurrences {
      let spans = self.spans(pair: Int(o.pair), source: o.start..<(o.start + length))
      if spans.isEmpty { continue }
      linked += 1
      let t = pairs[Int(o.pair)].targetTokens
      for s in spans {
        let tokens = Array(t[Int(s.lowerBound)..<Int(s.upperBound)])
        if let k = byTokens[tokens] {
          found[k].occurrences.append((o.pair, s, o.start))
        } else {
          byTokens[tokens] = found.count
          found.append(RenderingEvidence(tokens: tokens, occurrences: [(o.pair, s, o.start)]))
        }
      }
    }
    let sourcePairs = Set(cand.occurrences.map(\.pair))
    for k in found.indices where found[k].occurrences.count >= 2 || linked < 2 {
      let present = index.pairs(containing: found[k].tokens)
      found[k].pairsContaining = present.count
      found[k].pairsWithBoth = present.reduce(0) { $0 + (sourcePairs.contains($1) ? 1 : 0) }
    }
    return (found, linked)
  }

  /// The target spans one occurrence may be rendered by (empty when no word links to it).
  func spans(pair p: Int, source: Range<Int32>) -> [Range<Int32>] {
    let pair = pairs[p]
    let t = pair.targetTokens
    let n = t.count
    var here = [Bool](repeating: false, count: n), elsewhere = [Bool](repeating: false, count: n)
    for l in links[p] where l.target < n {
      if source.contains(Int32(l.source)) { here[l.target] = true } else { elsewhere[l.target] = true }
    }
    // Orthographic words: tokens with no space between them belong together.
    var words: [(lo: Int, hi: Int, anchored: Bool, blocked: Bool)] = []
    var k = 0
    while k < n {
      var hi = k
      while hi + 1 < n, pair.targetTokenRanges[hi].upperBound == pair.targetTokenRanges[hi + 1].lowerBound { hi += 1 }
      let anchored = (k...hi).contains { here[$0] }
      words.append((k, hi, anchored, !anchored && (k...hi).contains { elsewhere[$0] }))
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
}

/// Where each target token occurs (pair, position): the pairs that contain a token sequence,
/// found by walking the postings of its rarest token. The one token-sequence index of mining.
struct TokenSequenceIndex {
  private var postings: [[(pair: Int32, position: Int32)]]
  private let pairs: [AlignedPair]

  init(pairs: [AlignedPair], vocabularySize: Int) {
    self.pairs = pairs
    postings = Array(repeating: [], count: vocabularySize)
    for (p, pair) in pairs.enumerated() {
      for (i, t) in pair.targetTokens.enumerated() { postings[Int(t)].append((Int32(p), Int32(i))) }
    }
  }

  /// Pairs whose target contains `tokens` contiguously (each pair once, ascending).
  func pairs(containing tokens: [Int32]) -> [Int32] {
    guard !tokens.isEmpty else { return [] }
    let (k, rarest) = tokens.enumerated().min { postings[Int($0.element)].count < postings[Int($1.element)].count }!
    var found: [Int32] = []
    for (p, position) in postings[Int(rarest)] {
      let t = pairs[Int(p)].targetTokens
      let start = Int(position) - k
      guard start >= 0, start + tokens.count <= t.count, found.last != p else { continue }
      if t[start..<(start + tokens.count)].elementsEqual(tokens) { found.append(p) }
    }
    return found
  }
}
