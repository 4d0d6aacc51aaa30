/// RFC 4180 CSV for review sheets (stand-in until GlossaryKit's export CSV
/// codec lands).
///
/// Writing: CRLF record ends, fields quoted only when they hold a comma, a
/// quote, CR or LF. Reading: accepts an optional UTF-8 BOM, CRLF or LF, quoted
/// fields with embedded line breaks, and `""` inside quotes; remembers the
/// line each record starts on for `file:line` messages.
enum ReviewCSV {
  struct Record {
    /// 1-based line the record starts on.
    var line: Int
    var fields: [String]
  }

  static func field(_ s: String) -> String {
    let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || s.hasPrefix(" ") || s.hasSuffix(" ")
    guard needsQuotes else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func render(_ rows: [[String]]) -> String {
    rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  /// Parses CSV text; throws `(line, reason)` for an unterminated quote.
  static func parse(_ text: String) throws(ReviewCSVProblem) -> [Record] {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var records: [Record] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var line = 1
    var recordLine = 1
    var i = 0
    var quoted = false
    var atFieldStart = true
    var quoteLine = 0
    func endField() {
      fields.append(String(field))
      field = String.UnicodeScalarView()
      atFieldStart = true
    }
    func endRecord() {
      endField()
      if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
      fields = []
    }
    while i < scalars.count {
      let c = scalars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < scalars.count, scalars[i + 1] == "\"" {
            field.append("\"")
            i += 2
            continue
          }
          quoted = false
        } else {
          if c == "\n" { line += 1 }
          field.append(c)
        }
        i += 1
        continue
      }
      switch c {
      case "\"" where atFieldStart:
        quoted = true
        quoteLine = line
        atFieldStart = false
      case ",":
        endField()
      case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n":
        break
      case "\n", "\r":
        endRecord()
        line += 1
        recordLine = line
      default:
        field.append(c)
        atFieldStart = false
      }
      i += 1
    }
    if quoted { throw ReviewCSVProblem(line: quoteLine, reason: "quoted field is not closed") }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }
}

struct ReviewCSVProblem: Error {
  var line: Int
  var reason: String
}
