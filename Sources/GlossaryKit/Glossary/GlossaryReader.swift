/// Receives what ``GlossaryReader`` reads, in file order.
protocol GlossaryRowSink {
  /// The languages row and header row (format 2) or the header row (format 1).
  mutating func header(_ header: Glossary.Header)
  /// A comment line (with its `#`), before or after the header.
  mutating func comment(_ text: String, line: Int, afterHeader: Bool)
  /// A row, checked on its own, with its 1-based line and its byte range in the file (without the line end).
  mutating func row(_ row: GlossaryRow, line: Int, bytes: Range<Int>)
}

/// THE reader of glossary files, for every command and for the lookup index:
/// the same rows from the same bytes. A UTF-8 BOM is skipped; LF, CRLF and a
/// lone CR end a line; each line is UTF-8 (an invalid sequence or a NUL byte
/// is a problem of that line), put in NFC (lines of ASCII and CJK ideographs
/// only, which NFC leaves alone, skip ICU); comments are lines starting with
/// `#`; fields are split on tabs and unescaped. Every broken line is reported;
/// nothing is dropped silently.
enum GlossaryReader {
  struct Problems {
    var list: [GlossaryProblem] = []
    var more = 0
    let path: String

    mutating func report(_ line: Int, _ message: String) {
      if list.count < Glossary.maxProblems { list.append(GlossaryProblem(path: path, line: line, message: message)) } else { more += 1 }
    }
  }

  /// Reads `bytes` (a whole file) into `sink`; problems go to `problems`.
  static func read<S: GlossaryRowSink>(_ bytes: UnsafeBufferPointer<UInt8>, sink: inout S, problems: inout Problems) -> Glossary.Header? {
    let (header, next, line) = readHeader(bytes, sink: &sink, problems: &problems)
    if let header { readRows(bytes, from: next, to: bytes.count, firstLine: line, header: header, sink: &sink, problems: &problems) }
    return header
  }

  /// The end of the line starting at `start` (before LF, CR LF or CR) and the start of the next one.
  @inline(__always)
  static func line(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, next: Int) {
    var end = start
    let n = bytes.count
    while end < n && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
    return (end, end < n && bytes[end] == 0x0D && end + 1 < n && bytes[end + 1] == 0x0A ? end + 2 : end + 1)
  }

