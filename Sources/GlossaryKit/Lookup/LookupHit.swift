import Foundation

/// How a concept matched a query, best first.
public enum MatchKind: String, Codable, Sendable, Comparable {
  /// The query is the term (on match keys).
  case exact
  /// The term contains the query.
  case containing
  /// The query (e.g. a pasted sentence) contains the term.
  case contained
  /// Close in spelling or in pinyin: "did you mean".
  case fuzzy

  var rank: Int { [.exact, .containing, .contained, .fuzzy].firstIndex(of: self)! }
  public static func < (a: MatchKind, b: MatchKind) -> Bool { a.rank < b.rank }
}

/// What to look up and which renderings to show.
public struct LookupOptions: Sendable {
  /// Language of the query (`zh`, `en`); nil guesses it from the script.
  public var language: String?
  /// Keep only renderings valid on this date.
  public var asOf: ISODate?
  /// Statuses to show; nil means the curated ones (preferred, admitted, superseded, deprecated).
  public var statuses: Set<TermStatus>?
  /// Most concepts returned.
  public var limit: Int
  /// Try fuzzy matches when nothing else matches.
  public var fuzzy: Bool

  public init(language: String? = nil, asOf: ISODate? = nil, statuses: Set<TermStatus>? = nil, limit: Int = 20, fuzzy: Bool = true) {
    self.language = language
    self.asOf = asOf
    self.statuses = statuses
    self.limit = limit
    self.fuzzy = fuzzy
  }
}

/// One concept found for a query, with the terms to show in display order.
public struct LookupHit: Sendable, Equatable {
  public var kind: MatchKind
  /// The glossary file and the line of the concept's first row.
  public var glossary: String
  public var line: Int
  /// The concept's id.
  public var conceptID: String
  /// The concept's head term in the source language (another language's when it has none).
  public var source: String
  /// The glossary term that matched.
  public var matched: String
  /// Language of the matched term.
  public var matchedLanguage: String
  /// Whether the match was on a source-language term (else on a rendering).
  public var matchedSource: Bool
  /// Edit distance of a fuzzy match (0 for a pinyin match).
  public var distance: Int?
  /// Renderings in the first target language as pairs with ``source``: preferred, admitted, superseded,
  /// deprecated (... candidate, rejected), filtered by the options.
  public var entries: [GlossaryEntry]
  /// Other source-language terms (synonyms, abbreviations, superseded forms), filtered by the options.
  public var synonyms: [Term]
  /// Terms in the other target languages, filtered by the options, in the glossary's language order.
  public var otherTerms: [Term]
  /// The whole concept as the file has it.
  public var concept: Concept
}
