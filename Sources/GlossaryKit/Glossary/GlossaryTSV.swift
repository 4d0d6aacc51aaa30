import Foundation

/// The glossary file format: UTF-8 TSV that people edit by hand.
///
/// Format 2 (written):
/// ```
/// # comments
/// languages	zh	en
/// concept	lang	term	status	valid_from	...	reviewer	reviewed
/// c1	*					...	(concept row: subject, definition, note, tags)
/// c1	zh	一带一路	preferred	...
/// c1	en	the Belt and Road Initiative	preferred	2016-01-01	...
/// ```
/// One row per term, grouped by concept (source language first); `lang` `*`
/// with an empty term is the concept row, a language with an empty term that
/// language's description (definition). Comments stay where they stand: above
/// the row that follows them. Backslash escapes (`\t`, `\n`, `\r`, `\\`)
/// inside fields. Format 1 (`zh en status ...`, one row per source -> target
/// pair) is read, each source term becoming a concept, and written as format 2.
extension Glossary {
  /// Most problems listed before loading gives up counting them one by one.
  public static let maxProblems = 50

  /// Column names of format 2, in the order written.
  public static var columns: [String] { GlossaryRow.columns }

  /// Layout of a file: version, languages, and the slot of each field position.
  struct Header {
    var version: Int
    var languages: [String]
    var slots: [Int]
  }

  /// Parses glossary text (format 1 or 2). Every broken row is reported as `path:line: ...`;
  /// nothing is dropped silently.
  /// - Throws: `GlossaryError.invalid` listing every problem (up to ``maxProblems``).
  public static func parse(_ text: String, path: String) throws -> Glossary {
    var text = text
    return try text.withUTF8 { try parse(bytes: $0, path: path) }
  }

  /// Parses the bytes of a glossary file with ``GlossaryReader`` (BOM, line ends, UTF-8 and NFC included).
  static func parse(bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> Glossary {
    var problems = GlossaryReader.Problems(path: path)
    var sink = GlossaryAssemblySink()
    let header = GlossaryReader.read(bytes, sink: &sink, problems: &problems)
    var g = sink.assembler.finish(comments: sink.top)
    g.trailingComments = sink.pending
    g.formatVersion = header?.version ?? 2
    let (errors, warnings) = g.crossRowProblems(path: path, writing: false)
    for e in errors { problems.report(e.line, e.message) }
    g.warnings = warnings
    if !problems.list.isEmpty {
      throw GlossaryError.invalid(path: path, problems: problems.list.sorted { $0.line < $1.line }, more: problems.more)
    }
    return g
  }

  /// The header row (and the languages row before it, format 2).
  static func parseHeader(_ names: [String], languagesRow: [String]?) -> Result<Header, GlossaryRow.Problems> {
    var messages: [String] = []
    var slots: [Int] = []
    let version: Int
    var languages: [String]
    if let languagesRow {
      version = 2
      languages = languagesRow.filter { !$0.isEmpty }
      if languages.isEmpty { messages.append("languages row: no language codes (languages<TAB>zh<TAB>en)") }
      for name in names {
        let n = name.trimmingCharacters(in: .whitespaces)
        if let i = GlossaryRow.columns.firstIndex(of: n) {
          if slots.contains(i) { messages.append("header: column \(n) appears twice") }
          slots.append(i)
        } else {
          messages.append("header: unknown column \"\(n)\" (known: \(GlossaryRow.columns.joined(separator: ", ")))")
          slots.append(GlossaryRow.Slot.unknown)
        }
      }
      for required in [GlossaryRow.Slot.concept, GlossaryRow.Slot.lang, GlossaryRow.Slot.term] where !slots.contains(required) {
        messages.append("header: no \(GlossaryRow.columns[required]) column")
      }
    } else {
      version = 1
      guard names.count >= 2, names[0] != "concept" else {
        return .failure(.init(messages: [names.first == "concept"
          ? "a format 2 header needs the languages row above it (languages<TAB>zh<TAB>en)"
          : "header row needs at least the two language codes, e.g. zh<TAB>en<TAB>status..."]))
      }
      languages = [names[0], names[1]].map { $0.trimmingCharacters(in: .whitespaces) }
      slots = [GlossaryRow.Slot.source, GlossaryRow.Slot.target]
      for name in names.dropFirst(2) {
        if let i = GlossaryRow.version1Columns.firstIndex(of: name) {
          let slot = GlossaryRow.columns.firstIndex(of: GlossaryRow.version1Columns[i])!
          if slots.contains(slot) { messages.append("header: column \(name) appears twice") }
          slots.append(slot)
        } else {
          messages.append("header: unknown column \"\(name)\" (known: \(GlossaryRow.version1Columns.joined(separator: ", ")))")
          slots.append(GlossaryRow.Slot.unknown)
        }
      }
    }
    var seen = Set<String>()
    for lang in languages {
      if (try? Language(lang)) == nil {
        messages.append(version == 1
          ? "header: \"\(lang)\" is not a language code (the first two header names are the languages)"
          : "languages row: \"\(lang)\" is not a language code")
      }
      if !seen.insert(languageKey(lang)).inserted { messages.append("languages row: \(lang) appears twice") }
    }
    if !messages.isEmpty { return .failure(.init(messages: messages)) }
    return .success(Header(version: version, languages: languages, slots: slots))
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

  /// Applies the format's backslash escapes to one field (`\t`, `\n`, `\r`, `\\`).
  public static func escape(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return s }
    var out: [UInt8] = []
    appendEscaped(s, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// The file text (format 2): comments, languages row, header, concepts in file order, LF line ends.
  public func tsv() -> String { String(decoding: tsvBytes(), as: UTF8.self) }

  /// ``tsv()`` as UTF-8 bytes, written without going through a String (a million rows).
  public func tsvBytes() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(concepts.count * 160)
    func line(_ s: String) {
      out.append(contentsOf: s.utf8)
      out.append(0x0A)
    }
    func row(_ fields: [String]) {
      for (k, f) in fields.enumerated() {
        if k > 0 { out.append(0x09) }
        Glossary.appendEscaped(f, to: &out)
      }
      out.append(0x0A)
    }
    for c in comments { line(c) }
    row(["languages"] + languages)
    row(GlossaryRow.columns)
    for c in GlossaryFormat.fileOrder(self) {
      for l in c.comments { line(l) }
      for d in c.descriptions {
        for l in d.comments { line(l) }
        row(GlossaryRow.fields(of: d, concept: c.id))
      }
      for t in c.terms {
        for l in t.comments { line(l) }
        row(GlossaryRow.fields(of: t, concept: c.id))
      }
    }
    for c in trailingComments { line(c) }
    return out
  }

  /// Appends one field's UTF-8 with the format's escapes (``escape(_:)``).
  static func appendEscaped(_ s: String, to out: inout [UInt8]) {
    for b in s.utf8 {
      switch b {
      case 0x09: out.append(0x5C); out.append(0x74)
      case 0x0A: out.append(0x5C); out.append(0x6E)
      case 0x0D: out.append(0x5C); out.append(0x72)
      case 0x5C: out.append(0x5C); out.append(0x5C)
      default: out.append(b)
      }
    }
  }

}
