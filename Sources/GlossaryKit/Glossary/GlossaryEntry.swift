import Foundation

/// Status of a rendering: TBX administrative status plus the review workflow.
///
/// The declaration order is the file's sort order within a source term.
public enum TermStatus: String, CaseIterable, Comparable, Codable, Sendable {
  case preferred, admitted, superseded, deprecated, candidate, rejected

  /// Sort rank in the file and in lookup output.
  public var rank: Int { TermStatus.allCases.firstIndex(of: self)! }

  /// Curated statuses a translator acts on (not the review workflow).
  public var isCurated: Bool { rank <= TermStatus.deprecated.rank }

  public static func < (a: TermStatus, b: TermStatus) -> Bool { a.rank < b.rank }

  /// Parses a comma-separated list (`preferred,admitted`).
  public static func list(_ text: String) -> [TermStatus]? {
    var out: [TermStatus] = []
    for part in text.split(separator: ",") {
      guard let s = TermStatus(rawValue: part.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
      out.append(s)
    }
    return out
  }
}

/// One example of a rendering in use: a document id and an aligned sentence pair.
public struct TermExample: Hashable, Codable, Sendable {
  /// Document id `YYYY-MM-DD-slug`.
  public var document: String
  public var source: String
  public var target: String

  public init(document: String, source: String, target: String) {
    self.document = document
    self.source = source
    self.target = target
  }
}

/// The pair view of a glossary: one rendering of a source term, with its
/// status, validity, note and evidence, and the concept it belongs to.
///
/// A pair is a source-language term and a target-language term of one
/// concept (``Glossary/pairs(from:to:)``); status, dates, replacement, note,
/// evidence and review stamp are the target term's, tags the concept's and the
/// target term's. Format 1 glossary files held exactly these rows.
public struct GlossaryEntry: Hashable, Codable, Sendable {
  /// The concept the pair belongs to (empty for a pair not yet in a glossary).
  public var conceptID: String
  public var source: String
  public var target: String
  public var status: TermStatus
  public var validFrom: ISODate?
  public var validTo: ISODate?
  /// For deprecated/superseded rows: the rendering that replaces this one.
  public var replacedBy: String
  public var tags: [String]
  public var note: String
  public var score: Double?
  public var occurrences: Int?
  /// Document ids (`YYYY-MM-DD-slug`) the rendering was seen in.
  public var seenIn: [String]
  public var examples: [TermExample]
  public var reviewer: String
  public var reviewed: ISODate?

  public init(
    source: String, target: String, status: TermStatus = .candidate, validFrom: ISODate? = nil,
    validTo: ISODate? = nil, replacedBy: String = "", tags: [String] = [], note: String = "",
    score: Double? = nil, occurrences: Int? = nil, seenIn: [String] = [], examples: [TermExample] = [],
    reviewer: String = "", reviewed: ISODate? = nil, conceptID: String = ""
  ) {
    self.conceptID = conceptID
    self.source = source
    self.target = target
    self.status = status
    self.validFrom = validFrom
    self.validTo = validTo
    self.replacedBy = replacedBy
    self.tags = tags
    self.note = note
    self.score = score
    self.occurrences = occurrences
    self.seenIn = seenIn
    self.examples = examples
    self.reviewer = reviewer
    self.reviewed = reviewed
  }

  // MARK: Derived evidence

  /// Number of distinct documents the rendering was seen in.
  public var documents: Int { Set(seenIn).count }

  /// Date of a document id's `YYYY-MM-DD` prefix.
  public static func date(ofDocument id: String) -> ISODate? { ISODate(id.prefix(10)) }

  /// Earliest document date in `seenIn`.
  public var firstSeen: ISODate? { seenIn.compactMap(GlossaryEntry.date(ofDocument:)).min() }

  /// Latest document date in `seenIn`.
  public var lastSeen: ISODate? { seenIn.compactMap(GlossaryEntry.date(ofDocument:)).max() }

  /// Documents per year, from the date prefix of each document id.
  public var documentsPerYear: [Int: Int] {
    var out: [Int: Int] = [:]
    for id in Set(seenIn) { if let d = GlossaryEntry.date(ofDocument: id) { out[d.year, default: 0] += 1 } }
    return out
  }

  /// Whether the rendering's validity period contains `date` (open ends count as open).
  public func isValid(on date: ISODate) -> Bool {
    if let f = validFrom, date < f { return false }
    if let t = validTo, t < date { return false }
    return true
  }

  /// Whether two validity periods share at least one day.
  public func overlaps(_ other: GlossaryEntry) -> Bool {
    if let a = validTo, let b = other.validFrom, a < b { return false }
    if let a = other.validTo, let b = validFrom, a < b { return false }
    return true
  }

  /// File order: source (code points), status, target (code points).
  public static func fileOrder(_ a: GlossaryEntry, _ b: GlossaryEntry) -> Bool {
    if a.source != b.source { return a.source.unicodeScalars.lexicographicallyPrecedes(b.source.unicodeScalars) }
    if a.status != b.status { return a.status < b.status }
    return a.target.unicodeScalars.lexicographicallyPrecedes(b.target.unicodeScalars)
  }
}
