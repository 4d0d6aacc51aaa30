import Foundation

/// Reads exchange formats back into concepts. Each reader takes the file's
/// own languages (TBX `xml:lang`, CSV header, this tool's TSV, OmegaT TSV's
/// language comment, JSON); `fallback` names them when the file does not.
/// The result is checked like a glossary file (``ConceptRules``): a dangling
/// replacement or two preferred terms refuse the whole import, naming the row.
public enum GlossaryImporter {
  /// Reads a file in an exchange format.
  /// - Throws: `GlossaryError.importFailed` (with line) or `.invalid` (every broken row); `.usage` without a format.
  public static func read(path: String, format: ExchangeFormat? = nil, fallback: [String]? = nil) throws -> Glossary {
    guard let format = format ?? ExchangeFormat.guess(path: path) else {
      throw GlossaryError.usage("\(path): say which format with --format tsv|csv|tbx|json")
    }
    guard FileManager.default.fileExists(atPath: path) else { throw GlossaryError.notFound(path: path) }
    let g: Glossary
    switch format {
    case .tbx, .tbx2:
      g = try TBXReader.read(path: path)
    case .json:
      let bytes = try readBytes(path)
      do {
        g = try JSONDecoder().decode(GlossaryRecord.self, from: Data(bytes)).glossary
      } catch {
        throw GlossaryError.importFailed(path: path, line: 0, reason: "not a glossary JSON export: \(error)")
      }
    case .tsv, .csv:
      let text = try TextDecoder.decode(readBytes(path), path: path)
      g = format == .csv ? try csv(text, path: path, fallback: fallback) : try tsv(text, path: path, fallback: fallback)
    }
    let (errors, _) = g.crossRowProblems(path: path)
    if !errors.isEmpty {
      throw GlossaryError.invalid(path: path, problems: Array(errors.prefix(Glossary.maxProblems)), more: max(0, errors.count - Glossary.maxProblems))
    }
    return g
  }

  private static func readBytes(_ path: String) throws -> [UInt8] {
    do { return try TextDecoder.readBytes(path: path) } catch TextError.fileNotFound(let p) { throw GlossaryError.notFound(path: p) }
  }

  /// The languages a file names, or the fallback, or a refusal.
  static func languages(_ named: [String]?, fallback: [String]?, path: String) throws -> [String] {
    if let named, named.count >= 2 { return named }
    if let fallback, fallback.count >= 2 { return fallback }
    throw GlossaryError.importFailed(path: path, line: 1, reason: "the file does not name its languages: give them with --languages zh,en")
  }

  /// A glossary file of this tool, or OmegaT TSV (`source<TAB>target<TAB>comment`).
  static func tsv(_ text: String, path: String, fallback: [String]?) throws -> Glossary {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if let first = lines.first(where: { !$0.hasPrefix("#") && !$0.isEmpty }),
      first.hasPrefix("languages\t") || first.split(separator: "\t").dropFirst(2).first == "status"
    {
      return try Glossary.parse(text, path: path)
    }
    // OmegaT: the language comment this tool writes (`# zh<TAB>en<TAB>comment`), else the fallback.
    var named: [String]?
    for line in lines where line.hasPrefix("# ") {
      let cells = line.dropFirst(2).split(separator: "\t").map(String.init)
      if cells.count >= 2, (try? Language(cells[0])) != nil, (try? Language(cells[1])) != nil { named = [cells[0], cells[1]]; break }
    }
    let langs = try languages(named, fallback: fallback, path: path)
    var rows: [GlossaryEntry] = []
    for (n, line) in lines.enumerated() {
      if line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      guard cells.count >= 2, !cells[0].isEmpty, !cells[1].isEmpty else {
        throw GlossaryError.importFailed(path: path, line: n + 1, reason: "expected source<TAB>target[<TAB>comment]")
      }
      var e = GlossaryEntry(source: cells[0], target: cells[1], status: .preferred)
      if cells.count > 2 { applyComment(cells[2], to: &e) }
      rows.append(e)
    }
    return Glossary(sourceLanguage: langs[0], targetLanguage: langs[1], entries: rows)
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
        case "tags": e.tags = GlossaryRow.list(kv[1])
        default: break
        }
      }
      k += 1
    }
  }
}
