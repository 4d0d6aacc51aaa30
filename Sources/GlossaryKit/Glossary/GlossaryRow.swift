import Foundation

/// One row of a glossary file, parsed and checked on its own: a term, a
/// concept or language description (format 2), or a source -> target pair
/// (format 1). The file reader and the lookup index read rows with this type.
enum GlossaryRow {
  case term(concept: String, Term)
  case description(concept: String, ConceptDescription)
  case pair(GlossaryEntry)

  /// Column names of format 2, in the order written.
  static let columns = [
    "concept", "lang", "term", "status", "valid_from", "valid_to", "replaced_by", "tags", "note", "pos", "subject",
    "definition", "definition_source", "score", "occurrences", "seen_in", "examples", "reviewer", "reviewed",
  ]
  /// Format 1's columns after the two language columns (all of them are format 2 columns).
  static let version1Columns = [
    "status", "valid_from", "valid_to", "replaced_by", "tags", "note", "score", "occurrences", "seen_in", "examples",
    "reviewer", "reviewed",
  ]

  /// Field slots: format 2 columns by position in ``columns``, then format 1's source and target.
  enum Slot {
    static let concept = 0, lang = 1, term = 2, status = 3, validFrom = 4, validTo = 5, replacedBy = 6, tags = 7, note = 8
    static let pos = 9, subject = 10, definition = 11, definitionSource = 12, score = 13, occurrences = 14, seenIn = 15
    static let examples = 16, reviewer = 17, reviewed = 18, source = 19, target = 20
    static let count = 21
    /// A header name the format does not know.
    static let unknown = -1
  }

  /// Slots written only on term rows (a description row leaves them empty).
  static let termOnly = [Slot.status, Slot.validFrom, Slot.validTo, Slot.replacedBy, Slot.pos, Slot.score, Slot.occurrences,
    Slot.seenIn, Slot.examples, Slot.reviewer, Slot.reviewed]
  /// Slots written only on description rows.
  static let descriptionOnly = [Slot.subject, Slot.definition, Slot.definitionSource]

  /// Parses the unescaped fields of one row (by slot) of a file of `version`.
  /// - Returns: the row, or the problems found (every one, for one message line each).
  static func parse(_ f: [String], version: Int, line: Int) -> Result<GlossaryRow, Problems> {
    var messages: [String] = []
    if version == 1 {
      let source = f[Slot.source], target = f[Slot.target]
      if source.isEmpty { messages.append("empty source term") }
      if target.isEmpty { messages.append("empty target rendering") }
      if trimmed(source) != source || trimmed(target) != target { messages.append("source or target has leading or trailing spaces") }
      let t = term(f, language: "", text: target, line: line, messages: &messages)
      guard messages.isEmpty, let t else { return .failure(Problems(messages: messages)) }
      return .success(.pair(Glossary.pair(concept: "", conceptTags: [], source: source, target: t)))
    }
    let concept = f[Slot.concept], lang = f[Slot.lang], text = f[Slot.term]
    if let p = ConceptRules.idProblem(concept) { messages.append(p) }
    if lang.isEmpty { messages.append("empty lang (a language code, or * for the concept row)") }
    if text.isEmpty || lang == "*" {
      if !text.isEmpty { messages.append("a concept row (lang *) has no term") }
      for s in termOnly where !f[s].isEmpty {
        messages.append("\(columns[s]) belongs on term rows, not on \(lang == "*" ? "the concept row" : "a language row (empty term)")")
      }
      let d = ConceptDescription(
        language: lang, subjectField: f[Slot.subject], definition: f[Slot.definition], definitionSource: f[Slot.definitionSource],
        note: f[Slot.note], tags: list(f[Slot.tags]), line: line)
      guard messages.isEmpty else { return .failure(Problems(messages: messages)) }
      return .success(.description(concept: concept, d))
    }
    for s in descriptionOnly where !f[s].isEmpty {
      messages.append("\(columns[s]) belongs on the concept row (lang *) or a language row (empty term), not on a term row")
    }
    let t = term(f, language: lang, text: text, line: line, messages: &messages)
    guard messages.isEmpty, let t else { return .failure(Problems(messages: messages)) }
    return .success(.term(concept: concept, t))
  }

