/// Every threshold and weight of a mining run, in one value. Each says why it has its value
/// and which evaluation set it: "tune" is `scripts/eval-extract.sh`'s tuning part (Corpus/
/// documents dated up to 2019-12-31); nothing here was fitted on the documents it reports
/// (2020 and later, the held-out-like set, wmt-dev). Values are kept exact; only output rounds.
public struct MiningParameters: Sendable, Equatable {
  // MARK: Candidates (PhraseMiner)

  /// A formulation must recur in at least this many documents (`--min-docs`). The task's
  /// definition of a recurring formulation (2+ documents); not tuned.
  public var minDocuments = 2
  /// Longest source phrase in units (words; characters of unknown words of unspaced scripts).
  /// 16 holds 好邻居、好朋友、好同志、好伙伴 (15 units), the longest curated formulation of the
  /// tuning part; longer recurring strings there are boilerplate sentences.
  public var maxPhraseUnits = 16
  /// An opener (clause verb, adverb) may start a formulation when it precedes at least this
  /// share of the rest's occurrences that follow a word (致贺电, 高度评价: the corpus shows the
  /// whole string is fixed). Tune: a majority.
  public var openerFixedShare = 0.6

  // MARK: Termhood (ranking only: nothing is dropped by these)

  /// Termhood of a candidate that never occurs outside longer candidates, relative to one
  /// that always does (C-value's discount of nested occurrences, as a factor in (0, 1]).
  /// Tune: 0.3 ranks pieces of longer formulations (全面战略合作 of 全面战略合作伙伴关系) below
  /// free-standing ones without dropping nested terms (国务院 of 国务院总理).
  public var nestedTermhood = 0.3
  /// Termhood factor of a formulation led by an opener (a collocation more often than a term). Tune.
  public var openerTermhood = 0.7
  /// Termhood factor of a single general word rendered by a single lowercase word (vocabulary). Tune.
  public var vocabularyTermhood = 0.6
  /// Termhood factor of a dictionary headword rendered by one of its own glosses (with
  /// `--lexicon`): 合作 cooperation, 加强 strengthen. Tune: low enough to leave the top 50.
  public var dictionaryWordTermhood = 0.3
  /// Length (source characters for unspaced scripts, 2 per word otherwise) at which length stops
  /// adding termhood; base and slope of the ramp. Tune: formulations of 4+ characters rank alike.
  public var termhoodBase = 0.55
  public var termhoodPerCharacter = 0.075

  // MARK: Renderings

  /// Renderings kept per term, best first. Not tuned: the review screen shows four.
  public var maxRenderings = 4
  /// Longest rendering, in target tokens: "General Secretary of the Lao People's Revolutionary
  /// Party Central Committee" (12 with the apostrophe's token) fits. Not tuned.
  public var maxRenderingTokens = 16
  /// A rendering whose occurrences are covered, all but this share, by longer renderings that
  /// hold it is truncated ("shared future" of "community with a shared future", "Belt" of
  /// "Belt and Road" and "One Belt, One Road"). Tune.
  public var growthTolerance = 0.1
  /// Besides the best, a rendering is kept when it covers at least this share of the term's
  /// linked occurrences (a variant with its own dates): the share at which `Glossary.merge`
  /// writes a variant (0.1), so that what is mined is what is proposed. Not tuned.
  public var variantShare = 0.1
  /// Terms below this combined score are not proposed. Tune: drops one-document flukes only.
  public var minScore = 0.05
  /// Sentence beads below this confidence are not mined. Not tuned (0: every bead).
  public var minBeadScore = 0.0

  public init() {}
}

/// The options of a mining run (the CLI's name for them).
public typealias ExtractionOptions = MiningParameters
