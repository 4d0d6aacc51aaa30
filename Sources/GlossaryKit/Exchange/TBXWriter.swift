/// Writes concepts as TBX-Basic: version 3 (ISO 30042:2019, DCA style,
/// `tbx`/`conceptEntry`/`langSec`/`termSec`, valid against TBX-Basic's
/// integrated RelaxNG schema) or version 2 (`martif`/`termEntry`/`langSet`/
/// `tig`, what OmegaT's TBX reader and older memoQ and MultiTerm read).
///
/// Each concept keeps its id, subject field, definitions (with their source)
/// and notes; each term its administrative status (candidate and rejected
/// terms, which TBX-Basic cannot say, are admitted and deprecated with a
/// `status:` note), part of speech, notes and last review. What TBX-Basic has
/// no category for travels as notes that ``TBXReader`` reads back:
/// `valid from:`, `valid to:`, `replaced by:`, `tags:`.
struct TBXWriter {
  enum Version { case v3, v2 }
  let version: Version

  private var names: (root: String, header: String, concept: String, language: String, term: String) {
    switch version {
    case .v3: return ("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec")
    case .v2: return ("martif", "martifHeader", "termEntry", "langSet", "tig")
    }
  }

  static func x(_ s: String) -> String { XMLEscaper.escape(s) }
  static func attr(_ s: String) -> String { XMLEscaper.escape(s, attribute: true) }

  func write(_ g: Glossary, concepts: [Concept]) -> String {
    let n = names
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    switch version {
    case .v3:
      out += """
        <?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="\(Self.attr(g.sourceLanguage))" xmlns="urn:iso:std:iso:30042:ed-2">

        """
    case .v2:
      out += "<martif type=\"TBX-Basic\" xml:lang=\"\(Self.attr(g.sourceLanguage))\">\n"
    }
    out += "  <\(n.header)>\n    <fileDesc>\n      <sourceDesc>\n"
    out += "        <p>Exported by glossary from a \(Self.x(g.languages.joined(separator: "-"))) glossary.</p>\n"
    for c in g.comments {
      let text = String(c.drop { $0 == "#" || $0 == " " })
      if !text.isEmpty { out += "        <p>\(Self.x(text))</p>\n" }
    }
    out += "      </sourceDesc>\n    </fileDesc>\n  </\(n.header)>\n  <text>\n    <body>\n"
    for c in concepts { concept(c, languages: g.languages, into: &out) }
    out += "    </body>\n  </text>\n</\(n.root)>\n"
    return out
  }

  private func concept(_ c: Concept, languages: [String], into out: inout String) {
    let n = names
    out += "      <\(n.concept) id=\"\(Self.attr(c.id))\">\n"
    let pad = "        "
    if !c.subjectField.isEmpty { out += pad + "<descrip type=\"subjectField\">\(Self.x(c.subjectField))</descrip>\n" }
    if let d = c.description(for: "*") { description(d, pad: pad, into: &out) }
    if !c.tags.isEmpty { out += pad + "<note>tags: \(Self.x(c.tags.joined(separator: ",")))</note>\n" }
    for lang in languages {
      let terms = c.terms(in: lang).sorted(by: Term.statusOrder)
      if terms.isEmpty { continue }
      out += pad + "<\(n.language) xml:lang=\"\(Self.attr(lang))\">\n"
      if let d = c.description(for: lang) { description(d, pad: pad + "  ", into: &out) }
      for t in terms { term(t, pad: pad + "  ", into: &out) }
      out += pad + "</\(n.language)>\n"
    }
    out += "      </\(n.concept)>\n"
  }

  private func description(_ d: ConceptDescription, pad: String, into out: inout String) {
    if !d.definition.isEmpty {
      if d.definitionSource.isEmpty {
        out += pad + "<descrip type=\"definition\">\(Self.x(d.definition))</descrip>\n"
      } else {
        out += pad + "<descripGrp>\n"
        out += pad + "  <descrip type=\"definition\">\(Self.x(d.definition))</descrip>\n"
        out += pad + "  <admin type=\"source\">\(Self.x(d.definitionSource))</admin>\n"
        out += pad + "</descripGrp>\n"
      }
    }
    for line in d.note.split(separator: "\n") where !line.isEmpty { out += pad + "<note>\(Self.x(String(line)))</note>\n" }
  }

  private func term(_ t: Term, pad: String, into out: inout String) {
    let n = names
    out += pad + "<\(n.term)>\n"
    let p = pad + "  "
    out += p + "<term>\(Self.x(t.text))</term>\n"
    if !t.partOfSpeech.isEmpty { out += p + "<termNote type=\"partOfSpeech\">\(Self.x(t.partOfSpeech))</termNote>\n" }
    out += p + "<termNote type=\"administrativeStatus\">\(TBXWriter.administrativeStatus(t.status))</termNote>\n"
    for type in t.tags where Glossary.termTypes.contains(type) { out += p + "<termNote type=\"termType\">\(type)</termNote>\n" }
    let tags = t.tags.filter { !Glossary.termTypes.contains($0) }
    if t.status == .candidate || t.status == .rejected { out += p + "<note>status: \(t.status.rawValue)</note>\n" }
    if let f = t.validFrom { out += p + "<note>valid from: \(f)</note>\n" }
    if let to = t.validTo { out += p + "<note>valid to: \(to)</note>\n" }
    if !t.replacedBy.isEmpty { out += p + "<note>replaced by: \(Self.x(t.replacedBy))</note>\n" }
    if !tags.isEmpty { out += p + "<note>tags: \(Self.x(tags.joined(separator: ",")))</note>\n" }
    for line in t.note.split(separator: "\n") where !line.isEmpty { out += p + "<note>\(Self.x(String(line)))</note>\n" }
    if let r = t.reviewed {
      out += p + "<transacGrp>\n"
      out += p + "  <transac type=\"transactionType\">modification</transac>\n"
      out += p + "  <date>\(r)</date>\n"
      if !t.reviewer.isEmpty { out += p + "  <transacNote type=\"responsibility\">\(Self.x(t.reviewer))</transacNote>\n" }
      out += p + "</transacGrp>\n"
    }
    out += pad + "</\(n.term)>\n"
  }

  /// TBX administrative status of a glossary status (candidate and rejected have none in TBX-Basic).
  static func administrativeStatus(_ s: TermStatus) -> String {
    switch s {
    case .preferred: return "preferredTerm-admn-sts"
    case .admitted, .candidate: return "admittedTerm-admn-sts"
    case .deprecated, .rejected: return "deprecatedTerm-admn-sts"
    case .superseded: return "supersededTerm-admn-sts"
    }
  }
}
