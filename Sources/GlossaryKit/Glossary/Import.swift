import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an import did.
public struct ImportReport: Sendable, Equatable {
  public var added = 0
  public var updated = 0
  public var unchanged = 0
  /// Rows not taken because they contradict the glossary (kept as it was).
  public var conflicts: [String] = []
  public init() {}
}

/// Reads exchange formats back into glossary rows and merges them.
public enum GlossaryImporter {
  /// Reads a file in an exchange format into rows. `languages` name the
  /// glossary's columns (TSV from OmegaT carries none).
  public static func read(path: String, format: ExchangeFormat? = nil, languages: (String, String)) throws -> Glossary {
    guard let format = format ?? ExchangeFormat.guess(path: path) else {
      throw GlossaryError.usage("\(path): say which format with --format tsv|csv|tbx|json")
    }
    let bytes: [UInt8]
    do { bytes = try TextDecoder.readBytes(path: path) } catch TextError.fileNotFound(let p) { throw GlossaryError.notFound(path: p) }
    switch format {
    case .tbx: return try TBXReader.read(bytes, path: path, languages: languages)
    case .json:
      do {
        return try JSONDecoder().decode(GlossaryRecord.self, from: Data(bytes)).glossary
      } catch {
        throw GlossaryError.importFailed(path: path, line: 0, reason: "not a glossary JSON export: \(error)")
      }
    case .tsv, .csv:
      let text = try TextDecoder.decode(bytes, path: path)
      return format == .csv ? try csv(text, path: path, languages: languages) : try tsv(text, path: path, languages: languages)
    }
  }

