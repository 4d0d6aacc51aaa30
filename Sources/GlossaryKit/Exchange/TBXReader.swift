/// Reads TBX v3 (`tbx`/`conceptEntry`/`langSec`/`termSec`, ISO 30042:2019)
/// and TBX v2 (`martif`/`termEntry`/`langSet`/`tig`|`ntig`) into concepts,
/// streaming (``XMLStreamReader``).
///
/// Kept: concept ids, subject fields, definitions with their source (concept
/// and language level), notes at every level (whitespace normalised), every
/// term of every language with its administrative status (no status: admitted),
/// part of speech, term type (as a tag), notes, and the last transaction's date
/// and responsible person (as reviewed/reviewer). The notes this tool writes for
/// what TBX-Basic has no category for (`status: candidate`, `valid from:`,
/// `valid to:`, `replaced by:`, `tags:`) are read back into their fields.
/// Not kept: contexts, cross-references, graphics.
/// The languages are the file's (`xml:lang` of the language sections, the root's first).
struct TBXReader {
  private var concepts: [Concept] = []
  private var languages: [String] = []
  private var rootLanguage = ""
  private var comments: [String] = []
  // The open containers.
  private var concept: Concept?
  private var language: String?
  private var term: Term?
  private var termNotes: [String] = []
  private var languageNotes: [String: [String]] = [:]
  private var conceptNotes: [String] = []
  private var subjects: [String] = []
  // The element whose text is collected, with its type attribute and the depth it opened at.
  private var collecting: (name: String, type: String, depth: Int)?
  private var text = ""
  private var depth = 0
  private var inSourceDesc = false
  // The descripGrp (definition and its source) and transacGrp (date and person) being read.
  private var definition: (text: String, source: String)?
  private var transaction: (date: ISODate?, person: String)?

  /// The file as a glossary of its own languages (terms checked later, by the importer).
  static func read(path: String) throws -> Glossary {
    let xml = try XMLStreamReader(path: path)
    var r = TBXReader()
    var rootSeen = false
    while true {
      switch try xml.next() {
      case .end:
        guard rootSeen else { throw GlossaryError.importFailed(path: path, line: 0, reason: "not a TBX file (no tbx or martif element)") }
        return r.glossary()
      case .open(let name):
        if !rootSeen {
          guard name == "tbx" || name == "martif" else {
            throw GlossaryError.importFailed(path: path, line: xml.line, reason: "not a TBX file: the root element is <\(name)>, not <tbx> (TBX v3) or <martif> (TBX v2)")
          }
          rootSeen = true
        }
        let empty = xml.isEmptyElement
        r.open(name, xml: xml)
        if empty { r.close(name) }
      case .close:
        r.close(nil)
      case .text(let t):
        if r.collecting != nil { r.text += t }
      }
    }
  }

  private var stack: [String] = []

  private mutating func open(_ name: String, xml: XMLStreamReader) {
    stack.append(name)
    depth += 1
    if collecting != nil { return }  // inline markup (hi, foreign ...) inside a collected text
    let line = xml.line
    switch name {
    case "tbx", "martif":
      rootLanguage = xml.attribute("xml:lang") ?? ""
    case "sourceDesc":
      inSourceDesc = true
    case "conceptEntry", "termEntry":
      concept = Concept(id: xml.attribute("id") ?? "", line: line)
      conceptNotes = []
      languageNotes = [:]
      subjects = []
    case "langSec", "langSet":
      let lang = xml.attribute("xml:lang") ?? xml.attribute("lang") ?? rootLanguage
      language = lang
      if !lang.isEmpty && !languages.contains(lang) { languages.append(lang) }
    case "termSec", "tig", "ntig":
      term = Term(language: language ?? rootLanguage, text: "", status: .admitted, line: line)
      termNotes = []
    case "descripGrp":
      definition = ("", "")
    case "transacGrp":
      transaction = (nil, "")
    case "term", "termNote", "descrip", "admin", "note", "date", "transacNote", "p":
      collecting = (name, xml.attribute("type") ?? "", depth)
      text = ""
    default:
      break
    }
  }

  private mutating func close(_ explicit: String?) {
    let name = stack.popLast() ?? explicit ?? ""
    defer { depth -= 1 }
    if let c = collecting {
      guard c.depth == depth else { return }
      collecting = nil
      finish(c.name, type: c.type, value: TBXReader.normalized(text))
      return
    }
    switch name {
    case "sourceDesc":
      inSourceDesc = false
    case "descripGrp":
      let d = definition
      definition = nil
      if let d, !d.text.isEmpty { addDefinition(d.text, source: d.source) }
    case "transacGrp":
      if let t = transaction, var current = term, let date = t.date {
        if current.reviewed.map({ $0 <= date }) ?? true {
          current.reviewed = date
          current.reviewer = t.person
          term = current
        }
      }
      transaction = nil
    case "termSec", "tig", "ntig":
      if var t = term, !t.text.isEmpty {
        t.note = TBXReader.readConventions(termNotes, into: &t)
        concept?.terms.append(t)
      }
      term = nil
    case "langSec", "langSet":
      language = nil
    case "conceptEntry", "termEntry":
      if var c = concept {
        if !subjects.isEmpty { c.subjectField = subjects.joined(separator: "; ") }
        var notes: [String] = []
        for n in conceptNotes {
          if n.hasPrefix("tags: ") {
            c.tags = GlossaryRow.list(String(n.dropFirst(6)))
          } else {
            notes.append(n)
          }
        }
        if !notes.isEmpty { c.note = notes.joined(separator: "\n") }
        for (lang, notes) in languageNotes.sorted(by: { $0.key < $1.key }) {
          if let i = c.descriptions.firstIndex(where: { $0.language == lang }) {
            c.descriptions[i].note = notes.joined(separator: "\n")
          } else {
            c.descriptions.append(ConceptDescription(language: lang, note: notes.joined(separator: "\n")))
          }
        }
        if !c.terms.isEmpty { concepts.append(c) }
      }
      concept = nil
    default:
      break
    }
  }

