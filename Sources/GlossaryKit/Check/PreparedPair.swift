/// A document pair segmented, paired and matched against the glossary: what every step of a
/// check reads, and what the word aligner learns from (``TermEvidence``).
struct PreparedPair {
  let ctx: CheckContext
  /// Sentence spans (source sentences paired with target sentences).
  let spans: [SentenceSpan]
  /// Source terms of each source sentence (leftmost-longest).
  let srcHits: [[CheckIndex.SourceHit]]
  /// Words of each target sentence.
  let tgtWords: [TargetWords]
  /// Every rendering occurrence of each target sentence (overlaps kept).
  let tgtRaw: [[CheckIndex.RenderingHit]]
}

extension TerminologyChecker {
  /// Segments and pairs a document pair and finds the glossary's terms and renderings in it.
  func prepare(source: TextDocument, target: TextDocument) throws -> PreparedPair {
    let ss = try sourceSegmenter.sentences(in: source)
    let ts = try targetSegmenter.sentences(in: target)
    let spans = try pairing.pair(source: source, sentences: ss, target: target, sentences: ts)
    let srcHits: [[CheckIndex.SourceHit]] = ss.map { s in source.utf16[s.range].withUnsafeBufferPointer { index.sourceTerms(in: $0).hits } }
    let tgtWords: [TargetWords] = ts.map { s in target.utf16[s.range].withUnsafeBufferPointer { index.targetWords($0) } }
    let tgtRaw: [[CheckIndex.RenderingHit]] = tgtWords.map { w in
      var raw: [CheckIndex.RenderingHit] = []
      index.allOccurrences(in: w, into: &raw)
      return raw
    }
    return PreparedPair(
      ctx: CheckContext(index: index, source: source, target: target, ss: ss, ts: ts),
      spans: spans, srcHits: srcHits, tgtWords: tgtWords, tgtRaw: tgtRaw)
  }
}
