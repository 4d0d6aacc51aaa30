/// The rules a concept must keep, checked by the file reader on every row it
/// reads and by every edit, import, review and sheet on each concept they
/// touch (one validator for reads and writes).
///
/// Errors: a term in a language the glossary does not hold; an empty term, one
/// with edge spaces or control characters; dates in the wrong order; the same
/// term twice; two preferred terms of one language valid on the same day; a
/// replacement that is not another term of the same concept and language;
/// descriptions in unknown languages, twice for one language, or with
/// concept-level fields on a language row.
/// Warnings (a curator may do it on purpose): deprecated or superseded without
/// a replacement, superseded without an end date, an unknown tag.
enum ConceptRules {
  struct Found {
    var errors: [GlossaryProblem] = []
    var warnings: [GlossaryProblem] = []
  }

  /// Problems of one concept of `glossary`. `writing`: the concept is about to be written (every edit,
  /// import, review, sheet and extract), so each row is also read back with the file reader's own row
  /// code (``rowProblem(_:concept:)``): nothing is written that the reader would refuse or read otherwise.
  static func check(_ c: Concept, in glossary: Glossary, path: String, writing: Bool = true) -> Found {
    var found = Found()
    var label: String { conceptLabel(c, glossary) }
    func error(_ line: FileLine, _ m: String) { found.errors.append(.init(path: path, line: line.value, message: m)) }
    func warning(_ line: FileLine, _ m: String) { found.warnings.append(.init(path: path, line: line.value, message: m)) }
    if let problem = idProblem(c.id) { error(c.line, problem) }
    var seenDescriptions: [String: Int] = [:]
    for d in c.descriptions {
      if d.language != "*" && glossary.glossaryLanguage(for: d.language) == nil {
        error(d.line, "language \"\(d.language)\" is not one of the glossary's languages (\(glossary.languages.joined(separator: ", ")))")
      }
      let key = Glossary.languageKey(d.language)
      if let first = seenDescriptions[key] {
        error(d.line, "concept \(c.id) has two \(d.language == "*" ? "concept" : d.language) rows" + (first > 0 ? " (first at line \(first))" : ""))
      } else {
        seenDescriptions[key] = d.line.value
      }
      if d.language != "*" && (!d.subjectField.isEmpty || !d.tags.isEmpty) {
        error(d.line, "subject and tags belong on the concept row (lang *), not on the \(d.language) row")
      }
      for (name, value) in [("definition", d.definition), ("definition_source", d.definitionSource), ("note", d.note), ("subject", d.subjectField)] {
        if let p = textProblem(value, allowLineBreaks: name != "subject") { error(d.line, "\(name): \(p)") }
      }
      for t in d.tags where !Glossary.knownTags.contains(t) { warning(d.line, "unknown tag \"\(t)\"") }
      if writing, let p = rowProblem(d, concept: c.id) { error(d.line, p) }
    }
    var preferred: [Int] = []
    var seen = TermMap()
    for (i, t) in c.terms.enumerated() {
      if glossary.glossaryLanguage(for: t.language) == nil {
        error(t.line, "language \"\(t.language)\" is not one of the glossary's languages (\(glossary.languages.joined(separator: ", "))); add it to the languages row")
      }
      if t.text.isEmpty {
        error(t.line, "empty term")
      } else if let p = textProblem(t.text, allowLineBreaks: false) {
        error(t.line, "term: \(p)")
      } else if CharacterClass.of(t.text.unicodeScalars.first!).contains(.whitespace)
        || CharacterClass.of(t.text.unicodeScalars.last!).contains(.whitespace)
      {
        error(t.line, "term \"\(t.text)\" has leading or trailing spaces")
      }
      if let p = textProblem(t.note, allowLineBreaks: true) { error(t.line, "note: \(p)") }
      if let p = textProblem(t.replacedBy, allowLineBreaks: false) { error(t.line, "replaced_by: \(p)") }
      if let f = t.validFrom, let to = t.validTo, to < f { error(t.line, "valid_to \(to) is before valid_from \(f)") }
      if writing, let p = rowProblem(t, concept: c.id) { error(t.line, p) }
      // Earlier terms scanned for small concepts, hashed for large ones (no quadratic cost).
      let first: Int?
      if c.terms.count <= 32 {
        first = c.terms[..<i].firstIndex { $0.text == t.text && Glossary.sameLanguage($0.language, t.language) }
      } else {
        first = seen.candidates(t.language, t.text).first { c.terms[$0].text == t.text && Glossary.sameLanguage(c.terms[$0].language, t.language) }
        seen.insert(t.language, t.text, i)
      }
      if let first {
        let at = c.terms[first].line.value > 0 ? " (first at line \(c.terms[first].line.value))" : ""
        error(t.line, "duplicate term \(t.language) \"\(t.text)\" in \(label)\(at)")
      }
      if t.status == .preferred {
        if let j = preferred.first(where: { Glossary.sameLanguage(c.terms[$0].language, t.language) && c.terms[$0].overlaps(t) }) {
          error(t.line, "two preferred \(t.language) terms of \(label) valid at the same time: \"\(c.terms[j].text)\" and \"\(t.text)\" (set valid_from/valid_to or make one admitted)")
        }
        preferred.append(i)
      }
      if !t.replacedBy.isEmpty {
        if t.replacedBy == t.text {
          error(t.line, "\"\(t.text)\" cannot be replaced by itself")
        } else if c.termIndex(language: t.language, text: t.replacedBy) == nil {
          error(t.line, "replaced_by \"\(t.replacedBy)\" of \"\(t.text)\" is not a \(t.language) term of \(label) (add it first, or fix the spelling)")
        }
      }
      if (t.status == .deprecated || t.status == .superseded) && t.replacedBy.isEmpty {
        warning(t.line, "\(t.status.rawValue) term \"\(t.text)\" has no replaced_by")
      }
      if t.status == .superseded && t.validTo == nil {
        warning(t.line, "superseded term \"\(t.text)\" has no valid_to")
      }
      for tag in t.tags where !Glossary.knownTags.contains(tag) { warning(t.line, "unknown tag \"\(tag)\"") }
    }
    return found
  }

