import Foundation

/// Reading and writing the glossary file format (version 1): UTF-8 TSV, `#`
/// comments at the top, a header row whose first two names are the language
/// codes, backslash escapes (`\t`, `\n`, `\r`, `\\`) inside fields.
extension Glossary {
  /// Most problems listed before loading gives up counting them one by one.
  public static let maxProblems = 50

  /// Parses glossary text. Every broken row is reported as `path:line: ...`;
  /// nothing is dropped silently.
  /// - Throws: `GlossaryError.invalid` listing every problem (up to ``maxProblems``).
  public static func parse(_ text: String, path: String) throws -> Glossary {
    var g = Glossary()
    var problems: [GlossaryProblem] = []
    var more = 0
    func report(_ line: Int, _ message: String) {
      if problems.count < maxProblems { problems.append(.init(path: path, line: line, message: message)) } else { more += 1 }
    }
    var columnIndex: [Int] = []  // header position -> index in Glossary.columns (-1: language column)
    var headerSeen = false
    var lineNumber = 0
    var rest = Substring(text)
    while !rest.isEmpty {
      lineNumber += 1
      let lineText: Substring
      // Byte-level searches: Character iteration costs seconds on a million rows.
      if let nl = rest.utf8.firstIndex(of: 0x0A) {
        lineText = rest[..<nl]
        rest = rest[rest.utf8.index(after: nl)...]
      } else {
        lineText = rest
        rest = rest[rest.endIndex...]
      }
      if lineText.hasPrefix("#") {
        if !headerSeen { g.comments.append(String(lineText)) }
        continue
      }
      if lineText.allSatisfy({ $0 == " " || $0 == "\t" }) {
        if !lineText.isEmpty { report(lineNumber, "blank row with spaces or tabs") }
        continue
      }
      let raw = lineText.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
      if !headerSeen {
        headerSeen = true
        guard raw.count >= 2 else {
          report(lineNumber, "header row needs at least the two language codes, e.g. zh<TAB>en<TAB>status...")
          break
        }
        g.sourceLanguage = String(raw[0]).trimmingCharacters(in: .whitespaces)
        g.targetLanguage = String(raw[1]).trimmingCharacters(in: .whitespaces)
        for lang in [g.sourceLanguage, g.targetLanguage] where (try? Language(lang)) == nil {
          report(lineNumber, "header: \"\(lang)\" is not a language code (the first two header names are the languages)")
        }
        columnIndex = [-1, -1]
        for name in raw.dropFirst(2) {
          if let i = columns.firstIndex(of: String(name)) {
            if columnIndex.contains(i) { report(lineNumber, "header: column \(name) appears twice") }
            columnIndex.append(i)
          } else {
            report(lineNumber, "header: unknown column \"\(name)\" (known: \(columns.joined(separator: ", ")))")
            columnIndex.append(-2)
          }
        }
        continue
      }
      guard raw.count == columnIndex.count else {
        report(lineNumber, "\(raw.count) fields, expected \(columnIndex.count) (fields are separated by one TAB; write a TAB inside a field as \\t)")
        continue
      }
      var fields = [String](repeating: "", count: columns.count + 2)
      var bad = false
      for (k, cell) in raw.enumerated() {
        guard let value = unescape(cell) else {
          report(lineNumber, "field \(k + 1): bad backslash escape (only \\t \\n \\r \\\\ are allowed)")
          bad = true
          continue
        }
        let slot = k < 2 ? k : (columnIndex[k] >= 0 ? columnIndex[k] + 2 : -1)
        if slot >= 0 { fields[slot] = value }
      }
      if bad { continue }
      switch entry(fields: fields) {
      case let .success(e):
        g.entries.append(e)
        g.lineNumbers.append(lineNumber)
      case let .failure(messages):
        for m in messages.messages { report(lineNumber, m) }
      }
    }
    if !headerSeen { report(max(lineNumber, 1), "no header row (expected zh<TAB>en<TAB>status<TAB>...)") }
    let (errors, warnings) = g.crossRowProblems(path: path)
    for e in errors { report(e.line, e.message) }
    g.warnings = warnings
    if !problems.isEmpty {
      problems.sort { $0.line < $1.line }
      throw GlossaryError.invalid(path: path, problems: problems, more: more)
    }
    return g
  }

