/// The one index of mining over sentence pairs, in flat arrays: where each target token occurs
/// (pair, position), so the pairs holding a token sequence are found by walking the postings of
/// its rarest token; how many pairs hold each target token; and which pairs hold each source
/// word (the word aligner's words), for the sentence-level association of a target word with the
/// source words it is linked to (`RenderingSpotter`).
struct TokenSequenceIndex: Sendable {
  /// Target postings: `targetPostings[targetStart[t]..<targetStart[t + 1]]` for token id `t`, in
  /// (pair, position) order.
  private var targetStart: [Int32]
  private var targetPostings: [(pair: Int32, position: Int32)]
  /// Distinct pairs whose target holds each token id.
  private(set) var targetPairFrequency: [Int32]
  /// Distinct pairs holding each source word id: `sourcePairs[sourceStart[w]..<sourceStart[w + 1]]`, ascending.
  private var sourceStart: [Int32]
  private var sourcePairs: [Int32]
  private let targets: [[Int32]]

  init(pairs: [AlignedPair], vocabularySize: Int, sourceVocabularySize: Int = 0) {
    targets = pairs.map(\.targetTokens)
    var count = [Int32](repeating: 0, count: vocabularySize + 1)
    var frequency = [Int32](repeating: 0, count: vocabularySize)
    var last = [Int32](repeating: -1, count: vocabularySize)
    for (p, pair) in pairs.enumerated() {
      for t in pair.targetTokens {
        count[Int(t) + 1] += 1
        if last[Int(t)] != Int32(p) { last[Int(t)] = Int32(p); frequency[Int(t)] += 1 }
      }
    }
    for t in 0..<vocabularySize { count[t + 1] += count[t] }
    targetStart = count
    var fill = count
    targetPostings = Array(repeating: (0, 0), count: Int(count[vocabularySize]))
    for (p, pair) in pairs.enumerated() {
      for (i, t) in pair.targetTokens.enumerated() {
        targetPostings[Int(fill[Int(t)])] = (Int32(p), Int32(i))
        fill[Int(t)] += 1
      }
    }
    targetPairFrequency = frequency
    // Source words (a pair's words, or its units when it has no word list).
    let words = max(sourceVocabularySize, 0)
    var sourceCount = [Int32](repeating: 0, count: words + 1)
    var seen = [Int32](repeating: -1, count: words)
    func eachWord(_ pair: AlignedPair, _ body: (Int) -> Void) {
      for w in (pair.sourceUnitWord.isEmpty ? pair.sourceTokens : pair.sourceWords) where Int(w) < words { body(Int(w)) }
    }
    for (p, pair) in pairs.enumerated() {
      eachWord(pair) { w in if seen[w] != Int32(p) { seen[w] = Int32(p); sourceCount[w + 1] += 1 } }
    }
    for w in 0..<words { sourceCount[w + 1] += sourceCount[w] }
    sourceStart = sourceCount
    var sourceFill = sourceCount
    sourcePairs = Array(repeating: 0, count: Int(sourceCount[words]))
    seen = Array(repeating: -1, count: words)
    for (p, pair) in pairs.enumerated() {
      eachWord(pair) { w in
        if seen[w] != Int32(p) { seen[w] = Int32(p); sourcePairs[Int(sourceFill[w])] = Int32(p); sourceFill[w] += 1 }
      }
    }
  }

  /// Pairs whose target contains `tokens` contiguously (each pair once, ascending).
  func pairs(containing tokens: [Int32]) -> [Int32] {
    guard !tokens.isEmpty else { return [] }
    var k = 0, rarest = tokens[0]
    for (i, t) in tokens.enumerated() where postingCount(t) < postingCount(rarest) { (k, rarest) = (i, t) }
    var found: [Int32] = []
    for x in Int(targetStart[Int(rarest)])..<Int(targetStart[Int(rarest) + 1]) {
      let (p, position) = targetPostings[x]
      let t = targets[Int(p)]
      let start = Int(position) - k
      guard start >= 0, start + tokens.count <= t.count, found.last != p else { continue }
      if t[start..<(start + tokens.count)].elementsEqual(tokens) { found.append(p) }
    }
    return found
  }

  private func postingCount(_ t: Int32) -> Int32 { targetStart[Int(t) + 1] - targetStart[Int(t)] }

  /// Pairs whose source holds word `word`.
  func sourcePairFrequency(_ word: Int32) -> Int {
    Int(word) + 1 < sourceStart.count ? Int(sourceStart[Int(word) + 1] - sourceStart[Int(word)]) : 0
  }

  /// Pairs holding source word `word` and target token `token` (a merge of two ascending lists).
  func cooccurrences(source word: Int32, target token: Int32) -> Int {
    guard Int(word) + 1 < sourceStart.count else { return 0 }
    var a = Int(sourceStart[Int(word)]), b = Int(targetStart[Int(token)])
    let aEnd = Int(sourceStart[Int(word) + 1]), bEnd = Int(targetStart[Int(token) + 1])
    var n = 0
    var last: Int32 = -1
    while a < aEnd, b < bEnd {
      let x = sourcePairs[a], y = targetPostings[b].pair
      if x < y { a += 1 } else if y < x { b += 1 } else {
        if x != last { n += 1; last = x }
        a += 1
        b += 1
      }
    }
    return n
  }
}