  /// OmegaT TSV (`source<TAB>target<TAB>comment`), or a glossary file in this tool's own format.
  static func tsv(_ text: String, path: String, languages: (String, String)) throws -> Glossary {
    let firstRow = text.split(separator: "\n").first { !$0.hasPrefix("#") && !$0.isEmpty }
    if let firstRow, firstRow.split(separator: "\t").dropFirst(2).first == "status" {
      return try Glossary.parse(text, path: path)
    }
    var rows: [GlossaryEntry] = []
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 2, !cells[0].isEmpty, !cells[1].isEmpty else {
        throw GlossaryError.importFailed(path: path, line: n + 1, reason: "expected source<TAB>target[<TAB>comment]")
      }
      var e = GlossaryEntry(source: cells[0], target: cells[1], status: .preferred)
      if cells.count > 2 { applyComment(cells[2], to: &e) }
      rows.append(e)
    }
    return Glossary(sourceLanguage: languages.0, targetLanguage: languages.1, entries: rows)
  }

  /// Reads the comment written by the TSV export; any other comment becomes the note.
  static func applyComment(_ c: String, to e: inout GlossaryEntry) {
    let parts = c.components(separatedBy: "; ")
    guard let first = parts.first, let status = TermStatus(rawValue: first) else {
      e.note = c
      return
    }
    e.status = status
    var k = 1
    while k < parts.count {
      let p = parts[k]
      if p.hasPrefix("note=") {
        e.note = String(parts[k...].joined(separator: "; ").dropFirst(5))
        break
      }
      let kv = p.split(separator: "=", maxSplits: 1).map(String.init)
      if kv.count == 2 {
        switch kv[0] {
        case "valid_from": e.validFrom = ISODate(kv[1])
        case "valid_to": e.validTo = ISODate(kv[1])
        case "replaced_by": e.replacedBy = kv[1]
        case "tags": e.tags = kv[1].split(separator: ",").map(String.init)
        default: break
        }
      }
      k += 1
    }
  }

  /// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
  public static func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var it = Array(text.unicodeScalars)
    if it.first == "\u{FEFF}" { it.removeFirst() }
    var i = 0
    while i < it.count {
      let c = it[i]
      if quoted {
        if c == "\"" {
          if i + 1 < it.count && it[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { quoted = false }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" && field.isEmpty {
        quoted = true
      } else if c == "," {
        record.append(field); field = ""
      } else if c == "\n" || c == "\r" {
        if c == "\r" && i + 1 < it.count && it[i + 1] == "\n" { i += 1 }
        record.append(field); field = ""
        records.append(record); record = []
      } else {
        field.unicodeScalars.append(c)
      }
      i += 1
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
  }

  static func csv(_ text: String, path: String, languages: (String, String)) throws -> Glossary {
    let records = csvRecords(text)
    guard let header = records.first, header.count >= 2 else {
      throw GlossaryError.importFailed(path: path, line: 1, reason: "CSV needs a header row: source language, target language, status, note ...")
    }
    var rows: [GlossaryEntry] = []
    let names = header.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }
    for (n, r) in records.dropFirst().enumerated() where !(r.count == 1 && r[0].isEmpty) {
      guard r.count >= 2, !r[0].isEmpty, !r[1].isEmpty else {
        throw GlossaryError.importFailed(path: path, line: n + 2, reason: "record needs a source and a target")
      }
      var e = GlossaryEntry(source: r[0], target: r[1], status: .preferred)
      for (k, name) in names.enumerated() where k >= 2 && k < r.count && !r[k].isEmpty {
        switch name {
        case "status":
          guard let s = TermStatus(rawValue: r[k].lowercased()) else {
            throw GlossaryError.importFailed(path: path, line: n + 2, reason: "unknown status \"\(r[k])\"")
          }
          e.status = s
        case "note", "comment": e.note = r[k]
        case "valid_from": e.validFrom = ISODate(r[k])
        case "valid_to": e.validTo = ISODate(r[k])
        case "replaced_by": e.replacedBy = r[k]
        case "tags": e.tags = r[k].split(separator: ",").map(String.init)
        default: break
        }
      }
      rows.append(e)
    }
    return Glossary(
      sourceLanguage: header[0].isEmpty ? languages.0 : header[0], targetLanguage: header[1].isEmpty ? languages.1 : header[1],
      entries: rows)
  }

  /// Merges imported rows into `g`: new rows are added, missing fields of
  /// existing rows filled in; a row that contradicts the glossary (another
  /// status, or a second preferred rendering) is reported, not applied.
  public static func merge(_ imported: Glossary, into g: inout Glossary, path: String) -> ImportReport {
    var report = ImportReport()
    for var e in imported.entries {
      // An imported concept id names the glossary's concept only when that concept holds the source term.
      if !e.conceptID.isEmpty, let c = g.concept(id: e.conceptID), c.termIndex(language: g.sourceLanguage, text: e.source) == nil {
        e.conceptID = ""
      }
      if let id = g.conceptID(source: e.source, target: e.target, conceptID: g.concept(id: e.conceptID) == nil ? nil : e.conceptID), let c = g.concept(id: id),
        let t = c.termIndex(language: g.targetLanguage, text: e.target)
      {
        let cur = Glossary.pair(concept: id, conceptTags: c.tags, source: e.source, target: c.terms[t])
        var same = e
        same.conceptID = id
        if cur == same { report.unchanged += 1; continue }
        if cur.status != e.status {
          report.conflicts.append("\(e.source) -> \(e.target): glossary says \(cur.status.rawValue), import says \(e.status.rawValue); kept \(cur.status.rawValue)")
          continue
        }
        var merged = cur
        if merged.note.isEmpty { merged.note = e.note }
        if merged.validFrom == nil { merged.validFrom = e.validFrom }
        if merged.validTo == nil { merged.validTo = e.validTo }
        if merged.replacedBy.isEmpty { merged.replacedBy = e.replacedBy }
        for tag in e.tags where !merged.tags.contains(tag) { merged.tags.append(tag) }
        if merged == cur { report.unchanged += 1; continue }
        do {
          try g.edit(source: e.source, target: e.target, conceptID: id, path: path) { $0 = merged }
          report.updated += 1
        } catch {
          report.conflicts.append("\(e.source) -> \(e.target): merged fields would clash with other rows; kept the glossary's row")
        }
      } else {
        do {
          try g.add(e, path: path)
          report.added += 1
        } catch {
          let other = g.entries.first { $0.source == e.source && $0.status == .preferred && $0.overlaps(e) }?.target
          report.conflicts.append("\(e.source) -> \(e.target): " + (other.map { "glossary prefers \"\($0)\"; not added" } ?? "\(error)"))
        }
      }
    }
    return report
  }
}