  /// A collected element's text, put where it belongs.
  private mutating func finish(_ name: String, type: String, value: String) {
    guard !value.isEmpty else { return }
    let inTerm = term != nil
    switch name {
    case "p":
      if inSourceDesc && !value.hasPrefix("Exported by glossary") { comments.append("# " + value) }
    case "term":
      term?.text = value
    case "termNote":
      switch type {
      case "administrativeStatus", "normativeAuthorization":
        if let s = TBXReader.status(value) { term?.status = s }
      case "partOfSpeech": term?.partOfSpeech = value
      case "termType": if term.map({ !$0.tags.contains(value) }) ?? false { term?.tags.append(value) }
      default: break
      }
    case "descrip":
      switch type {
      case "definition":
        if definition != nil { definition!.text = value } else if inTerm { termNotes.append("definition: " + value) } else {
          addDefinition(value, source: "")
        }
      case "subjectField":
        if var t = term {
          for tag in GlossaryRow.list(value) where !t.tags.contains(tag) { t.tags.append(tag) }
          term = t
        } else {
          subjects.append(value)
        }
      default: break  // context and others
      }
    case "admin":
      if type == "source", definition != nil { definition!.source = value }
    case "note":
      if inTerm { termNotes.append(value) } else if let l = language { languageNotes[l, default: []].append(value) } else {
        conceptNotes.append(value)
      }
    case "date":
      if transaction != nil { transaction!.date = ISODate(value.prefix(10)) }
    case "transacNote":
      if transaction != nil, type == "responsibility" { transaction!.person = value }
    default:
      break
    }
  }

  private mutating func addDefinition(_ text: String, source: String) {
    guard concept != nil, !text.isEmpty else { return }
    let lang = term?.language ?? language ?? "*"
    concept!.setDefinition(text, source: source, language: lang)
  }

  /// The glossary: the root's language first, then the others by the number of concepts holding them
  /// (then the file's order), so that the pair view is the file's main language pair.
  private func glossary() -> Glossary {
    var uses: [String: Int] = [:]
    for c in concepts {
      for l in Set(c.terms.map(\.language)) { uses[l, default: 0] += 1 }
    }
    let order = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1, $0) })
    var langs = languages.sorted { a, b in
      let ra = Glossary.sameLanguage(a, rootLanguage), rb = Glossary.sameLanguage(b, rootLanguage)
      if ra != rb { return ra }
      if uses[a, default: 0] != uses[b, default: 0] { return uses[a, default: 0] > uses[b, default: 0] }
      return order[a]! < order[b]!
    }
    langs = langs.filter { uses[$0, default: 0] > 0 || Glossary.sameLanguage($0, rootLanguage) }
    var g = Glossary(languages: langs.isEmpty ? [rootLanguage] : langs, comments: comments)
    g.setConcepts(concepts)
    g.sort()
    return g
  }

  /// A TBX administrative status value (`preferredTerm-admn-sts` ...).
  static func status(_ value: String) -> TermStatus? {
    switch value.replacingOccurrences(of: "-admn-sts", with: "") {
    case "preferredTerm", "preferred", "standardizedTerm": return .preferred
    case "admittedTerm", "admitted", "proposed": return .admitted
    case "deprecatedTerm", "deprecated": return .deprecated
    case "supersededTerm", "superseded": return .superseded
    case "legalTerm": return .admitted
    default: return nil
    }
  }

  /// Reads this tool's note conventions into the term; the other notes, one per line.
  static func readConventions(_ notes: [String], into t: inout Term) -> String {
    var rest: [String] = []
    for n in notes {
      if n.hasPrefix("status: "), let s = TermStatus(rawValue: String(n.dropFirst(8))) { t.status = s }
      else if n.hasPrefix("valid from: "), let d = ISODate(n.dropFirst(12)) { t.validFrom = d }
      else if n.hasPrefix("valid to: "), let d = ISODate(n.dropFirst(10)) { t.validTo = d }
      else if n.hasPrefix("replaced by: ") { t.replacedBy = String(n.dropFirst(13)) }
      else if n.hasPrefix("tags: ") { for tag in GlossaryRow.list(String(n.dropFirst(6))) where !t.tags.contains(tag) { t.tags.append(tag) } }
      else { rest.append(n) }
    }
    return rest.joined(separator: "\n")
  }

  /// Whitespace normalised: runs of spaces, tabs and line breaks become one space; trimmed.
  static func normalized(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var space = false
    for u in s.unicodeScalars {
      if CharacterClass.of(u).contains(.whitespace) {
        space = !out.isEmpty
      } else {
        if space { out.append(" ") }
        space = false
        out.append(u)
      }
    }
    return String(out)
  }
}
