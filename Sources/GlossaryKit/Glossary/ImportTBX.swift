import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads TBX v3 (`tbx`/`conceptEntry`/`langSec`/`termSec`) and TBX v2
/// (`martif`/`termEntry`/`langSet`/`tig`/`ntig`) with Foundation's XMLParser.
/// External entities are not resolved, and a document type with entity
/// declarations is refused before parsing (no entity-expansion bombs).
final class TBXReader: NSObject, XMLParserDelegate {
  struct Term { var text = ""; var status: TermStatus?; var notes: [String] = []; var tags: [String] = []; var date: ISODate?; var reviewer = "" }

  private var languages: (String, String)
  private var defaultLang = ""
  private var langStack: [String] = []
  private var concept: [String: [Term]] = [:]
  private var term: Term?
  private var text = ""
  private var noteType = ""
  private var pairs: [GlossaryEntry] = []
  private(set) var failure: String?

  init(languages: (String, String)) {
    self.languages = languages
  }

  static func read(_ bytes: [UInt8], path: String, languages: (String, String)) throws -> Glossary {
    // Refuse entity declarations (internal or external) outright.
    let head = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
    if head.range(of: "<!ENTITY", options: .caseInsensitive) != nil {
      throw GlossaryError.importFailed(path: path, line: 0, reason: "entity declarations are not accepted in TBX files")
    }
    let reader = TBXReader(languages: languages)
    let parser = XMLParser(data: Data(bytes))
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = false
    parser.delegate = reader
    if !parser.parse() {
      let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed XML"
      throw GlossaryError.importFailed(path: path, line: parser.lineNumber, reason: "TBX: \(reason)")
    }
    if let f = reader.failure { throw GlossaryError.importFailed(path: path, line: parser.lineNumber, reason: f) }
    return Glossary(sourceLanguage: languages.0, targetLanguage: languages.1, entries: reader.pairs)
  }

  private func base(_ l: String) -> String { String(l.lowercased().prefix { $0 != "-" && $0 != "_" }) }

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
    text = ""
    switch name {
    case "tbx", "martif":
      if let l = a["xml:lang"] { defaultLang = l }
    case "conceptEntry", "termEntry":
      concept = [:]
    case "langSec", "langSet":
      langStack.append(a["xml:lang"] ?? a["lang"] ?? defaultLang)
    case "termSec", "tig", "ntig":
      term = Term()
    case "termNote", "descrip", "note", "transacNote", "admin":
      noteType = a["type"] ?? name
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
    switch name {
    case "term":
      term?.text = value
    case "termNote":
      if noteType == "administrativeStatus" || noteType == "normativeAuthorization" {
        switch value.replacingOccurrences(of: "-admn-sts", with: "") {
        case "preferredTerm", "preferred": term?.status = .preferred
        case "admittedTerm", "admitted": term?.status = .admitted
        case "deprecatedTerm", "deprecated": term?.status = .deprecated
        case "supersededTerm", "superseded": term?.status = .superseded
        default: break
        }
      }
    case "descrip":
      if noteType == "subjectField", !value.isEmpty, term != nil { term?.tags = value.split(separator: ",").map(String.init) }
    case "note":
      if term != nil, !value.isEmpty { term?.notes.append(value) }
    case "date":
      if term != nil { term?.date = ISODate(value.prefix(10)) }
    case "transacNote":
      if term != nil, noteType == "responsibility" { term?.reviewer = value }
    case "termSec", "tig", "ntig":
      if let t = term, !t.text.isEmpty { concept[base(langStack.last ?? defaultLang), default: []].append(t) }
      term = nil
    case "langSec", "langSet":
      _ = langStack.popLast()
    case "conceptEntry", "termEntry":
      let sources = concept[base(languages.0)] ?? []
      for s in sources {
        for t in concept[base(languages.1)] ?? [] { pairs.append(entry(source: s.text, t)) }
      }
    default: break
    }
    text = ""
  }

  private func entry(source: String, _ t: Term) -> GlossaryEntry {
    var e = GlossaryEntry(source: source, target: t.text, status: t.status ?? .preferred, tags: t.tags)
    var notes: [String] = []
    for n in t.notes {
      if n.hasPrefix("status: "), let s = TermStatus(rawValue: String(n.dropFirst(8))) { e.status = s }
      else if n.hasPrefix("valid from: "), let d = ISODate(n.dropFirst(12)) { e.validFrom = d }
      else if n.hasPrefix("valid to: "), let d = ISODate(n.dropFirst(10)) { e.validTo = d }
      else if n.hasPrefix("replaced by: ") { e.replacedBy = String(n.dropFirst(13)) }
      else { notes.append(n) }
    }
    e.note = notes.joined(separator: " ")
    e.reviewed = t.date
    e.reviewer = t.reviewer
    return e
  }
}
