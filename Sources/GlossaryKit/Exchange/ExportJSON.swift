import Foundation

/// A rendering as JSON: every field of the row plus derived evidence
/// (documents, firstSeen, lastSeen, documentsPerYear).
public struct GlossaryEntryRecord: Codable, Equatable, Sendable {
  /// The concept id (absent for a pair not in a glossary).
  public var concept: String?
  public var source: String
  public var target: String
  public var status: TermStatus
  public var validFrom: ISODate?
  public var validTo: ISODate?
  public var replacedBy: String?
  public var tags: [String]
  public var note: String?
  public var score: Double?
  public var occurrences: Int?
  public var documents: Int
  public var firstSeen: ISODate?
  public var lastSeen: ISODate?
  public var documentsPerYear: [String: Int]
  public var seenIn: [String]
  public var examples: [TermExample]
  public var reviewer: String?
  public var reviewed: ISODate?

  public init(_ e: GlossaryEntry) {
    concept = e.conceptID.isEmpty ? nil : e.conceptID
    source = e.source
    target = e.target
    status = e.status
    validFrom = e.validFrom
    validTo = e.validTo
    replacedBy = e.replacedBy.isEmpty ? nil : e.replacedBy
    tags = e.tags
    note = e.note.isEmpty ? nil : e.note
    score = e.score
    occurrences = e.occurrences
    documents = e.documents
    firstSeen = e.firstSeen
    lastSeen = e.lastSeen
    documentsPerYear = Dictionary(uniqueKeysWithValues: e.documentsPerYear.map { (String($0.key), $0.value) })
    seenIn = e.seenIn
    examples = e.examples
    reviewer = e.reviewer.isEmpty ? nil : e.reviewer
    reviewed = e.reviewed
  }

  /// Back to a row (derived fields are dropped: they follow from `seenIn`).
  public var entry: GlossaryEntry {
    GlossaryEntry(
      source: source, target: target, status: status, validFrom: validFrom, validTo: validTo, replacedBy: replacedBy ?? "",
      tags: tags, note: note ?? "", score: score, occurrences: occurrences, seenIn: seenIn, examples: examples,
      reviewer: reviewer ?? "", reviewed: reviewed, conceptID: concept ?? "")
  }

  enum CodingKeys: String, CodingKey {
    case concept, source, target, status, validFrom, validTo, replacedBy, tags, note, score, occurrences, documents, firstSeen,
      lastSeen, documentsPerYear, seenIn, examples, reviewer, reviewed
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    concept = try c.decodeIfPresent(String.self, forKey: .concept)
    source = try c.decode(String.self, forKey: .source)
    target = try c.decode(String.self, forKey: .target)
    status = try c.decodeIfPresent(TermStatus.self, forKey: .status) ?? .candidate
    validFrom = try c.decodeIfPresent(ISODate.self, forKey: .validFrom)
    validTo = try c.decodeIfPresent(ISODate.self, forKey: .validTo)
    replacedBy = try c.decodeIfPresent(String.self, forKey: .replacedBy)
    tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
    note = try c.decodeIfPresent(String.self, forKey: .note)
    score = try c.decodeIfPresent(Double.self, forKey: .score)
    occurrences = try c.decodeIfPresent(Int.self, forKey: .occurrences)
    seenIn = try c.decodeIfPresent([String].self, forKey: .seenIn) ?? []
    examples = try c.decodeIfPresent([TermExample].self, forKey: .examples) ?? []
    reviewer = try c.decodeIfPresent(String.self, forKey: .reviewer)
    reviewed = try c.decodeIfPresent(ISODate.self, forKey: .reviewed)
    documents = Set(seenIn).count
    firstSeen = nil
    lastSeen = nil
    documentsPerYear = [:]
  }
}

/// A whole glossary as JSON.
public struct GlossaryRecord: Codable, Equatable, Sendable {
  public var format: String
  public var sourceLanguage: String
  public var targetLanguage: String
  public var comments: [String]
  public var entries: [GlossaryEntryRecord]

  public init(_ g: Glossary) {
    format = "glossary-json-1"
    sourceLanguage = g.sourceLanguage
    targetLanguage = g.targetLanguage
    comments = g.comments
    entries = g.entries.sorted(by: GlossaryEntry.fileOrder).map(GlossaryEntryRecord.init)
  }

  public var glossary: Glossary {
    Glossary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, comments: comments, entries: entries.map(\.entry))
  }
}
