/// Completes renderings cut short by the word links.
///
/// When nearly every occurrence of a rendering is followed (or preceded, past
/// an article) by the same word, the rendering is a piece of a longer unit:
/// "build a community with a shared future" is always followed by "for". The
/// links may have left that word out (or tied it to another source word), so
/// the corpus decides: each occurrence is extended by its actual neighbour,
/// repeatedly, until the continuations differ ("... for mankind" until 2021,
/// "... for humanity" after) or the rendering reaches its maximum length.
struct RenderingClosure {
  let pairs: [AlignedPair]
  let links: [[AlignmentLink]]
  let isWord: [Bool]
  let isArticle: [Bool]
  /// Function words: a rendering may not start (but for articles) or end with one.
  let isFunctionWord: [Bool]
  let index: TargetPostings
  var share = 0.9
  var maxLength = 16
  var maxSteps = 6

  /// The closed renderings of one source phrase, with association counts.
  /// - Parameters:
  ///   - sourcePairs: the pairs the source phrase occurs in.
  ///   - sourceLength: the phrase's length in tokens.
  func close(_ renderings: [RenderingEvidence], sourcePairs: Set<Int32>, sourceLength: Int) -> [RenderingEvidence] {
    let closed = renderings.flatMap { close($0, steps: 0, sourcePairs: sourcePairs, sourceLength: sourceLength) }
    // The same rendering reached from several starts: one rendering, each occurrence once.
    var merged: [[Int32]: RenderingEvidence] = [:]
    var order: [[Int32]] = []
    for r in closed {
      guard var m = merged[r.tokens] else {
        merged[r.tokens] = r
        order.append(r.tokens)
        continue
      }
      for o in r.occurrences where !m.occurrences.contains(where: { $0.pair == o.pair && $0.span == o.span }) {
        m.occurrences.append(o)
      }
      merged[r.tokens] = m
    }
    return order.map { merged[$0]! }
  }

  /// Closes one rendering: its extensions when it is open and they hold,
  /// else itself when it is a well-formed rendering, else nothing.
  private func close(
    _ r: RenderingEvidence, steps: Int, sourcePairs: Set<Int32>, sourceLength: Int
  ) -> [RenderingEvidence] {
    let wellFormed = !startsOrEndsWithFunctionWord(r.tokens)
    guard steps < maxSteps, r.occurrences.count >= 2, r.tokens.count < maxLength, let side = openSide(r) else {
      return wellFormed ? [r] : []
    }
    var grouped: [[Int32]: RenderingEvidence] = [:]
    for o in r.occurrences {
      let t = pairs[Int(o.pair)].targetTokens
      var span = o.span
      if side == .right {
        guard Int(span.upperBound) < t.count else { continue }
        span = span.lowerBound..<(span.upperBound + 1)
      } else {
        var lo = Int(span.lowerBound)
        while lo > 0, isArticle[Int(t[lo - 1])] { lo -= 1 }
        guard lo > 0 else { continue }
        span = Int32(lo - 1)..<span.upperBound
      }
      let added = side == .right ? Int(span.upperBound) - 1 : Int(span.lowerBound)
      guard isWord[Int(t[added])] else { continue }
      // Function words belong to whatever they stand in ("for" in "... for mankind"), so links do not bar them.
      if !isFunctionWord[Int(t[added])], linkedOutside(added, pair: o.pair, sourceStart: o.sourceStart, length: sourceLength) {
        continue
      }
      let tokens = Array(t[Int(span.lowerBound)..<Int(span.upperBound)])
      grouped[tokens, default: RenderingEvidence(tokens: tokens)].occurrences.append((o.pair, span, o.sourceStart))
    }
    var out: [RenderingEvidence] = []
    // Lengths only grow, so this ends (maxSteps, maxLength).
    for (tokens, var e) in grouped.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
      let present = index.pairs(containing: tokens)
      e.pairsContaining = present.count
      e.pairsWithBoth = present.filter { sourcePairs.contains($0) }.count
      out += close(e, steps: steps + 1, sourcePairs: sourcePairs, sourceLength: sourceLength)
    }
    // When no extension holds (the corpus offers none, or the links forbid them), the rendering stands as it is.
    if out.isEmpty && wellFormed { return [r] }
    return out
  }

  enum Side { case left, right }

  /// Where a rendering is open: a function word at an edge (continue to the
  /// content word beyond it), or one word accompanying nearly every
  /// occurrence: on the right a function word only when what follows it is
  /// settled (one or two continuations: "for mankind", "for humanity").
  func openSide(_ r: RenderingEvidence) -> Side? {
    if let last = r.tokens.last, isFunctionWord[Int(last)] { return .right }
    if let first = r.tokens.first, isFunctionWord[Int(first)], !isArticle[Int(first)] { return .left }
    var left: [Int32: Int] = [:], right: [Int32: Int] = [:], afterRight: [Int32: [Int32: Int]] = [:]
    for o in r.occurrences {
      let t = pairs[Int(o.pair)].targetTokens
      var lo = Int(o.span.lowerBound)
      let hi = Int(o.span.upperBound)
      while lo > 0, isArticle[Int(t[lo - 1])] { lo -= 1 }
      // "of the Lao People's Revolutionary Party": a function word before a term is its context, not part of it.
      if lo > 0, isWord[Int(t[lo - 1])], !isFunctionWord[Int(t[lo - 1])] { left[t[lo - 1], default: 0] += 1 }
      if hi < t.count, isWord[Int(t[hi])] {
        right[t[hi], default: 0] += 1
        if hi + 1 < t.count { afterRight[t[hi], default: [:]][t[hi + 1], default: 0] += 1 }
      }
    }
    let limit = share * Double(r.occurrences.count)
    if let (word, count) = right.max(by: { $0.value < $1.value }), Double(count) >= limit {
      if !isFunctionWord[Int(word)] { return .right }
      // "for" then "mankind" or "humanity": settled; "to" then any country: not.
      let next = (afterRight[word] ?? [:]).values.sorted(by: >)
      if next.prefix(2).reduce(0, +) * 5 >= count * 4, (next.count < 2 || next[1] >= 2) { return .right }
    }
    if Double(left.values.max() ?? 0) >= limit { return .left }
    return nil
  }

  private func startsOrEndsWithFunctionWord(_ tokens: [Int32]) -> Bool {
    guard let first = tokens.first, let last = tokens.last else { return true }
    return isFunctionWord[Int(last)] || (isFunctionWord[Int(first)] && !isArticle[Int(first)])
  }

  private func linkedOutside(_ target: Int, pair: Int32, sourceStart: Int32, length: Int) -> Bool {
    let phrase = Int(sourceStart)..<(Int(sourceStart) + length)
    var outside = false
    for l in links[Int(pair)] where l.target == target {
      if phrase.contains(l.source) { return false }
      outside = true
    }
    return outside
  }
}

/// Where each target token occurs (pair, position): finds the pairs that
/// contain a token sequence without scanning the whole corpus.
struct TargetPostings {
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
    // Walk the postings of the rarest token.
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
