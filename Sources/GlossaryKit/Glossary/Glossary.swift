import Foundation

/// A glossary: its languages (a source language and one or more target
/// languages), comments, and concepts, each holding terms in any of the
/// languages.
///
/// Concepts are changed through the concept API (``add(_:path:)-concept``,
/// ``modifyConcept(id:path:_:)``, ``removeConcept(id:)``) or the pair-level
/// edits (``add(_:path:)``, ``edit(source:target:conceptID:path:_:)`` ...), which
/// keep the id and term maps current and check each concept they touch.
/// ``entries`` is the read-only pair view (source term -> target rendering)
/// that check, mining and history read.
///
/// ```swift
/// var g = Glossary(sourceLanguage: "zh", targetLanguage: "en")
/// try g.add(GlossaryEntry(source: "一带一路", target: "the Belt and Road Initiative", status: .preferred))
/// let text = g.tsv()          // format 2: one row per term, grouped by concept
/// ```
public struct Glossary: Equatable, Sendable {
  public var sourceLanguage: String
  /// Target languages, the pair view's first.
  public var targetLanguages: [String]
  /// Comment lines (with their leading `#`) above the header.
  public var comments: [String]
  /// Comment lines after the last row.
  public var trailingComments: [String] = []
  /// Concepts; in file order after ``sort()`` or a read.
  public private(set) var concepts: [Concept] = []
  /// Problems that do not stop loading (e.g. deprecated without replacement, unknown tag).
  public var warnings: [GlossaryProblem] = []
  /// Format version of the file read (1: `zh en status ...` rows, 2: one row per term); written as 2.
  public var formatVersion = 2

  /// Concept id -> index in `concepts`.
  private var indexOfID: [String: Int] = [:]
  /// Term -> indexes of the concepts holding it.
  private var conceptsOfTerm = TermMap()
  /// Highest n of the ids `c<n>`, for new ids.
  private var highestNumber = 0

  /// Tags the format knows: this project's classes, `form`, and TBX-Basic's term types (read from and written
  /// to TBX `termNote type="termType"`).
  public static let knownTags: Set<String> = Set([
    "title", "body", "initiative", "principle", "formulation", "relation", "event", "person", "place", "covid", "party",
    "form", "short", "discourse", "forbidden",
  ]).union(termTypes)

  /// TBX-Basic's term types, kept as term tags.
  public static let termTypes: Set<String> = ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"]

  public init(sourceLanguage: String = "zh", targetLanguage: String = "en", comments: [String] = []) {
    self.init(languages: [sourceLanguage, targetLanguage], comments: comments)
  }

  /// A glossary of `languages` (source first; at least one).
  public init(languages: [String], comments: [String] = []) {
    sourceLanguage = languages.first ?? "zh"
    targetLanguages = Array(languages.dropFirst())
    self.comments = comments
  }

  /// A glossary built from pairs: pairs with the same concept id (or, without one, the same source term) make one concept.
  public init(sourceLanguage: String = "zh", targetLanguage: String = "en", comments: [String] = [], entries: [GlossaryEntry]) {
    self.init(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, comments: comments)
    for e in entries { try? addPair(e) }
  }

  /// The first target language (the pair view's).
  public var targetLanguage: String {
    get { targetLanguages.first ?? sourceLanguage }
    set {
      if targetLanguages.isEmpty { targetLanguages = [newValue] } else { targetLanguages[0] = newValue }
    }
  }

  /// Source language first, then the target languages.
  public var languages: [String] { [sourceLanguage] + targetLanguages }

  public static func == (a: Glossary, b: Glossary) -> Bool {
    a.sourceLanguage == b.sourceLanguage && a.targetLanguages == b.targetLanguages && a.comments == b.comments
      && a.trailingComments == b.trailingComments && a.concepts == b.concepts
  }

  /// Whether two language codes name the same language (case-insensitive, `_` = `-`).
  public static func sameLanguage(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    guard a.utf8.count == b.utf8.count else { return false }
    return zip(a.utf8, b.utf8).allSatisfy { foldLanguageByte($0) == foldLanguageByte($1) }
  }

