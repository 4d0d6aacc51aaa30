/// Edits that keep a glossary consistent: each checks the concepts it
/// touches with ``ConceptRules`` and refuses (nothing changed) duplicates,
/// two preferred terms of a language valid on the same day, and replacements
/// that are not terms of the same concept and language.
extension Glossary {
  // MARK: Concepts

  /// Adds a concept (an empty id gets a new one). Term languages are spelled as the glossary spells them.
  /// - Returns: the concept's id.
  @discardableResult
  public mutating func add(_ concept: Concept, path: String = "glossary") throws -> String {
    var c = concept
    if c.id.isEmpty { c.id = newConceptID() }
    if self.concept(id: c.id) != nil { throw GlossaryError.refused(path: path, reason: "concept id \(c.id) is already taken") }
    c = try spelledLanguages(c, path: path)
    try refuseProblems(c, path: path)
    appendConcept(c)
    return c.id
  }

  /// Changes the concept `id` through `body` (its id stays), then checks it.
  @discardableResult
  public mutating func modifyConcept<T>(id: String, path: String = "glossary", _ body: (inout Concept) throws -> T) throws -> T {
    guard let i = conceptIndex(id: id) else { throw GlossaryError.refused(path: path, reason: "no concept \(id)") }
    var c = concepts[i]
    let result = try body(&c)
    c.id = id
    c = try spelledLanguages(c, path: path)
    try refuseProblems(c, path: path)
    replaceConcept(at: i, with: c)
    return result
  }

  /// Removes the concept `id`.
  @discardableResult
  public mutating func removeConcept(id: String, path: String = "glossary") throws -> Concept {
    guard let i = conceptIndex(id: id) else { throw GlossaryError.refused(path: path, reason: "no concept \(id)") }
    let c = concepts[i]
    removeConcepts(at: [i])
    return c
  }

  /// Adds a term to the concept `id`.
  public mutating func addTerm(_ term: Term, toConcept id: String, path: String = "glossary") throws {
    try modifyConcept(id: id, path: path) { c in
      if c.termIndex(language: term.language, text: term.text) != nil {
        throw GlossaryError.refused(path: path, reason: "\(term.language) \"\(term.text)\" is already a term of concept \(id) (use glossary edit)")
      }
      c.terms.append(term)
    }
  }

  /// Problems of one concept as the reader would report them.
  public func problems(of c: Concept, path: String = "glossary") -> (errors: [GlossaryProblem], warnings: [GlossaryProblem]) {
    let found = ConceptRules.check(c, in: self, path: path)
    return (found.errors, found.warnings)
  }

  /// Every error and warning of every concept (the reader's checks across rows; `writing`: also each
  /// row read back as it would be written, see ``ConceptRules/check(_:in:path:writing:)``).
  public func crossRowProblems(path: String, writing: Bool = true) -> (errors: [GlossaryProblem], warnings: [GlossaryProblem]) {
    var errors: [GlossaryProblem] = []
    var warnings: [GlossaryProblem] = []
    for c in concepts {
      let found = ConceptRules.check(c, in: self, path: path, writing: writing)
      errors += found.errors
      warnings += found.warnings
    }
    return (errors, warnings)
  }

  func refuseProblems(_ c: Concept, path: String) throws {
    if let first = ConceptRules.check(c, in: self, path: path).errors.first {
      throw GlossaryError.refused(path: path, reason: first.message)
    }
  }

  /// The concept with each term's and description's language spelled as the glossary spells it.
  func spelledLanguages(_ c: Concept, path: String) throws -> Concept {
    var c = c
    for i in c.terms.indices {
      guard let lang = glossaryLanguage(for: c.terms[i].language) else {
        throw GlossaryError.refused(path: path, reason: "language \"\(c.terms[i].language)\" is not one of the glossary's languages (\(languages.joined(separator: ", ")))")
      }
      c.terms[i].language = lang
    }
    for i in c.descriptions.indices {
      guard let lang = glossaryLanguage(for: c.descriptions[i].language) else {
        throw GlossaryError.refused(path: path, reason: "language \"\(c.descriptions[i].language)\" is not one of the glossary's languages (\(languages.joined(separator: ", ")))")
      }
      c.descriptions[i].language = lang
    }
    return c
  }

  // MARK: Pairs (source term -> rendering)