  /// A comma-separated list.
  static func list(_ s: String) -> [String] {
    s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  private static func term(_ f: [String], language: String, text: String, line: Int, messages: inout [String]) -> Term? {
    func date(_ slot: Int, _ name: String) -> ISODate? {
      let s = f[slot]
      if s.isEmpty { return nil }
      guard let d = ISODate(s) else { messages.append("\(name): \"\(s)\" is not a date YYYY-MM-DD"); return nil }
      return d
    }
    let statusText = f[Slot.status]
    var status = TermStatus.candidate
    if let s = TermStatus(rawValue: statusText) { status = s } else {
      let known = TermStatus.allCases.map(\.rawValue).joined(separator: ", ")
      messages.append(statusText.isEmpty ? "empty status (one of \(known))" : "unknown status \"\(statusText)\" (one of \(known))")
    }
    let from = date(Slot.validFrom, "valid_from"), to = date(Slot.validTo, "valid_to")
    var score: Double?
    if !f[Slot.score].isEmpty {
      if let v = Double(f[Slot.score]), v.isFinite { score = v } else { messages.append("score: \"\(f[Slot.score])\" is not a number") }
    }
    var occurrences: Int?
    if !f[Slot.occurrences].isEmpty {
      if let v = Int(f[Slot.occurrences]), v >= 0 { occurrences = v } else {
        messages.append("occurrences: \"\(f[Slot.occurrences])\" is not a count")
      }
    }
    var examples: [TermExample] = []
    for l in f[Slot.examples].split(separator: "\n") where !l.isEmpty {
      let parts = l.split(separator: "\t", omittingEmptySubsequences: false)
      if parts.count == 3 {
        examples.append(TermExample(document: String(parts[0]), source: String(parts[1]), target: String(parts[2])))
      } else {
        messages.append("examples: each example is document\\tsource sentence\\ttarget sentence, one per \\n")
        break
      }
    }
    let reviewed = date(Slot.reviewed, "reviewed")
    guard messages.isEmpty else { return nil }
    return Term(
      language: language, text: text, status: status, validFrom: from, validTo: to, replacedBy: f[Slot.replacedBy],
      partOfSpeech: f[Slot.pos], tags: list(f[Slot.tags]), note: f[Slot.note], score: score, occurrences: occurrences,
      seenIn: list(f[Slot.seenIn]), examples: examples, reviewer: f[Slot.reviewer], reviewed: reviewed, line: line)
  }

  struct Problems: Error { var messages: [String] }

  /// The string without surrounding whitespace (copies only when there is some).
  static func trimmed(_ s: String) -> String {
    guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
      first.properties.isWhitespace || last.properties.isWhitespace
    else { return s }
    return s.trimmingCharacters(in: .whitespaces)
  }

  // MARK: Writing

  /// Unescaped fields of a term row, in ``columns`` order.
  static func fields(of t: Term, concept: String) -> [String] {
    var f = [String](repeating: "", count: columns.count)
    f[Slot.concept] = concept
    f[Slot.lang] = t.language
    f[Slot.term] = t.text
    f[Slot.status] = t.status.rawValue
    f[Slot.validFrom] = t.validFrom?.description ?? ""
    f[Slot.validTo] = t.validTo?.description ?? ""
    f[Slot.replacedBy] = t.replacedBy
    f[Slot.pos] = t.partOfSpeech
    f[Slot.tags] = t.tags.joined(separator: ",")
    f[Slot.note] = t.note
    f[Slot.score] = t.score.map(formatScore) ?? ""
    f[Slot.occurrences] = t.occurrences.map(String.init) ?? ""
    f[Slot.seenIn] = t.seenIn.joined(separator: ",")
    f[Slot.examples] = t.examples.map { "\($0.document)\t\($0.source)\t\($0.target)" }.joined(separator: "\n")
    f[Slot.reviewer] = t.reviewer
    f[Slot.reviewed] = t.reviewed?.description ?? ""
    return f
  }

  /// Unescaped fields of a description row, in ``columns`` order.
  static func fields(of d: ConceptDescription, concept: String) -> [String] {
    var f = [String](repeating: "", count: columns.count)
    f[Slot.concept] = concept
    f[Slot.lang] = d.language
    f[Slot.subject] = d.subjectField
    f[Slot.definition] = d.definition
    f[Slot.definitionSource] = d.definitionSource
    f[Slot.note] = d.note
    f[Slot.tags] = d.tags.joined(separator: ",")
    return f
  }

  static func formatScore(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
    return String(v)
  }
}