  /// Builds one entry from unescaped fields (source, target, then ``columns`` order).
  static func entry(fields f: [String]) -> Result<GlossaryEntry, RowProblems> {
    var messages: [String] = []
    let source = trimmed(f[0])
    let target = trimmed(f[1])
    if source.isEmpty { messages.append("empty source term") }
    if target.isEmpty { messages.append("empty target rendering") }
    if source != f[0] || target != f[1] { messages.append("source or target has leading or trailing spaces") }
    var status = TermStatus.candidate
    if let s = TermStatus(rawValue: f[2]) { status = s } else {
      messages.append(f[2].isEmpty ? "empty status (one of \(TermStatus.allCases.map(\.rawValue).joined(separator: ", ")))"
        : "unknown status \"\(f[2])\" (one of \(TermStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    func date(_ s: String, _ name: String) -> ISODate? {
      if s.isEmpty { return nil }
      guard let d = ISODate(s) else { messages.append("\(name): \"\(s)\" is not a date YYYY-MM-DD"); return nil }
      return d
    }
    let from = date(f[3], "valid_from"), to = date(f[4], "valid_to")
    if let from, let to, to < from { messages.append("valid_to \(to) is before valid_from \(from)") }
    let tags = f[6].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    var score: Double?
    if !f[8].isEmpty {
      if let v = Double(f[8]), v.isFinite { score = v } else { messages.append("score: \"\(f[8])\" is not a number") }
    }
    var occurrences: Int?
    if !f[9].isEmpty {
      if let v = Int(f[9]), v >= 0 { occurrences = v } else { messages.append("occurrences: \"\(f[9])\" is not a count") }
    }
    let seenIn = f[10].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    var examples: [TermExample] = []
    for line in f[11].split(separator: "\n") where !line.isEmpty {
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
      if parts.count == 3 {
        examples.append(TermExample(document: String(parts[0]), source: String(parts[1]), target: String(parts[2])))
      } else {
        messages.append("examples: each example is document\\tsource sentence\\ttarget sentence, one per \\n")
        break
      }
    }
    let reviewed = date(f[13], "reviewed")
    if !messages.isEmpty { return .failure(RowProblems(messages: messages)) }
    return .success(GlossaryEntry(
      source: source, target: target, status: status, validFrom: from, validTo: to, replacedBy: f[5],
      tags: tags, note: f[7], score: score, occurrences: occurrences, seenIn: seenIn, examples: examples,
      reviewer: f[12], reviewed: reviewed))
  }

  struct RowProblems: Error { var messages: [String] }

  /// The string without surrounding whitespace (copies only when there is some).
  static func trimmed(_ s: String) -> String {
    guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
      first.properties.isWhitespace || last.properties.isWhitespace
    else { return s }
    return s.trimmingCharacters(in: .whitespaces)
  }

  /// Reverses the format's backslash escapes; nil on an unknown escape.
  static func unescape(_ s: Substring) -> String? {
    guard s.utf8.contains(0x5C) else { return String(s) }
    var out = ""
    var it = s.makeIterator()
    while let c = it.next() {
      if c != "\\" { out.append(c); continue }
      switch it.next() {
      case "t": out.append("\t")
      case "n": out.append("\n")
      case "r": out.append("\r")
      case "\\": out.append("\\")
      default: return nil
      }
    }
    return out
  }

  /// Applies the format's backslash escapes to one field.
  public static func escape(_ s: String) -> String {
    guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" || $0 == "\r\n" }) else { return s }
    var out = ""
    for u in s.unicodeScalars {
      switch u {
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\\": out += "\\\\"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }

  /// Unescaped field values of an entry, in file column order.
  public static func fields(of e: GlossaryEntry) -> [String] {
    [
      e.source, e.target, e.status.rawValue, e.validFrom?.description ?? "", e.validTo?.description ?? "",
      e.replacedBy, e.tags.joined(separator: ","), e.note, e.score.map(formatScore) ?? "",
      e.occurrences.map(String.init) ?? "", e.seenIn.joined(separator: ","),
      e.examples.map { "\($0.document)\t\($0.source)\t\($0.target)" }.joined(separator: "\n"),
      e.reviewer, e.reviewed?.description ?? "",
    ]
  }

  static func formatScore(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
    return String(v)
  }

  /// The file text: comments, header, rows in file order, LF line ends.
  public func tsv() -> String {
    var out = ""
    for c in comments { out += c; out += "\n" }
    out += ([sourceLanguage, targetLanguage] + Glossary.columns).joined(separator: "\t")
    out += "\n"
    for e in entries.sorted(by: GlossaryEntry.fileOrder) {
      out += Glossary.fields(of: e).map(Glossary.escape).joined(separator: "\t")
      out += "\n"
    }
    return out
  }
}