  /// Adds a rendering: to the concept `entry.conceptID`, else to the one concept holding the source term, else as a
  /// new concept (source term preferred when the rendering is curated, else a candidate).
  /// - Returns: the concept's id.
  /// - Throws: `GlossaryError.refused` for a duplicate, an impossible state, or a source term in several concepts.
  @discardableResult
  public mutating func add(_ entry: GlossaryEntry, path: String = "glossary") throws -> String {
    let id = try conceptForNewPair(entry, path: path)
    var target = Term(language: targetLanguage, text: entry.target)
    guard let id else {
      var c = Concept(id: entry.conceptID.isEmpty || concept(id: entry.conceptID) != nil ? "" : entry.conceptID)
      c.terms = [Term(language: sourceLanguage, text: entry.source, status: entry.status.isCurated ? .preferred : .candidate)]
      Glossary.apply(entry, to: &target, conceptTags: [])
      c.terms.append(target)
      return try add(c, path: path)
    }
    if let c = concept(id: id), c.termIndex(language: targetLanguage, text: entry.target) != nil {
      throw GlossaryError.refused(path: path, reason: "\(entry.source) -> \(entry.target) is already in the glossary (use glossary edit)")
    }
    let sourceLanguage = self.sourceLanguage
    try modifyConcept(id: id, path: path) { c in
      Glossary.apply(entry, to: &target, conceptTags: c.tags)
      c.terms.append(target)
      if entry.status.isCurated { Glossary.promoteSource(&c, text: entry.source, language: sourceLanguage) }
    }
    return id
  }

  /// Adds a pair without checks (building a glossary from pairs; readers and saves check).
  mutating func addPair(_ entry: GlossaryEntry) throws {
    let id = try conceptForNewPair(entry, path: "glossary")
    if let id, let i = conceptIndex(id: id) {
      var c = concepts[i]
      guard c.termIndex(language: targetLanguage, text: entry.target) == nil else { return }
      var t = Term(language: targetLanguage, text: entry.target)
      Glossary.apply(entry, to: &t, conceptTags: c.tags)
      c.terms.append(t)
      if entry.status.isCurated { Glossary.promoteSource(&c, text: entry.source, language: sourceLanguage) }
      replaceConcept(at: i, with: c)
    } else {
      var t = Term(language: targetLanguage, text: entry.target)
      Glossary.apply(entry, to: &t, conceptTags: [])
      let s = Term(language: sourceLanguage, text: entry.source, status: entry.status.isCurated ? .preferred : .candidate)
      appendConcept(Concept(id: entry.conceptID, terms: [s, t]))
    }
  }

  /// The concept a new pair joins: its own id when given and present (the source term is added to it when
  /// missing), else the only concept holding the source term, else nil (a new concept).
  private mutating func conceptForNewPair(_ entry: GlossaryEntry, path: String) throws -> String? {
    if !entry.conceptID.isEmpty, let i = conceptIndex(id: entry.conceptID) {
      if concepts[i].termIndex(language: sourceLanguage, text: entry.source) == nil {
        var c = concepts[i]
        c.terms.append(Term(language: sourceLanguage, text: entry.source, status: entry.status.isCurated ? .preferred : .candidate))
        if c.terms(in: sourceLanguage).filter({ $0.status == .preferred }).count > 1 {
          c.terms[c.terms.count - 1].status = .admitted
        }
        replaceConcept(at: i, with: c)
      }
      return entry.conceptID
    }
    let ids = conceptIDs(withTerm: entry.source, language: sourceLanguage)
    if ids.count > 1 {
      throw GlossaryError.refused(path: path, reason: "\(entry.source) is a term of several concepts (\(ids.joined(separator: ", "))): name one with --concept")
    }
    return ids.first
  }

  /// A source term that is only a candidate becomes preferred (or admitted beside another preferred one)
  /// when one of its renderings is curated.
  static func promoteSource(_ c: inout Concept, text: String, language: String) {
    guard let i = c.termIndex(language: language, text: text), !c.terms[i].status.isCurated else { return }
    let hasPreferred = c.terms.contains { sameLanguage($0.language, language) && $0.status == .preferred }
    c.terms[i].status = hasPreferred ? .admitted : .preferred
  }

  /// The concept holding `source` and `target` (narrowed by `conceptID`), or `GlossaryError.noSuchEntry`.
  func conceptHolding(source: String, target: String, conceptID: String?, path: String) throws -> String {
    guard let id = self.conceptID(source: source, target: target, conceptID: conceptID) else {
      throw GlossaryError.noSuchEntry(path: path, source: source, target: target)
    }
    return id
  }

