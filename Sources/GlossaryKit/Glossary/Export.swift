import Foundation

/// Exchange formats for CAT tools and scripts.
public enum ExchangeFormat: String, CaseIterable, Sendable {
  /// OmegaT glossary: `source<TAB>target<TAB>comment`, `#` comment naming the encoding, no header.
  case tsv
  /// RFC 4180 CSV with language codes as column names (memoQ, Trados termbase import).
  case csv
  /// TBX-Basic (ISO 30042:2019, DCA style); import also reads TBX v2 (`martif`).
  case tbx
  /// Every field, for scripts.
  case json

  /// Format from a file name's extension.
  public static func guess(path: String) -> ExchangeFormat? {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "tsv", "txt", "tab", "utf8": return .tsv
    case "csv": return .csv
    case "tbx", "xml", "tbxm": return .tbx
    case "json": return .json
    default: return nil
    }
  }
}

/// Writes a glossary in an exchange format.
///
/// Curated fields travel in every format (source, target, status, validity,
/// replacement, tags, note); JSON carries everything, evidence included.
public enum GlossaryExporter {
  /// The first line of an OmegaT TSV export; OmegaT reads the Emacs-style coding cookie.
  public static let omegaTHeader = "# Glossary in tab-separated format -*- coding: utf-8 -*-"

  public static func export(_ g: Glossary, format: ExchangeFormat, statuses: Set<TermStatus>? = nil) throws -> String {
    var g = g
    if let statuses { g = g.keepingTerms { statuses.contains($0.status) || Glossary.sameLanguage($0.language, g.sourceLanguage) } }
    g.sort()
    switch format {
    case .tsv: return omegaT(g)
    case .csv: return csv(g)
    case .tbx: return tbx(g)
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      return String(decoding: try encoder.encode(GlossaryRecord(g)), as: UTF8.self) + "\n"
    }
  }

  /// A field made safe for OmegaT's TSV: tabs, newlines and CR become spaces.
  public static func flat(_ s: String) -> String {
    String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
  }

  /// The comment column: status first, then fields `key=value` separated by "; ", note last.
  public static func comment(_ e: GlossaryEntry) -> String {
    var parts = [e.status.rawValue]
    if let f = e.validFrom { parts.append("valid_from=\(f)") }
    if let t = e.validTo { parts.append("valid_to=\(t)") }
    if !e.replacedBy.isEmpty { parts.append("replaced_by=\(e.replacedBy)") }
    if !e.tags.isEmpty { parts.append("tags=\(e.tags.joined(separator: ","))") }
    if !e.note.isEmpty { parts.append("note=\(e.note)") }
    return flat(parts.joined(separator: "; "))
  }

  static func omegaT(_ g: Glossary) -> String {
    var out = omegaTHeader + "\n"
    out += "# \(g.sourceLanguage)\t\(g.targetLanguage)\tcomment (exported by glossary)\n"
    for e in g.entries {
      out += flat(e.source) + "\t" + flat(e.target) + "\t" + comment(e) + "\n"
    }
    return out
  }

  /// CSV column names after the two language codes.
  public static let csvColumns = ["status", "note", "valid_from", "valid_to", "replaced_by", "tags"]

  static func csvField(_ s: String) -> String {
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
  }

  static func csv(_ g: Glossary) -> String {
    var out = ([g.sourceLanguage, g.targetLanguage] + csvColumns).map(csvField).joined(separator: ",") + "\r\n"
    for e in g.entries {
      let row = [
        e.source, e.target, e.status.rawValue, e.note, e.validFrom?.description ?? "", e.validTo?.description ?? "",
        e.replacedBy, e.tags.joined(separator: ","),
      ]
      out += row.map(csvField).joined(separator: ",") + "\r\n"
    }
    return out
  }

  static func xml(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default:
        if u.value < 0x20 && u != "\n" && u != "\t" { out += " " } else { out.unicodeScalars.append(u) }
      }
    }
    return out
  }

  /// TBX administrative status of a glossary status (candidate and rejected have none in TBX-Basic).
  public static func administrativeStatus(_ s: TermStatus) -> String {
    switch s {
    case .preferred: return "preferredTerm-admn-sts"
    case .admitted, .candidate: return "admittedTerm-admn-sts"
    case .deprecated, .rejected: return "deprecatedTerm-admn-sts"
    case .superseded: return "supersededTerm-admn-sts"
    }
  }

  static func tbx(_ g: Glossary) -> String {
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
      <tbx type="TBX-Basic" style="dca" xml:lang="\(xml(g.sourceLanguage))" xmlns="urn:iso:std:iso:30042:ed-2">
        <tbxHeader>
          <fileDesc>
            <sourceDesc>
              <p>Exported by glossary from a \(xml(g.sourceLanguage))-\(xml(g.targetLanguage)) glossary.</p>
      \(g.comments.map { "        <p>\(xml(String($0.drop { $0 == "#" || $0 == " " })))</p>\n" }.joined())      </sourceDesc>
          </fileDesc>
        </tbxHeader>
        <text>
          <body>

      """
    for concept in g.concepts {
      out += "      <conceptEntry id=\"\(xml(concept.id))\">\n"
      for lang in g.languages {
        let terms = concept.terms(in: lang)
        if terms.isEmpty { continue }
        out += "        <langSec xml:lang=\"\(xml(lang))\">\n"
        for t in terms {
          let e = Glossary.pair(concept: concept.id, conceptTags: concept.tags, source: "", target: t)
          out += "          <termSec>\n"
          out += "            <term>\(xml(e.target))</term>\n"
          out += "            <termNote type=\"administrativeStatus\">\(administrativeStatus(e.status))</termNote>\n"
          if !e.tags.isEmpty { out += "            <descrip type=\"subjectField\">\(xml(e.tags.joined(separator: ",")))</descrip>\n" }
          if e.status == .candidate || e.status == .rejected { out += "            <note>status: \(e.status.rawValue)</note>\n" }
          if let f = e.validFrom { out += "            <note>valid from: \(f)</note>\n" }
          if let t = e.validTo { out += "            <note>valid to: \(t)</note>\n" }
          if !e.replacedBy.isEmpty { out += "            <note>replaced by: \(xml(e.replacedBy))</note>\n" }
          if !e.note.isEmpty { out += "            <note>\(xml(e.note))</note>\n" }
          if let r = e.reviewed {
            out += "            <transacGrp>\n              <transac type=\"transactionType\">modification</transac>\n"
            out += "              <date>\(r)</date>\n"
            if !e.reviewer.isEmpty { out += "              <transacNote type=\"responsibility\">\(xml(e.reviewer))</transacNote>\n" }
            out += "            </transacGrp>\n"
          }
          out += "          </termSec>\n"
        }
        out += "        </langSec>\n"
      }
      out += "      </conceptEntry>\n"
    }
    out += "    </body>\n  </text>\n</tbx>\n"
    return out
  }
}
