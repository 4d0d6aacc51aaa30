/// One term of a concept in one language: its text, status, validity,
/// replacement, part of speech, tags, note, evidence and review stamp.
///
/// A term is one row of a glossary file (format 2). `replacedBy` names a term
/// of the same concept and language (checked on every read and write).
public struct Term: Hashable, Sendable {
  /// Language code, one of the glossary's languages (`zh`, `en`, `es` ...).
  public var language: String
  public var text: String
  public var status: TermStatus
  public var validFrom: ISODate?
  public var validTo: ISODate?
  /// For deprecated and superseded terms: the text of the term to use instead (same concept, same language).
  public var replacedBy: String
  /// Part of speech (TBX `partOfSpeech`: noun, verb, adjective ...); free text.
  public var partOfSpeech: String
  /// Term-level tags (e.g. `form` for a grammatical form of the preferred term).
  public var tags: [String]
  public var note: String
  public var score: Double?
  public var occurrences: Int?
  /// Document ids (`YYYY-MM-DD-slug`) the term was seen in.
  public var seenIn: [String]
  public var examples: [TermExample]
  public var reviewer: String
  public var reviewed: ISODate?
  /// Comment lines (with their `#`) written just above the term's row.
  public var comments: [String]
  /// Line of the row in the file it was read from (0 otherwise); not part of equality.
  public var line: FileLine

  public init(
    language: String, text: String, status: TermStatus = .candidate, validFrom: ISODate? = nil, validTo: ISODate? = nil,
    replacedBy: String = "", partOfSpeech: String = "", tags: [String] = [], note: String = "", score: Double? = nil,
    occurrences: Int? = nil, seenIn: [String] = [], examples: [TermExample] = [], reviewer: String = "",
    reviewed: ISODate? = nil, comments: [String] = [], line: Int = 0
  ) {
    self.language = language
    self.text = text
    self.status = status
    self.validFrom = validFrom
    self.validTo = validTo
    self.replacedBy = replacedBy
    self.partOfSpeech = partOfSpeech
    self.tags = tags
    self.note = note
    self.score = score
    self.occurrences = occurrences
    self.seenIn = seenIn
    self.examples = examples
    self.reviewer = reviewer
    self.reviewed = reviewed
    self.comments = comments
    self.line = FileLine(line)
  }

  /// Whether the term's validity period contains `date` (open ends count as open).
  public func isValid(on date: ISODate) -> Bool {
    if let f = validFrom, date < f { return false }
    if let t = validTo, t < date { return false }
    return true
  }

  /// Whether two validity periods share at least one day.
  public func overlaps(_ other: Term) -> Bool {
    if let a = validTo, let b = other.validFrom, a < b { return false }
    if let a = other.validTo, let b = validFrom, a < b { return false }
    return true
  }

  /// Whether translators may use the term (preferred or admitted).
  public var isApproved: Bool { status == .preferred || status == .admitted }

  /// Order within a language: status, then text (code points).
  public static func statusOrder(_ a: Term, _ b: Term) -> Bool {
    if a.status != b.status { return a.status < b.status }
    return a.text.utf8.lexicographicallyPrecedes(b.text.utf8)  // UTF-8 byte order is code point order
  }
}

/// A line number carried along for messages that never makes two values
/// different: a glossary read from a file equals the same glossary built in memory.
public struct FileLine: Hashable, Sendable, ExpressibleByIntegerLiteral {
  public var value: Int
  public init(_ value: Int) { self.value = value }
  public init(integerLiteral value: Int) { self.value = value }
  public static func == (a: FileLine, b: FileLine) -> Bool { true }
  public func hash(into hasher: inout Hasher) {}
}
