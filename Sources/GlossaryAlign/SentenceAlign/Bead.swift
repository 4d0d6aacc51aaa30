/// One link of a sentence alignment: consecutive source sentences matched to
/// consecutive target sentences (either side may be empty: a deletion or insertion).
public struct Bead: Sendable, Equatable {
  /// Source sentence indices (0-based, half-open).
  public var source: Range<Int>
  /// Target sentence indices (0-based, half-open).
  public var target: Range<Int>
  /// Confidence in [0, 1]: lexical and length agreement (0 for insertions and deletions).
  public var score: Double
  /// True when the score is below the aligner's low-confidence threshold.
  public var isLowConfidence: Bool

  public init(source: Range<Int>, target: Range<Int>, score: Double, isLowConfidence: Bool = false) {
    self.source = source
    self.target = target
    self.score = score
    self.isLowConfidence = isLowConfidence
  }

  /// Vecalign's line format: `[0, 1]:[2]:0.812` (an empty side is `[]`).
  public var vecalignLine: String {
    func side(_ r: Range<Int>) -> String { "[" + r.map(String.init).joined(separator: ", ") + "]" }
    return side(source) + ":" + side(target) + ":" + formatScore(score)
  }
}

/// The result of `SentenceAligner.align`: beads in order, covering every sentence once.
public struct SentenceAlignment: Sendable {
  public var beads: [Bead]
  /// Problems with the input worth telling the user (empty side, length mismatch, same language).
  public var warnings: [String]
  /// Target length / source length (characters) the length model settled on.
  public var lengthRatio: Double
  /// Pairs in the document-level translation table learned by the second pass.
  public var learnedPairs: Int

  public init(beads: [Bead], warnings: [String] = [], lengthRatio: Double = 1, learnedPairs: Int = 0) {
    self.beads = beads
    self.warnings = warnings
    self.lengthRatio = lengthRatio
    self.learnedPairs = learnedPairs
  }
}

/// Three decimals, no locale.
func formatScore(_ x: Double) -> String {
  let v = Int((max(0, min(1, x)) * 1000).rounded())
  let frac = String(v % 1000)
  return "\(v / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
}
