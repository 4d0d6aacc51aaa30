/// RFC 4180 CSV: the one reader for imports and review sheets.
enum CSVReader {
  struct Record {
    /// 1-based line the record starts on.
    var line: Int
    var fields: [String]
  }

  /// Records with their start lines (a leading BOM skipped; CRLF, LF or CR line ends; quoted fields may
  /// hold commas, quotes and line breaks); blank lines are dropped.
  /// - Throws: `GlossaryError.importFailed` for a quote that is never closed (naming the line it opened on).
  static func records(_ text: String, path: String) throws -> [Record] {
    var out: [Record] = []
    var record: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false
    var quoteLine = 0
    var line = 1
    var start = 1
    var scalars = Substring(text).unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
    var it = scalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func endRecord() {
      record.append(String(field))
      field = String.UnicodeScalarView()
      if !(record.count == 1 && record[0].isEmpty) { out.append(Record(line: start, fields: record)) }
      record = []
    }
    while let c = pending ?? it.next() {
      pending = nil
      if quoted {
        if c == "\"" {
          let next = it.next()
          if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
        } else {
          // A line break inside the field: LF, CR LF or CR each count one line.
          if c == "\n" || c == "\r" {
            if c == "\r", let next = it.next() {
              if next == "\n" { field.append(c); field.append(next); line += 1; continue }
              pending = next
            }
            line += 1
          }
          field.append(c)
        }
      } else if c == "\"" && field.isEmpty {
        quoted = true
        quoteLine = line
      } else if c == "," {
        record.append(String(field))
        field = String.UnicodeScalarView()
      } else if c == "\n" || c == "\r" {
        if c == "\r", let next = it.next(), next != "\n" { pending = next }
        endRecord()
        line += 1
        start = line
      } else {
        field.append(c)
      }
    }
    if quoted {
      throw GlossaryError.importFailed(path: path, line: quoteLine, reason: "a quoted field is never closed (a \" is missing); nothing was imported")
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
