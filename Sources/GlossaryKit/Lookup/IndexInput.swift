import Foundation

/// What the index builder needs of a glossary file, in flat arrays: the
/// byte range and line of each concept's rows, and each term's text, language
/// and concept. Read straight from the file's bytes by ``GlossaryReader``
/// (every row and every concept checked as the full reader checks them) while
/// holding one concept at a time, so a million-row glossary needs no
/// `Glossary` in memory.
struct IndexInput {
  var languages: [String] = []
  var formatVersion = 2
  var slots: [Int] = []
  var rowOffset: [UInt64] = []
  var rowLength: [UInt32] = []
  var rowLine: [UInt32] = []
  /// First row of each concept (rows of the part).
  var conceptStart: [UInt32] = []
  var termText: [UInt8] = []
  /// End of each term's text in `termText`.
  var termEnd: [UInt32] = []
  var termLanguage: [UInt8] = []
  var termConcept: [UInt32] = []

  var conceptCount: Int { conceptStart.count }
  var termCount: Int { termEnd.count }

  func text(ofTerm t: Int) -> String {
    let start = t == 0 ? 0 : Int(termEnd[t - 1])
    return termText.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<Int(termEnd[t])]), as: UTF8.self) }
  }

  /// Appends a concept's terms and rows (byte ranges with their lines, in file order).
  mutating func append(_ c: Concept, rows: [(line: Int, bytes: Range<Int>)], glossary: Glossary) {
    let index = UInt32(conceptStart.count)
    conceptStart.append(UInt32(rowLine.count))
    for r in rows {
      rowOffset.append(UInt64(r.bytes.lowerBound))
      rowLength.append(UInt32(r.bytes.count))
      rowLine.append(UInt32(r.line))
    }
    for t in c.terms {
      termText += t.text.utf8
      termEnd.append(UInt32(termText.count))
      let lang = glossary.glossaryLanguage(for: t.language).flatMap { l in glossary.languages.firstIndex(of: l) } ?? 0
      termLanguage.append(UInt8(min(lang, 254)))
      termConcept.append(index)
    }
  }

  /// Frees the arrays (written out); languages and format stay.
  mutating func release() {
    rowOffset = []
    rowLength = []
    rowLine = []
    conceptStart = []
    termText = []
    termEnd = []
    termLanguage = []
    termConcept = []
  }

  /// The input of a glossary read whole (its concepts' lines located in `bytes` by ``GlossaryReader``).
  static func of(_ g: Glossary, bytes: UnsafeBufferPointer<UInt8>) -> IndexInput {
    struct Ranges: GlossaryRowSink {
      var byLine: [Int: Range<Int>] = [:]
      var header: Glossary.Header?
      mutating func header(_ h: Glossary.Header) { header = h }
      mutating func comment(_ text: String, line: Int, afterHeader: Bool) {}
      mutating func row(_ row: GlossaryRow, line: Int, bytes: Range<Int>) { byLine[line] = bytes }
    }
    var sink = Ranges()
    var problems = GlossaryReader.Problems(path: "")
    _ = GlossaryReader.read(bytes, sink: &sink, problems: &problems)
    var input = IndexInput()
    input.languages = g.languages
    input.formatVersion = sink.header?.version ?? g.formatVersion
    input.slots = sink.header?.slots ?? []
    for c in g.concepts {
      var lines = Set(c.descriptions.map(\.line.value))
      for t in c.terms { lines.insert(t.line.value) }
      input.append(c, rows: lines.sorted().compactMap { l in sink.byLine[l].map { (l, $0) } }, glossary: g)
    }
    return input
  }

  /// Reads a glossary file's bytes concept by concept, on every core: the rows are cut into chunks of
  /// about 8 MiB at concept boundaries, each read by the file reader on its own (its pages dropped once
  /// read), giving one part per chunk, in file order.
  /// - Returns: nil when the rows of a concept are not together (then read the whole glossary).
  /// - Throws: `GlossaryError.invalid` with every problem, exactly as the full reader reports them.
  /// - Parameter mapped: `bytes` is a read-only file mapping, whose pages may be dropped (never other memory:
  ///   dropping the pages of private memory zeroes them).
  ///   - chunkBytes: about the size of a chunk.
  static func stream(
    _ bytes: UnsafeBufferPointer<UInt8>, path: String, mapped: Bool = false, chunkBytes: Int = 8 << 20, workers: Int? = nil
  ) throws -> [IndexInput]? {
    var headerSink = StreamSink(path: path)
    var problems = GlossaryReader.Problems(path: path)
    let (found, rowsStart, firstLine) = GlossaryReader.readHeader(bytes, sink: &headerSink, problems: &problems)
    guard let header = found, problems.list.isEmpty else { return try whole(bytes, path: path) }
    let cuts = chunks(bytes, from: rowsStart, firstLine: firstLine, count: max(1, (bytes.count - rowsStart) / max(1, chunkBytes)))
    let parts = Parallel.map(cuts.count, workers: workers) { k -> (StreamSink, GlossaryReader.Problems) in
      var sink = StreamSink(path: path)
      sink.header(header)
      var p = GlossaryReader.Problems(path: path)
      GlossaryReader.readRows(bytes, from: cuts[k].from, to: cuts[k].to, firstLine: cuts[k].line, header: header, sink: &sink, problems: &p)
      sink.flush()
      if mapped { dropPages(bytes, cuts[k].from..<cuts[k].to) }
      return (sink, p)
    }
    var seen = Set<UInt64>()
    for (sink, p) in parts {
      if sink.scattered { return nil }
      if !p.list.isEmpty || !sink.problems.isEmpty { return try whole(bytes, path: path) }
      if !seen.isDisjoint(with: sink.seen) { return nil }
      seen.formUnion(sink.seen)
    }
    return parts.map(\.0.input)
  }

  /// Releases the resident pages wholly inside `range` of a read-only file mapping (they stay in the page cache).
  static func dropPages(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    guard let base = bytes.baseAddress else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = (Int(bitPattern: base) + range.lowerBound + page - 1) / page * page
    let end = (Int(bitPattern: base) + range.upperBound) / page * page
    if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED) }
  }

  /// The whole reader's verdict: its problems, or nil (read whole) when it accepts the file.
  private static func whole(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> [IndexInput]? {
    _ = try Glossary.parse(bytes: bytes, path: path)
    return nil
  }

  /// Up to `count` byte ranges of the rows, each starting on a line whose concept key (its first field) differs
  /// from the previous line's, with the file line each starts on.
  static func chunks(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, firstLine: Int, count: Int) -> [(from: Int, to: Int, line: Int)] {
    var cuts: [(from: Int, to: Int, line: Int)] = []
    var start = from, line = firstLine
    func key(_ at: Int) -> UnsafeBufferPointer<UInt8> {
      var e = at
      while e < bytes.count && bytes[e] != 0x09 && bytes[e] != 0x0A && bytes[e] != 0x0D { e += 1 }
      return UnsafeBufferPointer(rebasing: bytes[at..<e])
    }
    for k in 1..<max(1, count) {
      let target = from + (bytes.count - from) * k / count
      guard target > start else { continue }
      // Walk to the line after `target`, counting lines on the way, then on while the key stays the same.
      var p = start, lines = line
      var previous = p
      while p < bytes.count && p <= target {
        previous = p
        p = GlossaryReader.line(in: bytes, from: p).next
        lines += 1
      }
      while p < bytes.count, bytes[p] == 0x23 || key(p).elementsEqual(key(previous)) {
        if bytes[p] != 0x23 { previous = p }  // comments belong to no concept
        p = GlossaryReader.line(in: bytes, from: p).next
        lines += 1
      }
      guard p < bytes.count else { break }
      cuts.append((start, p, line))
      start = p
      line = lines
    }
    cuts.append((start, bytes.count, line))
    return cuts
  }

  /// Holds the concept being read; checks and flushes it when the next one starts.
  struct StreamSink: GlossaryRowSink {
    let path: String
    var input = IndexInput()
    var shell = Glossary(languages: ["zh", "en"])
    var key = ""
    /// The concept being read (format 2), or the pairs of one source term (format 1).
    var current = Concept(id: "")
    var assembler = ConceptAssembler()
    var rows: [(line: Int, bytes: Range<Int>)] = []
    /// Hashes of the concepts read: a key seen again means scattered rows.
    var seen = Set<UInt64>()
    var scattered = false
    var problems: [GlossaryProblem] = []

    init(path: String) { self.path = path }

    mutating func header(_ h: Glossary.Header) {
      input.languages = h.languages
      input.formatVersion = h.version
      input.slots = h.slots
      shell = Glossary(languages: h.languages)
      assembler.languages = h.languages
    }

    mutating func comment(_ text: String, line: Int, afterHeader: Bool) {}

    mutating func row(_ row: GlossaryRow, line: Int, bytes: Range<Int>) {
      let k: String
      switch row {
      case let .term(id, _), let .description(id, _): k = id
      case let .pair(e): k = "\u{0}" + e.source
      }
      if k != key {
        flush()
        key = k
        if !seen.insert(LookupKeys.hash(k)).inserted { scattered = true }
        current = Concept(id: k, line: line)
      }
      switch row {
      case let .term(_, t): current.terms.append(t)
      case let .description(_, d): current.descriptions.append(d)
      case .pair: assembler.add(row, comments: [], line: line)
      }
      rows.append((line, bytes))
    }

    mutating func flush() {
      guard !rows.isEmpty, !scattered else { return }
      let concepts = input.formatVersion == 1 ? assembler.finishedConcepts() : [current]
      for c in concepts {
        problems += ConceptRules.check(c, in: shell, path: path, writing: false).errors
        input.append(c, rows: rows, glossary: shell)
      }
      rows.removeAll(keepingCapacity: true)
      if input.formatVersion == 1 {
        assembler = ConceptAssembler()
        assembler.languages = input.languages
      }
    }
  }
}