  /// Why a term would not be read back as written, or nil: its row's fields as the writer makes them,
  /// parsed by the reader's own ``GlossaryRow/parse(_:version:line:)`` (negative occurrences, a tab in an
  /// example, a comma or edge space in a tag ...).
  static func rowProblem(_ t: Term, concept: String) -> String? {
    switch GlossaryRow.parse(GlossaryRow.fields(of: t, concept: concept) + ["", ""], version: 2, line: t.line.value) {
    case .failure(let p): return p.messages.joined(separator: "; ")
    case .success(.term(_, let back)) where back == t: return nil
    case .success(.term(_, let back)): return "\(differingField(t, back)) would not read back as written"
    case .success: return "a term row would read back as a description row"
    }
  }

  /// ``rowProblem(_:concept:)`` for a concept or language description row.
  static func rowProblem(_ d: ConceptDescription, concept: String) -> String? {
    switch GlossaryRow.parse(GlossaryRow.fields(of: d, concept: concept) + ["", ""], version: 2, line: d.line.value) {
    case .failure(let p): return p.messages.joined(separator: "; ")
    case .success(.description(_, let back)) where back == d: return nil
    case .success(.description): return "tags \(d.tags) would not read back as written (a tag has a comma or edge spaces, or is empty)"
    case .success: return "a description row would read back as a term row"
    }
  }

  /// The name of the first field in which `a` and `b` differ.
  private static func differingField(_ a: Term, _ b: Term) -> String {
    if a.tags != b.tags { return "tags \(a.tags) (a tag with a comma or edge spaces, or empty)" }
    if a.seenIn != b.seenIn { return "seen_in \(a.seenIn) (a document with a comma or edge spaces, or empty)" }
    if a.examples != b.examples { return "examples (a document or sentence with a tab or line break, or an empty one)" }
    return "a field"
  }

  /// `concept c12 (一带一路)`: the id and the source-language head term.
  static func conceptLabel(_ c: Concept, _ g: Glossary) -> String {
    let head = c.headTerm(in: g.sourceLanguage) ?? c.terms.first
    return "concept \(c.id)" + (head.map { " (\($0.text))" } ?? "")
  }

  /// Why `id` cannot be a concept id, or nil.
  static func idProblem(_ id: String) -> String? {
    if id.isEmpty { return "empty concept id" }
    if id == "*" || id.hasPrefix("#") { return "concept id \"\(id)\" cannot be * or start with #" }
    let plain = id.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    if !plain && id.unicodeScalars.contains(where: { !CharacterClass.of($0).isDisjoint(with: [.whitespace, .control]) }) {
      return "concept id \"\(id)\" contains spaces or control characters"
    }
    return nil
  }

  /// Why a field's text is not allowed (control characters; line breaks and tabs only where allowed), or nil.
  static func textProblem(_ s: String, allowLineBreaks: Bool) -> String? {
    // Controls are single UTF-8 bytes: a byte scan finds the usual clean text.
    guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
    for u in s.unicodeScalars where u.value < 0x20 || u.value == 0x7F {
      if allowLineBreaks && (u == "\n" || u == "\t") { continue }
      return "contains the control character U+\(String(u.value, radix: 16, uppercase: true).leftPadded(4))"
    }
    return nil
  }
}

extension String {
  /// The string left-padded with zeros to `width`.
  func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
