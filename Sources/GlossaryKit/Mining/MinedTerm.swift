/// A rendering of a mined term, with its evidence.
public struct MinedRendering: Sendable, Equatable {
  /// Display form: the most frequent surface text in the target documents.
  public var target: String
  public var occurrences: Int
  /// Document ids (`YYYY-MM-DD-slug`), in date order.
  public var documents: [String]
  /// Two or three example sentence pairs: the first seen, the last seen and one between.
  public var examples: [TermExample]
  /// Share of the term's aligned occurrences rendered this way: φ(target | source).
  public var share: Double
  /// Share of the sentence pairs with this rendering whose source has the term: φ(source | target).
  public var reverseShare: Double
  /// Lexical weights lex(target | source) and lex(source | target) from the word
  /// aligner's tables, averaged over the occurrences (phrase-based SMT's features).
  public var lexicalWeight: Double
  public var reverseLexicalWeight: Double
  /// logDice of source phrase and rendering over aligned sentence pairs (max 14).
  public var logDice: Double
  /// Combined score in [0, 1].
  public var score: Double
}

/// A recurring source phrase with its renderings, best first.
public struct MinedTerm: Sendable, Equatable {
  /// Display form: the most frequent surface text in the source documents.
  public var source: String
  /// Documents the phrase occurs in.
  public var documents: Int
  /// Documents where it occurs outside a longer mined phrase.
  public var independentDocuments: Int
  public var renderings: [MinedRendering]
  /// The best rendering's score weighted by termhood.
  public var score: Double
}