  /// A language code's byte, lowercase ASCII and `_` as `-`.
  @inline(__always) static func foldLanguageByte(_ b: UInt8) -> UInt8 {
    b == 0x5F ? 0x2D : (b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
  }

  /// The code lowercased with `-` for `_` (the code itself when it already is).
  static func languageKey(_ code: String) -> String {
    if code.utf8.allSatisfy({ foldLanguageByte($0) == $0 }) { return code }
    return String(decoding: code.utf8.map(foldLanguageByte), as: UTF8.self)
  }

  /// The glossary's own spelling of `code`: the same code, else the same primary subtag (`en-US` -> `en`); nil when neither.
  public func glossaryLanguage(for code: String) -> String? {
    if code == "*" { return "*" }
    if let same = languages.first(where: { Glossary.sameLanguage($0, code) }) { return same }
    let base = { (c: String) in String(Glossary.languageKey(c).prefix { $0 != "-" }) }
    let matches = languages.filter { base($0) == base(code) }
    return matches.count == 1 ? matches[0] : nil
  }

  // MARK: Pair view

  /// Every rendering as a source -> target pair, in file order.
  public var entries: [GlossaryEntry] { pairs(from: sourceLanguage, to: targetLanguage) }

  /// Pairs of every concept: each term in `from` with each term in `to`.
  public func pairs(from: String, to: String) -> [GlossaryEntry] {
    var out: [GlossaryEntry] = []
    out.reserveCapacity(concepts.count * 2)
    for c in concepts { Glossary.appendPairs(of: c, from: from, to: to, into: &out) }
    return out
  }

  /// Pairs of one concept.
  public static func pairs(of c: Concept, from: String, to: String) -> [GlossaryEntry] {
    var out: [GlossaryEntry] = []
    appendPairs(of: c, from: from, to: to, into: &out)
    return out
  }

  static func appendPairs(of c: Concept, from: String, to: String, into out: inout [GlossaryEntry]) {
    let sources = c.terms.filter { sameLanguage($0.language, from) }.sorted(by: Term.statusOrder)
    guard !sources.isEmpty else { return }
    let targets = c.terms.filter { sameLanguage($0.language, to) }.sorted(by: Term.statusOrder)
    let conceptTags = c.tags
    for s in sources {
      for t in targets { out.append(pair(concept: c.id, conceptTags: conceptTags, source: s.text, target: t)) }
    }
  }

  /// The pair of a source text and a target term.
  static func pair(concept: String, conceptTags: [String], source: String, target t: Term) -> GlossaryEntry {
    var tags = conceptTags
    for tag in t.tags where !tags.contains(tag) { tags.append(tag) }
    return GlossaryEntry(
      source: source, target: t.text, status: t.status, validFrom: t.validFrom, validTo: t.validTo, replacedBy: t.replacedBy,
      tags: tags, note: t.note, score: t.score, occurrences: t.occurrences, seenIn: t.seenIn, examples: t.examples,
      reviewer: t.reviewer, reviewed: t.reviewed, conceptID: concept)
  }

  /// Writes a pair's target-side fields back onto a term (tags: those not already the concept's).
  static func apply(_ e: GlossaryEntry, to t: inout Term, conceptTags: [String]) {
    t.text = e.target
    t.status = e.status
    t.validFrom = e.validFrom
    t.validTo = e.validTo
    t.replacedBy = e.replacedBy
    t.tags = e.tags.filter { !conceptTags.contains($0) }
    t.note = e.note
    t.score = e.score
    t.occurrences = e.occurrences
    t.seenIn = e.seenIn
    t.examples = e.examples
    t.reviewer = e.reviewer
    t.reviewed = e.reviewed
  }

  /// Index of the pair with this source and target in ``entries``' order; nil when absent.
  public func index(source: String, target: String) -> Int? {
    entries.firstIndex { $0.source == source && $0.target == target }
  }

  /// The accepted translation pairs (preferred and admitted renderings), which the
  /// aligners use as anchors and priors: a decision made in review feeds the
  /// next `glossary align` or `glossary extract`.
  public var acceptedTermPairs: [(source: String, target: String)] {
    entries.filter { $0.status == .preferred || $0.status == .admitted }.map { ($0.source, $0.target) }
  }

  // MARK: Finding concepts

  /// The concept with this id.
  public func concept(id: String) -> Concept? { indexOfID[id].map { concepts[$0] } }

  /// Index in ``concepts`` of the concept with this id.
  public func conceptIndex(id: String) -> Int? { indexOfID[id] }

  /// Ids of the concepts holding a term with this exact text in `language`, in file order.
  public func conceptIDs(withTerm text: String, language: String) -> [String] {
    conceptsOfTerm.candidates(language, text).filter { concepts[$0].termIndex(language: language, text: text) != nil }.sorted()
      .map { concepts[$0].id }
  }

  /// The concept holding both `source` (source language) and `target` (target language); `conceptID` narrows it.
  public func conceptID(source: String, target: String, conceptID: String? = nil) -> String? {
    if let id = conceptID, !id.isEmpty {
      guard let c = concept(id: id), c.termIndex(language: sourceLanguage, text: source) != nil,
        c.termIndex(language: targetLanguage, text: target) != nil
      else { return nil }
      return id
    }
    return conceptIDs(withTerm: source, language: sourceLanguage).first { id in
      concept(id: id)!.termIndex(language: targetLanguage, text: target) != nil
    }
  }

  /// A new concept id: `c` and one more than the highest number in use.
  public func newConceptID() -> String { "c\(highestNumber + 1)" }

  // MARK: Keeping the maps current

  /// Appends a concept without checks (readers check afterwards); an empty or taken id gets a new one.
  mutating func appendConcept(_ c: Concept) {
    var c = c
    if c.id.isEmpty || indexOfID[c.id] != nil { c.id = newConceptID() }
    let i = concepts.count
    concepts.append(c)
    indexOfID[c.id] = i
    noteNumber(of: c.id)
    for t in c.terms { conceptsOfTerm.insert(t.language, t.text, i) }
  }

  private mutating func noteNumber(of id: String) {
    if id.hasPrefix("c"), let n = Int(id.dropFirst()), n > highestNumber { highestNumber = n }
  }

  /// Replaces concept `i`, updating the maps (its id may change).
  mutating func replaceConcept(at i: Int, with new: Concept) {
    let old = concepts[i]
    if old.id != new.id {
      indexOfID[old.id] = nil
      indexOfID[new.id] = i
      noteNumber(of: new.id)
    }
    let sameTerms = old.terms.count == new.terms.count
      && zip(old.terms, new.terms).allSatisfy { $0.text == $1.text && Glossary.sameLanguage($0.language, $1.language) }
    if !sameTerms {
      for t in old.terms { conceptsOfTerm.remove(t.language, t.text, i) }
      for t in new.terms { conceptsOfTerm.insert(t.language, t.text, i) }
    }
    concepts[i] = new
  }

  /// Removes concepts at `indexes` and rebuilds the maps.
  mutating func removeConcepts(at indexes: Set<Int>) {
    guard !indexes.isEmpty else { return }
    var kept: [Concept] = []
    kept.reserveCapacity(concepts.count)
    for (i, c) in concepts.enumerated() where !indexes.contains(i) { kept.append(c) }
    setConcepts(kept)
  }

  /// Replaces every concept (ids must be unique) and rebuilds the maps.
  mutating func setConcepts(_ list: [Concept]) {
    concepts = []
    indexOfID = [:]
    conceptsOfTerm.removeAll()
    conceptsOfTerm.reserve(list.count * 2)
    concepts.reserveCapacity(list.count)
    indexOfID.reserveCapacity(list.count)
    for c in list { appendConcept(c) }
  }

  /// Sorts concepts, descriptions and terms into file order.
  public mutating func sort() {
    let ordered = GlossaryFormat.fileOrder(self)
    setConcepts(ordered)
  }
}