  /// Changes the rendering `source` -> `target` (also its text, via `change`). A new text is also
  /// written into the replaced_by of the concept's other terms that named the old one.
  public mutating func edit(
    source: String, target: String, conceptID: String? = nil, path: String = "glossary",
    _ change: (inout GlossaryEntry) throws -> Void
  ) throws {
    let id = try conceptHolding(source: source, target: target, conceptID: conceptID, path: path)
    let lang = targetLanguage, sourceLanguage = self.sourceLanguage
    try modifyConcept(id: id, path: path) { c in
      let i = c.termIndex(language: lang, text: target)!
      var e = Glossary.pair(concept: id, conceptTags: c.tags, source: source, target: c.terms[i])
      try change(&e)
      e.source = source
      if e.target != target {
        if c.termIndex(language: lang, text: e.target) != nil {
          throw GlossaryError.refused(path: path, reason: "\(source) -> \(e.target) is already in the glossary")
        }
        for k in c.terms.indices where k != i && Glossary.sameLanguage(c.terms[k].language, lang) && c.terms[k].replacedBy == target {
          c.terms[k].replacedBy = e.target
        }
      }
      Glossary.apply(e, to: &c.terms[i], conceptTags: c.tags)
      if e.status.isCurated { Glossary.promoteSource(&c, text: source, language: sourceLanguage) }
    }
  }

  /// Removes the rendering `source` -> `target`; the concept goes too when no term outside the source
  /// language and no description is left. Refused while another term names it as its replacement.
  @discardableResult
  public mutating func remove(source: String, target: String, conceptID: String? = nil, path: String = "glossary") throws -> GlossaryEntry {
    let id = try conceptHolding(source: source, target: target, conceptID: conceptID, path: path)
    let c = concept(id: id)!
    let i = c.termIndex(language: targetLanguage, text: target)!
    let removed = Glossary.pair(concept: id, conceptTags: c.tags, source: source, target: c.terms[i])
    if let user = c.terms.first(where: { Glossary.sameLanguage($0.language, targetLanguage) && $0.replacedBy == target }) {
      throw GlossaryError.refused(path: path, reason: "\"\(user.text)\" is replaced by \"\(target)\": change its replacement first (glossary edit ... --replaced-by)")
    }
    var rest = c
    rest.terms.remove(at: i)
    if rest.descriptions.isEmpty && rest.terms.allSatisfy({ Glossary.sameLanguage($0.language, sourceLanguage) }) {
      try removeConcept(id: id, path: path)
    } else {
      try modifyConcept(id: id, path: path) { $0 = rest }
    }
    return removed
  }

  /// Retires a rendering: `target` becomes deprecated (or superseded) and
  /// replaced by `replacement`, valid until the day before `since`; the
  /// replacement becomes preferred from `since` (created when missing).
  public mutating func deprecate(
    source: String, target: String, replacement: String, since: ISODate?, superseded: Bool = false,
    conceptID: String? = nil, path: String = "glossary"
  ) throws {
    guard replacement != target else {
      throw GlossaryError.refused(path: path, reason: "a rendering cannot replace itself (\(target))")
    }
    let id = try conceptHolding(source: source, target: target, conceptID: conceptID, path: path)
    let lang = targetLanguage
    try modifyConcept(id: id, path: path) { c in
      let i = c.termIndex(language: lang, text: target)!
      c.terms[i].status = superseded ? .superseded : .deprecated
      c.terms[i].replacedBy = replacement
      if let since {
        let end = since.previousDay
        if let from = c.terms[i].validFrom, end < from {
          throw GlossaryError.refused(path: path, reason: "\(target) is valid from \(from); it cannot end on \(end)")
        }
        c.terms[i].validTo = end
      }
      if let j = c.termIndex(language: lang, text: replacement) {
        c.terms[j].status = .preferred
        if let since { c.terms[j].validFrom = since }
        if let to = c.terms[j].validTo, let since, to < since { c.terms[j].validTo = nil }
        c.terms[j].replacedBy = ""
      } else {
        c.terms.append(Term(language: lang, text: replacement, status: .preferred, validFrom: since, tags: c.terms[i].tags))
      }
    }
  }
}
