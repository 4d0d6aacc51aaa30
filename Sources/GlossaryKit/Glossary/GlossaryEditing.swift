/// Edits that keep a glossary consistent: each refuses duplicates and
/// impossible states (two preferred renderings of one term valid on the same
/// day, a rendering replaced by itself) with a message naming the rows.
extension Glossary {
  /// Adds a row.
  /// - Throws: `GlossaryError.refused` for a duplicate or an impossible state.
  public mutating func add(_ entry: GlossaryEntry, path: String = "glossary") throws {
    if index(source: entry.source, target: entry.target) != nil {
      throw GlossaryError.refused(path: path, reason: "\(entry.source) -> \(entry.target) is already in the glossary (use glossary edit)")
    }
    entries.append(entry)
    lineNumbers = []
    try checkConcept(entry.source, path: path)
  }

  /// Changes the row `source` -> `target` (also its target, via `change`).
  public mutating func edit(source: String, target: String, path: String = "glossary", _ change: (inout GlossaryEntry) throws -> Void) throws {
    guard let i = index(source: source, target: target) else {
      throw GlossaryError.noSuchEntry(path: path, source: source, target: target)
    }
    var e = entries[i]
    try change(&e)
    e.source = source
    if e.target != target, index(source: source, target: e.target) != nil {
      throw GlossaryError.refused(path: path, reason: "\(source) -> \(e.target) is already in the glossary")
    }
    entries[i] = e
    lineNumbers = []
    try checkConcept(source, path: path)
  }

  /// Removes the row `source` -> `target`.
  @discardableResult
  public mutating func remove(source: String, target: String, path: String = "glossary") throws -> GlossaryEntry {
    guard let i = index(source: source, target: target) else {
      throw GlossaryError.noSuchEntry(path: path, source: source, target: target)
    }
    lineNumbers = []
    return entries.remove(at: i)
  }

  /// Retires a rendering: `target` becomes deprecated (or superseded) and
  /// replaced by `replacement`, valid until the day before `since`; the
  /// replacement becomes preferred from `since` (created when missing).
  public mutating func deprecate(
    source: String, target: String, replacement: String, since: ISODate?, superseded: Bool = false,
    path: String = "glossary"
  ) throws {
    guard replacement != target else {
      throw GlossaryError.refused(path: path, reason: "a rendering cannot replace itself (\(target))")
    }
    guard let i = index(source: source, target: target) else {
      throw GlossaryError.noSuchEntry(path: path, source: source, target: target)
    }
    var old = entries[i]
    old.status = superseded ? .superseded : .deprecated
    old.replacedBy = replacement
    if let since {
      let end = since.previousDay
      if let from = old.validFrom, end < from {
        throw GlossaryError.refused(path: path, reason: "\(target) is valid from \(from); it cannot end on \(end)")
      }
      old.validTo = end
    }
    entries[i] = old
    if let j = index(source: source, target: replacement) {
      entries[j].status = .preferred
      if let since { entries[j].validFrom = since }
      if let to = entries[j].validTo, let since, to < since { entries[j].validTo = nil }
      entries[j].replacedBy = ""
    } else {
      entries.append(GlossaryEntry(source: source, target: replacement, status: .preferred, validFrom: since, tags: old.tags))
    }
    lineNumbers = []
    try checkConcept(source, path: path)
  }

  /// Refuses the first cross-row error among the rows of `source`.
  func checkConcept(_ source: String, path: String) throws {
    let rows = Glossary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, entries: entries.filter { $0.source == source })
    for e in rows.entries where !e.replacedBy.isEmpty && e.replacedBy == e.target {
      throw GlossaryError.refused(path: path, reason: "\(e.target) cannot be replaced by itself")
    }
    if let first = rows.crossRowProblems(path: path).errors.first {
      throw GlossaryError.refused(path: path, reason: first.message)
    }
  }
}
