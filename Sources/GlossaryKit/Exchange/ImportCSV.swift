/// RFC 4180 CSV: the one reader for imports and review sheets.
enum CSVReader {
  struct Record {
    /// 1-based line the record starts on.
    var line: Int
    var fields: [String]
  }

  /// Records with their start lines (a leading BOM skipped; CRLF, LF or CR line ends; quoted fields may
  /// hold commas, quotes and line breaks); blank lines are dropped. Works on UTF-8 bytes: the separators
  /// are ASCII.
  /// - Throws: `GlossaryError.importFailed` for a quote that is never closed (naming the line it opened on).
  static func records(_ text: String, path: String) throws -> [Record] {
    var text = text
    return try text.withUTF8 { try records(bytes: $0, path: path) }
  }

  static func records(bytes b: UnsafeBufferPointer<UInt8>, path: String) throws -> [Record] {
    var out: [Record] = []
    var record: [String] = []
    var field: [UInt8] = []
    var i = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    var line = 1, start = 1
    let n = b.count
    func endField() {
      record.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
    }
    func endRecord() {
      endField()
      if !(record.count == 1 && record[0].isEmpty) { out.append(Record(line: start, fields: record)) }
      record = []
    }
    while i < n {
      let c = b[i]
      if c == 0x22 && field.isEmpty {
        // A quoted field: up to the quote not doubled.
        let opened = line
        i += 1
        var closed = false
        while i < n {
          let q = b[i]
          if q == 0x22 {
            if i + 1 < n && b[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
            closed = true
            i += 1
            break
          }
          if q == 0x0A || (q == 0x0D && !(i + 1 < n && b[i + 1] == 0x0A)) { line += 1 }
          field.append(q)
          i += 1
        }
        if !closed {
          throw GlossaryError.importFailed(path: path, line: opened, reason: "a quoted field is never closed (a \" is missing); nothing was imported")
        }
        continue
      }
      switch c {
      case 0x2C:
        endField()
      case 0x0A, 0x0D:
        if c == 0x0D && i + 1 < n && b[i + 1] == 0x0A { i += 1 }
        endRecord()
        line += 1
        start = line
      default:
        field.append(c)
      }
      i += 1
    }
    if !field.isEmpty || !record.isEmpty { endRecord() }
    return out
  }
}

extension GlossaryImporter {
  /// RFC 4180 records, fields only (a quote never closed ends the text).
  public static func csvRecords(_ text: String) -> [[String]] {
    ((try? CSVReader.records(text, path: "")) ?? []).map(\.fields)
  }

  /// CSV with a header: a concept id column (`concept`, `id`, `entry_id`), language-code columns (the
  /// first is the source language, the second the target), and optional status, note, valid_from,
  /// valid_to, replaced_by, tags, pos columns (case and spaces do not matter); other columns are ignored.
  /// Rows of one concept id (or, without ids, one source term) make one concept; a third language column
  /// adds its terms to the row's concept.
  static func csv(_ text: String, path: String, fallback: [String]?) throws -> Glossary {
    let records = try CSVReader.records(text, path: path)
    guard let header = records.first else {
      throw GlossaryError.importFailed(path: path, line: 1, reason: "CSV needs a header row: concept, source language, target language, status, note ...")
    }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_") }
    let known: Set<String> = [
      "status", "note", "comment", "valid_from", "valid_to", "replaced_by", "tags", "pos", "part_of_speech", "concept",
      "concept_id", "id", "entry_id", "source", "target",
    ]
    var languageColumns: [Int] = []
    for (k, n) in names.enumerated() where !known.contains(n) && !n.isEmpty && (try? Language(n)) != nil { languageColumns.append(k) }
    var langs = languageColumns.map { header.fields[$0].trimmingCharacters(in: .whitespaces) }
    if languageColumns.count < 2 {
      // "source,target" or unnamed columns: the first two columns, in the fallback languages.
      langs = try languages(nil, fallback: fallback, path: path)
      languageColumns = [names.firstIndex(of: "source") ?? 0, names.firstIndex(of: "target") ?? 1]
    }
    func column(_ options: String...) -> Int? { options.lazy.compactMap { names.firstIndex(of: $0) }.first }
    let idColumn = column("concept", "concept_id", "id", "entry_id")
    let statusColumn = column("status"), noteColumn = column("note", "comment"), fromColumn = column("valid_from")
    let toColumn = column("valid_to"), replacedColumn = column("replaced_by"), tagsColumn = column("tags")
    let posColumn = column("pos", "part_of_speech")
    var assembler = ConceptAssembler()
    assembler.languages = langs
    for r in records.dropFirst() {
      func value(_ k: Int?) -> String {
        guard let k, k < r.fields.count else { return "" }
        return GlossaryRow.trimmed(r.fields[k])
      }
      let source = value(languageColumns[0]), target = value(languageColumns[1])
      guard !source.isEmpty, !target.isEmpty else {
        throw GlossaryError.importFailed(path: path, line: r.line, reason: "record needs a \(langs[0]) and a \(langs[1]) term")
      }
      var e = GlossaryEntry(source: source, target: target, status: .preferred, conceptID: value(idColumn))
      let status = value(statusColumn)
      if !status.isEmpty {
        guard let s = TermStatus(rawValue: status.lowercased()) else {
          throw GlossaryError.importFailed(path: path, line: r.line, reason: "unknown status \"\(status)\" (one of \(TermStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        e.status = s
      }
      e.note = value(noteColumn)
      if e.note.utf8.contains(0x0D) { e.note = e.note.replacingOccurrences(of: "\r\n", with: "\n") }
      for (k, name) in [(fromColumn, "valid_from"), (toColumn, "valid_to")] where !value(k).isEmpty {
        guard let d = ISODate(value(k)) else {
          throw GlossaryError.importFailed(path: path, line: r.line, reason: "\(name): \"\(value(k))\" is not a date YYYY-MM-DD")
        }
        if name == "valid_from" { e.validFrom = d } else { e.validTo = d }
      }
      e.replacedBy = value(replacedColumn)
      e.tags = GlossaryRow.list(value(tagsColumn))
      var others: [Term] = []
      for (j, k) in languageColumns.enumerated().dropFirst(2) where !value(k).isEmpty {
        others.append(Term(language: langs[j], text: value(k), status: e.status, line: r.line))
      }
      assembler.addPair(e, line: r.line, others: others, partOfSpeech: value(posColumn))
    }
    let g = assembler.finish(comments: [])
    return g
  }
}
