import GlossaryText

/// A side of a sentence pair.
public enum PairSide: String, Sendable, CaseIterable {
  case source, target
}

/// Which pairs a search may return: documents dated in `from...to`, in `collection`.
public struct PairFilter: Sendable, Equatable {
  public var from: ISODate?
  public var to: ISODate?
  public var collection: String?
  /// Only these documents (`YYYY-MM-DD-slug`), when set.
  public var documents: Set<String>?

  public init(from: ISODate? = nil, to: ISODate? = nil, collection: String? = nil, documents: Set<String>? = nil) {
    self.from = from
    self.to = to
    self.collection = collection
    self.documents = documents
  }
}

extension AlignmentStore {
  /// Trigram windows of a key that together cover it (every third, plus the last), as an FTS5
  /// query: `"abc" AND "def" AND "efg"`; nil when the key has fewer than three characters.
  static func trigramQuery(_ key: String) -> String? {
    let chars = Array(key.unicodeScalars)
    guard chars.count >= 3 else { return nil }
    var starts = Array(stride(from: 0, through: chars.count - 3, by: 3))
    if starts.last != chars.count - 3 { starts.append(chars.count - 3) }
    return starts.map { s -> String in
      var t = String.UnicodeScalarView()
      t.append(contentsOf: chars[s..<(s + 3)])
      return "\"" + String(t).replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }.joined(separator: " AND ")
  }

  /// Ids of the pairs whose key on `side` may contain `key` (a superset: callers verify on the
  /// keys), in document date order, then position. Keys of three or more characters go through
  /// the trigram index; shorter ones (which trigrams cannot find) through a scan of the keys.
  public func candidatePairs(containing key: String, side: PairSide, filter: PairFilter = PairFilter()) throws -> [Int64] {
    try candidatePairRows(containing: key, side: side, filter: filter).map(\.id)
  }

  /// ``candidatePairs(containing:side:filter:)`` with each pair's document date and name.
  public func candidatePairRows(
    containing key: String, side: PairSide, filter: PairFilter = PairFilter()
  ) throws -> [(id: Int64, date: String, name: String)] {
    guard !key.isEmpty else { return [] }
    var conditions: [String] = []
    var values: [SQLiteValue] = []
    let column = side == .source ? "source_key" : "target_key"
    var from = "pair_keys k JOIN pairs p ON p.id = k.id JOIN documents d ON d.id = p.document"
    if let q = Self.trigramQuery(key) {
      let index = side == .source ? "source_index" : "target_index"
      from = "\(index) JOIN pairs p ON p.id = \(index).rowid JOIN documents d ON d.id = p.document"
      conditions.append("\(index) MATCH ?")
      values.append(.text(q))
    } else {
      conditions.append("instr(k.\(column), ?) > 0")
      values.append(.text(key))
    }
    if let f = filter.from { conditions.append("d.date >= ?"); values.append(.text(f.description)) }
    if let t = filter.to { conditions.append("d.date <= ?"); values.append(.text(t.description)) }
    if let c = filter.collection {
      conditions.append("(d.collection = ? OR d.collection LIKE ? ESCAPE '\\')")
      values.append(.text(c))
      values.append(.text(c.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
        .replacingOccurrences(of: "_", with: "\\_") + "/%"))
    }
    let sql = "SELECT p.id, d.date, d.name FROM \(from) WHERE \(conditions.joined(separator: " AND ")) ORDER BY d.date, d.name, p.id"
    let s = try db.prepare(sql)
    try s.bind(values)
    var out: [(id: Int64, date: String, name: String)] = []
    while try s.step() {
      let name = s.text(2)
      if let docs = filter.documents, !docs.contains(name) { continue }
      out.append((s.int64(0), s.text(1), name))
    }
    return out
  }

  /// Row ids of the documents whose source key contains any of `keys` as a substring (exact, on
  /// the stored keys): the documents a change of these glossary terms may realign.
  func documents(withSourceKeys keys: [String]) throws -> Set<Int64> {
    var out = Set<Int64>()
    let check = try db.prepare("SELECT p.document, k.source_key FROM pairs p JOIN pair_keys k ON k.id = p.id WHERE p.id = ?")
    for key in Set(keys) where !key.isEmpty {
      for id in try candidatePairs(containing: key, side: .source) {
        try check.bind([.integer(id)])
        if try check.step(), check.text(1).contains(key) { out.insert(check.int64(0)) }
      }
    }
    return out
  }
}
