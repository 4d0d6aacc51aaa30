/// File order of a glossary: concepts by their head term (the best source
/// language term: preferred first, then by code points), then id; inside a
/// concept the concept row, the language rows, then terms by language
/// (the glossary's order, source first), status and text.
enum GlossaryFormat {
  static func fileOrder(_ g: Glossary) -> [Concept] {
    var rank: [String: Int] = [:]
    for (i, l) in g.languages.enumerated() { rank[Glossary.languageKey(l)] = i + 1 }
    func languageRank(_ a: String) -> Int {
      if a == "*" { return 0 }
      if let r = rank[a] { return r }
      return rank[Glossary.languageKey(a)] ?? Int.max
    }
    func languageOrder(_ a: String, _ b: String) -> Bool {
      let ra = languageRank(a), rb = languageRank(b)
      return ra != rb ? ra < rb : a < b
    }
    func termOrder(_ a: Term, _ b: Term) -> Bool {
      if !Glossary.sameLanguage(a.language, b.language) { return languageOrder(a.language, b.language) }
      return Term.statusOrder(a, b)
    }
    // Each concept's rows, sorted only when they are not (the usual case after a read).
    var concepts = g.concepts
    var keys: [String] = []
    keys.reserveCapacity(concepts.count)
    for i in concepts.indices {
      if concepts[i].descriptions.count > 1,
        !zip(concepts[i].descriptions, concepts[i].descriptions.dropFirst()).allSatisfy({ !languageOrder($1.language, $0.language) })
      {
        concepts[i].descriptions.sort { languageOrder($0.language, $1.language) }
      }
      if concepts[i].terms.count > 1, !zip(concepts[i].terms, concepts[i].terms.dropFirst()).allSatisfy({ !termOrder($1, $0) }) {
        concepts[i].terms.sort(by: termOrder)
      }
      let terms = concepts[i].terms
      keys.append((terms.first { Glossary.sameLanguage($0.language, g.sourceLanguage) } ?? terms.first)?.text ?? "")
    }
    // Concepts by head term, then id: an index sort on UTF-8 bytes (their order is code point order), the first
    // eight bytes compared as one number.
    let prefixes = keys.map { key -> UInt64 in
      var p: UInt64 = 0
      var n = 0
      for b in key.utf8.prefix(8) { p = p << 8 | UInt64(b); n += 1 }
      return p << (8 * UInt64(8 - n))
    }
    func precedes(_ a: Int, _ b: Int) -> Bool {
      if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
      if keys[a] != keys[b] { return keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8) }
      return idOrder(concepts[a].id, concepts[b].id)
    }
    let n = concepts.count
    if n < 2 || (1..<n).allSatisfy({ !precedes($0, $0 - 1) }) { return concepts }
    var order = Array(0..<n)
    order.sort(by: precedes)
    return order.map { concepts[$0] }
  }

  /// `c2` before `c10`: shorter ids first, then code points.
  static func idOrder(_ a: String, _ b: String) -> Bool {
    a.utf8.count != b.utf8.count ? a.utf8.count < b.utf8.count : a < b
  }
}

/// Builds concepts from rows in file order: format 2 rows join the concept of
/// their id (rows of one concept need not be adjacent); format 1 rows join
/// the concept of their source term, ids `c1`, `c2` ... in file order.
/// Comments above a concept's first row belong to the concept, others to
/// the row below them.
struct ConceptAssembler {
  var languages: [String] = []
  private var concepts: [Concept] = []
  private var indexOfID: [String: Int] = [:]
  private var indexOfSource: [String: Int] = [:]
  private var version1 = false

  private mutating func concept(_ id: String, line: Int, comments: [String]) -> (index: Int, isNew: Bool) {
    if let i = indexOfID[id] { return (i, false) }
    concepts.append(Concept(id: id, comments: comments, line: line))
    indexOfID[id] = concepts.count - 1
    return (concepts.count - 1, true)
  }

  mutating func add(_ row: GlossaryRow, comments: [String], line: Int) {
    switch row {
    case .term(let id, var t):
      let (i, isNew) = concept(id, line: line, comments: comments)
      if !isNew { t.comments = comments }
      concepts[i].terms.append(t)
    case .description(let id, var d):
      let (i, isNew) = concept(id, line: line, comments: comments)
      if !isNew { d.comments = comments }
      concepts[i].descriptions.append(d)
    case let .pair(e):
      addPair(e, comments: comments, line: line)
    }
  }

  /// A source -> target pair (format 1 rows, CSV and TSV imports): it joins the concept of its id, else of
  /// its source term; `others` are terms of further languages on the same row.
  mutating func addPair(_ e: GlossaryEntry, comments: [String] = [], line: Int, others: [Term] = [], partOfSpeech: String = "") {
    version1 = true
    let key = e.conceptID.isEmpty ? "\u{0}" + e.source : e.conceptID
    var i = indexOfSource[key] ?? -1
    var own = comments
    if i < 0 {
      var id = e.conceptID
      if id.isEmpty {
        var n = concepts.count + 1
        while indexOfID["c\(n)"] != nil { n += 1 }
        id = "c\(n)"
      }
      i = concept(id, line: line, comments: comments).index
      own = []
      indexOfSource[key] = i
    }
    let source = languages.first ?? ""
    if concepts[i].termIndex(language: source, text: e.source) == nil {
      concepts[i].terms.append(Term(language: source, text: e.source, line: line))
    }
    var t = Term(language: languages.count > 1 ? languages[1] : "", text: e.target, comments: own, line: line)
    Glossary.apply(e, to: &t, conceptTags: [])
    t.partOfSpeech = partOfSpeech
    concepts[i].terms.append(t)
    for o in others where concepts[i].termIndex(language: o.language, text: o.text) == nil { concepts[i].terms.append(o) }
  }

  /// The glossary; format 1 source terms are preferred (the first; the others admitted) when a rendering is
  /// curated, else candidates.
  func finish(comments: [String]) -> Glossary {
    var g = Glossary(languages: languages.isEmpty ? ["zh", "en"] : languages, comments: comments)
    g.setConcepts(finishedConcepts())
    return g
  }

  /// The concepts read, format 1 source statuses settled (see ``finish(comments:)``).
  func finishedConcepts() -> [Concept] {
    var list = concepts
    if version1, let source = languages.first {
      for i in list.indices where list[i].terms.contains(where: { !Glossary.sameLanguage($0.language, source) && $0.status.isCurated }) {
        var first = true
        for k in list[i].terms.indices where Glossary.sameLanguage(list[i].terms[k].language, source) && list[i].terms[k].status == .candidate {
          list[i].terms[k].status = first ? .preferred : .admitted
          first = false
        }
      }
    }
    return list
  }
}
