import GlossaryText

/// A link between source token `source` and target token `target` (0-based), as in Pharaoh `i-j`.
public struct AlignmentLink: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var source: Int
  public var target: Int

  public init(source: Int, target: Int) {
    self.source = source
    self.target = target
  }

  public static func < (a: AlignmentLink, b: AlignmentLink) -> Bool {
    (a.source, a.target) < (b.source, b.target)
  }

  /// Pharaoh form `i-j`.
  public var description: String { "\(source)-\(target)" }
}

/// Settings of `WordAligner`. Defaults were tuned on denero-dev (see scripts/eval-wordalign.sh).
public struct WordAlignOptions: Sendable {
  /// IBM Model 1 iterations (initialization).
  public var model1Iterations = 2
  /// HMM alignment model iterations (Vogel et al. 1996, jump distributions).
  public var hmmIterations = 6
  /// Train both directions by agreement (Liang et al. 2006): expected link counts are
  /// the product of the two directions' posteriors.
  public var agreement = true
  /// Probability of a jump to the null word.
  public var nullProbability = 0.2
  /// Jumps longer than this share one bucket.
  public var maxJump = 7
  /// A directional link is kept when its posterior reaches this (when `averagedDirectionalThreshold` is nil).
  public var posteriorThreshold = 0.5
  /// When set, decode one link set: links whose mean posterior of both directions reaches
  /// this (symmetrization then has nothing to combine). Nil: directional links + symmetrization.
  public var averagedThreshold: Double? = nil
  /// When set, directional links come from the mean posterior of both directions: target j
  /// links its best source i (forward), source i its best target j (reverse), when that mean
  /// reaches this; symmetrization then combines them. Ignored when `averagedThreshold` is set.
  /// Nil: each direction's own posterior against `posteriorThreshold`. Denero-dev AER with
  /// 0.4: 0.295 -> 0.285 without lexicon, 0.258 -> 0.254 with (better on both halves).
  public var averagedDirectionalThreshold: Double? = 0.4
  /// Pseudo-count of each lexicon or term prior pair, added to both directions' counts.
  public var priorWeight = 2.0
  /// Pseudo-count for pairs whose keys are identical on both sides (numbers, Latin names, punctuation).
  public var identicalWeight = 1.0
  /// Variational Bayes t-tables with this Dirichlet concentration (nil: plain EM).
  public var variationalAlpha: Double? = nil
  /// Worker threads for the E-step (the corpus is split into this many chunks); default: the
  /// project's one thread policy (``Parallel/workers(for:)``: the active processor count).
  public var threads = Parallel.workers(for: Int.max)

  public init() {}
}

/// A prior translation pair (from a lexicon or accepted glossary terms): match keys of a
/// source word and a target word, and a weight multiplying `WordAlignOptions.priorWeight`.
public struct LexicalPrior: Hashable, Sendable {
  public var source: String
  public var target: String
  public var weight: Double

  public init(source: String, target: String, weight: Double = 1) {
    self.source = source
    self.target = target
    self.weight = weight
  }
}
