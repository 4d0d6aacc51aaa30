/// How one concept has been rendered over time, from the evidence that
/// `glossary extract` records per rendering (documents and their dates).
public struct TermHistory: Sendable, Equatable {
  /// One rendering's timeline.
  public struct Timeline: Sendable, Equatable {
    public var target: String
    public var status: TermStatus
    public var validFrom: ISODate?
    public var validTo: ISODate?
    public var replacedBy: String
    /// Documents per year.
    public var perYear: [Int: Int]
    public var firstSeen: ISODate?
    public var lastSeen: ISODate?
    /// Document ids in date order.
    public var documents: [String]
    public var examples: [TermExample]
  }

  /// One rendering giving way to another.
  public struct Switch: Sendable, Equatable {
    public var from: String
    public var to: String
    /// Last document with the old rendering before the switch, first with the new one.
    public var lastOld: ISODate
    public var firstNew: ISODate
    /// The evidence around the switch: the last old and the first new example.
    public var before: TermExample?
    public var after: TermExample?
  }

  public var source: String
  public var timelines: [Timeline]
  public var switches: [Switch]

  /// Years with evidence, first to last (empty when nothing was seen).
  public var years: [Int] {
    let all = timelines.flatMap { $0.perYear.keys }
    guard let lo = all.min(), let hi = all.max() else { return [] }
    return Array(lo...hi)
  }

  /// Builds the history of a concept from its rows.
  /// - Parameters:
  ///   - entries: the concept's rows (one source term); rejected rows are left out.
  public init(source: String, entries: [GlossaryEntry]) {
    self.source = source
    timelines = entries.filter { $0.status != .rejected }.map { e in
      let docs = Array(Set(e.seenIn)).sorted { ($0.prefix(10), $0) < ($1.prefix(10), $1) }
      return Timeline(
        target: e.target, status: e.status, validFrom: e.validFrom, validTo: e.validTo, replacedBy: e.replacedBy,
        perYear: e.documentsPerYear, firstSeen: e.firstSeen, lastSeen: e.lastSeen, documents: docs,
        examples: e.examples.sorted { ($0.document.prefix(10), $0.document) < ($1.document.prefix(10), $1.document) })
    }
    // Seen renderings first, by first sighting; then the rest by status.
    timelines.sort { a, b in
      switch (a.firstSeen, b.firstSeen) {
      case let (x?, y?): return (x, a.target) < (y, b.target)
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return (a.status, a.target) < (b.status, b.target)
      }
    }
    switches = TermHistory.detectSwitches(timelines)
  }

  /// A switch: the rendering used most in a year changes from A to B, B stays
  /// the most used in every later year with evidence, A is rare after the
  /// change and B was rare before it.
  static func detectSwitches(_ timelines: [Timeline]) -> [Switch] {
    let seen = timelines.filter { !$0.perYear.isEmpty }
    guard seen.count >= 2 else { return [] }
    let years = Set(seen.flatMap { $0.perYear.keys }).sorted()
    // Dominant rendering per year (ties: the one seen first).
    let dominant: [Int] = years.map { y in
      seen.indices.max { a, b in (seen[a].perYear[y] ?? 0, -a) < (seen[b].perYear[y] ?? 0, -b) }!
    }
    var switches: [Switch] = []
    for i in 1..<years.count where dominant[i] != dominant[i - 1] {
      let old = seen[dominant[i - 1]], new = seen[dominant[i]]
      // The new rendering must keep the lead from here on.
      guard dominant[i...].allSatisfy({ $0 == dominant[i] }) else { continue }
      let oldAfter = years[i...].reduce(0) { $0 + (old.perYear[$1] ?? 0) }
      let newAfter = years[i...].reduce(0) { $0 + (new.perYear[$1] ?? 0) }
      // ... and must be new: rare while the old one led.
      let oldBefore = years[..<i].reduce(0) { $0 + (old.perYear[$1] ?? 0) }
      let newBefore = years[..<i].reduce(0) { $0 + (new.perYear[$1] ?? 0) }
      guard oldAfter * 4 <= newAfter, newBefore * 4 <= oldBefore, let lastOld = old.lastSeen, let firstNew = new.firstSeen
      else { continue }
      switches.append(Switch(
        from: old.target, to: new.target, lastOld: lastOld, firstNew: firstNew,
        before: old.examples.last, after: new.examples.first))
    }
    return switches
  }
}

extension Glossary {
  /// The rows of the concept a query names: its source term (match keys:
  /// Traditional/Simplified, width and case do not matter), or one of its renderings.
  public func concept(matching query: String, keys: LookupKeys) -> (source: String, entries: [GlossaryEntry])? {
    let sourceKey = keys.key(query, language: sourceLanguage)
    let targetKey = keys.key(query, language: targetLanguage)
    var bySource: (String, [GlossaryEntry])? = nil
    var byTarget: String? = nil
    for e in entries {
      if bySource == nil, keys.key(e.source, language: sourceLanguage) == sourceKey { bySource = (e.source, []) }
      if byTarget == nil, keys.key(e.target, language: targetLanguage) == targetKey { byTarget = e.source }
    }
    guard let source = bySource?.0 ?? byTarget else { return nil }
    let sk = keys.key(source, language: sourceLanguage)
    return (source, entries.filter { keys.key($0.source, language: sourceLanguage) == sk })
  }
}
