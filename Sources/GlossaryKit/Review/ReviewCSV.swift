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
  /// - Throws: `ReviewError.badSheet` for a quote that is never closed.
  static func parse(_ text: String, path: String) throws -> [Record] {
    do {
      return try CSVReader.records(text, path: path).map { Record(line: $0.line, fields: $0.fields) }
    } catch let GlossaryError.importFailed(_, line, reason) {
      throw ReviewError.badSheet(path: path, line: line, reason: reason.replacingOccurrences(of: "; nothing was imported", with: ""))
    }
  }
}
