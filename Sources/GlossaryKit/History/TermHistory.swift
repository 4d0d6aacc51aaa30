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

  /// A switch from A to B: B first appears after A did, and from B's first
  /// sighting on, A appears in at most a quarter as many documents as B (A
  /// gave way), while before it A was in use. For each A one B is reported:
  /// the most official (preferred before admitted ...), then the most used;
  /// renderings that only coexist are no switch.
  static func detectSwitches(_ timelines: [Timeline]) -> [Switch] {
    let seen = timelines.filter { $0.firstSeen != nil }
    var switches: [Switch] = []
    for old in seen {
      guard let oldFirst = old.firstSeen, let oldLast = old.lastSeen else { continue }
      var best: (Timeline, Int)? = nil
      for new in seen where new.target != old.target {
        guard let newFirst = new.firstSeen, oldFirst < newFirst else { continue }
        let newAfter = new.documents.filter { ISODate($0.prefix(10)).map { $0 >= newFirst } ?? false }.count
        let oldAfter = old.documents.filter { ISODate($0.prefix(10)).map { $0 >= newFirst } ?? false }.count
        let oldBefore = old.documents.count - oldAfter
        guard oldBefore >= 1, newAfter >= 2, oldAfter * 4 <= newAfter else { continue }
        // The official rendering first (preferred over admitted ...), then the most used.
        if best == nil || (new.status, -newAfter) < (best!.0.status, -best!.1) { best = (new, newAfter) }
      }
      guard let (new, _) = best, let firstNew = new.firstSeen else { continue }
      let lastOld = old.documents.compactMap { ISODate($0.prefix(10)) }.filter { $0 < firstNew }.max() ?? oldLast
      switches.append(Switch(
        from: old.target, to: new.target, lastOld: lastOld, firstNew: firstNew,
        before: old.examples.last { ISODate($0.document.prefix(10)).map { $0 <= lastOld } ?? false },
        after: new.examples.first))
    }
    return switches.sorted { $0.firstNew < $1.firstNew }
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
