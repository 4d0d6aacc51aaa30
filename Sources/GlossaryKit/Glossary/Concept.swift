/// A concept: one meaning, with any number of terms per language (synonyms,
/// variants, superseded and deprecated forms) and its descriptions.
///
/// ```swift
/// var c = Concept(id: "c1")
/// c.terms = [Term(language: "en", text: "black hole", status: .preferred),
///            Term(language: "es", text: "agujero negro", status: .preferred)]
/// c.subjectField = "astronomy"
/// ```
public struct Concept: Hashable, Sendable {
  /// Short stable id (`c12`; TBX `conceptEntry id`): unique in its glossary.
  public var id: String
  /// Concept-level (`*`) and language-level descriptions, at most one per language.
  public var descriptions: [ConceptDescription]
  public var terms: [Term]
  /// Comment lines written above the concept's first row.
  public var comments: [String]
  /// Line of the concept's first row in the file it was read from (0 otherwise); not part of equality.
  public var line: FileLine

  public init(id: String, descriptions: [ConceptDescription] = [], terms: [Term] = [], comments: [String] = [], line: Int = 0) {
    self.id = id
    self.descriptions = descriptions
    self.terms = terms
    self.comments = comments
    self.line = FileLine(line)
  }

  /// Terms in `language` (compared case-insensitively).
  public func terms(in language: String) -> [Term] {
    terms.filter { Glossary.sameLanguage($0.language, language) }
  }

  /// Index of the term with this language and text.
  public func termIndex(language: String, text: String) -> Int? {
    terms.firstIndex { $0.text == text && Glossary.sameLanguage($0.language, language) }
  }

  /// The term a concept is known by in `language`: preferred (valid today or not) first, then admitted ...
  public func headTerm(in language: String) -> Term? {
    terms(in: language).min(by: Term.statusOrder)
  }

  // MARK: Descriptions

  /// The description for `language` (`*`: the concept level), if any.
  public func description(for language: String) -> ConceptDescription? {
    descriptions.first { Glossary.sameLanguage($0.language, language) }
  }

  private mutating func updateDescription(_ language: String, _ body: (inout ConceptDescription) -> Void) {
    if let i = descriptions.firstIndex(where: { Glossary.sameLanguage($0.language, language) }) {
      body(&descriptions[i])
      if descriptions[i].isEmpty && descriptions[i].comments.isEmpty { descriptions.remove(at: i) }
    } else {
      var d = ConceptDescription(language: language)
      body(&d)
      if !d.isEmpty { descriptions.append(d) }
    }
  }

  /// Subject field (TBX `subjectField`), concept level.
  public var subjectField: String {
    get { description(for: "*")?.subjectField ?? "" }
    set { updateDescription("*") { $0.subjectField = newValue } }
  }

  /// Concept-level note.
  public var note: String {
    get { description(for: "*")?.note ?? "" }
    set { updateDescription("*") { $0.note = newValue } }
  }

  /// Concept-level tags (title, body, initiative ...), shared by every term.
  public var tags: [String] {
    get { description(for: "*")?.tags ?? [] }
    set { updateDescription("*") { $0.tags = newValue } }
  }

  /// The definition in `language`, else the concept-level one.
  public func definition(in language: String) -> String {
    let own = description(for: language)?.definition ?? ""
    return own.isEmpty ? description(for: "*")?.definition ?? "" : own
  }

  /// Sets the definition (and its source) of `language` (`*`: concept level).
  public mutating func setDefinition(_ text: String, source: String = "", language: String = "*") {
    updateDescription(language) {
      $0.definition = text
      $0.definitionSource = source
    }
  }
}

/// What a concept row (`lang` = `*`) or a language row (a language, empty
/// term) of a glossary file says: TBX's concept-level and `langSec`-level
/// descriptive fields.
public struct ConceptDescription: Hashable, Sendable {
  /// `*` for the concept level, else a language code.
  public var language: String
  /// Concept level only.
  public var subjectField: String
  public var definition: String
  /// Where the definition comes from (TBX `admin type="source"`).
  public var definitionSource: String
  public var note: String
  /// Concept level only.
  public var tags: [String]
  public var comments: [String]
  public var line: FileLine

  public init(
    language: String, subjectField: String = "", definition: String = "", definitionSource: String = "", note: String = "",
    tags: [String] = [], comments: [String] = [], line: Int = 0
  ) {
    self.language = language
    self.subjectField = subjectField
    self.definition = definition
    self.definitionSource = definitionSource
    self.note = note
    self.tags = tags
    self.comments = comments
    self.line = FileLine(line)
  }

  public var isConceptLevel: Bool { language == "*" }

  /// Whether every field is empty.
  public var isEmpty: Bool {
    subjectField.isEmpty && definition.isEmpty && definitionSource.isEmpty && note.isEmpty && tags.isEmpty
  }
}
