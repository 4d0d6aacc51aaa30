/// Consecutive source sentences paired with consecutive target sentences
/// (either side may be empty).
public struct SentenceSpan: Sendable, Equatable {
  public var source: Range<Int>
  public var target: Range<Int>
  public init(source: Range<Int>, target: Range<Int>) {
    self.source = source
    self.target = target
  }
}

/// The seam between the check and a sentence aligner: pairs the sentences of
/// two documents into spans that cover every sentence once, in order.
public protocol SentencePairing {
  func pair(
    source: TextDocument, sentences sourceSentences: [Sentence],
    target: TextDocument, sentences targetSentences: [Sentence]
  ) throws -> [SentenceSpan]
}

/// Interim pairing until the sentence aligner (GlossaryAlign/SentenceAlign)
/// lands: 1-1 in order when the counts agree; otherwise paragraph by paragraph
/// when the paragraph counts agree, and inside a paragraph (or the whole
/// document) each target sentence goes to the source sentence at the same
/// relative position by length. Good enough for translations that keep the
/// paragraphing, which official releases do.
public struct ProportionalPairing: SentencePairing {
  public init() {}

  public func pair(
    source: TextDocument, sentences s: [Sentence], target: TextDocument, sentences t: [Sentence]
  ) throws -> [SentenceSpan] {
    if s.count == t.count { return (0..<s.count).map { SentenceSpan(source: $0..<($0 + 1), target: $0..<($0 + 1)) } }
    let sp = groups(s), tp = groups(t)
    var out: [SentenceSpan] = []
    if sp.count == tp.count {
      for (a, b) in zip(sp, tp) { out += proportional(a, s, b, t) }
    } else {
      out = proportional(0..<s.count, s, 0..<t.count, t)
    }
    return out
  }

  /// Sentence index ranges of each paragraph.
  private func groups(_ s: [Sentence]) -> [Range<Int>] {
    guard !s.isEmpty else { return [] }
    var out: [Range<Int>] = []
    var start = 0
    for i in 1...max(1, s.count) where i == s.count || s[i].paragraph != s[i - 1].paragraph {
      if i <= s.count, start < i { out.append(start..<i) }
      start = i
    }
    return out
  }

  private func proportional(_ a: Range<Int>, _ s: [Sentence], _ b: Range<Int>, _ t: [Sentence]) -> [SentenceSpan] {
    if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? [] : [SentenceSpan(source: a, target: b)] }
    if a.count == b.count { return zip(a, b).map { SentenceSpan(source: $0..<($0 + 1), target: $1..<($1 + 1)) } }
    func cumulative(_ r: Range<Int>, _ x: [Sentence]) -> [Double] {
      var c: [Double] = [0]
      for i in r { c.append(c.last! + Double(x[i].range.count)) }
      let total = max(c.last!, 1)
      return c.map { $0 / total }
    }
    let cs = cumulative(a, s), ct = cumulative(b, t)
    // owner[j]: source sentence (relative) whose share contains target j's midpoint.
    var owner: [Int] = []
    for j in 0..<b.count {
      let mid = (ct[j] + ct[j + 1]) / 2
      var i = 0
      while i + 1 < a.count, cs[i + 1] <= mid { i += 1 }
      owner.append(max(i, owner.last ?? 0))
    }
    // Source sentences that own no target join the span before (or after, at the start).
    var spans: [SentenceSpan] = []
    var i = 0, j = 0
    while j < b.count {
      let o = owner[j]
      var jEnd = j
      while jEnd < b.count, owner[jEnd] == o { jEnd += 1 }
      let srcStart = spans.isEmpty ? 0 : i
      spans.append(SentenceSpan(source: (a.lowerBound + srcStart)..<(a.lowerBound + o + 1), target: (b.lowerBound + j)..<(b.lowerBound + jEnd)))
      i = o + 1
      j = jEnd
    }
    if i < a.count, var last = spans.popLast() {
      last.source = last.source.lowerBound..<a.upperBound
      spans.append(last)
    }
    return spans
  }
}
