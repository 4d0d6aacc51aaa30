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
  /// First row of each concept, and the row count at the end.
  var conceptStart: [UInt32] = []
  var termText: [UInt8] = []
  /// End of each term's text in `termText`.
  var termEnd: [UInt32] = []
  var termLanguage: [UInt8] = []
  var termConcept: [UInt32] = []

  var conceptCount: Int { conceptStart.count - 1 }
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

  mutating func close() { conceptStart.append(UInt32(rowLine.count)) }

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
    input.close()
    return input
  }

  /// Reads a glossary file's bytes concept by concept.
  /// - Returns: nil when the rows of a concept are not together (then read the whole glossary).
  /// - Throws: `GlossaryError.invalid` with every problem, as the full reader reports them.
  static func stream(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> IndexInput? {
    var sink = StreamSink(path: path)
    var problems = GlossaryReader.Problems(path: path)
    _ = GlossaryReader.read(bytes, sink: &sink, problems: &problems)
    sink.flush()
    if sink.scattered { return nil }
    for p in sink.problems { problems.report(p.line, p.message) }
    if !problems.list.isEmpty {
      throw GlossaryError.invalid(path: path, problems: problems.list.sorted { $0.line < $1.line }, more: problems.more)
    }
    sink.input.close()
    return sink.input
  }

  /// Holds the concept being read; checks and flushes it when the next one starts.
  struct StreamSink: GlossaryRowSink {
    let path: String
    var input = IndexInput()
    var shell = Glossary(languages: ["zh", "en"])
    var key = ""
    var assembler = ConceptAssembler()
    var rows: [(line: Int, bytes: Range<Int>)] = []
    /// Hashes of the concepts already flushed: a key seen again means scattered rows.
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
      }
      assembler.add(row, comments: [], line: line)
      rows.append((line, bytes))
    }

    mutating func flush() {
      guard !rows.isEmpty, !scattered else { return }
      for var c in assembler.finishedConcepts() {
        if input.formatVersion == 1 { c.id = "c\(input.conceptStart.count + 1)" }
        problems += ConceptRules.check(c, in: shell, path: path).errors
        input.append(c, rows: rows, glossary: shell)
      }
      rows.removeAll(keepingCapacity: true)
      assembler = ConceptAssembler()
      assembler.languages = input.languages
    }
  }
}
