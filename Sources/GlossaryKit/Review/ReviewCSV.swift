/// The review sheet's CSV: GlossaryKit's RFC 4180 codec (the one `glossary
/// export`/`import` use), plus the line each record starts on for
/// `file:line` messages.
enum ReviewCSV {
  struct Record {
    /// 1-based line the record starts on.
    var line: Int
    var fields: [String]
  }

  /// CRLF records, fields quoted only when they hold a comma, a quote, CR or LF.
  static func render(_ rows: [[String]]) -> String {
    rows.map { $0.map(GlossaryExporter.csvField).joined(separator: ",") + "\r\n" }.joined()
  }

  /// Records with their start lines; blank lines are dropped (but counted).
  ///
  /// The shared reader consumes one line end per record and keeps line
  /// breaks inside quoted fields, so a record starts one line after the
  /// previous one plus the line breaks inside its fields.
  static func parse(_ text: String) -> [Record] {
    var out: [Record] = []
    var line = 1
    for fields in GlossaryImporter.csvRecords(text) {
      if !(fields.count == 1 && fields[0].isEmpty) { out.append(Record(line: line, fields: fields)) }
      line += 1
      for f in fields {
        let scalars = Array(f.unicodeScalars)
        for (i, c) in scalars.enumerated() where c == "\n" || (c == "\r" && (i + 1 == scalars.count || scalars[i + 1] != "\n")) {
          line += 1
        }
      }
    }
    return out
  }
}
