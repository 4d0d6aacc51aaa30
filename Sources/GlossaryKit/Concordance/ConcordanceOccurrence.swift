/// One sentence pair of the corpus where a concordance query occurs.
public struct ConcordanceOccurrence: Sendable, Equatable {
  /// `YYYY-MM-DD-slug`.
  public var document: String
  /// Folder below the corpus root (`phone-calls`), empty at the root.
  public var collection: String
  public var date: ISODate
  /// The pair's id in the alignment store.
  public var pairID: Int64
  /// The side the query was found on (the other side shows its aligned rendering).
  public var side: PairSide
  /// The sentences, with the query highlighted on `side` and its rendering on the other side.
  public var source: HighlightedText
  public var target: HighlightedText

  /// The highlighted text of the side opposite the query: its rendering, as the word links
  /// (or a known rendering found in the sentence) give it; nil when nothing is linked.
  public var rendering: String? {
    let other = side == .source ? target : source
    let pieces = other.pieces.filter(\.highlighted).map(\.text)
    return pieces.isEmpty ? nil : pieces.joined(separator: " … ")
  }
}

/// A concordance query: the text, which side(s) to search, and which documents.
public struct ConcordanceQuery: Sendable, Equatable {
  public var text: String
  /// nil: decided from the query's script (source, target, or both when it is not clear).
  public var side: PairSide?
  public var filter: PairFilter
  /// Renderings to look for first on the other side (e.g. the glossary's terms of the concept),
  /// before falling back to the word links.
  public var knownRenderings: [String]

  public init(_ text: String, side: PairSide? = nil, filter: PairFilter = PairFilter(), knownRenderings: [String] = []) {
    self.text = text
    self.side = side
    self.filter = filter
    self.knownRenderings = knownRenderings
  }
}
