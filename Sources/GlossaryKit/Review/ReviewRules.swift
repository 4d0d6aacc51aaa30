import Foundation

/// One row change made by a decision: `before` nil for an added row.
struct ReviewChange {
  var before: GlossaryEntry?
  var after: GlossaryEntry?
}

/// The terminology rules of review decisions, on plain rows (shared by the
/// session and the sheet). See ``ReviewAction`` for the rules.
enum ReviewRules {
  struct Result {
    var outcome: ReviewOutcome
    var changes: [ReviewChange]
    /// The decision chose the concept's preferred rendering.
    var closes: Bool
  }

  /// Applies `action` to the candidate `source -> target` (for `.pick`, `target` is the picked candidate).
  static func apply(
    _ action: ReviewAction, source: String, target: String, to entries: inout [GlossaryEntry], reviewer: String,
    date: ISODate
  ) throws -> Result {
    var changes: [ReviewChange] = []
    var closes = false
    func set(_ i: Int, _ body: (inout GlossaryEntry) -> Void) {
      let before = entries[i]
      body(&entries[i])
      changes.append(ReviewChange(before: before, after: entries[i]))
    }
    func stampRow(_ e: inout GlossaryEntry, _ status: TermStatus) {
      e.status = status
      e.reviewer = reviewer
      e.reviewed = date
    }
    func candidateIndex(_ t: String) throws -> Int {
      guard let i = entries.firstIndex(where: { $0.source == source && $0.target == t && $0.status == .candidate }) else {
        throw ReviewError.refused("\(source) -> \(t) is not a candidate (any more)")
      }
      return i
    }
    func checkNoPreferred() throws {
      let open = GlossaryEntry(source: source, target: "", status: .preferred)
      if let p = entries.first(where: { $0.source == source && $0.status == .preferred && $0.overlaps(open) }) {
        throw ReviewError.refused(
          "\(source) already has the preferred rendering \"\(p.target)\": add this one as a variant (v) or deprecate it (d)")
      }
    }
    func choose(_ i: Int) throws {
      try checkNoPreferred()
      set(i) { stampRow(&$0, .preferred) }
      for j in entries.indices where j != i && entries[j].source == source && entries[j].status == .candidate {
        set(j) { stampRow(&$0, .rejected) }
      }
      closes = true
    }
    let outcome: ReviewOutcome
    switch action {
    case .accept, .pick:
      try choose(try candidateIndex(target))
      outcome = .accepted
    case .edit(let raw):
      let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !text.isEmpty else { throw ReviewError.refused("the rendering is empty") }
      let i = try candidateIndex(target)
      if text == target {
        try choose(i)
        outcome = .accepted
      } else if let k = entries.firstIndex(where: { $0.source == source && $0.target == text && $0.status == .candidate }) {
        try choose(k)
        outcome = .edited
      } else {
        if let e = entries.first(where: { $0.source == source && $0.target == text }) {
          throw ReviewError.refused("\(source) -> \(text) is already in the glossary (\(e.status.rawValue))")
        }
        try checkNoPreferred()
        var row = GlossaryEntry(source: source, target: text, status: .preferred, tags: entries[i].tags)
        row.reviewer = reviewer
        row.reviewed = date
        entries.append(row)
        changes.append(ReviewChange(before: nil, after: row))
        for j in entries.indices where entries[j].source == source && entries[j].status == .candidate {
          set(j) { stampRow(&$0, .rejected) }
        }
        closes = true
        outcome = .edited
      }
    case .variant:
      set(try candidateIndex(target)) { stampRow(&$0, .admitted) }
      outcome = .variant
    case .deprecate(let raw):
      var replacement = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if replacement.isEmpty {
        replacement = entries.first { $0.source == source && $0.status == .preferred && $0.isValid(on: date) }?.target ?? ""
      }
      guard !replacement.isEmpty else {
        throw ReviewError.refused("\(source) has no preferred rendering yet: give the rendering that replaces \"\(target)\"")
      }
      set(try candidateIndex(target)) {
        stampRow(&$0, .deprecated)
        $0.replacedBy = replacement
      }
      outcome = .deprecated
    case .reject:
      set(try candidateIndex(target)) { stampRow(&$0, .rejected) }
      outcome = .rejected
    case .note(let text):
      set(try candidateIndex(target)) { $0.note = text.trimmingCharacters(in: .whitespacesAndNewlines) }
      outcome = .noted
    case .skip:
      outcome = .skipped
    }
    return Result(outcome: outcome, changes: changes, closes: closes)
  }
}