  /// Reads the comments, the languages row and the header row.
  /// - Returns: the header (nil when broken or missing: reported), the offset and line number of the next line.
  static func readHeader<S: GlossaryRowSink>(
    _ bytes: UnsafeBufferPointer<UInt8>, sink: inout S, problems: inout Problems
  ) -> (header: Glossary.Header?, next: Int, line: Int) {
    var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    var lineNumber = 0
    var languagesRow: [String]?
    while start < bytes.count {
      lineNumber += 1
      let (end, next) = line(in: bytes, from: start)
      defer { start = next }
      guard let text = decodeLine(UnsafeBufferPointer(rebasing: bytes[start..<end]), line: lineNumber, problems: &problems) else { continue }
      if text.utf8.first == 0x23 {
        sink.comment(text, line: lineNumber, afterHeader: false)
        continue
      }
      if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
        if !text.isEmpty { problems.report(lineNumber, "blank row with spaces or tabs") }
        continue
      }
      let raw = text.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { String(Substring($0)) }
      if languagesRow == nil && raw.first == "languages" {
        languagesRow = raw.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        continue
      }
      switch Glossary.parseHeader(raw, languagesRow: languagesRow) {
      case let .success(parsed):
        sink.header(parsed)
        return (parsed, next, lineNumber + 1)
      case let .failure(p):
        for m in p.messages { problems.report(lineNumber, m) }
        return (nil, next, lineNumber + 1)
      }
    }
    problems.report(max(lineNumber, 1), "no header row (expected languages<TAB>zh<TAB>en, then concept<TAB>lang<TAB>term<TAB>status...)")
    return (nil, start, lineNumber + 1)
  }

  /// Reads the rows (and comments) of `bytes[from..<to]`, whose first line is line `firstLine` of the file.
  static func readRows<S: GlossaryRowSink>(
    _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, firstLine: Int, header h: Glossary.Header, sink: inout S,
    problems: inout Problems
  ) {
    var start = from
    var lineNumber = firstLine - 1
    var fields = [String](repeating: "", count: GlossaryRow.Slot.count)
    while start < to {
      lineNumber += 1
      let (end, next) = line(in: bytes, from: start)
      defer { start = next }
      let range = start..<end
      guard let text = decodeLine(UnsafeBufferPointer(rebasing: bytes[range]), line: lineNumber, problems: &problems) else { continue }
      if text.utf8.first == 0x23 {
        sink.comment(text, line: lineNumber, afterHeader: true)
        continue
      }
      if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
        if !text.isEmpty { problems.report(lineNumber, "blank row with spaces or tabs") }
        continue
      }
      let raw = text.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
      if let row = row(raw, slots: h.slots, version: h.version, line: lineNumber, fields: &fields, problems: &problems) {
        sink.row(row, line: lineNumber, bytes: range)
      }
    }
  }

  /// One row from its tab-separated cells: unescaped, by slot, checked on its own (nil: reported).
  static func row(
    _ raw: [Substring], slots: [Int], version: Int, line: Int, fields: inout [String], problems: inout Problems
  ) -> GlossaryRow? {
    guard raw.count == slots.count else {
      problems.report(line, "\(raw.count) fields, expected \(slots.count) (fields are separated by one TAB; write a TAB inside a field as \\t)")
      return nil
    }
    for k in fields.indices { fields[k] = "" }
    var bad = false
    for (k, cell) in raw.enumerated() {
      guard let value = Glossary.unescape(cell) else {
        problems.report(line, "field \(k + 1): bad backslash escape (only \\t \\n \\r \\\\ are allowed)")
        bad = true
        continue
      }
      if slots[k] >= 0 { fields[slots[k]] = value }
    }
    if bad { return nil }
    switch GlossaryRow.parse(fields, version: version, line: line) {
    case let .success(row): return row
    case let .failure(p):
      for m in p.messages { problems.report(line, m) }
      return nil
    }
  }

  /// A line as NFC text, or nil (reported) for invalid UTF-8 or a NUL byte.
  static func decodeLine(_ b: UnsafeBufferPointer<UInt8>, line: Int, problems: inout Problems) -> String? {
    var plain = true
    var i = 0
    while i < b.count {
      let x = b[i]
      if x == 0 {
        problems.report(line, "column \(column(of: i, in: b)): NUL byte (a binary file?)")
        return nil
      }
      if x < 0x80 {
        i += 1
      } else if (x == 0xE3 && i + 1 < b.count && b[i + 1] >= 0x90) || (x >= 0xE4 && x <= 0xE9) {
        i += 3
      } else {
        plain = false
        break
      }
    }
    guard let text = String(validating: b, as: UTF8.self) else {
      problems.report(line, "column \(column(of: firstInvalidByte(b), in: b)): invalid UTF-8")
      return nil
    }
    if plain { return text }
    if b.contains(0) {
      problems.report(line, "column \(column(of: b.firstIndex(of: 0)!, in: b)): NUL byte (a binary file?)")
      return nil
    }
    return (try? Normalization.nfc(text)) ?? text
  }

  /// Offset of the first invalid UTF-8 sequence.
  static func firstInvalidByte(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var it = b.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &it) {
      case .valid(let s): offset += s.count
      case .emptyInput, .error: return offset
      }
    }
  }

  /// 1-based column (in scalars) of byte `i` of a line.
  static func column(of i: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
    b[..<i].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }
}

/// The full reader's sink: concepts (``ConceptAssembler``) and comments where they stand.
struct GlossaryAssemblySink: GlossaryRowSink {
  var assembler = ConceptAssembler()
  var top: [String] = []
  var pending: [String] = []
  var version = 2

  mutating func header(_ header: Glossary.Header) {
    assembler.languages = header.languages
    version = header.version
  }

  mutating func comment(_ text: String, line: Int, afterHeader: Bool) {
    if afterHeader { pending.append(text) } else { top.append(text) }
  }

  mutating func row(_ row: GlossaryRow, line: Int, bytes: Range<Int>) {
    assembler.add(row, comments: pending, line: line)
    pending = []
  }
}
