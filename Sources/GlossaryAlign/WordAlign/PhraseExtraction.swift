/// A phrase pair as token spans of one sentence pair (source span, target span; half-open).
public struct PhrasePair: Hashable, Sendable, CustomStringConvertible {
  public var source: Range<Int>
  public var target: Range<Int>

  public init(source: Range<Int>, target: Range<Int>) {
    self.source = source
    self.target = target
  }

  public var description: String { "[\(source.lowerBound),\(source.upperBound))-[\(target.lowerBound),\(target.upperBound))" }
}

/// Phrase-pair scoring on a word alignment. The miner (GlossaryKit/Mining) finds its spans
/// itself (RenderingSpotter) and scores them here.
public enum PhraseExtraction {
  /// Lexical weight lex(target | source, a) of a phrase pair (Koehn et al. 2003): for each target
  /// word, the mean word translation probability over its links inside the pair, or its null
  /// probability when unaligned; multiplied over the target span.
  /// - Parameters:
  ///   - probability: t(target word j | source word i) by positions.
  ///   - nullProbability: t(target word j | NULL) by position.
  public static func lexicalWeight(_ pair: PhrasePair, links: [AlignmentLink],
                                   probability: (_ source: Int, _ target: Int) -> Double,
                                   nullProbability: (_ target: Int) -> Double) -> Double {
    var w = 1.0
    for j in pair.target {
      var sum = 0.0, n = 0
      for l in links where l.target == j && pair.source.contains(l.source) {
        sum += probability(l.source, j)
        n += 1
      }
      w *= n > 0 ? sum / Double(n) : nullProbability(j)
    }
    return w
  }
}
