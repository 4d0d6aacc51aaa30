/// How the occurrences of a term split between its renderings, year by year:
/// what `glossary concordance --renderings` shows (一带一路: "One Belt, One Road"
/// until 2015, "the Belt and Road Initiative" after).
public struct RenderingSplit: Sendable, Equatable {
  public struct Rendering: Sendable, Equatable {
    /// The most frequent surface form of the rendering (forms differing only in case, plural or
    /// a leading article count as one, `LookupKeys`).
    public var text: String
    public var occurrences: Int
    public var documents: Int
    public var firstSeen: ISODate
    public var lastSeen: ISODate
    /// Occurrences per year.
    public var perYear: [Int: Int]
  }

  public var query: String
  public var occurrences: Int
  public var documents: Int
  /// Renderings, the earliest first (ties: the most frequent).
  public var renderings: [Rendering]
  /// Occurrences without an aligned rendering, per year.
  public var unaligned: [Int: Int]

  /// Years from the first to the last occurrence.
  public var years: [Int] {
    let all = renderings.flatMap { $0.perYear.keys } + unaligned.keys
    guard let lo = all.min(), let hi = all.max() else { return [] }
    return Array(lo...hi)
  }

  /// Groups occurrences by rendering (the highlighted text opposite the query).
  /// - Parameter language: the language of the renderings (for their lookup keys).
  public init(query: String, occurrences: [ConcordanceOccurrence], language: String, keys: LookupKeys) {
    self.query = query
    self.occurrences = occurrences.count
    documents = Set(occurrences.map { $0.collection + "/" + $0.document }).count
    var groups: [[UInt8]: (surfaces: [String: Int], occurrences: [ConcordanceOccurrence])] = [:]
    var order: [[UInt8]] = []
    var unaligned: [Int: Int] = [:]
    for o in occurrences {
      guard let r = o.rendering else { unaligned[o.date.year, default: 0] += 1; continue }
      let k = keys.key(r, language: language)
      if groups[k] == nil { order.append(k); groups[k] = ([:], []) }
      groups[k]!.surfaces[r, default: 0] += 1
      groups[k]!.occurrences.append(o)
    }
    self.unaligned = unaligned
    renderings = order.map { k in
      let g = groups[k]!
      let text = g.surfaces.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
      var perYear: [Int: Int] = [:]
      for o in g.occurrences { perYear[o.date.year, default: 0] += 1 }
      return Rendering(
        text: text, occurrences: g.occurrences.count, documents: Set(g.occurrences.map { $0.collection + "/" + $0.document }).count,
        firstSeen: g.occurrences.map(\.date).min()!, lastSeen: g.occurrences.map(\.date).max()!, perYear: perYear)
    }
    renderings.sort { ($0.firstSeen, -$0.occurrences, $0.text) < ($1.firstSeen, -$1.occurrences, $1.text) }
  }
}
