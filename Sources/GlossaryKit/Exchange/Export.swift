import Foundation

/// Exchange formats for CAT tools and scripts.
public enum ExchangeFormat: String, CaseIterable, Sendable {
  /// OmegaT glossary: `source<TAB>target<TAB>comment`, `#` comment naming the encoding, no header.
  case tsv
  /// RFC 4180 CSV with a UTF-8 BOM, concept id and language codes as column names (memoQ, Trados termbase import).
  case csv
  /// TBX-Basic version 3 (ISO 30042:2019, DCA style); import also reads version 2.
  case tbx
  /// TBX-Basic version 2 (`martif`): OmegaT's TBX reader, older memoQ and MultiTerm.
  case tbx2
  /// Every field of every pair, with concept ids, for scripts.
  case json

  /// Format from a file name's extension (`.tbx` is version 3 on export; import reads both versions).
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

/// Which terms an export writes.
public struct ExportOptions: Sendable {
  /// Statuses to write; nil: the approved ones (preferred, admitted) and the retired ones marked as
  /// such (superseded, deprecated), or every status with ``all``.
  public var statuses: Set<TermStatus>?
  /// Also candidates and rejected terms.
  public var all: Bool
  /// The terms valid on this date: see ``GlossaryExporter/asOf(_:_:)``.
  public var asOf: ISODate?
  /// CSV: start with a UTF-8 byte order mark (Excel reads BOM-less CSV in the local code page).
  public var byteOrderMark: Bool

  public init(statuses: Set<TermStatus>? = nil, all: Bool = false, asOf: ISODate? = nil, byteOrderMark: Bool = true) {
    self.statuses = statuses
    self.all = all
    self.asOf = asOf
    self.byteOrderMark = byteOrderMark
  }

  /// The statuses written.
  public var effectiveStatuses: Set<TermStatus> {
    statuses ?? (all ? Set(TermStatus.allCases) : [.preferred, .admitted, .superseded, .deprecated])
  }
}

/// Writes a glossary in an exchange format.
///
/// Curated fields travel in every format (terms, status, validity,
/// replacement, tags, note; TBX also concepts with synonyms, definitions,
/// subject fields, part of speech); JSON carries everything, evidence included.
public enum GlossaryExporter {
  /// The first line of an OmegaT TSV export; OmegaT reads the Emacs-style coding cookie.
  public static let omegaTHeader = "# Glossary in tab-separated format -*- coding: utf-8 -*-"

  public static func export(_ g: Glossary, format: ExchangeFormat, options: ExportOptions = ExportOptions()) throws -> String {
    var g = selection(g, options: options)
    g.sort()
    switch format {
    case .tsv: return omegaT(g)
    case .csv: return (options.byteOrderMark ? "\u{FEFF}" : "") + csv(g)
    case .tbx: return TBXWriter(version: .v3).write(g, concepts: g.concepts)
    case .tbx2: return TBXWriter(version: .v2).write(g, concepts: g.concepts)
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      return String(decoding: try encoder.encode(GlossaryRecord(g)), as: UTF8.self) + "\n"
    }
  }

  /// The glossary with the terms an export writes: ``asOf(_:_:)`` first, then the statuses.
  public static func selection(_ g: Glossary, options: ExportOptions) -> Glossary {
    let statuses = options.effectiveStatuses
    var g = g
    if let date = options.asOf {
      g = g.mappingTerms { asOf($0, date) }
    }
    return g.keepingTerms { statuses.contains($0.status) }
  }

  /// A term as it stood on `date`, by the check's rule (``GlossaryEntry/standing(on:enforce:)``): nil when its
  /// validity starts later; an approved superseded term as the preferred term it then was; a preferred or
  /// admitted term whose period has ended as superseded; others unchanged.
  public static func asOf(_ t: Term, _ date: ISODate) -> Term? {
    var then = t
    switch Glossary.pair(concept: "", conceptTags: [], source: "", target: t).standing(on: date, enforce: [.preferred, .admitted]) {
    case .notYetValid:
      return nil
    case .approved:
      if t.status == .superseded {
        then.status = .preferred
        then.replacedBy = ""
      }
    case .outdated:
      if t.status == .preferred || t.status == .admitted { then.status = .superseded }
    case .notEnforced:
      break
    }
    return then
  }

  /// A field made safe for OmegaT's TSV: one line (``OneLine``).
  public static func flat(_ s: String) -> String { OneLine.flatten(s) }

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

  /// CSV column names after the concept id and the two language codes.
  public static let csvColumns = ["status", "note", "valid_from", "valid_to", "replaced_by", "tags"]

  /// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
  public static func csvField(_ s: String) -> String {
    if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
  }

  static func csv(_ g: Glossary) -> String {
    var out = (["concept", g.sourceLanguage, g.targetLanguage] + csvColumns).map(csvField).joined(separator: ",") + "\r\n"
    for e in g.entries {
      let row = [
        e.conceptID, e.source, e.target, e.status.rawValue, e.note, e.validFrom?.description ?? "", e.validTo?.description ?? "",
        e.replacedBy, e.tags.joined(separator: ","),
      ]
      out += row.map(csvField).joined(separator: ",") + "\r\n"
    }
    return out
  }
}
